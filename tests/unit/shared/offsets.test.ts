// Code point ⇄ UTF-16 conversion, including characters outside the BMP (𠀋, 𪚥).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OffsetIndex, codePointLength, sliceCodePoints } from '../../../shared/text/offsets';

const seedsDir = join(import.meta.dirname, '../../../seeds');

describe('offsets', () => {
  const text = 'a𠀋b问题𪚥𪚥c';
  const cps = [...text];

  it('counts code points like Python len()', () => {
    expect(codePointLength(text)).toBe(cps.length);
    expect(codePointLength(text)).toBe(8);
    expect(codePointLength('')).toBe(0);
    // A lone surrogate counts as one code point, as in Python's surrogateescape strings.
    expect(codePointLength('\ud840x')).toBe(2);
  });

  it('slices by code points', () => {
    for (let s = 0; s <= cps.length; s++) {
      for (let e = s; e <= cps.length; e++) {
        expect(sliceCodePoints(text, s, e)).toBe(cps.slice(s, e).join(''));
      }
    }
  });

  it('round-trips every code point offset', () => {
    const index = new OffsetIndex(text);
    expect(index.codePointLength).toBe(8);
    for (let cp = 0; cp <= cps.length; cp++) {
      const u = index.toUtf16(cp);
      expect(text.slice(0, u)).toBe(cps.slice(0, cp).join(''));
      expect(index.toCodePoint(u)).toBe(cp);
    }
  });

  it('rounds an offset inside a surrogate pair down to the character start', () => {
    const index = new OffsetIndex(text);
    // 'a' at 0, '𠀋' at UTF-16 1–2: offset 2 is inside it.
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(3)).toBe(2);
  });

  it('clamps out-of-range offsets', () => {
    const index = new OffsetIndex(text);
    expect(index.toUtf16(-5)).toBe(0);
    expect(index.toUtf16(999)).toBe(text.length);
    expect(index.toCodePoint(999)).toBe(8);
  });

  it('is the identity on the all-BMP seeds', () => {
    for (const name of readdirSync(seedsDir)) {
      const seed = readFileSync(join(seedsDir, name), 'utf8');
      const index = new OffsetIndex(seed);
      expect(index.codePointLength).toBe([...seed].length);
      expect(index.toUtf16(1234)).toBe(Math.min(1234, seed.length));
    }
  });
});
