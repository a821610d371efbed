// The CLI's exchange commands in-process: `export` in every format with its dataset card,
// `merge` of another project twice (nothing duplicated) with --map, `import` of a .qdpx, and
// `--help` on every command.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/core/cli/commands';
import { CLI_MODULES } from '../../../electron/core/cli/registry';
import { COMMAND_USAGE } from '../../../electron/core/cli/args';
import { closeProject, codedProject, REFI_DIR, tempDir } from '../interop/helpers';
import { captureIo } from '../../support/cli-io';

describe('cli exchange commands', () => {
  it('export writes every format and a dataset card beside it', async () => {
    const core = await codedProject();
    closeProject(core);
    const dir = tempDir();
    const cases: [string, string, boolean][] = [
      ['csv', 'd.csv', true],
      ['jsonl', 'd.jsonl', true],
      ['xlsx', 'd.xlsx', true],
      ['qdpx', 'p.qdpx', false],
      ['qdc', 'c.qdc', true],
      ['sentences', 's.csv', true],
      ['sentences', 's.jsonl', true],
      ['parquet', 's.parquet', true],
    ];
    for (const [format, name, card] of cases) {
      const io = captureIo();
      const out = join(dir, name);
      expect(
        await run(['export', '--project', core.file, '--format', format, '--out', out], io),
        io.stderr,
      ).toBe(0);
      expect(existsSync(out)).toBe(true);
      expect(existsSync(out.replace(/\.[a-z]+$/, '.README.md'))).toBe(card);
    }
    expect(readFileSync(join(dir, 's.csv'), 'utf8')).toMatch(
      /^\uFEFFdocument_id,document_title,sentence_index/,
    );
    expect(readFileSync(join(dir, 's.jsonl'), 'utf8')).toMatch(/^\{"document_id"/);
    expect([...readFileSync(join(dir, 'p.qdpx')).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('merge of a project holding the same work adds nothing; --map maps an unmatched code', async () => {
    const mine = await codedProject(join(tempDir(), 'mine.pizhu'));
    const theirs = await codedProject(join(tempDir(), 'theirs.pizhu'));
    await theirs.dispatch('codes-create', { name: '新代码' });
    closeProject(mine);
    closeProject(theirs);
    const io = captureIo();
    expect(
      await run(['merge', '--project', mine.file, '--map', '新代码=建议', theirs.file], io),
      io.stderr,
    ).toBe(0);
    // Same seeds and annotations: everything matches; the new code is mapped.
    expect(io.stdout).toMatch(/documents\s+0 added, 6 already present/);
    expect(io.stdout).toMatch(/codes\s+0 added, 4 matched, 1 mapped/);
    expect(io.stdout).toMatch(/annotations\s+0 added, \d+ already present/);
    const bad = captureIo();
    expect(await run(['merge', '--project', mine.file, '--map', '新代码=没有', theirs.file], bad)).toBe(1);
    expect(bad.stderr).toContain('"没有" is not a code of the project');
    expect(bad.stderr).toContain('Usage: npm run cli -- merge');
  });

  it('import takes a .qdpx into a new project and prints its report', async () => {
    const file = join(tempDir(), 'new.pizhu');
    const io = captureIo();
    expect(await run(['import', '--project', file, join(REFI_DIR, 'nvivo-14.qdpx')], io), io.stderr).toBe(0);
    expect(io.stdout).toContain('2 document(s) added');
    expect(io.stdout).toMatch(/cases-skipped \(1\)/);
    expect(io.stdout).toMatch(/unsupported-source \(1\): report\.pdf/);
  });

  it('--help works on every command and help lists the exit codes', async () => {
    for (const name of [...Object.keys(COMMAND_USAGE), ...CLI_MODULES.map((m) => m.name)]) {
      const io = captureIo();
      expect(await run([name, '--help'], io)).toBe(0);
      expect(io.stdout).toMatch(new RegExp(`^Usage: npm run cli -- ${name} `));
    }
    const io = captureIo();
    expect(await run(['help'], io)).toBe(0);
    expect(io.stdout).toContain('Exit codes:');
    expect(io.stdout).toContain('merge  --project FILE');
  });
});
