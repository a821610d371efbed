/**
 * The document view's text model, pure and DOM-free: the displayed text (the canonical text, or
 * its Simplified/Traditional conversion) cut into the paragraphs that Lexical renders (one per
 * non-blank line, one text node each), the mapping between displayed UTF-16 offsets and
 * (paragraph, offset-in-paragraph) points, and, through the script map, between canonical
 * code-point ranges (what the API speaks) and displayed UTF-16 ranges (what the DOM speaks).
 *
 * Blank lines are not rendered (CSS spacing replaces them), so the newlines and blanks between
 * paragraphs exist only in the text; a range that starts or ends there is moved to the nearest
 * rendered character inside it.
 */
import { OffsetIndex } from '../../../../shared/text/offsets';
import { ScriptMap, type Converted, type Span } from '../../../../shared/text/script-convert';

/** The text as displayed, with everything needed to map between display and canonical offsets. */
export interface ViewText {
  canonical: string;
  display: string;
  map: ScriptMap;
  /** Paragraphs of the displayed text. */
  paragraphs: Paragraph[];
  canonicalIndex: OffsetIndex;
  displayIndex: OffsetIndex;
}

export function makeViewText(canonical: string, converted: Converted | null): ViewText {
  const canonicalIndex = new OffsetIndex(canonical);
  if (!converted) {
    return {
      canonical,
      display: canonical,
      map: ScriptMap.identity(canonicalIndex.codePointLength),
      paragraphs: splitParagraphs(canonical),
      canonicalIndex,
      displayIndex: canonicalIndex,
    };
  }
  return {
    canonical,
    display: converted.text,
    map: converted.map,
    paragraphs: splitParagraphs(converted.text),
    canonicalIndex,
    displayIndex: new OffsetIndex(converted.text),
  };
}

/** Canonical code-point range → displayed UTF-16 range. */
export function toDisplayUtf16(view: ViewText, start: number, end: number): [number, number] {
  const d = view.map.rangeToDisplay({ start, end });
  return [view.displayIndex.toUtf16(d.start), view.displayIndex.toUtf16(d.end)];
}

/**
 * Displayed UTF-16 range → canonical code-point range, white space trimmed (in the canonical
 * text), or null when nothing but white space is left.
 */
export function toCanonicalRange(view: ViewText, startUtf16: number, endUtf16: number): Span | null {
  const d = {
    start: view.displayIndex.toCodePoint(Math.min(startUtf16, endUtf16)),
    end: view.displayIndex.toCodePoint(Math.max(startUtf16, endUtf16)),
  };
  const c = view.map.rangeToCanonical(d);
  const [s, e] = trimRange(
    view.canonical,
    view.canonicalIndex.toUtf16(c.start),
    view.canonicalIndex.toUtf16(c.end),
  );
  const start = view.canonicalIndex.toCodePoint(s);
  const end = view.canonicalIndex.toCodePoint(e);
  return end > start ? { start, end } : null;
}

/** Canonical code point of the displayed character at UTF-16 offset `utf16`. */
export function canonicalOffsetAt(view: ViewText, utf16: number): number {
  return view.map.toCanonical(view.displayIndex.toCodePoint(utf16), 'start');
}

export interface Paragraph {
  index: number;
  /** UTF-16 offsets into the displayed text, `text === display.slice(start, end)`. */
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
 * The rendered part of displayed range [start, end) (UTF-16) as paragraph points, or null when
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

/** Most paragraphs, and most UTF-16 units, in one text block (see textBlocks). */
const BLOCK_PARAGRAPHS = 32;
const BLOCK_CHARS = 4000;

/**
 * Consecutive paragraphs grouped into blocks, each rendered as one `content-visibility: auto`
 * element (DocumentText.tsx): Chromium checks every such element against the viewport in each
 * frame that changes anything, so one per paragraph cost several milliseconds per key press on a
 * long text. A block closes after `maxParagraphs` paragraphs or once it holds `maxChars` UTF-16
 * units, so that showing one lays out little. Returns each block's paragraph count, in order.
 */
export function textBlocks(
  paragraphs: readonly Paragraph[],
  maxParagraphs = BLOCK_PARAGRAPHS,
  maxChars = BLOCK_CHARS,
): number[] {
  const counts: number[] = [];
  let count = 0;
  let chars = 0;
  for (const p of paragraphs) {
    count++;
    chars += p.text.length;
    if (count >= maxParagraphs || chars >= maxChars) {
      counts.push(count);
      count = 0;
      chars = 0;
    }
  }
  if (count > 0) counts.push(count);
  return counts;
}
