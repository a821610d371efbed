// Analysis: code × document matrix, co-occurrence, frequencies — checked against brute force on
// randomised annotations over the seeds (fixture.ts).
import { afterEach, describe, expect, test } from 'vitest';
import { splitParagraphSpans, splitSentences } from '../../../shared/text/sentences';
import { expectCode } from '../core/helpers';
import { coveredBrute, isUnder, makeFixture, type Fixture } from './fixture';

let fx: Fixture | null = null;
afterEach(() => {
  fx?.core.close();
  fx = null;
});

describe('analysis-matrix', () => {
  test.each([
    [1, false],
    [2, true],
    [3, true],
  ])('counts and coded characters equal brute force (seed %i, includeSubcodes %s)', async (seed, sub) => {
    fx = await makeFixture(seed);
    const { core, codes, docs, annotations } = fx;
    const m = await core.handlers['analysis-matrix']({ includeSubcodes: sub });
    expect(m.codes.map((c) => c.id).sort()).toEqual(codes.map((c) => c.id).sort());
    expect(m.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    const inRow = (codeId: string, row: string) => (sub ? isUnder(codes, codeId, row) : codeId === row);
    let total = 0;
    m.codes.forEach((row, i) => {
      m.documents.forEach((doc, j) => {
        const mine = annotations.filter((a) => a.documentId === doc.id && inRow(a.codeId, row.id));
        expect(m.cells[i]![j]).toEqual({ count: mine.length, coded: coveredBrute(mine) });
        total += mine.length;
      });
      const rowAll = annotations.filter((a) => inRow(a.codeId, row.id));
      expect(m.rowTotals[i]!.count).toBe(rowAll.length);
    });
    m.documents.forEach((doc, j) => {
      const inDoc = annotations.filter((a) => a.documentId === doc.id);
      expect(m.columnTotals[j]!.coded).toBe(coveredBrute(inDoc));
    });
    // Totals count each annotation once, even when it counts for a code and for its parent.
    expect(m.total.count).toBe(annotations.length);
    if (!sub) expect(m.total.count).toBe(total);
    m.documents.forEach((doc, j) =>
      expect(m.columnTotals[j]!.count).toBe(annotations.filter((a) => a.documentId === doc.id).length),
    );
    expect(m.total.length).toBe(docs.reduce((n, d) => n + d.length, 0));
    // The fixture really has overlaps, else the union would be trivially a sum.
    const sumOfLengths = annotations.reduce((n, a) => n + a.end - a.start, 0);
    expect(m.total.coded).toBeLessThan(sumOfLengths);
  });

  test('restricts to the given codes and documents, in codebook order', async () => {
    fx = await makeFixture(4, 80);
    const { core, byName, docs, annotations } = fx;
    const ids = [byName('建议').id, byName('问题').id];
    const m = await core.handlers['analysis-matrix']({
      codeIds: ids,
      includeSubcodes: false,
      documentIds: [docs[2]!.id, docs[0]!.id],
    });
    expect(m.codes.map((c) => c.path.join('>'))).toEqual(['问题', '建议']);
    expect(m.documents.map((d) => d.id)).toEqual([docs[0]!.id, docs[2]!.id]);
    const expected = annotations.filter(
      (a) => a.codeId === byName('问题').id && a.documentId === docs[2]!.id,
    );
    expect(m.cells[0]![1]!.count).toBe(expected.length);
  });

  test('a single parent code with sub-codes aggregates its whole subtree', async () => {
    fx = await makeFixture(6, 150);
    const { core, codes, byName, docs, annotations } = fx;
    const problem = byName('问题').id;
    const m = await core.handlers['analysis-matrix']({ codeIds: [problem], includeSubcodes: true });
    expect(m.codes.map((c) => c.id)).toEqual([problem]);
    docs.forEach((d, j) => {
      const mine = annotations.filter((a) => a.documentId === d.id && isUnder(codes, a.codeId, problem));
      expect(m.cells[0]![j]).toEqual({ count: mine.length, coded: coveredBrute(mine) });
    });
    expect(annotations.some((a) => a.codeId !== problem && isUnder(codes, a.codeId, problem))).toBe(true);
    const f = await core.handlers['analysis-frequencies']({
      groupBy: 'coder',
      codeIds: [problem],
      includeSubcodes: true,
    });
    expect(f.codeTotals).toEqual([annotations.filter((a) => isUnder(codes, a.codeId, problem)).length]);
  });

  test('unknown code or document ids are errors', async () => {
    fx = await makeFixture(5, 5);
    const { core } = fx;
    await expectCode(() => core.dispatch('analysis-matrix', { codeIds: ['nope'] }), 'code-not-found');
    await expectCode(() => core.dispatch('analysis-matrix', { documentIds: ['nope'] }), 'document-not-found');
    await expectCode(() => core.dispatch('analysis-matrix', { codeIds: 'x' }), 'invalid-input');
  });
});

describe('analysis-cooccurrence', () => {
  test.each([11, 12])('overlap counts intersecting pairs (seed %i)', async (seed) => {
    fx = await makeFixture(seed);
    const { core, annotations } = fx;
    const m = await core.handlers['analysis-cooccurrence']({ mode: 'overlap' });
    const idx = new Map(m.codes.map((c, i) => [c.id, i]));
    const n = m.codes.length;
    const expected = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const a of annotations) expected[idx.get(a.codeId)!]![idx.get(a.codeId)!]!++;
    for (let x = 0; x < annotations.length; x++)
      for (let y = x + 1; y < annotations.length; y++) {
        const a = annotations[x]!;
        const b = annotations[y]!;
        if (a.documentId !== b.documentId || a.codeId === b.codeId) continue;
        if (a.start < b.end && b.start < a.end) {
          expected[idx.get(a.codeId)!]![idx.get(b.codeId)!]!++;
          expected[idx.get(b.codeId)!]![idx.get(a.codeId)!]!++;
        }
      }
    expect(m.counts).toEqual(expected);
    expect(m.counts.flat().some((v, k) => v > 0 && k % (n + 1) !== 0)).toBe(true);
  });

  test.each(['sentence', 'paragraph'] as const)('%s mode counts units holding both codes', async (mode) => {
    fx = await makeFixture(21);
    const { core, annotations, docs } = fx;
    const m = await core.handlers['analysis-cooccurrence']({ mode });
    const idx = new Map(m.codes.map((c, i) => [c.id, i]));
    const n = m.codes.length;
    const expected = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const doc of docs) {
      const units = mode === 'sentence' ? splitSentences(doc.text) : splitParagraphSpans(doc.text);
      for (const u of units) {
        const present = new Set(
          annotations
            .filter((a) => a.documentId === doc.id && a.start < u.end && u.start < a.end)
            .map((a) => idx.get(a.codeId)!),
        );
        for (const i of present) for (const j of present) expected[i]![j]!++;
      }
    }
    expect(m.counts).toEqual(expected);
  });

  test('restricted to some codes', async () => {
    fx = await makeFixture(22, 60);
    const { core, byName } = fx;
    const m = await core.handlers['analysis-cooccurrence']({
      mode: 'overlap',
      codeIds: [byName('问题').id, byName('财政压力').id],
    });
    expect(m.codes.map((c) => c.path.at(-1))).toEqual(['问题', '财政压力']);
    expect(m.counts).toHaveLength(2);
  });
});

describe('analysis-frequencies', () => {
  test('per coder and per document, with sub-codes aggregated', async () => {
    fx = await makeFixture(31);
    const { core, codes, coders, docs, annotations } = fx;
    const byCoder = await core.handlers['analysis-frequencies']({ groupBy: 'coder', includeSubcodes: true });
    expect(byCoder.groups.map((g) => g.id).sort()).toEqual(coders.map((c) => c.id).sort());
    byCoder.groups.forEach((g, i) =>
      byCoder.codes.forEach((c, j) => {
        const mine = annotations.filter((a) => a.coderId === g.id && isUnder(codes, a.codeId, c.id));
        expect(byCoder.cells[i]![j]!.count).toBe(mine.length);
      }),
    );
    // Rows count a sub-code's annotation under its parent too; a group's total counts it once.
    expect(byCoder.groupTotals).toEqual(
      byCoder.groups.map((g) => annotations.filter((a) => a.coderId === g.id).length),
    );
    const byDoc = await core.handlers['analysis-frequencies']({
      groupBy: 'document',
      includeSubcodes: false,
    });
    expect(byDoc.groups.map((g) => g.id)).toEqual(docs.map((d) => d.id));
    expect(byDoc.groupTotals).toEqual(
      docs.map((d) => annotations.filter((a) => a.documentId === d.id).length),
    );
  });
});
