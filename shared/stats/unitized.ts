/**
 * Krippendorff's unitized α (α_u) for one category on a continuum (here: code points of
 * documents), after Krippendorff (2004), "Measuring the reliability of qualitative text analysis
 * data", Quality & Quantity 38, 787–800. Each coder's continuum is cut into sections: coded units
 * and the gaps between them. Observed disagreement compares every section of one coder with every
 * overlapping section of another; expected disagreement pairs units with positions anywhere in the
 * continuum. Several documents form one continuum made of the documents one after another, with
 * no section crossing a document boundary. Definitions in docs/agreement.md.
 */
import { none, stat, type Stat } from './agreement';

export interface Range {
  start: number;
  end: number;
}

/** One document: its length and, per coder (same order everywhere), the ranges coded. */
export interface Continuum {
  length: number;
  coders: readonly (readonly Range[])[];
}

interface Section {
  b: number;
  e: number;
  unit: boolean;
}

export interface UnitizedResult {
  /** D_o and D_e (null when undefined) and α_u = 1 − D_o/D_e. */
  observed: number | null;
  expected: number | null;
  alpha: Stat;
}

/** Union of ranges (overlapping or touching ranges of one coder become one unit). */
export function mergeRanges(ranges: readonly Range[], length: number): Range[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.start < r.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

function sections(units: readonly Range[], length: number): Section[] {
  const out: Section[] = [];
  let at = 0;
  for (const u of units) {
    if (u.start > at) out.push({ b: at, e: u.start, unit: false });
    out.push({ b: u.start, e: u.end, unit: true });
    at = u.end;
  }
  if (at < length) out.push({ b: at, e: length, unit: false });
  return out;
}

/** δ² between sections of two different coders (0 unless they overlap as the formula says). */
function delta(u: Section, v: Section): number {
  const lu = u.e - u.b;
  const lv = v.e - v.b;
  if (u.unit && v.unit) return (u.b - v.b) ** 2 + (u.e - v.e) ** 2;
  if (u.unit && !v.unit && v.b <= u.b && u.e <= v.e) return lu * lu;
  if (!u.unit && v.unit && u.b <= v.b && v.e <= u.e) return lv * lv;
  return 0;
}

/** Σ δ² over the overlapping section pairs of two coders on one continuum (two pointers). */
function pairSum(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let j = 0;
  for (const u of a) {
    while (j < b.length && b[j]!.e <= u.b) j++;
    for (let k = j; k < b.length && b[k]!.b < u.e; k++) sum += delta(u, b[k]!);
  }
  return sum;
}

/** α_u of one category over the given continua. */
export function unitizedAlpha(continua: readonly Continuum[]): UnitizedResult {
  const m = continua[0]?.coders.length ?? 0;
  const L = continua.reduce((a, c) => a + c.length, 0);
  if (L === 0) return { observed: null, expected: null, alpha: none('empty-scope') };
  if (m < 2) return { observed: null, expected: null, alpha: none('no-pairable-values') };
  const perDoc = continua.map((c) => c.coders.map((r) => sections(mergeRanges(r, c.length), c.length)));
  const unitLengths: number[] = [];
  const gapLengths: number[] = [];
  for (const doc of perDoc)
    for (const coder of doc) for (const s of coder) (s.unit ? unitLengths : gapLengths).push(s.e - s.b);
  const nc = unitLengths.length;
  if (nc === 0) return { observed: null, expected: null, alpha: none('code-unused') };

  let observedSum = 0;
  for (const doc of perDoc)
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) observedSum += 2 * pairSum(doc[i]!, doc[j]!);
  const observed = observedSum / (m * (m - 1) * L * L);

  // Σ over gaps with length ≥ l of (l_g − l + 1), via suffix sums over gaps sorted by length.
  gapLengths.sort((x, y) => x - y);
  const suffix = new Array<number>(gapLengths.length + 1).fill(0);
  for (let k = gapLengths.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gapLengths[k]!;
  const firstAtLeast = (l: number): number => {
    let lo = 0;
    let hi = gapLengths.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (gapLengths[mid]! < l) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let numerator = 0;
  let selfPairs = 0;
  for (const l of unitLengths) {
    const k = firstAtLeast(l);
    const fitting = suffix[k]! - (l - 1) * (gapLengths.length - k);
    numerator += ((nc - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l * l * fitting;
    selfPairs += l * (l - 1);
  }
  numerator *= 2 / L;
  const denominator = m * L * (m * L - 1) - selfPairs;
  const expected = denominator > 0 ? numerator / denominator : 0;
  if (expected < 1e-12) return { observed, expected, alpha: none('one-category') };
  return { observed, expected, alpha: stat(1 - observed / expected) };
}

/** Pooled α_u over several categories: 1 − Σ D_o / Σ D_e (Krippendorff's joint α_u). */
export function pooledUnitizedAlpha(results: readonly UnitizedResult[]): Stat {
  let o = 0;
  let e = 0;
  for (const r of results) {
    if (r.observed === null || r.expected === null || r.alpha.value === null) continue;
    o += r.observed;
    e += r.expected;
  }
  if (e === 0) return none('no-values');
  return stat(1 - o / e);
}
