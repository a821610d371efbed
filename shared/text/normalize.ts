/**
 * Search normalisation: the text the search index holds and queries are compared against, so
 * that search is script- and case-insensitive (搜索 问题 finds 問題, ＡＢＣ finds abc).
 *
 * Every step maps ONE code point to ONE code point, so a match at code points [s, e) of the
 * normalised text is exactly [s, e) of the canonical text: hits need no offset map.
 *   1. Traditional → Simplified with opencc-js's tw→cn dictionaries, applied one character at a
 *      time (a character-level conversion; phrase rules never fire on a single character). Where
 *      the dictionary maps a character to more or fewer than one code point, the character is kept.
 *   2. Full-width ASCII (U+FF01–U+FF5E) → ASCII; ideographic space U+3000 → space.
 *   3. ASCII A–Z → a–z (no Unicode case folding: ß → ss would change the length).
 * UTF-16 length may change (a BMP character can map to an astral one), code-point length never.
 */
import { ConverterFactory } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';

let converter: ((text: string) => string) | null = null;
/** Per-character results: the corpus has a few thousand distinct characters. */
const cache = new Map<string, string>();

function convertChar(ch: string): string {
  let out = cache.get(ch);
  if (out !== undefined) return out;
  converter ??= ConverterFactory(from.tw ?? [], to.cn ?? []);
  const converted = converter(ch);
  // Keep the original unless the conversion is exactly one code point (length-preserving).
  out = converted.length > 0 && [...converted].length === 1 ? converted : ch;
  cache.set(ch, out);
  return out;
}

/** Normalises one code point (given as a string). */
export function normalizeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 0x20) : ch;
  if (cp >= 0xff01 && cp <= 0xff5e) {
    const ascii = cp - 0xfee0;
    return String.fromCharCode(ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii);
  }
  if (cp === 0x3000) return ' ';
  // Only CJK characters can be Traditional; skip the dictionary for everything else.
  if (cp < 0x2e80) return ch;
  return convertChar(ch);
}

/** The normalised copy of `text`: same code-point length, position by position. */
export function normalizeText(text: string): string {
  let out = '';
  let runStart = 0;
  let i = 0;
  // Copy runs of unchanged characters in one slice; most of a Simplified text is such a run.
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 2 ? text.slice(i, i + 2) : text[i]!;
    const n = normalizeChar(ch);
    if (n !== ch) {
      out += text.slice(runStart, i) + n;
      runStart = i + width;
    }
    i += width;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}
