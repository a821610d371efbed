// Project creation: seed import (provenance, titles, code-point lengths), defaults, atomicity.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code, Coder, DocumentDetail, DocumentSummary, ProjectInfo } from '../../../shared/domain';
import { openCore } from '../../../electron/core/index';
import { FALLBACK_CODER_NAME, defaultCoderName } from '../../../electron/core/project/defaults';
import { SEEDS_DIR, expectCode, sha256File, tempDir, textFolder } from './helpers';

/** Lengths computed with Python 3: `len(open(f, encoding='utf-8').read())`. */
const PYTHON_LENGTHS: Record<string, number> = {
  '000_e0058bcc9348e81f.txt': 7829,
  '001_2c852fd3700b2b3d.txt': 21249,
  '002_9032dc97340b3db0.txt': 4708,
  '003_420914586818b301.txt': 32967,
  '004_b75bf08094182ff0.txt': 2178,
};

describe('a new project with the seeds', () => {
  test('imports the 5 seed files in name order with titles, code-point lengths and provenance', async () => {
    const file = join(tempDir(), 'nested', 'folder', 'p.pizhu');
    const core = openCore({ file, seedsDir: SEEDS_DIR });
    try {
      expect(core.created).toBe(true);
      const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      expect(docs.map((d) => d.sourceFile)).toEqual(Object.keys(PYTHON_LENGTHS));
      expect(docs.map((d) => d.title)).toEqual([
        '當前位置:簡歷模板館>實用文>發言稿>',
        '广安市武胜县“扩权强县”试点工作初步成效及政策建议',
        '標(biāo)題:縣長在縣政府機(jī)構(gòu)改革工作動(dòng)員會(huì)上的講話 |',
        '第一篇:崔杰市長在民生工作會議上的講話',
        '三味园范文网 导航',
      ]);
      for (const d of docs) {
        expect(d.length).toBe(PYTHON_LENGTHS[d.sourceFile!]);
        expect(d.annotationTotal).toBe(0);
        expect(d.annotationCounts).toEqual({});
        const detail = (await core.dispatch('documents-get', { id: d.id })) as DocumentDetail;
        const path = join(SEEDS_DIR, d.sourceFile!);
        expect(detail.text).toBe(readFileSync(path, 'utf8'));
        expect([...detail.text].length).toBe(d.length);
        expect(detail.provenance).toEqual({
          sha256: sha256File(path),
          encoding: 'utf-8',
          sourcePath: path,
          cleaning: [],
          // 0002_import: the seed import is plain (no cleaning, nothing to report).
          format: 'txt',
          textSha256: createHash('sha256').update(detail.text, 'utf8').digest('hex'),
          rawText: null,
          removedSpans: [],
          importReport: {},
          splitFrom: null,
        });
      }
    } finally {
      core.close();
    }
  });

  test('starts with the default codebook and the current coder', async () => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), empty: true });
    try {
      const codes = (await core.dispatch('codes-list', {})) as Code[];
      expect(codes.map((c) => [c.name, c.color, c.shortcut, c.parentId, c.sortOrder])).toEqual([
        ['成效', '#2e9d5b', '1', null, 0],
        ['问题', '#d64545', '2', null, 1],
        ['建议', '#2f6fd6', '3', null, 2],
      ]);
      for (const c of codes) expect(c.description).toMatch(/[\u4e00-\u9fff]/);
      const coders = (await core.dispatch('coders-list', {})) as Coder[];
      expect(coders).toHaveLength(1);
      expect(coders[0]).toMatchObject({ name: defaultCoderName(), isCurrent: true });
      expect(defaultCoderName().length).toBeGreaterThan(0);
      expect(FALLBACK_CODER_NAME).toBe('编码员');
      const info = (await core.dispatch('project-info', {})) as ProjectInfo;
      expect(info).toMatchObject({
        documentCount: 0,
        annotationCount: 0,
        currentCoderId: coders[0]!.id,
        history: { canUndo: false, canRedo: false, undoKind: null, redoKind: null },
      });
    } finally {
      core.close();
    }
  });

  test('empty: true skips the seeds; no seedsDir imports nothing', async () => {
    for (const options of [{ seedsDir: SEEDS_DIR, empty: true }, {}]) {
      const core = openCore({ file: join(tempDir(), 'p.pizhu'), ...options });
      expect(((await core.dispatch('documents-list', {})) as unknown[]).length).toBe(0);
      core.close();
    }
  });

  test('seeds are only imported on creation, not again on reopen', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, seedsDir: SEEDS_DIR }).close();
    const core = openCore({ file, seedsDir: SEEDS_DIR });
    expect(core.created).toBe(false);
    expect(((await core.dispatch('documents-list', {})) as unknown[]).length).toBe(5);
    core.close();
  });
});

describe('text decoding on import', () => {
  test('strips a BOM and normalises CRLF/CR, recording both; title falls back to the file name', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const dir = textFolder({
      'a.txt': Buffer.concat([bom, Buffer.from('\r\n  标题一  \r\n正文\r第三行\r\n', 'utf8')]),
      'b.txt': '\n\n   \n',
      'c.md': 'not imported',
    });
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: dir });
    try {
      const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      expect(docs.map((d) => [d.sourceFile, d.title])).toEqual([
        ['a.txt', '标题一'],
        ['b.txt', 'b'],
      ]);
      const a = (await core.dispatch('documents-get', { id: docs[0]!.id })) as DocumentDetail;
      expect(a.text).toBe('\n  标题一  \n正文\n第三行\n');
      expect(a.provenance.cleaning).toEqual(['strip-bom', 'crlf-to-lf']);
      expect(a.provenance.sha256).toBe(sha256File(join(dir, 'a.txt')));
      const b = (await core.dispatch('documents-get', { id: docs[1]!.id })) as DocumentDetail;
      expect(b.provenance.cleaning).toEqual([]);
    } finally {
      core.close();
    }
  });

  test('titles are cut to 200 code points', async () => {
    const long = '𠀋'.repeat(250);
    const core = openCore({
      file: join(tempDir(), 'p.pizhu'),
      seedsDir: textFolder({ 'long.txt': `${long}\n正文` }),
    });
    const [doc] = (await core.dispatch('documents-list', {})) as DocumentSummary[];
    expect([...doc!.title].length).toBe(200);
    expect(doc!.length).toBe(253);
    core.close();
  });
});

describe('atomic creation', () => {
  test('a failure during creation leaves neither the project nor a temporary file', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.pizhu');
    await expectCode(() => openCore({ file, seedsDir: join(dir, 'no-such-folder') }), 'project-open-failed');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    // The next attempt starts clean.
    const core = openCore({ file, empty: true });
    expect(core.created).toBe(true);
    core.close();
  });
});
