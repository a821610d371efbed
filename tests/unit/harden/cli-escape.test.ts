/**
 * Issue 12, finding 9: untrusted names (file names with newlines or ESC sequences, titles, code
 * names) reach the terminal escaped, so they cannot forge output lines or drive the terminal.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/core/cli/commands';
import { terminalSafe } from '../../../electron/core/cli/escape';
import { tempDir } from '../core/helpers';
import { captureIo } from '../../support/cli-io';

// eslint-disable-next-line no-control-regex -- looking for raw control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/u;

describe('CLI output escapes untrusted names', () => {
  it('import prints hostile file names and titles escaped, one line per file', async () => {
    const dir = join(tempDir(), 'in');
    mkdirSync(dir);
    const evil = 'evil\nimported  fake.txt\u001b[2J\u202etxt.exe.txt';
    writeFileSync(join(dir, evil), '\u001b]0;pwned\u0007标题\n正文');
    writeFileSync(join(dir, 'broken\u001b[31m.docx'), 'not a zip');
    const io = captureIo();
    const project = join(tempDir(), 'p.pizhu');
    expect(await run(['import', '--project', project, dir], io)).toBe(1);
    const lines = io.stdout.trimEnd().split('\n');
    expect(lines.some((l) => RAW_CONTROL.test(l))).toBe(false);
    expect(lines.filter((l) => l.startsWith('imported'))).toHaveLength(1);
    expect(io.stdout).toContain('evil\\nimported  fake.txt\\u{1b}[2J\\u{202e}txt.exe.txt');
    expect(io.stdout).toContain('broken\\u{1b}[31m.docx');

    const info = captureIo();
    expect(await run(['info', '--project', project], info)).toBe(0);
    expect(RAW_CONTROL.test(info.stdout)).toBe(false);
    // Import strips C0 controls from the text (issue 9, a recorded cleaning step), so the title
    // arrives without the ESC/BEL; whatever reaches `info` is escaped regardless (terminalSafe).
    expect(info.stdout).toContain('1. ]0;pwned标题');
  });

  it('leaves ordinary text, CJK and astral characters alone', () => {
    expect(terminalSafe('问题 › 财政压力 𠀋𪚥 (1)')).toBe('问题 › 财政压力 𠀋𪚥 (1)');
  });
});
