// Coded segments: filters, sorts, grouping and paging of `segments-query` against brute force;
// context; script-insensitive text queries; co-occurrence drill-down; CSV and XLSX export.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, test } from 'vitest';
import type { Annotation } from '../../../shared/domain';
import type { SegmentRow } from '../../../shared/contracts/segments';
import { splitParagraphSpans, splitSentences } from '../../../shared/text/sentences';
import { cpSlice, expectCode, parseCsvStrict } from '../core/helpers';
import { isUnder, makeFixture, type Fixture } from './fixture';

let fx: Fixture | null = null;
afterEach(() => {
  fx?.core.close();
  fx = null;
});

async function all(
  f: Fixture,
  input: Omit<Parameters<Fixture['core']['handlers']['segments-query']>[0], 'offset' | 'limit'>,
  limit = 37,
): Promise<{ rows: SegmentRow[]; total: number }> {
  const rows: SegmentRow[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await f.core.handlers['segments-query']({ ...input, offset, limit });
    rows.push(...page.rows);
    if (page.rows.length < limit) return { rows, total: page.total };
  }
}

describe('segments-query', () => {
  test('filters by code (with and without sub-codes), document and coder; pages cover every row once', async () => {
    fx = await makeFixture(41);
    const { codes, docs, annotations, coders, byName } = fx;
    const problem = byName('问题').id;
    const docIds = [docs[0]!.id, docs[3]!.id];
    const coder = coders.find((c) => c.name === '李四')!.id;
    for (const sub of [false, true]) {
      const expected = annotations.filter(
        (a) =>
          (sub ? isUnder(codes, a.codeId, problem) : a.codeId === problem) &&
          docIds.includes(a.documentId) &&
          a.coderId === coder,
      );
      const got = await all(fx, {
        codeIds: [problem],
        includeSubcodes: sub,
        documentIds: docIds,
        coderIds: [coder],
        sort: 'created',
        direction: 'asc',
      });
      expect(got.total).toBe(expected.length);
      expect(got.rows.map((r) => r.id).sort()).toEqual(expected.map((a) => a.id).sort());
      expect(new Set(got.rows.map((r) => r.id)).size).toBe(got.rows.length);
    }
  });

  test.each([
    ['document', 'asc'],
    ['document', 'desc'],
    ['length', 'asc'],
    ['length', 'desc'],
    ['created', 'desc'],
    ['code', 'asc'],
  ] as const)('sort %s %s matches a sort in the test', async (sort, direction) => {
    fx = await makeFixture(42, 120);
    const { annotations, docs, codes } = fx;
    const got = await all(fx, { sort, direction });
    const docOrder = new Map(docs.map((d, i) => [d.id, i]));
    // Codebook order computed here: roots by sort order, each followed by its subtree.
    const treeOrder: string[] = [];
    const walk = (parent: string | null) =>
      codes
        .filter((c) => c.parentId === parent)
        .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
        .forEach((c) => {
          treeOrder.push(c.id);
          walk(c.id);
        });
    walk(null);
    const key = (a: Annotation): (string | number)[] => {
      switch (sort) {
        case 'document':
          return [docOrder.get(a.documentId)!, a.start, a.end];
        case 'length':
          return [a.end - a.start, docOrder.get(a.documentId)!, a.start];
        case 'created':
          return [a.createdAt];
        case 'code':
          return [treeOrder.indexOf(a.codeId), docOrder.get(a.documentId)!, a.start];
      }
    };
    const cmp = (a: Annotation, b: Annotation) => {
      const ka = [...key(a), a.id];
      const kb = [...key(b), b.id];
      for (let i = 0; i < ka.length; i++) {
        if (ka[i]! < kb[i]!) return direction === 'asc' ? -1 : 1;
        if (ka[i]! > kb[i]!) return direction === 'asc' ? 1 : -1;
      }
      return 0;
    };
    // Within one document, ties on (start, end) break on document id then annotation id.
    const expected = [...annotations].sort(cmp).map((a) => a.id);
    if (sort === 'document') {
      // The core adds document_id as a tie-breaker, equal to order within a document: compare
      // per document to stay independent of it.
      expect(got.rows.map((r) => r.documentId)).toEqual([...annotations].sort(cmp).map((a) => a.documentId));
    }
    expect(got.rows.map((r) => r.id)).toEqual(expected);
  });

  test('group by code: groups in codebook order with counts, rows grouped in that order', async () => {
    fx = await makeFixture(43, 150);
    const { annotations, byName, codes } = fx;
    const page = await fx.core.handlers['segments-query']({
      groupBy: 'code',
      sort: 'length',
      direction: 'desc',
      offset: 0,
      limit: 1000,
    });
    expect(page.groups!.map((g) => g.count).reduce((a, b) => a + b, 0)).toBe(annotations.length);
    const labels = page.groups!.map((g) => g.label);
    expect(labels.indexOf('问题')).toBeLessThan(labels.indexOf('问题 > 财政压力'));
    expect(labels.indexOf('问题 > 财政压力')).toBeLessThan(labels.indexOf('问题 > 财政压力 > 县级债务'));
    for (const g of page.groups!) expect(g.count).toBe(annotations.filter((a) => a.codeId === g.id).length);
    // Rows follow the groups; inside a group, longest first.
    let at = 0;
    for (const g of page.groups!) {
      const slice = page.rows.slice(at, at + g.count);
      expect(slice.every((r) => r.codeId === g.id)).toBe(true);
      const lengths = slice.map((r) => r.end - r.start);
      expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
      at += g.count;
    }
    expect(codes.length).toBeGreaterThan(3);
    expect(byName('县级债务').parentId).toBe(byName('财政压力').id);
  });

  test('group by document', async () => {
    fx = await makeFixture(44, 90);
    const { annotations, docs } = fx;
    const page = await fx.core.handlers['segments-query']({
      groupBy: 'document',
      sort: 'document',
      direction: 'asc',
      offset: 0,
      limit: 10,
    });
    const expected = docs
      .map((d) => ({ id: d.id, count: annotations.filter((a) => a.documentId === d.id).length }))
      .filter((g) => g.count > 0);
    expect(page.groups!.map((g) => ({ id: g.id, count: g.count }))).toEqual(expected);
    expect(page.rows).toHaveLength(10);
  });

  test('group by document with descending positions: documents ascending, positions descending', async () => {
    fx = await makeFixture(49, 120);
    const { annotations, docs } = fx;
    const got = await all(fx, { groupBy: 'document', sort: 'document', direction: 'desc' }, 13);
    const expected = docs.flatMap((d) =>
      annotations
        .filter((a) => a.documentId === d.id)
        .sort((a, b) => b.start - a.start || b.end - a.end || (a.id < b.id ? 1 : -1))
        .map((a) => a.id),
    );
    expect(got.rows.map((r) => r.id)).toEqual(expected);
  });

  test('rows carry title, code path, coder and ~30 code points of context', async () => {
    fx = await makeFixture(45, 40);
    const { docs, annotations } = fx;
    const { rows } = await all(fx, { sort: 'document', direction: 'asc' });
    for (const r of rows) {
      const doc = docs.find((d) => d.id === r.documentId)!;
      const a = annotations.find((x) => x.id === r.id)!;
      expect(r.text).toBe(a.text);
      expect(r.before).toBe(cpSlice(doc.text, Math.max(0, r.start - 30), r.start));
      expect(r.after).toBe(cpSlice(doc.text, r.end, r.end + 30));
      expect(r.documentTitle).toBe(doc.title);
      expect(r.codePath.length).toBeGreaterThan(0);
      expect(r.coderName.length).toBeGreaterThan(0);
    }
  });

  test('text query is script-insensitive; memo query is case-insensitive', async () => {
    fx = await makeFixture(46, 200);
    const { annotations } = fx;
    // The seeds are simplified; query in traditional characters.
    const word = annotations.map((a) => /改革|发展|财政|县/.exec(a.text)?.[0]).find(Boolean)!;
    const traditional = { 改革: '改革', 发展: '發展', 财政: '財政', 县: '縣' }[word]!;
    const expected = annotations
      .filter((a) => a.text.includes(word))
      .map((a) => a.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    for (const q of [word, traditional]) {
      const got = await all(fx, { textQuery: q, sort: 'document', direction: 'asc' });
      expect(got.rows.map((r) => r.id).sort()).toEqual(expected);
    }
    const memo = await all(fx, { memoQuery: 'fISCAL', sort: 'document', direction: 'asc' });
    expect(memo.rows.map((r) => r.id).sort()).toEqual(
      annotations
        .filter((a) => a.memo.includes('Fiscal'))
        .map((a) => a.id)
        .sort(),
    );
    // LIKE wildcards in the query are literal.
    expect((await all(fx, { textQuery: '%', sort: 'document', direction: 'asc' })).total).toBe(
      annotations.filter((a) => a.text.includes('%')).length,
    );
  });

  test('co-occurrence drill-down: the annotations behind an overlap cell', async () => {
    fx = await makeFixture(47, 200);
    const { annotations, byName } = fx;
    const A = byName('问题').id;
    const B = byName('成效').id;
    const expected = new Set<string>();
    for (const a of annotations)
      for (const b of annotations)
        if (
          a.documentId === b.documentId &&
          ((a.codeId === A && b.codeId === B) || (a.codeId === B && b.codeId === A)) &&
          a.start < b.end &&
          b.start < a.end
        ) {
          expected.add(a.id);
          expected.add(b.id);
        }
    const got = await all(fx, {
      cooccurrence: { codeA: A, codeB: B, mode: 'overlap' },
      sort: 'document',
      direction: 'asc',
    });
    expect(got.rows.map((r) => r.id).sort()).toEqual([...expected].sort());
    expect(expected.size).toBeGreaterThan(0);
  });

  test.each(['sentence', 'paragraph'] as const)(
    'co-occurrence drill-down by %s: annotations in units holding both codes',
    async (mode) => {
      fx = await makeFixture(50, 200);
      const { annotations, byName, docs } = fx;
      const A = byName('问题').id;
      const B = byName('建议').id;
      const expected = new Set<string>();
      for (const doc of docs) {
        const units = mode === 'sentence' ? splitSentences(doc.text) : splitParagraphSpans(doc.text);
        for (const u of units) {
          const inside = annotations.filter(
            (a) =>
              a.documentId === doc.id &&
              (a.codeId === A || a.codeId === B) &&
              a.start < u.end &&
              u.start < a.end,
          );
          if (inside.some((a) => a.codeId === A) && inside.some((a) => a.codeId === B))
            inside.forEach((a) => expected.add(a.id));
        }
      }
      expect(expected.size).toBeGreaterThan(0);
      const got = await all(fx, {
        cooccurrence: { codeA: A, codeB: B, mode },
        sort: 'document',
        direction: 'asc',
      });
      expect(got.rows.map((r) => r.id).sort()).toEqual([...expected].sort());
    },
  );

  test('unknown ids and bad input are errors', async () => {
    fx = await makeFixture(48, 3);
    const { core } = fx;
    await expectCode(() => core.dispatch('segments-query', { codeIds: ['x'] }), 'code-not-found');
    await expectCode(() => core.dispatch('segments-query', { documentIds: ['x'] }), 'document-not-found');
    await expectCode(() => core.dispatch('segments-query', { coderIds: ['x'] }), 'coder-not-found');
    await expectCode(() => core.dispatch('segments-query', { limit: 0 }), 'invalid-input');
    await expectCode(() => core.dispatch('segments-query', { sort: 'random' }), 'invalid-input');
  });
});

describe('segments-export', () => {
  test('CSV: BOM, header, the filtered rows in order', async () => {
    fx = await makeFixture(51, 80);
    const { core, byName, annotations } = fx;
    const input = {
      codeIds: [byName('建议').id],
      includeSubcodes: true,
      sort: 'length' as const,
      direction: 'asc' as const,
    };
    const file = await core.handlers['segments-export']({ ...input, format: 'csv' });
    expect(file.encoding).toBe('utf-8');
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    const records = parseCsvStrict(file.content.slice(1));
    expect(records[0]).toEqual([
      'annotation_id',
      'document_id',
      'document_title',
      'code',
      'code_path',
      'coder',
      'start',
      'end',
      'context_before',
      'text',
      'context_after',
      'memo',
      'created_at',
      'updated_at',
    ]);
    const { rows } = await all(fx, input);
    expect(records.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r.id));
    expect(file.rowCount).toBe(rows.length);
    for (const rec of records.slice(1)) {
      const a = annotations.find((x) => x.id === rec[0])!;
      const row = rows.find((r) => r.id === rec[0])!;
      expect(rec[9]).toBe(a.text);
      expect(rec[8]).toBe(row.before);
      expect(rec[10]).toBe(row.after);
      expect(rec[4]!.startsWith('建议')).toBe(true);
    }
  });

  test('XLSX: base64 of a workbook with the same rows', async () => {
    fx = await makeFixture(52, 30);
    const { core } = fx;
    const file = await core.handlers['segments-export']({
      sort: 'document',
      direction: 'asc',
      format: 'xlsx',
    });
    expect(file.encoding).toBe('base64');
    expect(file.fileName).toMatch(/^pizhu-segments-\d{8}-\d{6}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(31);
    const { rows } = await all(fx, { sort: 'document', direction: 'asc' });
    expect(sheet.getRow(2).getCell(1).value).toBe(rows[0]!.id);
    expect(sheet.getRow(2).getCell(10).value).toBe(rows[0]!.text);
    expect(sheet.getRow(2).getCell(7).value).toBe(rows[0]!.start);
  });
});
