/**
 * The document view's text model, pure and DOM-free: the canonical text cut into the paragraphs
 * that Lexical renders (one per non-blank line, one text node each), and the mapping between
 * canonical UTF-16 offsets and (paragraph, offset-in-paragraph) points.
 *
 * Blank lines are not rendered (CSS spacing replaces them), so the newlines and blanks between
 * paragraphs exist only in the canonical text; a range that starts or ends there is moved to the
 * nearest rendered character inside it.
 */

export interface Paragraph {
  index: number;
  /** UTF-16 offsets into the canonical text, `text === canonical.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
}

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim().length > 0) {
      paragraphs.push({ index: paragraphs.length, start: lineStart, end: lineEnd, text: line });
    }
    lineStart = lineEnd + 1;
  }
  return paragraphs;
}

/** Index of the last paragraph whose start is <= offset (-1 when before the first). */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (paragraphs[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface ParagraphPoint {
  paragraph: number;
  offset: number;
}

/**
 * The rendered part of canonical range [start, end) (UTF-16) as paragraph points, or null when
 * the range covers no rendered character (only newlines/blank lines).
 */
export function rangeToPoints(
  paragraphs: readonly Paragraph[],
  start: number,
  end: number,
): { from: ParagraphPoint; to: ParagraphPoint } | null {
  if (end <= start || paragraphs.length === 0) return null;
  let i = paragraphIndexAt(paragraphs, start);
  // Starts before the first paragraph or in the gap after paragraph i: move to the next one.
  if (i === -1 || start >= paragraphs[i]!.end) i++;
  const first = paragraphs[i];
  if (!first) return null;
  const from = { paragraph: i, offset: Math.max(0, start - first.start) };
  const j = paragraphIndexAt(paragraphs, end - 1);
  if (j === -1) return null;
  const last = paragraphs[j]!;
  const to = { paragraph: j, offset: Math.min(last.text.length, end - last.start) };
  if (j < i || (j === i && to.offset <= from.offset)) return null;
  return { from, to };
}

/** Shrinks [start, end) so that it neither starts nor ends with white space (UTF-16 offsets). */
export function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}
