// The analyses' fast paths (one index walk of ranges, islands, the co-occurrence cell as a SQL
// condition with cached stretches) against straightforward reference computations — code points
// marked one by one, pairs enumerated, units scanned — on dense random coding: overlapping,
// nested, touching and duplicated ranges, a document with characters outside the BMP, three
// coders, sub-codes, and scopes by documents, a document set, coders and an attribute.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openCore, type Core } from '../../../electron/core/index';
import type { Annotation, Code, DocumentDetail } from '../../../shared/domain';
import type { CooccurrenceMode, SegmentFilter } from '../../../shared/contracts/segments';
import { splitParagraphSpans, splitSentences } from '../../../shared/text/sentences';
import { cpSlice, SEEDS_DIR, tempDir } from '../core/helpers';
import { coveredBrute, isUnder, mulberry32 } from './fixture';

const ASTRAL =
  '𠀋𪚥村调研。𠀋村财政压力大！𪚥村债务多？\n二、建议：扩权𠀋𪚥。增加转移支付。\n\n三、𠀋𪚥问题与成效。' +
  '村里说：“𪚥！”然后走了。\n'.repeat(6);

type Ann = Pick<Annotation, 'id' | 'documentId' | 'codeId' | 'coderId' | 'start' | 'end'>;

interface Project {
  core: Core;
  file: string;
  codes: Code[];
  docs: DocumentDetail[];
  coders: string[];
  anns: Ann[];
  region: string;
  valueOf: Map<string, string>;
  setDocs: string[];
  code: (name: string) => string;
}

let project: Project | null = null;
afterEach(() => {
  project?.core.close();
  project = null;
});

/** Random coding clustered in the first 300 code points of each document, written in SQL. */
async function makeProject(seed: number, count: number): Promise<Project> {
  const file = join(tempDir(), 'fast.pizhu');
  const core = openCore({ file, seedsDir: SEEDS_DIR });
  const d = <T>(m: string, input: unknown) => core.dispatch(m, input) as Promise<T>;
  await d('import-commit', { fileName: 'astral.txt', contentBase64: Buffer.from(ASTRAL).toString('base64') });
  const top = await d<Code[]>('codes-list', {});
  const id = (name: string) => top.find((c) => c.name === name)!.id;
  const fiscal = (await d<{ code: Code }>('codes-create', { name: '财政压力', parentId: id('问题') })).code
    .id;
  await d('codes-create', { name: '县级债务', parentId: fiscal });
  await d('codes-create', { name: '扩权', parentId: id('建议') });
  const codes = await d<Code[]>('codes-list', {});
  const docs: DocumentDetail[] = [];
  for (const s of await d<{ id: string }[]>('documents-list', {}))
    docs.push(await d<DocumentDetail>('documents-get', { id: s.id }));

  const raw = new Database(file);
  const now = new Date().toISOString();
  const coders = [raw.prepare('SELECT id FROM coders').pluck().get() as string];
  for (const name of ['李四', '王五']) {
    const coder = randomUUID();
    raw
      .prepare('INSERT INTO coders (id, name, color, created_at) VALUES (?, ?, ?, ?)')
      .run(coder, name, '#555555', now);
    coders.push(coder);
  }
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const anns: Ann[] = [];
  const insert = raw.prepare(
    `INSERT INTO annotations (id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  raw.transaction(() => {
    for (let i = 0; i < count; i++) {
      const prev = anns.length > 0 ? pick(anns) : null;
      const shape = random();
      let doc: DocumentDetail;
      let start: number;
      let end: number;
      if (prev && shape < 0.15) {
        // Nested in an earlier annotation (or equal to it when it is one code point long).
        doc = docs.find((x) => x.id === prev.documentId)!;
        start = prev.start + Math.floor(random() * (prev.end - prev.start));
        end = start + 1 + Math.floor(random() * (prev.end - start - 1));
      } else if (prev && shape < 0.3) {
        // Touching an earlier one, before or after it.
        doc = docs.find((x) => x.id === prev.documentId)!;
        if (random() < 0.5 || prev.end === doc.length) {
          end = prev.start;
          start = Math.max(0, end - 1 - Math.floor(random() * 10));
        } else {
          start = prev.end;
          end = Math.min(doc.length, start + 1 + Math.floor(random() * 10));
        }
      } else if (prev && shape < 0.38) {
        doc = docs.find((x) => x.id === prev.documentId)!;
        start = prev.start;
        end = prev.end;
      } else if (shape < 0.4) {
        doc = pick(docs);
        start = 0;
        end = doc.length;
      } else {
        doc = pick(docs);
        start = end = 0;
      }
      if (end <= start) {
        // Free (also when an earlier one leaves no room to touch it).
        const span = Math.min(300, doc.length - 1);
        start = Math.floor(random() * span);
        end = Math.min(doc.length, start + 1 + Math.floor(random() * 40));
      }
      const a: Ann = {
        id: randomUUID(),
        documentId: doc.id,
        codeId: pick(codes).id,
        coderId: pick(coders),
        start,
        end,
      };
      anns.push(a);
      const at = new Date(Date.parse(now) + i).toISOString();
      insert.run(a.id, a.documentId, a.codeId, a.coderId, start, end, cpSlice(doc.text, start, end), at, at);
    }
  })();
  raw.close();

  const region = (await d<{ attribute: { id: string } }>('attributes-create', { name: '地区', type: 'text' }))
    .attribute.id;
  const valueOf = new Map<string, string>();
  for (const [i, doc] of docs.entries()) {
    if (i % 3 === 2) continue; // some documents have no value
    const value = i % 3 === 0 ? '江苏' : '浙江';
    await d('attributes-set', { attributeId: region, documentIds: [doc.id], value });
    valueOf.set(doc.id, value);
  }
  const set = (await d<{ set: { id: string } }>('sets-create', { name: '样本' })).set.id;
  const setDocs = docs.filter((_, i) => i % 2 === 1).map((x) => x.id);
  const members = (
    await d<{ set: { documentIds: string[] } }>('sets-add-documents', { id: set, documentIds: setDocs })
  ).set.documentIds;
  const astral = docs.find((x) => x.text === ASTRAL)!;
  expect(anns.some((a) => a.documentId === astral.id)).toBe(true);
  return {
    core,
    file,
    codes,
    docs,
    coders,
    anns,
    region,
    valueOf,
    setDocs: members,
    code: (name) => codes.find((c) => c.name === name)!.id,
  };
}

const intersects = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

const unitCache = new Map<string, { start: number; end: number }[]>();

function unitsOf(p: Project, documentId: string, mode: 'sentence' | 'paragraph') {
  const text = p.docs.find((x) => x.id === documentId)!.text;
  const key = `${mode} ${text}`;
  let units = unitCache.get(key);
  if (!units) {
    units = mode === 'sentence' ? splitSentences(text) : splitParagraphSpans(text);
    unitCache.set(key, units);
  }
  return units;
}

/** The annotations behind a co-occurrence cell, by enumeration. */
function cellBrute(
  p: Project,
  anns: readonly Ann[],
  A: string,
  B: string,
  mode: CooccurrenceMode,
): Set<string> {
  const out = new Set<string>();
  if (A === B) {
    for (const a of anns) if (a.codeId === A) out.add(a.id);
    return out;
  }
  for (const doc of p.docs) {
    const mine = anns.filter((a) => a.documentId === doc.id && (a.codeId === A || a.codeId === B));
    if (mode === 'overlap') {
      for (const a of mine) if (mine.some((b) => b.codeId !== a.codeId && intersects(a, b))) out.add(a.id);
      continue;
    }
    for (const u of unitsOf(p, doc.id, mode)) {
      const inside = mine.filter((a) => intersects(a, u));
      if (inside.some((a) => a.codeId === A) && inside.some((a) => a.codeId === B))
        inside.forEach((a) => out.add(a.id));
    }
  }
  return out;
}

async function allPages(
  p: Project,
  input: SegmentFilter & { sort?: 'document' | 'length'; direction?: 'asc' | 'desc' },
) {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += 23) {
    const page = await p.core.handlers['segments-query']({
      sort: 'document',
      direction: 'asc',
      ...input,
      offset,
      limit: 23,
    });
    totals.add(page.total);
    ids.push(...page.rows.map((r) => r.id));
    // Every page reports the same total.
    if (page.rows.length < 23) return { ids, total: totals.size === 1 ? page.total : -1 };
  }
}

/** Document order: documents as listed, then start, end, id. */
function inDocumentOrder(p: Project, anns: readonly Ann[], dir: 1 | -1 = 1): string[] {
  const rank = new Map(p.docs.map((d, i) => [d.id, i]));
  return [...anns]
    .sort(
      (a, b) =>
        dir *
        (rank.get(a.documentId)! - rank.get(b.documentId)! ||
          a.start - b.start ||
          a.end - b.end ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    )
    .map((a) => a.id);
}

describe('analysis fast paths against reference computations', () => {
  test.each([
    [61, false],
    [62, true],
  ])(
    'matrix and frequencies (seed %i, sub-codes %s), whole project and a document set',
    async (seed, sub) => {
      const p = (project = await makeProject(seed, 700));
      const h = p.core.handlers;
      const inRow = (code: string, row: string) => (sub ? isUnder(p.codes, code, row) : code === row);
      for (const scope of [undefined, p.setDocs]) {
        const m = await h['analysis-matrix']({
          includeSubcodes: sub,
          ...(scope ? { documentIds: scope } : {}),
        });
        const docs = p.docs.filter((d) => !scope || scope.includes(d.id));
        expect(m.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
        m.codes.forEach((row, i) => {
          let count = 0;
          let coded = 0;
          docs.forEach((doc, j) => {
            const mine = p.anns.filter((a) => a.documentId === doc.id && inRow(a.codeId, row.id));
            expect(m.cells[i]![j]).toEqual({ count: mine.length, coded: coveredBrute(mine) });
            count += mine.length;
            coded += coveredBrute(mine);
          });
          expect(m.rowTotals[i]).toEqual({ count, coded });
        });
        docs.forEach((doc, j) => {
          const inDoc = p.anns.filter((a) => a.documentId === doc.id);
          expect(m.columnTotals[j]).toEqual({ count: inDoc.length, coded: coveredBrute(inDoc) });
        });
      }

      // Rows restricted to a parent and a leaf, by coder and by attribute value.
      const rows = [p.code('问题'), p.code('扩权')];
      const byCoder = await h['analysis-frequencies']({
        groupBy: 'coder',
        codeIds: rows,
        includeSubcodes: sub,
      });
      byCoder.groups.forEach((g, i) =>
        byCoder.codes.forEach((c, j) => {
          const mine = p.anns.filter((a) => a.coderId === g.id && inRow(a.codeId, c.id));
          const coded = p.docs.reduce(
            (n, d) => n + coveredBrute(mine.filter((a) => a.documentId === d.id)),
            0,
          );
          expect(byCoder.cells[i]![j]).toEqual({ count: mine.length, coded });
        }),
      );
      expect(byCoder.groups.map((g) => g.id).sort()).toEqual([...p.coders].sort());
      const byRegion = await h['analysis-frequencies']({
        groupBy: { attributeId: p.region },
        includeSubcodes: sub,
        documentIds: p.setDocs,
      });
      expect(byRegion.groups.length).toBeGreaterThan(1);
      byRegion.groups.forEach((g, i) => {
        const docs = p.docs.filter((d) => p.setDocs.includes(d.id) && (p.valueOf.get(d.id) ?? '') === g.id);
        byRegion.codes.forEach((c, j) => {
          const mine = p.anns.filter((a) => docs.some((d) => d.id === a.documentId) && inRow(a.codeId, c.id));
          const coded = docs.reduce((n, d) => n + coveredBrute(mine.filter((a) => a.documentId === d.id)), 0);
          expect(byRegion.cells[i]![j]).toEqual({ count: mine.length, coded });
        });
        expect(byRegion.groupTotals[i]).toBe(
          p.anns.filter((a) => docs.some((d) => d.id === a.documentId)).length,
        );
      });
    },
  );

  test.each(['overlap', 'sentence', 'paragraph'] as const)(
    'co-occurrence %s, whole project and a document set',
    async (mode) => {
      const p = (project = await makeProject(63, 600));
      for (const scope of [undefined, p.setDocs]) {
        const m = await p.core.handlers['analysis-cooccurrence']({
          mode,
          ...(scope ? { documentIds: scope } : {}),
        });
        const idx = new Map(m.codes.map((c, i) => [c.id, i]));
        const n = m.codes.length;
        const expected = Array.from({ length: n }, () => new Array<number>(n).fill(0));
        for (const doc of p.docs) {
          if (scope && !scope.includes(doc.id)) continue;
          const mine = p.anns.filter((a) => a.documentId === doc.id);
          if (mode === 'overlap') {
            for (const a of mine) expected[idx.get(a.codeId)!]![idx.get(a.codeId)!]!++;
            for (const a of mine)
              for (const b of mine)
                if (a.codeId !== b.codeId && intersects(a, b))
                  expected[idx.get(a.codeId)!]![idx.get(b.codeId)!]!++;
          } else {
            for (const u of unitsOf(p, doc.id, mode)) {
              const present = new Set(mine.filter((a) => intersects(a, u)).map((a) => idx.get(a.codeId)!));
              for (const i of present) for (const j of present) expected[i]![j]!++;
            }
          }
        }
        expect(m.counts).toEqual(expected);
      }
    },
  );

  test.each(['overlap', 'sentence', 'paragraph'] as const)(
    'a co-occurrence cell’s segments (%s): alone, with other filters, in several orders',
    async (mode) => {
      const p = (project = await makeProject(64, 600));
      const pairs = [
        [p.code('问题'), p.code('财政压力')],
        [p.code('建议'), p.code('县级债务')],
        [p.code('成效'), p.code('成效')],
      ] as const;
      for (const [A, B] of pairs) {
        const cell = { codeA: A, codeB: B, mode };
        const expected = p.anns.filter((a) => cellBrute(p, p.anns, A, B, mode).has(a.id));
        expect(expected.length).toBeGreaterThan(0);
        const asc = await allPages(p, { cooccurrence: cell });
        expect(asc.total).toBe(expected.length);
        expect(asc.ids).toEqual(inDocumentOrder(p, expected));
        const desc = await allPages(p, { cooccurrence: cell, direction: 'desc' });
        expect(desc.ids).toEqual(inDocumentOrder(p, expected, -1));
        const byLength = await allPages(p, { cooccurrence: cell, sort: 'length' });
        expect([...byLength.ids].sort()).toEqual(expected.map((a) => a.id).sort());
        const grouped = await p.core.handlers['segments-query']({
          cooccurrence: cell,
          groupBy: 'document',
          sort: 'document',
          direction: 'asc',
          offset: 0,
          limit: 5,
        });
        expect(grouped.groups!.map((g) => g.count)).toEqual(
          p.docs.map((d) => expected.filter((a) => a.documentId === d.id).length).filter((n) => n > 0),
        );

        // With documents of a set, a coder and an attribute value (the SQL condition decides).
        const coder = p.coders[1]!;
        const narrowed = expected.filter(
          (a) =>
            p.setDocs.includes(a.documentId) && a.coderId !== coder && p.valueOf.get(a.documentId) !== '浙江',
        );
        const got = await allPages(p, {
          cooccurrence: cell,
          documentIds: p.setDocs,
          coderIds: p.coders.filter((c) => c !== coder),
          attributes: [{ attributeId: p.region, values: ['江苏'], missing: true }],
        });
        expect(got.total).toBe(narrowed.length);
        expect(got.ids).toEqual(inDocumentOrder(p, narrowed));
      }
    },
  );

  test.each(['overlap', 'sentence'] as const)(
    'a cell follows every change: API edits, undo, and another connection’s writes (%s)',
    async (mode) => {
      const p = (project = await makeProject(65, 300));
      const h = p.core.handlers;
      const A = p.code('问题');
      const B = p.code('建议');
      const doc = p.docs.find((d) => d.length > 2000)!;
      const anns = [...p.anns];
      const check = async () => {
        const expected = anns.filter((a) => cellBrute(p, anns, A, B, mode).has(a.id));
        const got = await allPages(p, { cooccurrence: { codeA: A, codeB: B, mode } });
        expect(got.ids).toEqual(inDocumentOrder(p, expected));
        return got.ids;
      };
      const create = async (codeId: string, start: number, end: number) => {
        const { annotation } = await h['annotations-create']({ documentId: doc.id, codeId, start, end });
        const a: Ann = { ...annotation, start, end };
        anns.push(a);
        return a;
      };
      await check();
      // Far from the random coding (first 300 code points), so only these two can meet there.
      const lone = await create(A, 1500, 1510);
      expect(await check()).not.toContain(lone.id);
      const partner = await create(B, 1505, 1520);
      expect(await check()).toEqual(expect.arrayContaining([lone.id, partner.id]));
      await h['history-undo']({});
      anns.splice(anns.indexOf(partner), 1);
      expect(await check()).not.toContain(lone.id);
      // Another connection (the CLI beside the app) moves the lone annotation onto B's coding.
      const other = anns.find((a) => a.codeId === B && a.documentId === doc.id)!;
      const raw = new Database(p.file);
      raw
        .prepare('UPDATE annotations SET start_offset = ?, end_offset = ? WHERE id = ?')
        .run(other.start, other.end, lone.id);
      raw.close();
      lone.start = other.start;
      lone.end = other.end;
      expect(await check()).toContain(lone.id);
    },
  );
});
