/**
 * Units of comparison. `character`: every code point of a document in scope. `sentence`: the
 * app's own sentences (shared/text/sentences.ts). `paragraph`: blocks of text separated by blank
 * lines. `document`: the whole document (code present or absent). A coder codes a unit with a
 * code when one of their annotations with that code overlaps it (for characters: covers it).
 *
 * `walkUnits` visits, per document and code, runs of units with the set of coders who coded them;
 * the statistics only need counts, the disagreement list needs the runs where coders differ.
 */
import type { AgreementUnit } from '../../../shared/contracts/agreement';
import { splitSentences, type Span } from '../../../shared/text/sentences';
import type { Range } from '../../../shared/stats/unitized';

/** Blocks separated by one or more blank lines, white space trimmed at both ends, in code points. */
export function splitBlankLineParagraphs(text: string): Span[] {
  const cps = [...text];
  const spans: Span[] = [];
  const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && isSpace(cps[s])) s++;
    while (e > s && isSpace(cps[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  let i = 0;
  while (i < cps.length) {
    if (cps[i] === '\n') {
      // A blank line: a line end, then only white space other than line ends, then a line end.
      let j = i + 1;
      while (j < cps.length && cps[j] !== '\n' && isSpace(cps[j])) j++;
      if (j < cps.length && cps[j] === '\n') {
        push(start, i);
        while (j < cps.length && isSpace(cps[j])) j++;
        start = j;
        i = j;
        continue;
      }
    }
    i++;
  }
  push(start, cps.length);
  return spans;
}

/** The units of one document (character units are implicit: [0, length) one by one). */
export function unitSpans(unit: AgreementUnit, text: string | null, length: number): Span[] {
  switch (unit) {
    case 'document':
      return [{ start: 0, end: length }];
    case 'sentence':
      return splitSentences(text ?? '');
    case 'paragraph':
      return splitBlankLineParagraphs(text ?? '');
    case 'character':
      return [{ start: 0, end: length }];
  }
}

/** A run of units: `count` units from `start` to `end`, coded by the coders in `coded`. */
export interface UnitRun {
  start: number;
  end: number;
  count: number;
  coded: number[];
}

/** Character units: a sweep over the coders' merged ranges; runs cover [0, length) exactly. */
function characterRuns(length: number, perCoder: readonly (readonly Range[])[]): UnitRun[] {
  const points = new Set<number>([0, length]);
  for (const ranges of perCoder) for (const r of ranges) points.add(r.start).add(r.end);
  const sorted = [...points].filter((p) => p >= 0 && p <= length).sort((a, b) => a - b);
  const pointer = perCoder.map(() => 0);
  const runs: UnitRun[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const s = sorted[k]!;
    const e = sorted[k + 1]!;
    const coded: number[] = [];
    perCoder.forEach((ranges, i) => {
      while (pointer[i]! < ranges.length && ranges[pointer[i]!]!.end <= s) pointer[i]!++;
      const r = ranges[pointer[i]!];
      if (r && r.start <= s && e <= r.end) coded.push(i);
    });
    const last = runs.at(-1);
    if (last && last.end === s && last.coded.join() === coded.join()) {
      last.end = e;
      last.count += e - s;
    } else runs.push({ start: s, end: e, count: e - s, coded });
  }
  return runs;
}

/** Span units: each unit with the coders whose ranges overlap it. */
function spanRuns(spans: readonly Span[], perCoder: readonly (readonly Range[])[]): UnitRun[] {
  const pointer = perCoder.map(() => 0);
  return spans.map((u) => {
    const coded: number[] = [];
    perCoder.forEach((ranges, i) => {
      while (pointer[i]! < ranges.length && ranges[pointer[i]!]!.end <= u.start) pointer[i]!++;
      const r = ranges[pointer[i]!];
      if (r && r.start < u.end) coded.push(i);
    });
    return { start: u.start, end: u.end, count: 1, coded };
  });
}

export function unitRuns(
  unit: AgreementUnit,
  spans: readonly Span[],
  length: number,
  perCoder: readonly (readonly Range[])[],
): UnitRun[] {
  return unit === 'character' ? characterRuns(length, perCoder) : spanRuns(spans, perCoder);
}
