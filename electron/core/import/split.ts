/**
 * Where a compilation file could be split into documents (suggestions only; the user confirms).
 *
 * 1. Numbered parts: lines starting `第一篇:` / `第2篇：` … When at least two exist, they alone
 *    are the boundaries (seed 003: five speeches).
 * 2. Otherwise title lines: a line of 4–60 characters, not ending in sentence punctuation, not a
 *    section heading (`一、`, `(一)`, `1.`, `第一,`), with a blank line (or the start) before it
 *    and a blank line after it, followed by body text. A boundary is kept only when the part
 *    since the previous boundary holds body text (a line of > 60 characters or ending in 。), so
 *    a title repeated at the top of an article (seed 001) does not make empty parts.
 */
import type { SplitSuggestion } from '../../../shared/import';

interface Line {
  text: string;
  /** Code point offset of the line start. */
  start: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ text: line, start });
    start += Array.from(line).length + 1;
  }
  return out;
}

const NUMBERED = /^\s*第[一二三四五六七八九十百零〇两0-9]+篇\s*[:：、.．]?/u;
const SECTION =
  /^\s*(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）]|\d+(?:\.\d+)*[.、．\s]|第[一二三四五六七八九十]+[,，、]|[一二三四五六七八九十]是)/u;
const SENTENCE_END = /[。；;，,：:！!？?…]$/u;

function isBody(line: string): boolean {
  const t = line.trim();
  return Array.from(t).length > 60 || /[。！？]$/u.test(t);
}

function isTitleCandidate(lines: Line[], i: number): boolean {
  const t = lines[i]!.text.trim();
  const n = Array.from(t).length;
  if (n < 4 || n > 60 || SENTENCE_END.test(t) || SECTION.test(t)) return false;
  const prevBlank = i === 0 || lines[i - 1]!.text.trim() === '';
  const nextBlank = i + 1 < lines.length && lines[i + 1]!.text.trim() === '';
  if (!prevBlank || !nextBlank) return false;
  for (let j = i + 2; j < lines.length; j++) {
    if (lines[j]!.text.trim() === '') continue;
    return isBody(lines[j]!.text);
  }
  return false;
}

export function suggestSplits(text: string): SplitSuggestion[] {
  const lines = linesOf(text);
  const total = Array.from(text).length;
  let points: { at: number; reason: SplitSuggestion['reason']; title: string }[] = lines
    .filter((l) => NUMBERED.test(l.text))
    .map((l) => ({ at: l.start, reason: 'numbered-part' as const, title: l.text.trim() }));
  if (points.length < 2) {
    points = [];
    let bodySince = false;
    lines.forEach((l, i) => {
      if (isTitleCandidate(lines, i) && bodySince) {
        points.push({ at: l.start, reason: 'title-line', title: l.text.trim() });
        bodySince = false;
      }
      if (isBody(l.text)) bodySince = true;
    });
  }
  if (points.length === 0) return [];
  // The first part always starts at 0: leading blank lines join the first boundary's part, and
  // text before it (a preamble) is a part of its own.
  const head = Array.from(text).slice(0, points[0]!.at).join('');
  if (head.trim() === '') points[0]!.at = 0;
  else {
    const firstLine = lines.find((l) => l.text.trim() !== '')!;
    points.unshift({ at: 0, reason: points[0]!.reason, title: firstLine.text.trim() });
  }
  return points.map((p, i) => ({
    ...p,
    title: Array.from(p.title).slice(0, 200).join(''),
    length: (points[i + 1]?.at ?? total) - p.at,
  }));
}

/** Split points (for `splitAt`/`at`) from suggestions: every start except the first (0). */
export function splitPoints(suggestions: readonly SplitSuggestion[]): number[] {
  return suggestions.map((s) => s.at).filter((at) => at > 0);
}
