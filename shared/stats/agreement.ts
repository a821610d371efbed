/**
 * Inter-coder agreement statistics, pure and free of I/O: percent agreement, Cohen's κ, Fleiss' κ,
 * Krippendorff's α (nominal) and Krippendorff's unitized α (α_u). The core builds the units
 * (electron/core/agreement/); this file only counts. Formulas and sources: docs/agreement.md, and
 * the reference values the unit tests reproduce (tests/unit/agreement/stats.test.ts).
 *
 * A statistic that is undefined for the data (nothing to compare, one category only, wrong number
 * of coders) is `{ value: null, reason }`, never NaN.
 */

/** Why a statistic has no value. */
export type NullReason =
  | 'empty-scope'
  | 'code-unused'
  | 'one-category'
  | 'not-two-coders'
  | 'fewer-than-three-coders'
  | 'no-pairable-values'
  | 'no-values';

export type Stat = { value: number; reason: null } | { value: null; reason: NullReason };

export const stat = (value: number): Stat => ({ value, reason: null });
export const none = (reason: NullReason): Stat => ({ value: null, reason });

/** Values closer than this to 0 count as 0 (e.g. expected disagreement of a one-category code). */
const EPS = 1e-12;

// ---------------------------------------------------------------------------------------------
// General forms (any number of categories), used for the published reference examples.

/** Cohen's κ from a k×k contingency table (rows: coder 1's category, columns: coder 2's). */
export function cohenKappaFromTable(table: readonly (readonly number[])[]): Stat {
  const k = table.length;
  let n = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  let agree = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = table[i]![j]!;
      n += v;
      rows[i]! += v;
      cols[j]! += v;
      if (i === j) agree += v;
    }
  }
  if (n === 0) return none('empty-scope');
  const po = agree / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i]! / n) * (cols[i]! / n);
  if (1 - pe < EPS) return none('one-category');
  return stat((po - pe) / (1 - pe));
}

/**
 * Fleiss' κ (Fleiss 1971) from per-subject category counts; every subject must be rated by the
 * same number of raters n ≥ 2. `weight` lets identical rows be given once (binary units).
 */
export function fleissKappaFromCounts(rows: readonly { counts: readonly number[]; weight?: number }[]): Stat {
  let subjects = 0;
  let sumP = 0;
  let raters = -1;
  const totals: number[] = [];
  for (const { counts, weight = 1 } of rows) {
    if (weight === 0) continue;
    const n = counts.reduce((a, b) => a + b, 0);
    if (raters === -1) raters = n;
    else if (n !== raters) throw new Error('Fleiss kappa needs the same number of ratings per subject');
    let sq = 0;
    counts.forEach((c, j) => {
      sq += c * c;
      totals[j] = (totals[j] ?? 0) + c * weight;
    });
    subjects += weight;
    sumP += (weight * (sq - n)) / (n * (n - 1));
  }
  if (subjects === 0) return none('empty-scope');
  if (raters < 2) return none('no-pairable-values');
  const pBar = sumP / subjects;
  let pe = 0;
  for (const t of totals) pe += ((t ?? 0) / (subjects * raters)) ** 2;
  if (1 - pe < EPS) return none('one-category');
  return stat((pBar - pe) / (1 - pe));
}

/**
 * Krippendorff's α for nominal data from per-unit value counts (`counts[c]` = how many coders gave
 * value c to the unit). Units with fewer than two values are not pairable and drop out, which is
 * how α handles missing data. α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
 */
export function krippendorffAlphaFromCounts(
  rows: readonly { counts: readonly number[]; weight?: number }[],
): Stat {
  const nc: number[] = [];
  let n = 0;
  let disagreeO = 0; // Σ_{c≠k} o_ck
  for (const { counts, weight = 1 } of rows) {
    const mu = counts.reduce((a, b) => a + b, 0);
    if (mu < 2 || weight === 0) continue;
    let same = 0;
    counts.forEach((c, j) => {
      same += c * (c - 1);
      nc[j] = (nc[j] ?? 0) + c * weight;
    });
    n += mu * weight;
    // Σ_{c≠k} n_uc·n_uk = mu² − Σ n_uc², each pair weighted 1/(mu − 1).
    disagreeO += (weight * (mu * mu - mu - same)) / (mu - 1);
  }
  if (n === 0) return none('no-pairable-values');
  let sumSq = 0;
  for (const c of nc) sumSq += (c ?? 0) ** 2;
  const expectedPairs = n * n - sumSq; // Σ_{c≠k} n_c·n_k
  if (expectedPairs < EPS) return none('one-category');
  return stat(1 - ((n - 1) * disagreeO) / expectedPairs);
}

/** Krippendorff's α (nominal) from reliability data: units × coders, null = missing. */
export function krippendorffAlphaNominal(data: readonly (readonly (string | number | null)[])[]): Stat {
  const index = new Map<string | number, number>();
  const rows = data.map((unit) => {
    const counts: number[] = [];
    for (const v of unit) {
      if (v === null) continue;
      let j = index.get(v);
      if (j === undefined) index.set(v, (j = index.size));
      counts[j] = (counts[j] ?? 0) + 1;
    }
    return { counts: Array.from(counts, (c) => c ?? 0) };
  });
  return krippendorffAlphaFromCounts(rows);
}

// ---------------------------------------------------------------------------------------------
// Binary units (coded / not coded), the form the app uses per code.

/**
 * What the binary statistics need from m coders over N units, without keeping the units:
 * `byCount[k]` = units coded by exactly k coders (k = 0…m), `perCoder[i]` = units coder i coded,
 * `both` = units coded by coders 0 and 1 (only used for Cohen's κ, m = 2).
 */
export interface BinaryTally {
  units: number;
  byCount: number[];
  perCoder: number[];
  both: number;
}

export function emptyTally(coders: number): BinaryTally {
  return {
    units: 0,
    byCount: new Array<number>(coders + 1).fill(0),
    perCoder: new Array<number>(coders).fill(0),
    both: 0,
  };
}

/** Adds `weight` units on which exactly the coders in `coded` (indexes) coded. */
export function addUnits(t: BinaryTally, coded: readonly number[], weight = 1): void {
  if (weight <= 0) return;
  t.units += weight;
  t.byCount[coded.length]! += weight;
  for (const i of coded) t.perCoder[i]! += weight;
  if (coded.includes(0) && coded.includes(1)) t.both += weight;
}

/** Sum of tallies over the same coders (the pooled value over several codes). */
export function sumTallies(tallies: readonly BinaryTally[], coders: number): BinaryTally {
  const out = emptyTally(coders);
  for (const t of tallies) {
    out.units += t.units;
    out.both += t.both;
    t.byCount.forEach((v, k) => (out.byCount[k]! += v));
    t.perCoder.forEach((v, i) => (out.perCoder[i]! += v));
  }
  return out;
}

export interface BinaryStats {
  units: number;
  percentAgreement: Stat;
  cohenKappa: Stat;
  fleissKappa: Stat;
  krippendorffAlpha: Stat;
}

/** All unit-level statistics for one code (or pooled codes) from its tally. */
export function binaryStats(t: BinaryTally): BinaryStats {
  const m = t.perCoder.length;
  const units = t.units;
  if (units === 0) {
    const e = none('empty-scope');
    return { units, percentAgreement: e, cohenKappa: e, fleissKappa: e, krippendorffAlpha: e };
  }
  if (t.byCount[0] === units) {
    const e = none('code-unused');
    return { units, percentAgreement: e, cohenKappa: e, fleissKappa: e, krippendorffAlpha: e };
  }
  // Units on which all coders agree: nobody coded it, or everybody did.
  const percentAgreement = stat((t.byCount[0]! + t.byCount[m]!) / units);
  let cohenKappa: Stat = none('not-two-coders');
  if (m === 2) {
    const n11 = t.both;
    const n10 = t.perCoder[0]! - n11;
    const n01 = t.perCoder[1]! - n11;
    const n00 = units - n11 - n10 - n01;
    cohenKappa = cohenKappaFromTable([
      [n11, n10],
      [n01, n00],
    ]);
  }
  const rows = t.byCount.map((weight, k) => ({ counts: [k, m - k], weight }));
  const fleissKappa = m >= 3 ? fleissKappaFromCounts(rows) : none('fewer-than-three-coders');
  const krippendorffAlpha = krippendorffAlphaFromCounts(rows);
  return { units, percentAgreement, cohenKappa, fleissKappa, krippendorffAlpha };
}

/**
 * Mean of the defined values. When none is defined: the reason they share (e.g. every code's
 * Fleiss' κ is 'fewer-than-three-coders'), or 'no-values'.
 */
export function meanStat(values: readonly Stat[]): Stat {
  const defined = values.filter((v): v is { value: number; reason: null } => v.value !== null);
  if (defined.length === 0) {
    const reasons = new Set(values.map((v) => v.reason));
    const only = reasons.size === 1 ? [...reasons][0] : null;
    return none(only ?? 'no-values');
  }
  return stat(defined.reduce((a, v) => a + v.value, 0) / defined.length);
}
