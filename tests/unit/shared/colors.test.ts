// Perceptual code colours (shared/colors.ts): OKLab conversion, new codes far from their
// neighbours (a sub-code of 问题 used to get a red nearly identical to 问题's), and a selection
// colour that no code uses (it used to equal 建议's blue).
import { afterEach, describe, expect, test } from 'vitest';
import {
  CODE_PALETTE,
  colorDistance,
  hexToOklab,
  oklabToHex,
  pickCodeColor,
  selectionColor,
} from '../../../shared/colors';
import { setup, type Fixture } from '../codebook/fixture';

const DEFAULTS = ['#2e9d5b', '#d64545', '#2f6fd6'];
/** The browser's default selection blue and the one the document view used. */
const OLD_SELECTION = '#3884ff';

let fx: Fixture | null = null;
afterEach(() => {
  fx?.close();
  fx = null;
});

describe('OKLab', () => {
  test('white, black and a round trip', () => {
    expect(hexToOklab('#ffffff').L).toBeCloseTo(1, 3);
    expect(hexToOklab('#000000').L).toBeCloseTo(0, 3);
    for (const hex of ['#d64545', '#2f6fd6', '#2e9d5b', '#8a3b12', '#777777'])
      expect(oklabToHex(hexToOklab(hex))).toBe(hex);
    expect(colorDistance('#d64545', '#d64545')).toBe(0);
  });
  test('the palette holds distinct legible colours', () => {
    expect(new Set(CODE_PALETTE).size).toBe(CODE_PALETTE.length);
    for (const c of CODE_PALETTE) {
      const L = hexToOklab(c).L;
      expect(L).toBeGreaterThan(0.4);
      expect(L).toBeLessThan(0.75);
    }
  });
});

describe('pickCodeColor', () => {
  test('a sub-code of 问题 is far from 问题 and from its siblings', () => {
    const sibling = pickCodeColor(['#d64545'], ['#2e9d5b', '#2f6fd6']);
    expect(colorDistance(sibling, '#d64545')).toBeGreaterThan(0.12);
    const next = pickCodeColor(['#d64545', sibling], ['#2e9d5b', '#2f6fd6']);
    expect(colorDistance(next, sibling)).toBeGreaterThan(0.12);
    expect(colorDistance(next, '#d64545')).toBeGreaterThan(0.12);
  });
  test('the core gives new codes such colours', () => {
    fx = setup({ seeds: false });
    const problem = fx.root['问题']!;
    const a = fx.h['codes-create']({ name: '财政压力', parentId: problem.id }).code;
    const b = fx.h['codes-create']({ name: '放权不到位', parentId: problem.id }).code;
    expect(colorDistance(a.color, problem.color)).toBeGreaterThan(0.12);
    expect(colorDistance(b.color, problem.color)).toBeGreaterThan(0.12);
    expect(colorDistance(a.color, b.color)).toBeGreaterThan(0.12);
  });
});

describe('selectionColor', () => {
  test('differs from every code colour and from the old blue', () => {
    const sel = selectionColor(DEFAULTS);
    for (const c of DEFAULTS) expect(colorDistance(sel, c)).toBeGreaterThan(0.1);
    expect(colorDistance(sel, OLD_SELECTION)).toBeGreaterThan(0.1);
    // A codebook that takes the first choice gets another one.
    const other = selectionColor([...DEFAULTS, sel]);
    expect(other).not.toBe(sel);
  });
});
