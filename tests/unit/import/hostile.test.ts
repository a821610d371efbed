/**
 * The hostile import corpus (issue 9): tests/fixtures/hostile/ (scripts/make-hostile-fixtures.mjs)
 * plus cases made here — 200 KB of random bytes named .txt, odd file names (a newline, RTL marks,
 * a 240-byte name). Each file is imported through `import-commit` and the CLI: what is not text
 * is refused with its error code (translated in all three UI languages) and the project file is
 * byte-for-byte unchanged; what is text imports right. (Zip bombs, huge XML and deeply nested
 * HTML are the parser-isolation tests' cases.)
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../../electron/core/cli/commands';
import { openCore } from '../../../electron/core/index';
import type { DocumentDetail, DocumentSummary } from '../../../shared/domain';
import type { ErrorCode } from '../../../shared/errors';
import type { ImportCommitResult } from '../../../shared/import';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';
import { zhTW } from '../../../renderer/src/i18n/zh-TW';
import { pizhuError, sha256File, tempDir } from '../core/helpers';

const HOSTILE = resolve(import.meta.dirname, '../../fixtures/hostile');

/** Deterministic pseudo-random bytes (the same "random binary" on every run). */
function randomBytes(n: number, seed = 42): Buffer {
  const b = Buffer.alloc(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

/** The corpus in one folder: the committed files plus the generated ones. */
function corpus(): string {
  const dir = join(tempDir(), 'hostile');
  mkdirSync(dir);
  for (const f of readdirSync(HOSTILE)) copyFileSync(join(HOSTILE, f), join(dir, f));
  writeFileSync(join(dir, 'random-binary.txt'), randomBytes(200 * 1024));
  const text = Buffer.from('扩权强县改革的成效与问题\n');
  writeFileSync(join(dir, 'line\nbreak.txt'), text);
  writeFileSync(join(dir, '\u202eevil\u202dtxt.gpj.txt'), text);
  writeFileSync(join(dir, `${'长'.repeat(78)}.txt`), text); // 78 × 3 bytes + 4 = 238 bytes
  return dir;
}

const REFUSED: Record<string, ErrorCode> = {
  'empty.txt': 'import-empty',
  'whitespace.txt': 'import-empty',
  'random-binary.txt': 'import-not-text',
  'png-named.txt': 'import-not-text',
  'truncated.docx': 'import-unreadable',
  'entity-expansion.docx': 'import-unreadable',
  'external-entity.docx': 'import-unreadable',
  'no-text-layer.pdf': 'import-no-text-layer',
};

const IMPORTED: Record<string, string> = {
  'nul-laden.txt': '扩权强县改革的成效\n存在的问题：财政压力\n政策建议\n',
  'gbk-short.txt': '会议纪要',
  'gbk-mostly-ascii.txt': 'Meeting notes 2023: 问题 and 建议, see attached.\n',
  'utf16le-nobom.txt': '扩权强县改革的成效与问题\nPlain ASCII line.\n',
  'utf16be-nobom.txt': '扩权强县改革的成效与问题\nPlain ASCII line.\n',
  'mixed-utf8-gb18030.txt': '第一行是UTF-8编码的文字\n第二行是GB18030编码的文字\n第三行又是UTF-8\n',
  'gb2312-meta.html': '会议纪要',
  'line\nbreak.txt': '扩权强县改革的成效与问题\n',
  '\u202eevil\u202dtxt.gpj.txt': '扩权强县改革的成效与问题\n',
  [`${'长'.repeat(78)}.txt`]: '扩权强县改革的成效与问题\n',
};

describe('the hostile corpus through import-commit', () => {
  it('refuses what is not text, leaving the project file unchanged, and imports the rest exactly', async () => {
    const dir = corpus();
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    for (const [name, code] of Object.entries(REFUSED)) {
      const before = sha256File(file);
      const core = openCore({ file });
      const err = await pizhuError(() =>
        core.dispatch('import-commit', {
          fileName: name,
          contentBase64: readFileSync(join(dir, name)).toString('base64'),
        }),
      );
      core.close();
      expect(err.code, name).toBe(code);
      expect(sha256File(file), `${name} changed the project`).toBe(before);
      for (const messages of [zhCN, zhTW, en] as Record<string, string>[])
        expect(messages[`error.${code}`], `${code} translated`).toBeTruthy();
    }
    const core = openCore({ file });
    try {
      for (const [name, text] of Object.entries(IMPORTED)) {
        const r = (await core.dispatch('import-commit', {
          fileName: name,
          contentBase64: readFileSync(join(dir, name)).toString('base64'),
          skipDuplicates: false,
        })) as ImportCommitResult;
        const d = (await core.dispatch('documents-get', { id: r.documents[0]!.id })) as DocumentDetail;
        expect(d.text, name).toBe(text.replace(/\n$/, name.endsWith('.html') ? '' : '\n'));
        expect(d.sourceFile ?? '', name).toBe(name);
      }
      const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      expect(docs).toHaveLength(Object.keys(IMPORTED).length);
    } finally {
      core.close();
    }
  });
});

describe('the hostile corpus through the CLI', () => {
  it('one line per file with the reason, exit code 1, refused files add nothing', async () => {
    const dir = corpus();
    const file = join(tempDir(), 'cli.pizhu');
    let stdout = '';
    const io: CliIo = { out: (s) => void (stdout += s), err: (s) => void (stdout += s) };
    expect(await run(['import', '--project', file, '--keep-duplicates', dir], io)).toBe(1);
    for (const [name, code] of Object.entries(REFUSED)) expect(stdout).toContain(`${name}: ${code}:`);
    expect(stdout).toContain(
      `${Object.keys(IMPORTED).length} imported, 0 skipped (duplicates), ${Object.keys(REFUSED).length} failed`,
    );
  });
});
