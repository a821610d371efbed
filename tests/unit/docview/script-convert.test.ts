/**
 * The script views' offset map (shared/text/script-convert.ts), checked over all five seeds with
 * every converter: our aligned conversion gives exactly opencc-js's output, and every range
 * round-trips between canonical and displayed text in both directions (exactly where the map is
 * character-aligned, else widened only to whole length-changing phrases), including characters
 * outside the BMP. The character-level converter must also convert each canonical slice to the
 * displayed slice.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import {
  AlignedConverter,
  foldForSearch,
  loadConverter,
  ScriptMap,
  type Converted,
  type ConverterId,
  type Span,
} from '../../../shared/text/script-convert';
import { codePointLength, sliceCodePoints } from '../../../shared/text/offsets';
import { mulberry32 } from '../../support/random';

const SEEDS = resolve(import.meta.dirname, '../../../seeds');
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(SEEDS, f), 'utf8') }));

/** Converters with opencc-js's own locale pair, for the exact-output check. */
const CONVERTERS: { id: ConverterId; from: string; to: string }[] = [
  { id: 'cn', from: 'tw', to: 'cn' },
  { id: 'tw', from: 'cn', to: 'tw' },
  { id: 'twp', from: 'cn', to: 'twp' },
];

/** Random ranges, every single-character range, and empty ones. */
function ranges(length: number, seed: number): Span[] {
  const random = mulberry32(seed);
  const out: Span[] = [];
  for (let i = 0; i < length; i++) out.push({ start: i, end: i + 1 });
  for (let i = 0; i < 3000; i++) {
    const start = Math.floor(random() * length);
    const end = Math.min(length, start + 1 + Math.floor(random() * 60));
    out.push({ start, end });
  }
  out.push({ start: 0, end: length }, { start: 0, end: 0 }, { start: length, end: length });
  return out;
}

/** The map seen from the other side: display → canonical, for the reverse-direction checks. */
function reversed(map: ScriptMap) {
  return {
    to: (r: Span) => map.rangeToCanonical(r),
    back: (r: Span) => map.rangeToDisplay(r),
    length: map.displayLength,
  };
}

function forward(map: ScriptMap) {
  return {
    to: (r: Span) => map.rangeToDisplay(r),
    back: (r: Span) => map.rangeToCanonical(r),
    length: map.canonicalLength,
  };
}

/** Round-trip checks of one direction; returns how many ranges were widened. */
function checkRoundTrip(side: ReturnType<typeof forward>, exact: boolean, seed: number): number {
  let widened = 0;
  for (const r of ranges(side.length, seed)) {
    const there = side.to(r);
    const back = side.back(there);
    if (exact) {
      expect(back).toEqual(r);
      continue;
    }
    // Never narrower, widened by at most one phrase on each side, and stable once widened.
    expect(back.start).toBeLessThanOrEqual(r.start);
    expect(back.end).toBeGreaterThanOrEqual(r.end);
    expect(r.start - back.start).toBeLessThanOrEqual(8);
    expect(back.end - r.end).toBeLessThanOrEqual(8);
    expect(side.back(side.to(back))).toEqual(back);
    if (back.start !== r.start || back.end !== r.end) widened++;
  }
  return widened;
}

function checkLengths(source: string, converted: Converted): void {
  expect(converted.map.canonicalLength).toBe(codePointLength(source));
  expect(converted.map.displayLength).toBe(codePointLength(converted.text));
}

describe('script conversion with an offset map', () => {
  for (const { id, from, to } of CONVERTERS) {
    describe(`converter ${id}`, () => {
      for (const seed of seeds) {
        it(`${seed.name}: same output as opencc-js, ranges round-trip both ways`, async () => {
          const converter = await loadConverter(id);
          const reference = OpenCC.Converter({ from, to });
          const converted = converter.convert(seed.text);
          expect(converted.text).toBe(reference(seed.text));
          checkLengths(seed.text, converted);
          const { map } = converted;
          const exact = map.isCharacterAligned;
          checkRoundTrip(forward(map), exact, 1);
          checkRoundTrip(reversed(map), exact, 2);
          if (exact) {
            // Aligned character by character: each canonical character is one displayed one.
            for (let i = 0; i < map.canonicalLength; i += 97) {
              expect(map.rangeToDisplay({ start: i, end: i + 1 })).toEqual({ start: i, end: i + 1 });
            }
          }
        });
      }
    });
  }

  it('Simplified and Traditional views of the seeds keep every character in place', async () => {
    for (const id of ['cn', 'tw'] as const) {
      const converter = await loadConverter(id);
      for (const seed of seeds) expect(converter.convert(seed.text).map.isCharacterAligned).toBe(true);
    }
  });

  it('maps length-changing phrases atomically (Taiwan phrases: 权限 → 許可權)', async () => {
    const converter = await loadConverter('twp');
    const source = '下放管理权限，优化环境。';
    const { text, map } = converter.convert(source);
    expect(text).toBe('下放管理許可權，最佳化環境。');
    // 权限 (canonical 4–6) is 許可權 (display 4–7); 优化 (7–9) is 最佳化 (8–11).
    expect(map.rangeToDisplay({ start: 4, end: 6 })).toEqual({ start: 4, end: 7 });
    expect(map.rangeToDisplay({ start: 7, end: 9 })).toEqual({ start: 8, end: 11 });
    expect(map.rangeToCanonical({ start: 4, end: 7 })).toEqual({ start: 4, end: 6 });
    // A boundary inside the phrase widens to the whole phrase, on either side.
    expect(map.rangeToDisplay({ start: 5, end: 6 })).toEqual({ start: 4, end: 7 });
    expect(map.rangeToCanonical({ start: 5, end: 6 })).toEqual({ start: 4, end: 6 });
    expect(map.rangeToCanonical({ start: 0, end: 5 })).toEqual({ start: 0, end: 6 });
    // After the phrases, offsets shift by the two extra characters.
    expect(map.toDisplay(9, 'start')).toBe(11);
    expect(map.toCanonical(11, 'start')).toBe(9);
    expect(sliceCodePoints(text, 11, 13)).toBe('環境');
  });

  it('counts characters outside the BMP as one code point on both sides', async () => {
    // 㗲 (BMP) converts to 𠵾 (outside the BMP): one code point, but two UTF-16 units.
    const converter = new AlignedConverter({
      normalization: [],
      segmentation: null,
      chain: [[TSCharacters]],
    });
    const source = '𠀋甲㗲問題𪚥乙';
    const { text, map } = converter.convert(source);
    expect(text).toBe('𠀋甲𠵾问题𪚥乙');
    expect(map.isCharacterAligned).toBe(true);
    expect(map.canonicalLength).toBe(7);
    expect(map.displayLength).toBe(7);
    expect(map.rangeToDisplay({ start: 2, end: 5 })).toEqual({ start: 2, end: 5 });
    expect(sliceCodePoints(text, 2, 5)).toBe('𠵾问题');
    const full = (await loadConverter('cn')).convert(source);
    expect(full.map.rangeToCanonical({ start: 3, end: 5 })).toEqual({ start: 3, end: 5 });
  });

  it('a character-level converter converts every canonical slice to the displayed slice', () => {
    const converter = new AlignedConverter({
      normalization: [],
      segmentation: null,
      chain: [[TSCharacters]],
    });
    for (const [k, seed] of seeds.entries()) {
      const { text, map } = converter.convert(seed.text);
      for (const r of ranges(map.canonicalLength, 10 + k).filter((_, i) => i % 7 === 0)) {
        const d = map.rangeToDisplay(r);
        expect(sliceCodePoints(text, d.start, d.end)).toBe(
          converter.convert(sliceCodePoints(seed.text, r.start, r.end)).text,
        );
        expect(map.rangeToCanonical(d)).toEqual(r);
      }
    }
  });

  it('the identity map maps every offset to itself', () => {
    const map = ScriptMap.identity(10);
    expect(map.rangeToDisplay({ start: 3, end: 7 })).toEqual({ start: 3, end: 7 });
    expect(map.toCanonical(11, 'end')).toBe(10);
  });
});

describe('foldForSearch', () => {
  it('folds Traditional and Taiwan variants to Simplified, keeping every offset', () => {
    expect(foldForSearch('問題與裡面爲了')).toBe('问题与里面为了');
    expect(foldForSearch('问题')).toBe('问题');
    expect(foldForSearch('ABC 問')).toBe('abc 问');
    for (const seed of seeds) {
      const folded = foldForSearch(seed.text);
      expect(codePointLength(folded)).toBe(codePointLength(seed.text));
      // Per character: each folds on its own, to exactly one character.
      const chars = [...seed.text];
      const foldedChars = [...folded];
      for (let i = 0; i < chars.length; i += 13) expect(foldForSearch(chars[i]!)).toBe(foldedChars[i]);
    }
  });
});
