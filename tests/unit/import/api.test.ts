/**
 * The import API end to end over real project files: preview writes nothing, commit creates
 * documents with provenance in one undoable command, duplicates are skipped, failures leave the
 * project unchanged, and splitting carries annotations into the right part.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation, Code, DocumentDetail, DocumentSummary } from '../../../shared/domain';
import type { ImportCommitResult, ImportPreview, SplitResult, SplitSuggestion } from '../../../shared/import';
import { openCore, type Core } from '../../../electron/core/index';
import { replay } from '../../../electron/core/import/cleaning/edits';
import { SEEDS_DIR, expectCode, tempDir } from '../core/helpers';
import { fixture, hanCount, lf, seedText } from './helpers';

function emptyCore(): Core {
  return openCore({ file: join(tempDir(), 'p.pizhu'), empty: true });
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

async function list(core: Core): Promise<DocumentSummary[]> {
  return (await core.dispatch('documents-list', {})) as DocumentSummary[];
}

async function commit(core: Core, input: Record<string, unknown>): Promise<ImportCommitResult> {
  return (await core.dispatch('import-commit', input)) as ImportCommitResult;
}

describe('import-preview', () => {
  it('detects encoding and script, counts cleaning, suggests splits, writes nothing', async () => {
    const core = emptyCore();
    try {
      const p = (await core.dispatch('import-preview', {
        fileName: '003.gb18030.txt',
        contentBase64: b64(fixture('003.gb18030.txt')),
        cleaning: ['pinyin'],
      })) as ImportPreview;
      expect(p.detection).toMatchObject({ encoding: 'gb18030', method: 'frequency' });
      expect(p.script).toBe('traditional');
      expect(p.steps).toEqual([{ step: 'pinyin', count: 1602 }]);
      expect(p.rawLength - p.length).toBe(
        seedText('003')
          .match(/\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/gu)!
          .reduce((n, m) => n + [...m].length - 1, 0),
      );
      expect(Array.from(p.before)).toHaveLength(2000);
      expect(p.after.startsWith('第一篇:崔杰市長在民生工作會議上的講話')).toBe(true);
      expect(p.splits.map((s) => s.reason)).toEqual(Array(5).fill('numbered-part'));
      expect(p.warnings.find((w) => w.kind === 'mojibake')).toMatchObject({ count: 11 });
      expect(p.title).toBe('第一篇:崔杰市長在民生工作會議上的講話');
      expect(await list(core)).toEqual([]);
      expect((await core.dispatch('history-state', {})) as { canUndo: boolean }).toMatchObject({
        canUndo: false,
      });
    } finally {
      core.close();
    }
  });

  it('reports invalid bytes with their positions and keeps them in the import report', async () => {
    const core = emptyCore();
    try {
      const bytes = Buffer.concat([
        Buffer.from('扩权强县'),
        Buffer.from([0xff, 0xfe, 0x41]),
        Buffer.from('试点'),
      ]);
      const input = { fileName: 'bad.txt', contentBase64: b64(bytes), encoding: 'utf-8' };
      const p = (await core.dispatch('import-preview', input)) as ImportPreview;
      expect(p.warnings).toContainEqual({ kind: 'invalid-bytes', count: 2, positions: [12, 13], lines: [1] });
      const r = await commit(core, input);
      const d = (await core.dispatch('documents-get', { id: r.documents[0]!.id })) as DocumentDetail;
      expect(d.text).toBe('扩权强县\ufffd\ufffdA试点');
      expect(d.provenance.cleaning).toEqual(['replace-invalid-bytes']);
      expect(d.provenance.importReport).toMatchObject({ invalidBytes: { count: 2, positions: [12, 13] } });
    } finally {
      core.close();
    }
  });

  it('an encoding override changes the preview; the title guess drops a 標題: label', async () => {
    const core = emptyCore();
    try {
      const input = { fileName: '001.gbk.txt', contentBase64: b64(fixture('001.gbk.txt')) };
      const auto = (await core.dispatch('import-preview', input)) as ImportPreview;
      const big5 = (await core.dispatch('import-preview', { ...input, encoding: 'big5' })) as ImportPreview;
      expect(big5.detection.method).toBe('override');
      expect(big5.after).not.toBe(auto.after);
      const p002 = (await core.dispatch('import-preview', {
        fileName: '002.txt',
        contentBase64: b64(seedText('002')),
        cleaning: ['pinyin'],
      })) as ImportPreview;
      expect(p002.title).toBe('縣長在縣政府機構改革工作動員會上的講話');
    } finally {
      core.close();
    }
  });
});

describe('import-commit', () => {
  it('creates a document with script, provenance and the raw text; undo removes it, redo restores it', async () => {
    const core = emptyCore();
    try {
      const r = await commit(core, {
        fileName: '002.utf16le.txt',
        contentBase64: b64(fixture('002.utf16le.txt')),
        cleaning: ['pinyin', 'boilerplate'],
        sourcePath: '/data/002.utf16le.txt',
      });
      expect(r.status).toBe('imported');
      expect(r.documents).toHaveLength(1);
      const doc = r.documents[0]!;
      expect(doc.script).toBe('traditional');
      const detail = (await core.dispatch('documents-get', { id: doc.id })) as DocumentDetail;
      expect(detail.script).toBe('traditional');
      expect(hanCount(detail.text)).toBe(
        hanCount(seedText('002')) - hanCount('快文網省略字正式會員可完整閱讀'),
      );
      expect(detail.provenance).toMatchObject({
        encoding: 'utf-16le',
        format: 'txt',
        sourcePath: '/data/002.utf16le.txt',
        cleaning: ['strip-bom', 'pinyin', 'boilerplate'],
        rawText: lf(seedText('002')),
      });
      expect(detail.provenance.removedSpans.map((s) => [s.step, s.count])).toEqual([
        ['pinyin', 397],
        ['boilerplate', 1],
      ]);
      let text = detail.provenance.rawText!;
      for (const s of detail.provenance.removedSpans) text = replay(text, s.edits);
      expect(text).toBe(detail.text);
      expect(r.history).toMatchObject({ canUndo: true, undoKind: 'document-import' });

      await core.dispatch('history-undo', {});
      expect(await list(core)).toEqual([]);
      await core.dispatch('history-redo', {});
      const again = (await core.dispatch('documents-get', { id: doc.id })) as DocumentDetail;
      expect(again).toEqual(detail);
    } finally {
      core.close();
    }
  });

  it('skips a duplicate of the same canonical text (other bytes, same text) unless told not to', async () => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR });
    try {
      const before = await list(core);
      const seed004 = before.find((d) => d.sourceFile?.startsWith('004_'))!;
      // UTF-8 with BOM and CRLF: different bytes, same canonical text as the seed.
      const input = { fileName: '004.txt', contentBase64: b64(fixture('004.utf8bom-crlf.txt')) };
      const skipped = await commit(core, input);
      expect(skipped.status).toBe('skipped-duplicate');
      expect(skipped.duplicateOf).toEqual({ id: seed004.id, title: seed004.title });
      expect(await list(core)).toHaveLength(5);
      const forced = await commit(core, { ...input, skipDuplicates: false });
      expect(forced.status).toBe('imported');
      expect(forced.duplicateOf?.id).toBe(seed004.id);
      expect(await list(core)).toHaveLength(6);
    } finally {
      core.close();
    }
  });

  it('imports .docx, .pdf and .html with their format recorded', async () => {
    const core = emptyCore();
    try {
      for (const [name, format] of [
        ['004.docx', 'docx'],
        ['004.pdf', 'pdf'],
        ['004.html', 'html'],
      ] as const) {
        const r = await commit(core, {
          fileName: name,
          contentBase64: b64(fixture(name)),
          skipDuplicates: false,
        });
        const d = (await core.dispatch('documents-get', { id: r.documents[0]!.id })) as DocumentDetail;
        expect(d.provenance.format).toBe(format);
        expect(d.provenance.encoding).toBe('embedded');
        expect(d.script).toBe('simplified');
      }
    } finally {
      core.close();
    }
  });

  it('failures are translated errors and leave the project unchanged', async () => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR });
    try {
      const before = await list(core);
      const history = await core.dispatch('history-state', {});
      await expectCode(
        () => commit(core, { fileName: 'a.xls', contentBase64: b64('x') }),
        'import-unsupported-format',
      );
      await expectCode(
        () => commit(core, { fileName: 'a.txt', contentBase64: 'A'.repeat(49 * 1024 * 1024) }),
        'import-too-large',
      );
      await expectCode(
        () =>
          commit(core, {
            fileName: 'a.txt',
            contentBase64: b64('正文'),
            cleaning: ['boilerplate'],
            patterns: ['('],
          }),
        'import-pattern-invalid',
      );
      await expectCode(
        () => commit(core, { fileName: 'a.txt', contentBase64: b64('一\n二'), splitAt: [9] }),
        'split-invalid',
      );
      await expectCode(() => commit(core, { fileName: 'a.txt', contentBase64: b64(' \n ') }), 'import-empty');
      await expectCode(
        () => commit(core, { fileName: 'a.txt', contentBase64: b64('x'), cleaning: ['nope'] }),
        'invalid-input',
      );
      expect(await list(core)).toEqual(before);
      expect(await core.dispatch('history-state', {})).toEqual(history);
    } finally {
      core.close();
    }
  });

  it('splits at import: seed 003 into its five speeches, one command', async () => {
    const core = emptyCore();
    try {
      const input = { fileName: '003.txt', contentBase64: b64(seedText('003')), cleaning: ['pinyin'] };
      const p = (await core.dispatch('import-preview', input)) as ImportPreview;
      const r = await commit(core, { ...input, splitAt: p.splits.map((s) => s.at).filter((a) => a > 0) });
      expect(r.documents.map((d) => d.title)).toEqual([
        '第一篇:崔杰市長在民生工作會議上的講話',
        '第二篇:崔縣長在全縣審批工作會議上的講話',
        '第三篇:市長在全市金融工作會議上的講話',
        '第四篇:市長在全市城市工作會議上的講話',
        '第五篇:市長在經濟工作會議上的講話',
      ]);
      expect(r.documents.reduce((n, d) => n + d.length, 0)).toBe(p.length);
      await core.dispatch('history-undo', {});
      expect(await list(core)).toEqual([]);
    } finally {
      core.close();
    }
  });
});

describe('documents-split', () => {
  async function seeded() {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR });
    const docs = await list(core);
    const codes = (await core.dispatch('codes-list', {})) as Code[];
    return { core, docs, codes };
  }

  it('seed 001 splits into its 19 articles; seed 003 into five', async () => {
    const { core, docs } = await seeded();
    try {
      const s001 = (await core.dispatch('documents-split-suggest', { id: docs[1]!.id })) as SplitSuggestion[];
      expect(s001).toHaveLength(19);
      expect(s001[0]).toMatchObject({ at: 0, title: '广安市武胜县“扩权强县”试点工作初步成效及政策建议' });
      expect(s001.at(-1)!.title).toBe('2019年某县开展扩权强县试点工作总结');
      const s003 = (await core.dispatch('documents-split-suggest', { id: docs[3]!.id })) as SplitSuggestion[];
      expect(s003).toHaveLength(5);
      const r = (await core.dispatch('documents-split', {
        id: docs[1]!.id,
        at: s001.map((s) => s.at).filter((a) => a > 0),
      })) as SplitResult;
      expect(r.documents).toHaveLength(19);
      const after = await list(core);
      expect(after).toHaveLength(5 - 1 + 19);
      // The parts take the original's place in the library order.
      expect(after.slice(1, 20).map((d) => d.id)).toEqual(r.documents.map((d) => d.id));
      expect(after[20]!.id).toBe(docs[2]!.id);
    } finally {
      core.close();
    }
  });

  it('carries annotations into the right part with shifted offsets; undo restores everything', async () => {
    const { core, docs, codes } = await seeded();
    try {
      const doc = docs[3]!;
      const detail = (await core.dispatch('documents-get', { id: doc.id })) as DocumentDetail;
      const splits = (await core.dispatch('documents-split-suggest', { id: doc.id })) as SplitSuggestion[];
      const at = splits.map((s) => s.at).filter((a) => a > 0);
      const third = at[1]!;
      const create = (start: number, end: number) =>
        core.dispatch('annotations-create', {
          documentId: doc.id,
          codeId: codes[0]!.id,
          start,
          end,
          memo: 'm',
        }) as Promise<{
          annotation: Annotation;
        }>;
      const a1 = (await create(10, 20)).annotation;
      const a3 = (await create(third + 5, third + 30)).annotation;
      const crossing = (await create(third - 3, third + 3)).annotation;
      await expectCode(
        () => core.dispatch('documents-split', { id: doc.id, at }),
        'split-crosses-annotation',
      );
      expect(await list(core)).toHaveLength(5);
      await core.dispatch('annotations-delete', { id: crossing.id });

      const r = (await core.dispatch('documents-split', { id: doc.id, at })) as SplitResult;
      expect(r.history.undoKind).toBe('document-split');
      const part1 = (await core.dispatch('annotations-list', {
        documentId: r.documents[0]!.id,
      })) as Annotation[];
      const part3 = (await core.dispatch('annotations-list', {
        documentId: r.documents[2]!.id,
      })) as Annotation[];
      expect(part1.map((a) => [a.id, a.start, a.end, a.text, a.memo])).toEqual([
        [a1.id, 10, 20, a1.text, 'm'],
      ]);
      expect(part3.map((a) => [a.id, a.start, a.end, a.text])).toEqual([[a3.id, 5, 30, a3.text]]);
      const p3 = (await core.dispatch('documents-get', { id: r.documents[2]!.id })) as DocumentDetail;
      expect(Array.from(p3.text).slice(5, 30).join('')).toBe(a3.text);
      expect(p3.provenance.splitFrom).toMatchObject({ documentId: doc.id, part: 3, of: 5 });
      await expectCode(() => core.dispatch('documents-get', { id: doc.id }), 'document-not-found');

      await core.dispatch('history-undo', {});
      expect((await list(core)).map((d) => d.id)).toEqual(docs.map((d) => d.id));
      expect(await core.dispatch('documents-get', { id: doc.id })).toEqual({
        ...detail,
        annotationCounts: { [codes[0]!.id]: 2 },
        annotationTotal: 2,
      });
      const back = (await core.dispatch('annotations-list', { documentId: doc.id })) as Annotation[];
      expect(back.map((a) => [a.id, a.start, a.end])).toEqual([
        [a1.id, 10, 20],
        [a3.id, third + 5, third + 30],
      ]);
      await core.dispatch('history-redo', {});
      expect(await list(core)).toHaveLength(9);
    } finally {
      core.close();
    }
  });

  it('after a split, re-importing the original file is recognised as a duplicate', async () => {
    const { core, docs } = await seeded();
    try {
      const at = ((await core.dispatch('documents-split-suggest', { id: docs[3]!.id })) as SplitSuggestion[])
        .map((s) => s.at)
        .filter((a) => a > 0);
      const r = (await core.dispatch('documents-split', { id: docs[3]!.id, at })) as SplitResult;
      const again = await commit(core, { fileName: '003.txt', contentBase64: b64(seedText('003')) });
      expect(again).toMatchObject({ status: 'skipped-duplicate', duplicateOf: { id: r.documents[0]!.id } });
    } finally {
      core.close();
    }
  });

  it('refuses bad split points and unknown documents without changing anything', async () => {
    const { core, docs } = await seeded();
    try {
      const id = docs[4]!.id;
      await expectCode(() => core.dispatch('documents-split', { id, at: [0] }), 'split-invalid');
      await expectCode(() => core.dispatch('documents-split', { id, at: [500, 100] }), 'split-invalid');
      await expectCode(
        () => core.dispatch('documents-split', { id, at: [docs[4]!.length] }),
        'split-invalid',
      );
      await expectCode(() => core.dispatch('documents-split', { id: 'nope', at: [5] }), 'document-not-found');
      expect(await list(core)).toEqual(docs);
    } finally {
      core.close();
    }
  });
});
