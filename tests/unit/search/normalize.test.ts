// Search normalisation (shared/text/normalize.ts): one code point in, one code point out, so that
// offsets found in the normalised text are offsets in the canonical text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeChar, normalizeText } from '../../../shared/text/normalize';
import { SEEDS_DIR } from '../core/helpers';

const seeds = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(SEEDS_DIR, f), 'utf8') }));

describe('normalizeText', () => {
  it('converts Traditional to Simplified', () => {
    expect(normalizeText('問題')).toBe('问题');
    expect(normalizeText('擴權強縣、縣長')).toBe('扩权强县、县长');
    // Full-width punctuation is full-width ASCII too: ，→ ,  ：→ :
    expect(normalizeText('擴權，縣長：')).toBe('扩权,县长:');
  });

  it('maps full-width ASCII and digits to half-width and lower-cases ASCII', () => {
    expect(normalizeText('ＡＢＣ１')).toBe('abc1');
    expect(normalizeText('GDP增长Ｘ％')).toBe('gdp增长x%');
    expect(normalizeText('a\u3000b')).toBe('a b');
  });

  it('leaves Simplified text, punctuation and astral characters alone', () => {
    const text = '问题、𠀋𪚥“建议”。\n';
    expect(normalizeText(text)).toBe(text);
  });

  it('keeps the code-point length of every seed, position by position', () => {
    expect(seeds).toHaveLength(5);
    for (const { name, text } of seeds) {
      const norm = normalizeText(text);
      const a = [...text];
      const b = [...norm];
      expect(b.length, name).toBe(a.length);
      // Each position is the normalisation of the same position, nothing shifted.
      for (let i = 0; i < a.length; i += 97) expect(b[i], `${name}@${i}`).toBe(normalizeChar(a[i]!));
    }
  });

  it('changes the Traditional seeds and is idempotent', () => {
    const trad = seeds.find((s) => s.name.startsWith('000_'))!;
    const norm = normalizeText(trad.text);
    expect(norm).not.toBe(trad.text);
    expect(norm).toContain('问题');
    expect(normalizeText(norm)).toBe(norm);
  });

  it('keeps a character whose conversion is not exactly one code point', () => {
    // Every single character maps to one code point (length check above); a character the
    // dictionary does not know comes back unchanged.
    for (const ch of ['𠀋', '〇', '々', 'ー']) expect(normalizeChar(ch)).toBe(ch);
  });
});
