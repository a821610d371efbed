/**
 * Search normalisation: the text the search index holds and queries are compared against, so
 * that search is script- and case-insensitive (搜索 问题 finds 問題, ＡＢＣ finds abc).
 *
 *   0. Unicode NFC (`e` + U+0301 → `é`), so that both ways of writing an accented letter match.
 *      Composition shortens the text: `normalizeWithMap` gives, for a text that NFC changes, the
 *      canonical span of every normalised code point (search maps hits back with it). Texts NFC
 *      leaves alone (almost every Chinese document) need no map.
 *
 * Steps 1–3 map ONE code point to ONE code point, so without step 0 a match at code points
 * [s, e) of the normalised text is exactly [s, e) of the canonical text.
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

/**
 * Results of `normalizeChar` for the BMP by code unit, filled as characters are met: 0 = not yet
 * known, 0xffffffff = unchanged, else the replacement code point. A 7-million-character file
 * is normalised in one pass of table lookups instead of a string-keyed map per character.
 */
const BMP = new Uint32Array(0x10000);
const UNCHANGED = 0xffffffff;

function bmpResult(code: number): number {
  let r = BMP[code]!;
  if (r === 0) {
    const ch = String.fromCharCode(code);
    const n = normalizeChar(ch);
    r = n === ch ? UNCHANGED : n.codePointAt(0)!;
    BMP[code] = r;
  }
  return r;
}

/**
 * Steps 1–3: same code-point length, position by position. The output is written as UTF-16 code
 * units into one buffer (a Traditional text changes a third of its characters: concatenating
 * millions of pieces would build a rope far larger than the text).
 */
function normalizeChars(text: string): string {
  let buf: Uint16Array | null = null;
  let w = 0;
  const put = (unit: number) => {
    if (w === buf!.length) {
      const bigger = new Uint16Array(buf!.length * 2 + 16);
      bigger.set(buf!);
      buf = bigger;
    }
    buf![w++] = unit;
  };
  const start = (upTo: number) => {
    buf = new Uint16Array(text.length + 16);
    for (let k = 0; k < upTo; k++) buf[k] = text.charCodeAt(k);
    w = upTo;
  };
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const ch = text.slice(i, i + 2);
      const n = normalizeChar(ch);
      if (n !== ch && buf === null) start(i);
      if (buf !== null) for (let k = 0; k < n.length; k++) put(n.charCodeAt(k));
      i += 2;
      continue;
    }
    const r = c < 0x41 ? UNCHANGED : bmpResult(c);
    if (r !== UNCHANGED && buf === null) start(i);
    if (buf !== null) {
      if (r === UNCHANGED) put(c);
      else if (r <= 0xffff) put(r);
      else {
        put(0xd800 + ((r - 0x10000) >> 10));
        put(0xdc00 + ((r - 0x10000) & 0x3ff));
      }
    }
    i++;
  }
  if (buf === null) return text;
  const units: Uint16Array = buf;
  // A short text (a memo, a query) is built directly; creating a decoder per call cost more than
  // the normalisation of 20,000 memos itself (issue 13's memos-list profile).
  if (w <= 1024) return String.fromCharCode(...units.subarray(0, w));
  return UTF16.decode(units.subarray(0, w));
}

const UTF16 = new TextDecoder('utf-16le');

/** A code point that starts a new NFC segment (not a combining mark, not a Hangul vowel/final jamo). */
const CONTINUES = /[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]/u;

export interface NormalizedText {
  norm: string;
  /**
   * For a text NFC changes: `starts[k]`/`ends[k]` are the canonical code points [start, end) of
   * normalised code point k (the whole segment — base and marks — it was composed from).
   * Null when the normalised text has the canonical text's positions.
   */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

export function normalizeWithMap(text: string): NormalizedText {
  const nfc = text.normalize('NFC');
  if (nfc === text) return { norm: normalizeChars(text), starts: null, ends: null };
  const starts: number[] = [];
  const ends: number[] = [];
  let out = '';
  let segment = '';
  let segStart = 0;
  let cp = 0;
  const flush = () => {
    if (segment === '') return;
    const composed = segment.normalize('NFC');
    for (const _ of composed) {
      starts.push(segStart);
      ends.push(cp);
    }
    out += composed;
    segment = '';
    segStart = cp;
  };
  for (const ch of text) {
    if (!CONTINUES.test(ch)) flush();
    segment += ch;
    cp++;
  }
  flush();
  return { norm: normalizeChars(out), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The normalised copy of `text` (see the file comment; its length may differ only where NFC composes). */
export function normalizeText(text: string): string {
  return normalizeWithMap(text).norm;
}
