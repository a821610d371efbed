/**
 * The agreement statistics against published reference values (each with its source), plus
 * property tests: identical codings give 1, swapping coders changes nothing, degenerate data give
 * null with a reason.
 */
import { describe, expect, it } from 'vitest';
import {
  addUnits,
  binaryStats,
  cohenKappaFromTable,
  emptyTally,
  fleissKappaFromCounts,
  krippendorffAlphaNominal,
  meanStat,
  type BinaryTally,
} from '../../../shared/stats/agreement';
import { pooledUnitizedAlpha, unitizedAlpha, type Range } from '../../../shared/stats/unitized';

const to3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

describe('published reference values', () => {
  it("Krippendorff's α, nominal: the reliability-data example = 0.743", () => {
    // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
    // Communication, University of Pennsylvania, https://repository.upenn.edu/asc_papers/43 —
    // example C: 4 observers, 12 units, values 1–5, missing data; nominal α = 0.743.
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    const units = A.map((_, u) => [A[u]!, B[u]!, C[u]!, D[u]!]);
    expect(to3(krippendorffAlphaNominal(units).value)).toBe(0.743);
  });

  it("Cohen's κ: the textbook 2×2 example = 0.40", () => {
    // The worked example of the "Cohen's kappa" article (Wikipedia, "Simple example"), the
    // standard introductory 2×2 case: 50 grant proposals, both readers Yes 20, A Yes/B No 5,
    // A No/B Yes 10, both No 15; p_o = 0.70, p_e = 0.50, κ = 0.40.
    expect(
      to3(
        cohenKappaFromTable([
          [20, 5],
          [10, 15],
        ]).value,
      ),
    ).toBe(0.4);
  });

  it("Fleiss' κ: Fleiss (1971) Table 1 = 0.430", () => {
    // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
    // Bulletin 76(5), 378–382, Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses
    // (depression, personality disorder, schizophrenia, neurosis, other); κ = .430.
    const table = [
      [0, 0, 0, 6, 0],
      [0, 3, 0, 0, 3],
      [0, 1, 4, 0, 1],
      [0, 0, 0, 0, 6],
      [0, 3, 0, 3, 0],
      [2, 0, 4, 0, 0],
      [0, 0, 4, 0, 2],
      [2, 0, 3, 1, 0],
      [2, 0, 0, 4, 0],
      [0, 0, 0, 0, 6],
      [1, 0, 0, 5, 0],
      [1, 1, 0, 4, 0],
      [0, 3, 3, 0, 0],
      [1, 0, 0, 5, 0],
      [0, 2, 0, 3, 1],
      [0, 0, 5, 0, 1],
      [3, 0, 0, 1, 2],
      [5, 1, 0, 0, 0],
      [0, 2, 0, 4, 0],
      [1, 0, 2, 0, 3],
      [0, 0, 0, 0, 6],
      [0, 1, 0, 5, 0],
      [0, 2, 0, 1, 3],
      [2, 0, 0, 4, 0],
      [1, 0, 0, 4, 1],
      [0, 5, 0, 1, 0],
      [4, 0, 0, 0, 2],
      [0, 2, 0, 4, 0],
      [1, 0, 5, 0, 0],
      [0, 0, 0, 0, 6],
    ];
    expect(table.every((r) => r.reduce((a, b) => a + b) === 6)).toBe(true);
    expect(to3(fleissKappaFromCounts(table.map((counts) => ({ counts }))).value)).toBe(0.43);
  });

  it("Krippendorff's unitized α: the two-observer example of Krippendorff (2004)", () => {
    // Krippendorff, K. (2004). Measuring the reliability of qualitative text analysis data.
    // Quality & Quantity 38, 787–800: a continuum from 150 to 450 (L = 300), observers i and j.
    // Category c: i codes [225, 295) and [370, 400); j codes [220, 300), [355, 375), [400, 420).
    // Category k: both code [180, 240) and [300, 350). The paper reports, rounded to four
    // places in every step, D_o(c) = .0144, D_e(c) = .0532, D_e(k) = .0490 and α_c ≈ .729,
    // α_k = 1; carried without rounding the formulas give α_c = .7286 and the joint
    // α = 1 − ΣD_o/ΣD_e = .8587 (the same as DKPro Statistics' unitizing test).
    const at = (b: number, l: number): Range => ({ start: b - 150, end: b - 150 + l });
    const c = unitizedAlpha([
      {
        length: 300,
        coders: [
          [at(225, 70), at(370, 30)],
          [at(220, 80), at(355, 20), at(400, 20)],
        ],
      },
    ]);
    const k = unitizedAlpha([
      {
        length: 300,
        coders: [
          [at(180, 60), at(300, 50)],
          [at(180, 60), at(300, 50)],
        ],
      },
    ]);
    expect(c.observed!).toBeCloseTo(0.0144, 4);
    expect(c.expected!).toBeCloseTo(0.0532, 4);
    expect(k.expected!).toBeCloseTo(0.049, 4);
    expect(to3(c.alpha.value)).toBe(0.729);
    expect(k.alpha.value).toBe(1);
    expect(to3(pooledUnitizedAlpha([c, k]).value)).toBe(0.859);
  });
});

/** A small deterministic PRNG so the property tests are reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function tallyOf(codings: boolean[][]): BinaryTally {
  const t = emptyTally(codings.length);
  for (let u = 0; u < codings[0]!.length; u++) {
    addUnits(
      t,
      codings.flatMap((c, i) => (c[u] ? [i] : [])),
    );
  }
  return t;
}

describe('properties', () => {
  it('identical codings give 1 for every statistic', () => {
    const r = rng(1);
    for (let trial = 0; trial < 20; trial++) {
      const one = Array.from({ length: 50 }, () => r() < 0.3);
      one[0] = true;
      one[1] = false;
      for (const m of [2, 3, 4]) {
        const s = binaryStats(tallyOf(Array.from({ length: m }, () => one)));
        expect(s.percentAgreement.value).toBe(1);
        expect(s.krippendorffAlpha.value).toBeCloseTo(1, 12);
        if (m === 2) expect(s.cohenKappa.value).toBeCloseTo(1, 12);
        else expect(s.fleissKappa.value).toBeCloseTo(1, 12);
      }
      const ranges = one.flatMap((v, i) => (v ? [{ start: i, end: i + 1 }] : []));
      expect(unitizedAlpha([{ length: 50, coders: [ranges, ranges] }]).alpha.value).toBeCloseTo(1, 12);
    }
  });

  it('swapping coders changes nothing', () => {
    const r = rng(7);
    for (let trial = 0; trial < 30; trial++) {
      const m = 2 + (trial % 3);
      const codings = Array.from({ length: m }, () => Array.from({ length: 40 }, () => r() < 0.4));
      const a = binaryStats(tallyOf(codings));
      const b = binaryStats(tallyOf([...codings].reverse()));
      for (const key of ['percentAgreement', 'cohenKappa', 'fleissKappa', 'krippendorffAlpha'] as const) {
        expect(b[key].reason).toBe(a[key].reason);
        if (a[key].value !== null) expect(b[key].value!).toBeCloseTo(a[key].value, 12);
      }
      const spans = codings.map(() => {
        const out: Range[] = [];
        for (let s = 0; s < 200; s += 10 + Math.floor(r() * 30))
          out.push({ start: s, end: s + 1 + Math.floor(r() * 9) });
        return out;
      });
      const ua = unitizedAlpha([{ length: 220, coders: spans }]);
      const ub = unitizedAlpha([{ length: 220, coders: [...spans].reverse() }]);
      expect(ub.alpha.value!).toBeCloseTo(ua.alpha.value!, 12);
    }
  });

  it('Cohen, Fleiss and α agree with their general forms on binary data', () => {
    const r = rng(3);
    const codings = Array.from({ length: 3 }, () => Array.from({ length: 60 }, () => r() < 0.5));
    const s = binaryStats(tallyOf(codings));
    const units = codings[0]!.map((_, u) => codings.map((c) => (c[u] ? 1 : 0)));
    expect(s.krippendorffAlpha.value!).toBeCloseTo(krippendorffAlphaNominal(units).value!, 12);
    const counts = units.map((u) => ({
      counts: [u.filter((v) => v === 1).length, u.filter((v) => v === 0).length],
    }));
    expect(s.fleissKappa.value!).toBeCloseTo(fleissKappaFromCounts(counts).value!, 12);
  });

  it('degenerate cases are null with a reason, never NaN', () => {
    expect(binaryStats(emptyTally(2)).cohenKappa).toEqual({ value: null, reason: 'empty-scope' });
    const unused = tallyOf([
      [false, false],
      [false, false],
    ]);
    expect(binaryStats(unused).krippendorffAlpha).toEqual({ value: null, reason: 'code-unused' });
    const all = binaryStats(
      tallyOf([
        [true, true],
        [true, true],
      ]),
    );
    expect(all.percentAgreement.value).toBe(1);
    expect(all.cohenKappa).toEqual({ value: null, reason: 'one-category' });
    expect(all.krippendorffAlpha).toEqual({ value: null, reason: 'one-category' });
    const two = binaryStats(
      tallyOf([
        [true, false],
        [true, true],
      ]),
    );
    expect(two.fleissKappa).toEqual({ value: null, reason: 'fewer-than-three-coders' });
    const three = binaryStats(
      tallyOf([
        [true, false],
        [true, true],
        [false, false],
      ]),
    );
    expect(three.cohenKappa).toEqual({ value: null, reason: 'not-two-coders' });
    expect(unitizedAlpha([]).alpha).toEqual({ value: null, reason: 'empty-scope' });
    expect(unitizedAlpha([{ length: 10, coders: [[], []] }]).alpha).toEqual({
      value: null,
      reason: 'code-unused',
    });
    // Both coders code the whole continuum: no disagreement, α_u = 1 (not degenerate for α_u).
    expect(
      unitizedAlpha([{ length: 10, coders: [[{ start: 0, end: 10 }], [{ start: 0, end: 10 }]] }]).alpha.value,
    ).toBe(1);
    // A mean of nothing: the reason all values share, else 'no-values'.
    expect(meanStat([])).toEqual({ value: null, reason: 'no-values' });
    expect(meanStat([{ value: null, reason: 'code-unused' }])).toEqual({
      value: null,
      reason: 'code-unused',
    });
    expect(
      meanStat([
        { value: null, reason: 'code-unused' },
        { value: null, reason: 'one-category' },
      ]),
    ).toEqual({ value: null, reason: 'no-values' });
    expect(
      meanStat([
        { value: null, reason: 'code-unused' },
        { value: 0.5, reason: null },
      ]).value,
    ).toBe(0.5);
    expect(
      krippendorffAlphaNominal([
        [1, null],
        [null, 2],
      ]).reason,
    ).toBe('no-pairable-values');
  });
});
