/**
 * Chinese sentence and paragraph boundaries, for snapping a selection to whole sentences and for
 * expanding a search hit to its sentence or paragraph. All offsets are code points into the
 * canonical text.
 *
 * A sentence ends after 。！？；… (and their half-width forms . ! ? ;), after closing quotes or
 * brackets that directly follow such a mark (`……。”`), and at a line end. A numbered item that
 * starts a line (`一、` `(一)` `（一）` `1.` `第一，` `一是`) starts a new sentence even without a mark
 * before it, since such items are how policy texts structure their points. Half-width `.` ends a
 * sentence only before white space or the end, so `3.22亿元` stays whole.
 */

export interface Span {
  start: number;
  end: number;
}

const ENDERS = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'"]);
const NUMBERED_ITEM =
  /^[\s\u3000]*(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)|第[一二三四五六七八九十百\d]+[，,、:：]|[一二三四五六七八九十]+是)/u;

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/u.test(c);
}

/** Sentences of `text`, in order, white space trimmed, covering every non-blank character. */
export function splitSentences(text: string): Span[] {
  const cps = [...text];
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(cps[s])) s++;
    while (e > s && isSpace(cps[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };
  let lineStart = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (lineStart && i > start) {
      // A numbered item at the start of a line begins a sentence.
      const rest = cps.slice(i, i + 12).join('');
      if (NUMBERED_ITEM.test(rest)) push(i);
    }
    lineStart = false;
    if (c === '\n') {
      push(i + 1);
      lineStart = true;
      continue;
    }
    const ends = ENDERS.has(c) || (c === '.' && isSpace(cps[i + 1]));
    if (ends) {
      let j = i + 1;
      while (j < cps.length && (ENDERS.has(cps[j]!) || CLOSERS.has(cps[j]!))) j++;
      push(j);
      i = j - 1;
    }
  }
  push(cps.length);
  return spans;
}

/** Paragraphs: the non-blank lines of `text`, trimmed. */
export function splitParagraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let cp = 0;
  for (const line of text.split('\n')) {
    const chars = [...line];
    let s = 0;
    let e = chars.length;
    while (s < e && isSpace(chars[s])) s++;
    while (e > s && isSpace(chars[e - 1])) e--;
    if (e > s) spans.push({ start: cp + s, end: cp + e });
    cp += chars.length + 1;
  }
  return spans;
}

/** Index of the span containing `offset` (or the first one after it), or -1. */
function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/** The union of the spans that `range` touches (a range inside one sentence → that sentence). */
export function expandToSpans(spans: readonly Span[], range: Span): Span {
  const first = spanIndexAt(spans, range.start);
  const last = spanIndexAt(spans, Math.max(range.start, range.end - 1));
  if (first === -1 || last === -1) return range;
  return { start: Math.min(range.start, spans[first]!.start), end: Math.max(range.end, spans[last]!.end) };
}

/** The sentence containing code point `offset`, or null in white space between sentences. */
export function sentenceAt(spans: readonly Span[], offset: number): Span | null {
  const i = spanIndexAt(spans, offset);
  const s = i === -1 ? undefined : spans[i];
  return s && s.start <= offset ? s : null;
}
