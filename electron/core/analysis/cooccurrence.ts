/**
 * `analysis-cooccurrence`: how often two codes meet.
 *
 * - overlap: the number of PAIRS of annotations (one of code i, one of code j ≠ i) on the same
 *   document whose ranges intersect (share at least one code point). Found by a sweep over each
 *   document's annotations sorted by start, so the cost is O(n log n + pairs).
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
import { loadSpans, type AnnotationSpan } from './rows';
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

/** Units (indexes) that the range [start, end) intersects. */
export function unitsTouched(units: readonly Span[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = firstUnitEndingAfter(units, start); i < units.length && units[i]!.start < end; i++)
    out.push(i);
  return out;
}

function byDocument(spans: readonly AnnotationSpan[]): Map<string, AnnotationSpan[]> {
  const docs = new Map<string, AnnotationSpan[]>();
  for (const s of spans) {
    const list = docs.get(s.document_id);
    if (list) list.push(s);
    else docs.set(s.document_id, [s]);
  }
  return docs;
}

/** Calls `pair(a, b)` for every intersecting pair of annotations in one document. */
function sweepOverlaps(spans: AnnotationSpan[], pair: (a: AnnotationSpan, b: AnnotationSpan) => void): void {
  spans.sort((a, b) => a.start_offset - b.start_offset);
  let active: AnnotationSpan[] = [];
  for (const a of spans) {
    active = active.filter((b) => b.end_offset > a.start_offset);
    for (const b of active) pair(a, b);
    active.push(a);
  }
}

/** Per unit of a document, the set of codes occurring in it (and the annotations doing so). */
function unitCodes(
  ctx: CoreContext,
  documentId: string,
  spans: readonly AnnotationSpan[],
  mode: 'sentence' | 'paragraph',
): Map<number, AnnotationSpan[]> {
  const units = unitsOf(ctx, documentId, mode);
  const perUnit = new Map<number, AnnotationSpan[]>();
  for (const s of spans) {
    for (const u of unitsTouched(units, s.start_offset, s.end_offset)) {
      const list = perUnit.get(u);
      if (list) list.push(s);
      else perUnit.set(u, [s]);
    }
  }
  return perUnit;
}

export function cooccurrenceMatrix(
  ctx: CoreContext,
  input: { mode: CooccurrenceMode; codeIds?: string[] | undefined; documentIds?: string[] | undefined },
): CooccurrenceMatrix {
  const scope = codeScope(ctx, input.codeIds, false);
  if (input.documentIds) requireDocuments(ctx, input.documentIds);
  const n = scope.codes.length;
  const index = new Map(scope.codes.map((c, i) => [c.id, i]));
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const spans = loadSpans(ctx, scope.memberIds, input.documentIds);
  for (const [documentId, list] of byDocument(spans)) {
    if (input.mode === 'overlap') {
      for (const s of list) counts[index.get(s.code_id)!]![index.get(s.code_id)!]!++;
      sweepOverlaps(list, (a, b) => {
        const i = index.get(a.code_id)!;
        const j = index.get(b.code_id)!;
        if (i === j) return;
        counts[i]![j]!++;
        counts[j]![i]!++;
      });
    } else {
      for (const members of unitCodes(ctx, documentId, list, input.mode).values()) {
        const present = [...new Set(members.map((s) => index.get(s.code_id)!))];
        for (const i of present) for (const j of present) counts[i]![j]!++;
      }
    }
  }
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
  const spans = loadSpans(ctx, [codeA, codeB], undefined);
  if (codeA === codeB) return spans.map((s) => s.id);
  const ids = new Set<string>();
  for (const [documentId, list] of byDocument(spans)) {
    if (cell.mode === 'overlap') {
      sweepOverlaps(list, (a, b) => {
        if (a.code_id === b.code_id) return;
        ids.add(a.id);
        ids.add(b.id);
      });
    } else {
      for (const members of unitCodes(ctx, documentId, list, cell.mode).values()) {
        if (members.some((s) => s.code_id === codeA) && members.some((s) => s.code_id === codeB))
          for (const s of members) ids.add(s.id);
      }
    }
  }
  return [...ids];
}
