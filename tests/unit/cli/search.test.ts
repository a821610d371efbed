// `npm run cli -- search`: argument parsing, KWIC output, exit codes (run in-process on a real
// project file).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from '../../../electron/core/cli/args';
import { run } from '../../../electron/core/cli/commands';
import { cliQuery } from '../../../electron/core/cli/search';
import { openCore } from '../../../electron/core/index';
import { SEEDS_DIR, tempDir } from '../core/helpers';
import { captureIo } from '../../support/cli-io';

function project(): string {
  const file = join(tempDir(), 'p.pizhu');
  openCore({ file, seedsDir: SEEDS_DIR }).close();
  return file;
}

describe('search arguments', () => {
  it('parses project, regex, limit and the query (several words are one query)', () => {
    expect(parseCliArgs(['search', '--project', 'p', '问题'])).toEqual({
      name: 'search',
      project: 'p',
      query: '问题',
      regex: false,
      limit: null,
    });
    expect(parseCliArgs(['search', '--project', 'p', '--regex', '--limit', '5', 'a', 'OR', 'b'])).toEqual({
      name: 'search',
      project: 'p',
      query: 'a OR b',
      regex: true,
      limit: 5,
    });
  });

  it('rejects a missing query, project or a bad limit', () => {
    expect(() => parseCliArgs(['search', '--project', 'p'])).toThrow(UsageError);
    expect(() => parseCliArgs(['search', '问题'])).toThrow(/--project is required/);
    expect(() => parseCliArgs(['search', '--project', 'p', '--limit', '0', 'x'])).toThrow(/--limit/);
    expect(() => parseCliArgs(['search', '--project', 'p', '--limit', 'x', 'x'])).toThrow(/--limit/);
  });

  it('--regex wraps the query and escapes bare slashes', () => {
    expect(cliQuery('a b', true)).toBe('/a b/');
    expect(cliQuery('1/2', true)).toBe('/1\\/2/');
    expect(cliQuery('1\\/2', true)).toBe('/1\\/2/');
    expect(cliQuery('问题', false)).toBe('问题');
  });
});

describe('search command', () => {
  it('prints one tab-separated KWIC line per hit and the total', async () => {
    const file = project();
    const io = captureIo();
    expect(await run(['search', '--project', file, '縣長'], io)).toBe(0);
    const lines = io.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('total: 4');
    expect(lines).toHaveLength(5);
    for (const line of lines.slice(0, -1)) {
      const cols = line.split('\t');
      expect(cols).toHaveLength(5);
      expect(Number.isInteger(Number(cols[1]))).toBe(true);
      expect(['县长', '縣長', '县長', '縣长']).toContain(cols[3]);
      expect(cols[2]!.length).toBeLessThanOrEqual(20);
    }
  });

  it('--limit shows fewer lines but the full total; --regex', async () => {
    const file = project();
    const io = captureIo();
    expect(await run(['search', '--project', file, '--limit', '2', '问题'], io)).toBe(0);
    const lines = io.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/^total: 127 \(showing 2/);
    const re = captureIo();
    expect(await run(['search', '--project', file, '--regex', '第[一二三]篇'], re)).toBe(0);
    expect(re.stdout.trimEnd().split('\n').at(-1)).toBe('total: 3');
  });

  it('0 hits exits 0; a bad query exits 1 with the error code', async () => {
    const file = project();
    const none = captureIo();
    expect(await run(['search', '--project', file, '量子计算机'], none)).toBe(0);
    expect(none.stdout).toBe('total: 0\n');
    const bad = captureIo();
    expect(await run(['search', '--project', file, '--regex', '[问题'], bad)).toBe(1);
    expect(bad.stderr).toMatch(/^search-invalid-regex: /);
    const missing = captureIo();
    expect(await run(['search', '--project', join(tempDir(), 'none.pizhu'), 'x'], missing)).toBe(1);
    expect(missing.stderr).toMatch(/project-open-failed/);
  });
});
