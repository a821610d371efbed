/**
 * `analysis-cooccurrence`: how often two codes meet.
 *
 * - overlap: the number of PAIRS of annotations (one of code i, one of code j ≠ i) on the same
 *   document whose ranges intersect (share at least one code point). Counted, not enumerated
 *   (ranges.ts `countIntersectingPairs`), from each (code, document)'s sorted starts and ends.
 * - sentence / paragraph: the number of UNITS (sentences or paragraphs of shared/text/sentences.ts)
 *   in which both codes occur; a code occurs in a unit when one of its annotations intersects it,
 *   i.e. when the unit intersects the union of the code's ranges (its islands). An annotation
 *   spanning three sentences occurs in all three.
 * Diagonal: annotations of code i (overlap), units in which code i occurs (sentence/paragraph).
 * Codes are taken as they are (no sub-code aggregation): co-occurrence of a code with its own
 * child would otherwise be counted by construction.
 *
 * The ranges come from one index walk for all documents (rows.ts `readCodeRanges`); the
 * annotations behind one cell, for the coded segments view, are in cooccurrence-cell.ts.
 */
import type { CooccurrenceMatrix } from '../../../shared/contracts/analysis';
import type { CooccurrenceMode } from '../../../shared/contracts/segments';
import { splitParagraphSpans, splitSentences, type Span } from '../../../shared/text/sentences';
import type { CoreContext } from '../context';
import {
  countIntersectingPairs,
  islandsOfPairs,
  sortedRanges,
  unitsTouched,
  type RangePairs,
} from './ranges';
import { readCodeRanges } from './rows';
import { codeScope, requireDocuments } from './scope';

/** Units per document, cached: a document's text never changes (immutable canonical text). */
const unitCache = new WeakMap<CoreContext, Map<string, Span[]>>();

export function unitsOf(ctx: CoreContext, documentId: string, mode: 'sentence' | 'paragraph'): Span[] {
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

type Bump = (i: number, j: number, by: number) => void;

/** One document: pairs of intersecting annotations per pair of codes, annotations on the diagonal. */
function countOverlapPairs(codes: readonly { code: number; ranges: RangePairs }[], bump: Bump): void {
  const sorted = codes.map((c) => sortedRanges(c.ranges));
  for (let x = 0; x < codes.length; x++) {
    bump(codes[x]!.code, codes[x]!.code, sorted[x]!.starts.length);
    for (let y = x + 1; y < codes.length; y++) {
      const pairs = countIntersectingPairs(sorted[x]!, sorted[y]!);
      if (pairs > 0) bump(codes[x]!.code, codes[y]!.code, pairs);
    }
  }
}

/**
 * One document: units in which codes occur together. Each code lists the units its islands touch;
 * each unit collects its codes (ascending, as `codes` is) and counts every pair of them once.
 */
function countUnitPairs(
  units: readonly Span[],
  codes: readonly { code: number; ranges: RangePairs }[],
  bump: Bump,
): void {
  const present: number[][] = [];
  for (const { code, ranges } of codes)
    for (const u of unitsTouched(units, islandsOfPairs(ranges))) (present[u] ??= []).push(code);
  for (const list of present) {
    if (!list) continue;
    for (let x = 0; x < list.length; x++) for (let y = x; y < list.length; y++) bump(list[x]!, list[y]!, 1);
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
  const indexOf = new Map(scope.codes.map((c, i) => [c.id, i]));
  // Per document, its codes' ranges in matrix order (one index walk for every document).
  const byDocument = new Map<string, { code: number; ranges: RangePairs }[]>();
  for (const r of readCodeRanges(ctx, scope.memberIds, input.documentIds)) {
    const list = byDocument.get(r.document) ?? [];
    list.push({ code: indexOf.get(r.code)!, ranges: r.ranges });
    byDocument.set(r.document, list);
  }
  for (const [documentId, codes] of byDocument) {
    codes.sort((a, b) => a.code - b.code);
    if (input.mode === 'overlap') countOverlapPairs(codes, bump);
    else countUnitPairs(unitsOf(ctx, documentId, input.mode), codes, bump);
  }
  const counts = Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * n, (i + 1) * n)));
  return { mode: input.mode, codes: scope.codes, counts };
}
