/**
 * Length of the union of half-open code-point ranges: what "characters coded" means when
 * annotations overlap (a character coded twice by the same code counts once).
 */
export interface Range {
  start: number;
  end: number;
}

/** Sorts `ranges` in place by start and returns the number of code points their union covers. */
export function unionLength(ranges: Range[]): number {
  ranges.sort((a, b) => a.start - b.start);
  let covered = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const r of ranges) {
    if (r.start > curEnd) {
      covered += curEnd - curStart;
      curStart = r.start;
      curEnd = r.end;
    } else if (r.end > curEnd) curEnd = r.end;
  }
  return covered + (curEnd - curStart);
}
