/**
 * The common shape of a cleaning step: a pure function from text to { text, edits, count }.
 * Edits are in code points of the step's *input*, non-overlapping and sorted, so the provenance
 * (raw text + each step's edits, in order) rebuilds the canonical text exactly (`replay`).
 */
import type { TextEdit } from '../../../../shared/import';

export interface StepResult {
  text: string;
  edits: TextEdit[];
  /** What the user sees as "N removed/changed" (e.g. pinyin glosses, lines). */
  count: number;
}

export interface Match {
  /** UTF-16 indices into the input. */
  index: number;
  length: number;
  replacement: string;
}

/** Every match of a global regex, with the replacement computed from the match (null = keep). */
export function regexMatches(
  text: string,
  regex: RegExp,
  replace: (m: RegExpExecArray) => string | null,
): Match[] {
  if (!regex.global) throw new Error('regexMatches needs a global regex');
  const out: Match[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const replacement = replace(m);
    if (replacement !== null && replacement !== m[0])
      out.push({ index: m.index, length: m[0].length, replacement });
  }
  return out;
}

/** Applies matches (sorted here; an overlapping later match is dropped) and builds the edits. */
export function applyMatches(text: string, matches: readonly Match[]): { text: string; edits: TextEdit[] } {
  const sorted = [...matches].sort((a, b) => a.index - b.index || b.length - a.length);
  const edits: TextEdit[] = [];
  let out = '';
  let pos = 0; // UTF-16
  let cp = 0; // code points up to pos
  for (const m of sorted) {
    if (m.index < pos) continue;
    const before = text.slice(pos, m.index);
    out += before;
    cp += countCodePoints(before);
    const removed = text.slice(m.index, m.index + m.length);
    const removedCp = countCodePoints(removed);
    edits.push({ start: cp, end: cp + removedCp, removed, inserted: m.replacement });
    out += m.replacement;
    cp += removedCp;
    pos = m.index + m.length;
  }
  out += text.slice(pos);
  return { text: out, edits };
}

function countCodePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Rebuilds a step's output from its input and edits (used to verify stored provenance). */
export function replay(input: string, edits: readonly TextEdit[]): string {
  const chars = Array.from(input);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += chars.slice(pos, e.start).join('') + e.inserted;
    pos = e.end;
  }
  return out + chars.slice(pos).join('');
}
