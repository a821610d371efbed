/**
 * Range algebra for the analyses, on typed arrays: the half-open code-point ranges [start, end)
 * of a set of annotations, kept as two arrays — every start ascending, every end ascending, each
 * sorted on its own. That is all a union, its islands (maximal covered stretches) and a count of
 * intersecting pairs need: a point x is covered by #(starts ≤ x) − #(ends ≤ x) ranges, so a merge
 * walk over the two arrays sees the coverage depth change without pairing starts with ends.
 * Pure functions, no SQL (rows.ts reads the ranges; cooccurrence.ts and cooccurrence-cell.ts use
 * them too).
 */

/** Ranges as their sorted starts and sorted ends (same length; every start < its own end). */
export interface RangeList {
  starts: Float64Array;
  ends: Float64Array;
}

/** Ranges as read: range i is [start[i], end[i]) (usually in start order, not relied upon). */
export interface RangePairs {
  start: Float64Array;
  end: Float64Array;
}

export const EMPTY_RANGES: RangeList = { starts: new Float64Array(0), ends: new Float64Array(0) };

function isAscending(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}

/** `values` ascending (sorted in place only when they are not already). */
export function ascending(values: Float64Array): Float64Array {
  return isAscending(values) ? values : values.sort();
}

/** The pairs' starts and ends, each sorted on its own (copies; the pairs are left as they are). */
export function sortedRanges(p: RangePairs): RangeList {
  return { starts: ascending(p.start.slice()), ends: ascending(p.end.slice()) };
}

/** A range list from unordered [start, end) pairs. */
export function rangeList(ranges: readonly { start: number; end: number }[]): RangeList {
  return {
    starts: ascending(Float64Array.from(ranges, (r) => r.start)),
    ends: ascending(Float64Array.from(ranges, (r) => r.end)),
  };
}

/**
 * Calls `island(from, to)` for each maximal stretch covered by at least one range, in order.
 * At equal positions ends come first, so touching ranges ([0, 5) and [5, 9)) give two islands;
 * as sets of code points that is the same union.
 */
function sweep(r: RangeList, island: (from: number, to: number) => void): void {
  const { starts, ends } = r;
  const n = starts.length;
  let i = 0;
  let j = 0;
  let depth = 0;
  let from = 0;
  while (i < n) {
    if (starts[i]! < ends[j]!) {
      if (depth++ === 0) from = starts[i]!;
      i++;
    } else {
      if (--depth === 0) island(from, ends[j]!);
      j++;
    }
  }
  // Every start is consumed and each range ends after it starts: one island is still open.
  if (n > 0) island(from, ends[n - 1]!);
}

/** Code points covered by the union of the ranges (overlaps counted once). */
export function coveredLength(r: RangeList): number {
  let covered = 0;
  sweep(r, (from, to) => (covered += to - from));
  return covered;
}

/** The union as disjoint islands, ascending: a range list whose ranges do not intersect. */
export function islandsOf(r: RangeList): RangeList {
  const starts: number[] = [];
  const ends: number[] = [];
  sweep(r, (from, to) => {
    starts.push(from);
    ends.push(to);
  });
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

/**
 * The islands of ranges as read. In start order (the order of an index walk) one pass merges
 * each range into the last island; otherwise the starts and ends are sorted first.
 */
export function islandsOfPairs(p: RangePairs): RangeList {
  if (!isAscending(p.start)) return islandsOf(sortedRanges(p));
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < p.start.length; i++) {
    const s = p.start[i]!;
    const e = p.end[i]!;
    const last = ends.length - 1;
    // Touching ranges become one island here, two in `sweep`: the same code points either way.
    if (last >= 0 && s <= ends[last]!) {
      if (e > ends[last]!) ends[last] = e;
    } else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends) };
}

/** All ranges of several lists as one list (the lists themselves when there is one). */
export function mergeLists(lists: readonly RangeList[]): RangeList {
  if (lists.length === 0) return EMPTY_RANGES;
  if (lists.length === 1) return lists[0]!;
  const n = lists.reduce((k, l) => k + l.starts.length, 0);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let k = 0;
  for (const l of lists) {
    starts.set(l.starts, k);
    ends.set(l.ends, k);
    k += l.starts.length;
  }
  return { starts: starts.sort(), ends: ends.sort() };
}

/** Number of pairs (x in `ends`, y in `starts`) with x ≤ y; both ascending (one merge walk). */
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
 * Pairs (a in `x`, b in `y`) whose ranges share at least one code point. Two ranges do NOT
 * intersect exactly when one ends at or before the other starts, so the count is
 * |x|·|y| − #(x ends ≤ y starts) − #(y ends ≤ x starts): two merge walks, no pair enumerated.
 */
export function countIntersectingPairs(x: RangeList, y: RangeList): number {
  return (
    x.starts.length * y.starts.length -
    countEndingBefore(x.ends, y.starts) -
    countEndingBefore(y.ends, x.starts)
  );
}

/** Whether [start, end) shares a code point with one of `islands` (disjoint and ascending). */
export function touchesIslands(islands: RangeList, start: number, end: number): boolean {
  // The last island starting before `end` is the only candidate: all earlier ones end before it.
  let lo = 0;
  let hi = islands.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (islands.starts[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && islands.ends[lo - 1]! > start;
}

/** How many of the ranges share a code point with one of `islands` (disjoint and ascending). */
export function countTouching(p: RangePairs, islands: RangeList): number {
  let n = 0;
  for (let i = 0; i < p.start.length; i++) if (touchesIslands(islands, p.start[i]!, p.end[i]!)) n++;
  return n;
}

/** Index of the first unit whose end is after `offset` (units ascending and disjoint). */
function firstUnitEndingAfter(units: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (units[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Indexes of the units (ascending, disjoint: sentences or paragraphs) that share a code point
 * with one of `islands`, ascending and each once.
 */
export function unitsTouched(units: readonly { start: number; end: number }[], islands: RangeList): number[] {
  const out: number[] = [];
  for (let k = 0; k < islands.starts.length; k++) {
    const from = islands.starts[k]!;
    const to = islands.ends[k]!;
    let u = firstUnitEndingAfter(units, from);
    // An island may touch the unit the previous island ended in.
    if (out.length > 0 && u <= out[out.length - 1]!) u = out[out.length - 1]! + 1;
    for (; u < units.length && units[u]!.start < to; u++) out.push(u);
  }
  return out;
}
