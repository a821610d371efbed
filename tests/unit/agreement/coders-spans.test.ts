/**
 * Coders (create, rename, recolour, archive, current), span files in and out (validation before
 * any write, line-numbered errors, --create-codes, duplicates, one undo step, code points outside
 * the BMP), disagreements and resolving them into a consensus coder (one undo step each).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Disagreement } from '../../../shared/contracts/agreement';
import type { SpansImportSummary } from '../../../shared/contracts/coders';
import type {
  Annotation,
  Code,
  Coder,
  DocumentSummary,
  ExportFile,
  HistoryState,
} from '../../../shared/domain';
import { parseSpanLines } from '../../../shared/spans';
import { openCore, type Core } from '../../../electron/core/index';
import { expectCode, tempDir, textFolder } from '../core/helpers';

// Two documents; the second has characters outside the BMP (𠀋 and 𪚥 are one code point each).
const TEXT_A = '第一段：财政压力很大。\n\n第二段：基层放权不到位。建议加强统筹。';
const TEXT_B = '𠀋𪚥问题在于𠀋县财政困难。𪚥建议改革。';

function project(): Core {
  return openCore({
    file: join(tempDir(), 'p.pizhu'),
    seedsDir: textFolder({ 'a.txt': TEXT_A, 'b.txt': TEXT_B }),
  });
}
const coders = async (core: Core) => (await core.dispatch('coders-list', {})) as Coder[];
const docs = async (core: Core) => (await core.dispatch('documents-list', {})) as DocumentSummary[];
const codes = async (core: Core) => (await core.dispatch('codes-list', {})) as Code[];
const annotations = async (core: Core, documentId: string) =>
  (await core.dispatch('annotations-list', { documentId })) as Annotation[];
const importSpans = async (core: Core, coder: string, lines: object[], createCodes = false) =>
  (await core.dispatch('spans-import', {
    coder,
    content: lines.map((l) => JSON.stringify(l)).join('\n'),
    createCodes,
  })) as SpansImportSummary & { history: HistoryState };
const undo = (core: Core) => core.dispatch('history-undo', {});

describe('coders', () => {
  it('create, rename, recolour, archive; each one undo step; the current coder codes', async () => {
    const core = project();
    try {
      const [first] = await coders(core);
      expect(first).toMatchObject({ isCurrent: true, archived: false, annotationCount: 0 });
      const { coder: b } = (await core.dispatch('coders-create', { name: ' 李四 ' })) as { coder: Coder };
      expect(b).toMatchObject({ name: '李四', isCurrent: false, archived: false });
      await expectCode(() => core.dispatch('coders-create', { name: '李四' }), 'coder-name-taken');
      await core.dispatch('coders-update', { id: b.id, name: '王五', color: '#112233' });
      expect((await coders(core)).find((c) => c.id === b.id)).toMatchObject({
        name: '王五',
        color: '#112233',
      });
      await undo(core);
      expect((await coders(core)).find((c) => c.id === b.id)?.name).toBe('李四');

      // The current coder is remembered in the project and takes new annotations.
      await core.dispatch('coders-set-current', { id: b.id });
      const [doc] = await docs(core);
      const [code] = await codes(core);
      const { annotation } = (await core.dispatch('annotations-create', {
        documentId: doc!.id,
        codeId: code!.id,
        start: 0,
        end: 3,
      })) as { annotation: Annotation };
      expect(annotation.coderId).toBe(b.id);

      await expectCode(() => core.dispatch('coders-archive', { id: b.id, archived: true }), 'coder-archived');
      await core.dispatch('coders-set-current', { id: first!.id });
      const archived = (await core.dispatch('coders-archive', { id: b.id, archived: true })) as {
        coder: Coder;
      };
      expect(archived.coder).toMatchObject({ archived: true, annotationCount: 1 });
      await expectCode(() => core.dispatch('coders-set-current', { id: b.id }), 'coder-archived');
      await undo(core);
      expect((await coders(core)).find((c) => c.id === b.id)?.archived).toBe(false);
    } finally {
      core.close();
    }
  });

  it('the current coder survives reopening the project', async () => {
    const file = join(tempDir(), 'p.pizhu');
    let core = openCore({ file, empty: true });
    const { coder } = (await core.dispatch('coders-create', { name: 'B' })) as { coder: Coder };
    await core.dispatch('coders-set-current', { id: coder.id });
    core.close();
    core = openCore({ file });
    try {
      expect((await coders(core)).find((c) => c.isCurrent)?.name).toBe('B');
    } finally {
      core.close();
    }
  });
});

describe('coding from search with several coders', () => {
  it("another coder's identical annotation does not make a hit a duplicate", async () => {
    const core = project();
    try {
      const [a] = await docs(core);
      const problem = (await codes(core)).find((c) => c.name === '问题')!;
      await importSpans(core, 'A', [{ document: 'a.txt', start: 4, end: 8, code: '问题' }]);
      const { coder: b } = (await core.dispatch('coders-create', { name: 'B' })) as { coder: Coder };
      await core.dispatch('coders-set-current', { id: b.id });
      const hit = { documentId: a!.id, start: 4, end: 8 };
      const first = (await core.dispatch('search-code', {
        hits: [hit],
        codeId: problem.id,
        expand: 'none',
      })) as {
        created: number;
        skipped: number;
      };
      expect(first).toMatchObject({ created: 1, skipped: 0 });
      // The same coder coding it again is still a duplicate.
      const again = (await core.dispatch('search-code', {
        hits: [hit],
        codeId: problem.id,
        expand: 'none',
      })) as {
        created: number;
        skipped: number;
      };
      expect(again).toMatchObject({ created: 0, skipped: 1 });
      expect((await annotations(core, a!.id)).filter((x) => x.coderId === b.id)).toHaveLength(1);
    } finally {
      core.close();
    }
  });
});

describe('span files', () => {
  it('parses lines with numbers, skips blank lines, ignores extra keys', () => {
    const { spans, errors } = parseSpanLines(
      '\uFEFF{"document":"a","start":0,"end":2,"code":"问题 > 财政压力","score":0.9}\n\nnot json\n{"document":"a","start":3,"end":3,"code":"x"}\n',
    );
    expect(spans).toEqual([{ line: 1, span: { document: 'a', start: 0, end: 2, code: '问题 > 财政压力' } }]);
    expect(errors.map((e) => [e.line, e.reason, e.field])).toEqual([
      [3, 'json', null],
      [4, 'shape', 'end'],
    ]);
  });

  it('imports as a coder: documents by title or file name, code points, memo, one undo step', async () => {
    const core = project();
    try {
      const [a, b] = await docs(core);
      const r = await importSpans(core, '张三', [
        { document: 'a.txt', start: 4, end: 8, code: '问题', memo: '财政' },
        { document: b!.title, start: 0, end: 2, code: '问题' },
        { document: b!.id, start: 2, end: 6, code: '问题' },
      ]);
      expect(r).toMatchObject({
        coderCreated: true,
        lines: 3,
        created: 3,
        duplicates: 0,
        documents: 2,
        codesCreated: [],
      });
      const inB = await annotations(core, b!.id);
      expect(inB.map((x) => x.text)).toEqual(['𠀋𪚥', '问题在于']);
      expect((await annotations(core, a!.id))[0]).toMatchObject({ text: '财政压力', memo: '财政' });
      // Again: all duplicates, nothing added.
      const again = await importSpans(core, '张三', [{ document: 'a.txt', start: 4, end: 8, code: '问题' }]);
      expect(again).toMatchObject({ coderCreated: false, created: 0, duplicates: 1 });
      // One undo step removes the first import completely, coder included.
      await undo(core);
      expect(await annotations(core, b!.id)).toEqual([]);
      expect((await coders(core)).map((c) => c.name)).not.toContain('张三');
    } finally {
      core.close();
    }
  });

  it('a bad line is an error naming it, and nothing is written', async () => {
    const core = project();
    try {
      const good = { document: 'a.txt', start: 0, end: 2, code: '问题' };
      const cases: [object, string][] = [
        [{ ...good, code: '问题 > 不存在' }, 'code-unknown'],
        [{ ...good, document: 'nope.txt' }, 'document-unknown'],
        [{ ...good, end: 999 }, 'range'],
        [{ ...good, start: -1 }, 'shape'],
      ];
      for (const [bad, reason] of cases) {
        const err = await expectCode(() => importSpans(core, '张三', [good, good, bad]), 'spans-invalid');
        expect(err.params).toMatchObject({ line: 3, reason });
      }
      expect((await coders(core)).map((c) => c.name)).not.toContain('张三');
      for (const d of await docs(core)) expect(await annotations(core, d.id)).toEqual([]);
      const history = (await core.dispatch('history-state', {})) as HistoryState;
      expect(history.canUndo).toBe(false);
    } finally {
      core.close();
    }
  });

  it('--create-codes creates missing code paths in the same undo step', async () => {
    const core = project();
    try {
      const before = (await codes(core)).length;
      const r = await importSpans(
        core,
        'A',
        [{ document: 'a.txt', start: 0, end: 2, code: '问题 > 财政压力 > 县级' }],
        true,
      );
      expect(r.codesCreated).toEqual(['问题 > 财政压力', '问题 > 财政压力 > 县级']);
      expect((await codes(core)).length).toBe(before + 2);
      await undo(core);
      expect((await codes(core)).length).toBe(before);
    } finally {
      core.close();
    }
  });

  it('export → import round trip as another coder gives the same spans', async () => {
    const core = project();
    try {
      const [, b] = await docs(core);
      await importSpans(core, 'A', [
        { document: b!.id, start: 6, end: 13, code: '问题', memo: 'm' },
        { document: b!.id, start: 0, end: 2, code: '建议' },
      ]);
      const a = (await coders(core)).find((c) => c.name === 'A')!;
      const file = (await core.dispatch('spans-export', { coderIds: [a.id] })) as ExportFile;
      expect(file.content.split('\n')[0]).toBe(`{"document":"${b!.id}","start":0,"end":2,"code":"建议"}`);
      const r = (await core.dispatch('spans-import', {
        coder: 'A2',
        content: file.content,
      })) as SpansImportSummary;
      expect(r.created).toBe(2);
      const all = (await core.dispatch('spans-export', {})) as ExportFile;
      expect(all.content).toContain('"coder":"A2"');
      const a2 = (await coders(core)).find((c) => c.name === 'A2')!;
      const again = (await core.dispatch('spans-export', { coderIds: [a2.id] })) as ExportFile;
      expect(again.content).toBe(file.content);
    } finally {
      core.close();
    }
  });
});

describe('disagreements and consensus', () => {
  it('lists where coders differ and resolves into a consensus coder, one undo step each', async () => {
    const core = project();
    try {
      const [a] = await docs(core);
      await importSpans(core, 'A', [{ document: 'a.txt', start: 4, end: 10, code: '问题' }]);
      await importSpans(core, 'B', [{ document: 'a.txt', start: 4, end: 8, code: '问题' }]);
      const ids = (await coders(core)).filter((c) => c.name === 'A' || c.name === 'B').map((c) => c.id);
      const list = async () =>
        (await core.dispatch('agreement-disagreements', {
          coderIds: ids,
          unit: 'character',
          consensusCoder: '共识',
        })) as { disagreements: Disagreement[]; total: number };
      const { disagreements, total } = await list();
      expect(total).toBe(1);
      const d = disagreements[0]!;
      expect(d).toMatchObject({ documentId: a!.id, start: 8, end: 10, codedBy: [ids[0]], resolved: false });
      expect(d.annotations.map((x) => [x.start, x.end])).toEqual([
        [4, 8],
        [4, 10],
      ]);

      // Keep A's annotation.
      const kept = (await core.dispatch('agreement-resolve', {
        consensusCoder: '共识',
        documentId: d.documentId,
        codeId: d.codeId,
        start: d.start,
        end: d.end,
        ranges: [{ start: 4, end: 10 }],
      })) as { created: Annotation[] };
      expect(kept.created.map((x) => x.text)).toEqual(['财政压力很大']);
      expect((await list()).disagreements[0]!.resolved).toBe(true);
      // Edit instead: replaces the consensus annotation on that unit.
      await core.dispatch('agreement-resolve', {
        consensusCoder: '共识',
        documentId: d.documentId,
        codeId: d.codeId,
        start: d.start,
        end: d.end,
        ranges: [{ start: 4, end: 9 }],
      });
      const consensus = (await coders(core)).find((c) => c.name === '共识')!;
      const mine = (await annotations(core, a!.id)).filter((x) => x.coderId === consensus.id);
      expect(mine.map((x) => [x.start, x.end])).toEqual([[4, 9]]);
      await undo(core);
      expect(
        (await annotations(core, a!.id)).filter((x) => x.coderId === consensus.id).map((x) => x.end),
      ).toEqual([10]);
      await undo(core);
      expect((await coders(core)).map((c) => c.name)).not.toContain('共识');
      expect(
        await expectCode(
          () => core.dispatch('agreement-compute', { coderIds: [ids[0]!, ids[0]!], unit: 'character' }),
          'agreement-coders',
        ),
      );
    } finally {
      core.close();
    }
  });

  it('sentence and paragraph units follow the app segmentation and blank lines', async () => {
    const core = project();
    try {
      // A codes in the first paragraph's sentence, B in the second paragraph's second sentence.
      await importSpans(core, 'A', [{ document: 'a.txt', start: 4, end: 6, code: '问题' }]);
      await importSpans(core, 'B', [{ document: 'a.txt', start: 25, end: 27, code: '问题' }]);
      const ids = (await coders(core)).filter((c) => c.name === 'A' || c.name === 'B').map((c) => c.id);
      const report = async (unit: string) =>
        (await core.dispatch('agreement-compute', { coderIds: ids, unit })) as {
          codes: { units: number; percent_agreement: number }[];
        };
      expect((await report('sentence')).codes[0]!.units).toBe(3);
      expect((await report('sentence')).codes[0]!.percent_agreement).toBeCloseTo(1 / 3, 10);
      expect((await report('paragraph')).codes[0]!.units).toBe(2);
      expect((await report('paragraph')).codes[0]!.percent_agreement).toBe(0);
      expect((await report('document')).codes[0]!.percent_agreement).toBe(1);
    } finally {
      core.close();
    }
  });
});
