// The range algebra behind the analyses (electron/core/analysis/ranges.ts) against point-by-point
// reference computations on random ranges: overlapping, nested, touching, duplicated, and in any
// order.
import { describe, expect, test } from 'vitest';
import {
  countIntersectingPairs,
  countTouching,
  coveredLength,
  islandsOf,
  islandsOfPairs,
  mergeLists,
  rangeList,
  sortedRanges,
  touchesIslands,
  unitsTouched,
  type RangeList,
  type RangePairs,
} from '../../../electron/core/analysis/ranges';
import { mulberry32 } from './fixture';

interface R {
  start: number;
  end: number;
}

/** Random ranges in [0, size): free, nested in an earlier one, touching one, or a duplicate. */
function randomRanges(random: () => number, count: number, size: number): R[] {
  const out: R[] = [];
  for (let i = 0; i < count; i++) {
    const prev = out.length > 0 ? out[Math.floor(random() * out.length)]! : null;
    const shape = random();
    let r: R;
    if (prev && shape < 0.2 && prev.end - prev.start > 1) {
      const start = prev.start + Math.floor(random() * (prev.end - prev.start - 1));
      r = { start, end: start + 1 + Math.floor(random() * (prev.end - start - 1)) };
    } else if (prev && shape < 0.35 && prev.end < size - 1) {
      r = { start: prev.end, end: Math.min(size, prev.end + 1 + Math.floor(random() * 8)) };
    } else if (prev && shape < 0.45) {
      r = { ...prev };
    } else {
      const start = Math.floor(random() * (size - 1));
      r = { start, end: Math.min(size, start + 1 + Math.floor(random() * 12)) };
    }
    out.push(r);
  }
  return out;
}

function shuffled<T>(random: () => number, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function points(ranges: readonly R[]): Set<number> {
  const set = new Set<number>();
  for (const r of ranges) for (let x = r.start; x < r.end; x++) set.add(x);
  return set;
}

function asRanges(list: RangeList): R[] {
  return Array.from(list.starts, (start, i) => ({ start, end: list.ends[i]! }));
}

function pairs(ranges: readonly R[]): RangePairs {
  return { start: Float64Array.from(ranges, (r) => r.start), end: Float64Array.from(ranges, (r) => r.end) };
}

const intersects = (a: R, b: R) => a.start < b.end && b.start < a.end;

/** Islands are ascending, disjoint, non-empty, and cover exactly the ranges' code points. */
function expectIslands(islands: RangeList, ranges: readonly R[]) {
  const list = asRanges(islands);
  for (const [i, r] of list.entries()) {
    expect(r.start).toBeLessThan(r.end);
    if (i > 0) expect(r.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
  }
  expect([...points(list)].sort((a, b) => a - b)).toEqual([...points(ranges)].sort((a, b) => a - b));
}

describe('range algebra', () => {
  test.each([1, 2, 3, 4, 5, 6])('union, islands and touching equal point sets (seed %i)', (seed) => {
    const random = mulberry32(seed);
    for (let round = 0; round < 40; round++) {
      const size = 20 + Math.floor(random() * 200);
      const ranges = randomRanges(random, Math.floor(random() * 60), size);
      const list = rangeList(shuffled(random, ranges));
      expect(coveredLength(list)).toBe(points(ranges).size);
      expectIslands(islandsOf(list), ranges);
      // In start order (an index walk) and in any order.
      const inOrder = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
      expectIslands(islandsOfPairs(pairs(inOrder)), ranges);
      expectIslands(islandsOfPairs(pairs(shuffled(random, ranges))), ranges);
      expect(sortedRanges(pairs(shuffled(random, ranges)))).toEqual(list);

      const others = randomRanges(random, 1 + Math.floor(random() * 30), size);
      const islands = islandsOf(rangeList(others));
      for (const r of ranges)
        expect(touchesIslands(islands, r.start, r.end)).toBe(others.some((o) => intersects(r, o)));
      expect(countTouching(pairs(ranges), islands)).toBe(
        ranges.filter((r) => others.some((o) => intersects(r, o))).length,
      );
    }
  });

  test.each([7, 8, 9])('intersecting pairs and merged lists equal enumeration (seed %i)', (seed) => {
    const random = mulberry32(seed);
    for (let round = 0; round < 40; round++) {
      const size = 30 + Math.floor(random() * 150);
      const x = randomRanges(random, Math.floor(random() * 50), size);
      const y = randomRanges(random, Math.floor(random() * 50), size);
      let expected = 0;
      for (const a of x) for (const b of y) if (intersects(a, b)) expected++;
      expect(countIntersectingPairs(rangeList(x), rangeList(y))).toBe(expected);
      const merged = mergeLists([rangeList(x), rangeList(y), rangeList([])]);
      expect(merged).toEqual(rangeList([...x, ...y]));
      expect(coveredLength(mergeLists([islandsOf(rangeList(x)), islandsOf(rangeList(y))]))).toBe(
        points([...x, ...y]).size,
      );
    }
  });

  test('units touched by islands: each once, ascending, with gaps between units', () => {
    const random = mulberry32(10);
    for (let round = 0; round < 60; round++) {
      // Disjoint units with gaps (white space between sentences belongs to none).
      const units: R[] = [];
      let at = Math.floor(random() * 3);
      while (at < 300) {
        const end = at + 1 + Math.floor(random() * 20);
        units.push({ start: at, end });
        at = end + Math.floor(random() * 3);
      }
      const ranges = randomRanges(random, Math.floor(random() * 25), at);
      const expected = units.flatMap((u, i) => (ranges.some((r) => intersects(r, u)) ? [i] : []));
      expect(unitsTouched(units, islandsOf(rangeList(ranges)))).toEqual(expected);
    }
  });

  test('touching ranges share no code point; empty lists are empty', () => {
    const islands = islandsOf(rangeList([{ start: 5, end: 9 }]));
    expect(touchesIslands(islands, 0, 5)).toBe(false);
    expect(touchesIslands(islands, 9, 12)).toBe(false);
    expect(touchesIslands(islands, 8, 9)).toBe(true);
    expect(coveredLength(rangeList([]))).toBe(0);
    expect(islandsOf(rangeList([])).starts).toHaveLength(0);
    expect(countIntersectingPairs(rangeList([{ start: 0, end: 5 }]), rangeList([{ start: 5, end: 6 }]))).toBe(
      0,
    );
  });
});
