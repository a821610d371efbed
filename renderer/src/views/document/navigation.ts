/**
 * Pure logic behind the document view's keyboard moves and find bar, all in canonical code
 * points: the next/previous annotation (J/K), the next/previous sentence (N/P), sentence snapping,
 * and script-insensitive find matches. DOM-free, so it is unit-tested directly.
 */
import type { Annotation } from '../../../../shared/domain';
import { foldForSearch, type Span } from '../../../../shared/text/script-convert';
import { expandToSpans } from '../../../../shared/text/sentences';
import { countCodePoints } from '../../../../shared/text/offsets';

/** Annotations in reading order: by start, then the longer first, then id (stable). */
export function readingOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(
    (a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The annotation after (`step` 1) or before (-1) `currentId` in reading order. Without a current
 * one: the first annotation at or after `from` (going forward) or the last before it (going
 * back). Stops at the ends (null).
 */
export function stepAnnotation(
  ordered: readonly Annotation[],
  currentId: string | null,
  step: 1 | -1,
  from = 0,
): Annotation | null {
  if (ordered.length === 0) return null;
  const at = currentId === null ? -1 : ordered.findIndex((a) => a.id === currentId);
  if (at !== -1) return ordered[at + step] ?? null;
  if (step === 1) return ordered.find((a) => a.start >= from) ?? null;
  for (let i = ordered.length - 1; i >= 0; i--) if (ordered[i]!.start < from) return ordered[i]!;
  return null;
}

/**
 * The sentence after (`step` 1) or before (-1) `anchor` (a selection or annotation); without an
 * anchor, the first sentence that starts at or after `from`. A sentence only partly covered by the
 * anchor is skipped going forward (N moves on), and so is the anchor's own first sentence going
 * back.
 */
export function stepSentence(
  sentences: readonly Span[],
  anchor: Span | null,
  step: 1 | -1,
  from = 0,
): Span | null {
  if (sentences.length === 0) return null;
  if (!anchor) {
    if (step === 1) return sentences.find((s) => s.start >= from) ?? sentences[sentences.length - 1]!;
    for (let i = sentences.length - 1; i >= 0; i--) if (sentences[i]!.start < from) return sentences[i]!;
    return sentences[0]!;
  }
  if (step === 1) return sentences.find((s) => s.start >= anchor.end) ?? null;
  for (let i = sentences.length - 1; i >= 0; i--) if (sentences[i]!.end <= anchor.start) return sentences[i]!;
  return null;
}

/** A selection snapped to whole sentences (when snapping is on). */
export function snapToSentences(sentences: readonly Span[], range: Span): Span {
  return expandToSpans(sentences, range);
}

/**
 * Every occurrence of `query` in `text` (non-overlapping, in order), script- and case-insensitive:
 * both are folded character by character to Simplified (`foldForSearch` keeps each character's
 * position), so 问题 finds 問題. `folded` is `foldForSearch(text)`, passed in so that a document
 * is folded once per find session. Offsets are code points.
 */
export function findMatches(folded: string, query: string): Span[] {
  const q = foldForSearch(query.trim());
  if (q.length === 0) return [];
  const out: Span[] = [];
  // Search in UTF-16 and count code points as we go (matches never split a pair).
  const qLen = [...q].length;
  let cp = 0;
  let last = 0;
  for (let at = folded.indexOf(q); at !== -1; at = folded.indexOf(q, at + q.length)) {
    cp += countCodePoints(folded, last, at);
    out.push({ start: cp, end: cp + qLen });
    cp += qLen;
    last = at + q.length;
  }
  return out;
}

/** The index of the first match at or after code point `from` (wrapping to 0). */
export function firstMatchFrom(matches: readonly Span[], from: number): number {
  const i = matches.findIndex((m) => m.start >= from);
  return i === -1 ? 0 : i;
}
