/**
 * `analysis-cooccurrence`: how often two codes meet.
 *
 * - overlap: the number of PAIRS of annotations (one of code i, one of code j ≠ i) on the same
 *   document whose ranges intersect (share at least one code point). Counted, not enumerated
 *   (countOverlapPairs), from each document's annotations read as integers only (code index,
 *   start, end) off a covering index.
 * - sentence / paragraph: the number of UNITS (sentences or paragraphs of shared/text/sentences.ts)
 *   in which both codes occur; a code occurs in a unit when one of its annotations intersects it.
 *   An annotation spanning three sentences occurs in all three.
 * Diagonal: annotations of code i (overlap), units in which code i occurs (sentence/paragraph).
 * Codes are taken as they are (no sub-code aggregation): co-occurrence of a code with its own
 * child would otherwise be counted by construction.
 *
 * `cooccurringIds` returns the annotations behind one cell, for the coded segments view.
 */
import type { CooccurrenceMatrix } from '../../../shared/contracts/analysis';
import type { CooccurrenceMode } from '../../../shared/contracts/segments';
import { splitParagraphSpans, splitSentences, type Span } from '../../../shared/text/sentences';
import type { CoreContext } from '../context';
import { codeScope, requireDocuments } from './scope';

/** Units per document, cached: a document's text never changes (immutable canonical text). */
const unitCache = new WeakMap<CoreContext, Map<string, Span[]>>();

function unitsOf(ctx: CoreContext, documentId: string, mode: 'sentence' | 'paragraph'): Span[] {
  let cache = unitCache.get(ctx);
  if (!cache) {
    cache = new Map();
    unitCache.set(ctx, cache);
  }
  const key = `${mode}:${documentId}`;
  let units = cache.get(key);
  if (!units) {
    const row = ctx.db.stmt('SELECT text FROM documents WHERE id = ?').get(documentId) as
      { text: string } | undefined;
    const text = row?.text ?? '';
    units = mode === 'sentence' ? splitSentences(text) : splitParagraphSpans(text);
    cache.set(key, units);
  }
  return units;
}

/** Index of the first unit whose end is after `offset`. */
function firstUnitEndingAfter(units: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** One annotation as the counting needs it: code (matrix index or id), range, and its id. */
interface Item<C> {
  code: C;
  start: number;
  end: number;
  id: string;
}

/**
 * The items of `xs` that intersect at least one item of `ys` (sorted by start): b intersects a
 * iff b.start < a.end and b.end > a.start, so among the ys starting before a.end the largest end
 * decides — a binary search and a prefix maximum, without enumerating pairs.
 */
function intersectingAny<C>(xs: readonly Item<C>[], ys: readonly Item<C>[]): Item<C>[] {
  const maxEnd = new Float64Array(ys.length);
  let m = -1;
  ys.forEach((y, i) => (maxEnd[i] = m = Math.max(m, y.end)));
  return xs.filter((x) => {
    let lo = 0;
    let hi = ys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ys[mid]!.start < x.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > x.start;
  });
}

/** For each unit a document's annotations touch, the annotations touching it. */
function byUnit<C>(units: readonly Span[], items: readonly Item<C>[]): Map<number, Item<C>[]> {
  const perUnit = new Map<number, Item<C>[]>();
  for (const s of items) {
    for (let u = firstUnitEndingAfter(units, s.start); u < units.length && units[u]!.start < s.end; u++) {
      const list = perUnit.get(u);
      if (list) list.push(s);
      else perUnit.set(u, [s]);
    }
  }
  return perUnit;
}

/** Documents with annotations of the given codes (restricted to `documentIds` when given). */
function documentsWith(
  ctx: CoreContext,
  codeIds: readonly string[],
  documentIds: readonly string[] | undefined,
) {
  const params = [JSON.stringify(codeIds)];
  let docs = '';
  if (documentIds) {
    docs = ' AND a.document_id IN (SELECT value FROM json_each(?))';
    params.push(JSON.stringify(documentIds));
  }
  return ctx.db
    .stmt(
      `SELECT DISTINCT a.document_id FROM annotations a
       WHERE a.code_id IN (SELECT value FROM json_each(?))${docs}`,
    )
    .pluck(true)
    .all(...params) as string[];
}

/** Number of pairs (x in `ends`, y in `starts`) with x ≤ y: both sorted ascending (merge walk). */
function countEndingBefore(ends: Float64Array, starts: Float64Array): number {
  let total = 0;
  let i = 0;
  for (const y of starts) {
    while (i < ends.length && ends[i]! <= y) i++;
    total += i;
  }
  return total;
}

/**
 * Overlap pairs of one document without enumerating them: for codes i ≠ j, the pairs that do NOT
 * intersect are those where one ends at or before the other starts, so
 * pairs(i, j) = n_i·n_j − #(i ends ≤ j starts) − #(j ends ≤ i starts) — sorted starts and ends
 * per code and a merge walk per code pair, O(k·n log n) instead of O(pairs) (dense coding has
 * millions of pairs).
 */
function countOverlapPairs(
  items: readonly Item<number>[],
  n: number,
  bump: (i: number, j: number, by: number) => void,
) {
  const starts: number[][] = Array.from({ length: n }, () => []);
  const ends: number[][] = Array.from({ length: n }, () => []);
  for (const it of items) {
    starts[it.code]!.push(it.start);
    ends[it.code]!.push(it.end);
  }
  const present = starts.flatMap((list, c) => (list.length > 0 ? [c] : []));
  const sortedStarts = new Map(present.map((c) => [c, Float64Array.from(starts[c]!).sort()]));
  const sortedEnds = new Map(present.map((c) => [c, Float64Array.from(ends[c]!).sort()]));
  for (const c of present) bump(c, c, starts[c]!.length);
  for (let x = 0; x < present.length; x++)
    for (let y = x + 1; y < present.length; y++) {
      const i = present[x]!;
      const j = present[y]!;
      const pairs =
        starts[i]!.length * starts[j]!.length -
        countEndingBefore(sortedEnds.get(i)!, sortedStarts.get(j)!) -
        countEndingBefore(sortedEnds.get(j)!, sortedStarts.get(i)!);
      bump(i, j, pairs);
    }
}

/** Units of one document in which codes occur together: one bitmap of units per code. */
function countUnitPairs(
  units: readonly Span[],
  items: readonly Item<number>[],
  bump: (i: number, j: number, by: number) => void,
) {
  const marks = new Map<number, Uint8Array>();
  for (const s of items) {
    let m = marks.get(s.code);
    if (!m) {
      m = new Uint8Array(units.length);
      marks.set(s.code, m);
    }
    for (let u = firstUnitEndingAfter(units, s.start); u < units.length && units[u]!.start < s.end; u++)
      m[u] = 1;
  }
  const present = [...marks.keys()].sort((a, b) => a - b);
  for (let x = 0; x < present.length; x++)
    for (let y = x; y < present.length; y++) {
      const a = marks.get(present[x]!)!;
      const b = marks.get(present[y]!)!;
      let both = 0;
      for (let u = 0; u < units.length; u++) both += a[u]! & b[u]!;
      if (both > 0) bump(present[x]!, present[y]!, both);
    }
}

export function cooccurrenceMatrix(
  ctx: CoreContext,
  input: { mode: CooccurrenceMode; codeIds?: string[] | undefined; documentIds?: string[] | undefined },
): CooccurrenceMatrix {
  const scope = codeScope(ctx, input.codeIds, false);
  if (input.documentIds) requireDocuments(ctx, input.documentIds);
  const n = scope.codes.length;
  const flat = new Float64Array(n * n);
  const bump = (i: number, j: number, by: number) => {
    flat[i * n + j]! += by;
    if (i !== j) flat[j * n + i]! += by;
  };
  const codeIndex = JSON.stringify(scope.codes.map((c, i) => [c.id, i]));
  const read = ctx.db
    .stmt(
      `SELECT p.i, a.start_offset, a.end_offset FROM annotations a INDEXED BY annotations_document_order
       JOIN (SELECT json_extract(value, '$[0]') AS code, json_extract(value, '$[1]') AS i FROM json_each(?)) p
         ON p.code = a.code_id
       WHERE a.document_id = ?`,
    )
    .raw(true);
  for (const documentId of documentsWith(ctx, scope.memberIds, input.documentIds)) {
    const items = (read.all(codeIndex, documentId) as [number, number, number][]).map(
      ([code, start, end]): Item<number> => ({ code, start, end, id: '' }),
    );
    if (input.mode === 'overlap') countOverlapPairs(items, n, bump);
    else countUnitPairs(unitsOf(ctx, documentId, input.mode), items, bump);
  }
  const counts = Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * n, (i + 1) * n)));
  return { mode: input.mode, codes: scope.codes, counts };
}

/**
 * Annotations behind the cell (codeA, codeB): those of either code that take part in at least one
 * co-occurrence with the other. With codeA = codeB: every annotation of that code.
 */
export function cooccurringIds(
  ctx: CoreContext,
  cell: { codeA: string; codeB: string; mode: CooccurrenceMode },
): string[] {
  const { codeA, codeB } = cell;
  codeScope(ctx, [codeA, codeB], false); // validates both ids
  const read = ctx.db
    .stmt(
      `SELECT a.code_id, a.start_offset, a.end_offset, a.id FROM annotations a
       WHERE a.document_id = ? AND a.code_id IN (?, ?) ORDER BY a.start_offset`,
    )
    .raw(true);
  const ids = new Set<string>();
  for (const documentId of documentsWith(ctx, [codeA, codeB], undefined)) {
    const items = (read.all(documentId, codeA, codeB) as [string, number, number, string][]).map(
      ([code, start, end, id]): Item<string> => ({ code, start, end, id }),
    );
    if (codeA === codeB) items.forEach((s) => ids.add(s.id));
    else if (cell.mode === 'overlap') {
      const as = items.filter((s) => s.code === codeA);
      const bs = items.filter((s) => s.code === codeB);
      for (const s of intersectingAny(as, bs)) ids.add(s.id);
      for (const s of intersectingAny(bs, as)) ids.add(s.id);
    } else {
      for (const members of byUnit(unitsOf(ctx, documentId, cell.mode), items).values()) {
        if (members.some((s) => s.code === codeA) && members.some((s) => s.code === codeB))
          for (const s of members) ids.add(s.id);
      }
    }
  }
  return [...ids];
}
