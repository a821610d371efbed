/**
 * `cli import`: argument parsing, and running it in-process on folders of fixtures — one line per
 * file, the project created when missing, duplicates skipped, failures reported with exit code 1.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../../electron/core/cli/args';
import { run } from '../../../electron/core/cli/commands';
import { openCore } from '../../../electron/core/index';
import type { DocumentDetail, DocumentSummary } from '../../../shared/domain';
import { tempDir } from '../core/helpers';
import { FIXTURES, lf, seedPath, seedText } from './helpers';
import { captureIo } from '../../support/cli-io';

describe('import arguments', () => {
  it('parses options and paths', () => {
    expect(
      parseCliArgs([
        'import',
        '--project',
        'p.pizhu',
        '--encoding',
        'utf-16',
        '--clean',
        'pinyin,boilerplate',
        'a.txt',
        'dir',
      ]),
    ).toEqual({
      name: 'import',
      project: 'p.pizhu',
      encoding: 'utf-16le',
      clean: ['pinyin', 'boilerplate'],
      patterns: [],
      keepDuplicates: false,
      paths: ['a.txt', 'dir'],
    });
    expect(
      parseCliArgs(['import', '--project', 'p', '--pattern', '^x$', '--pattern', 'y', 'f']),
    ).toMatchObject({
      patterns: ['^x$', 'y'],
    });
  });

  it('rejects bad usage', () => {
    expect(() => parseCliArgs(['import', '--project', 'p'])).toThrow(UsageError);
    expect(() => parseCliArgs(['import', 'a.txt'])).toThrow(/--project is required/);
    expect(() => parseCliArgs(['import', '--project', 'p', '--encoding', 'latin1', 'a'])).toThrow(
      /--encoding/,
    );
    expect(() => parseCliArgs(['import', '--project', 'p', '--clean', 'pinyin,magic', 'a'])).toThrow(/magic/);
  });
});

describe('cli import', () => {
  it('creates the project and imports a folder, one line per file; a rerun skips duplicates', async () => {
    const dir = tempDir();
    const folder = join(dir, 'in');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    copyFileSync(join(FIXTURES, '001.gbk.txt'), join(folder, '001.gbk.txt'));
    copyFileSync(join(FIXTURES, '004.docx'), join(folder, 'sub', '004.docx'));
    copyFileSync(seedPath('002'), join(folder, 'sub', '002.txt'));
    writeFileSync(join(folder, 'notes.xlsx'), 'ignored: not a supported type inside a folder');
    const project = join(dir, 'new.pizhu');
    const io = captureIo();
    expect(await run(['import', '--project', project, '--clean', 'pinyin', folder], io)).toBe(0);
    const lines = io.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Created .*new\.pizhu \(empty, default codebook\)$/);
    expect(lines[1]).toMatch(
      /^imported {2}.*001\.gbk\.txt: gb18030, simplified, cleaned: pinyin 0 → "广安市武胜县“扩权强县”试点工作初步成效及政策建议" \(\d+ chars\)$/,
    );
    expect(lines[2]).toMatch(
      /^imported {2}.*002\.txt: utf-8, traditional, cleaned: pinyin 397 → "縣長在縣政府機構改革工作動員會上的講話"/,
    );
    expect(lines[3]).toMatch(/^imported {2}.*004\.docx: embedded, simplified/);
    expect(lines[4]).toBe('3 imported, 0 skipped (duplicates), 0 failed');

    const core = openCore({ file: project });
    try {
      const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      expect(docs.map((d) => d.script)).toEqual(['simplified', 'traditional', 'simplified']);
      const first = (await core.dispatch('documents-get', { id: docs[0]!.id })) as DocumentDetail;
      expect(first.text).toBe(lf(seedText('001')));
      expect(first.provenance.sourcePath).toBe(join(folder, '001.gbk.txt'));
      expect(((await core.dispatch('codes-list', {})) as unknown[]).length).toBe(3);
    } finally {
      core.close();
    }

    const again = captureIo();
    expect(await run(['import', '--project', project, '--clean', 'pinyin', folder], again)).toBe(0);
    expect(again.stdout).toContain('0 imported, 3 skipped (duplicates), 0 failed');
  });

  it('reports failed files and exits 1, importing the others', async () => {
    const dir = tempDir();
    const project = join(dir, 'p.pizhu');
    const bad = join(dir, 'table.xlsx');
    writeFileSync(bad, 'x');
    const io = captureIo();
    const code = await run(
      ['import', '--project', project, bad, join(dir, 'missing.txt'), seedPath('004')],
      io,
    );
    expect(code).toBe(1);
    expect(io.stdout).toContain(`failed    ${bad}: import-unsupported-format`);
    expect(io.stdout).toContain(`failed    ${join(dir, 'missing.txt')}: not found`);
    expect(io.stdout).toContain('1 imported, 0 skipped (duplicates), 2 failed');
    expect(existsSync(project)).toBe(true);
  });
});
