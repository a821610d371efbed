/**
 * How much a decoded text reads like a Chinese document, from 1 (every character belongs there)
 * down to below 0 (control characters, replacement characters, private-use code points).
 * Common Han characters (common-hanzi.ts, in both scripts) count fully, rare ones a quarter: the
 * wrong one of two legacy decodings of the same bytes still gives valid Han characters, but rare
 * ones. The same counts say whether a decoding looks Simplified or Traditional.
 */
import { Converter } from 'opencc-js/cn2t';
import { COMMON_SIMPLIFIED } from './common-hanzi';

interface CommonSets {
  simplified: Set<number>;
  traditional: Set<number>;
}

let sets: CommonSets | null = null;

function commonSets(): CommonSets {
  if (sets) return sets;
  const simplified = new Set<number>();
  for (const ch of COMMON_SIMPLIFIED) simplified.add(ch.codePointAt(0)!);
  const traditional = new Set<number>();
  // Both OpenCC's standard forms (爲) and Taiwan's (為), which Big5 files use.
  for (const to of ['t', 'tw'] as const) {
    const convert = Converter({ from: 'cn', to });
    for (const ch of COMMON_SIMPLIFIED) for (const t of convert(ch)) traditional.add(t.codePointAt(0)!);
  }
  sets = { simplified, traditional };
  return sets;
}

export interface Readability {
  /** Mean per-character score (see the file comment); 1 for an empty text. */
  score: number;
  chars: number;
  /** Common characters only in the Simplified / only in the Traditional list. */
  simplifiedOnly: number;
  traditionalOnly: number;
  /** Control, replacement and private-use characters. */
  bad: number;
}

const isHan = (cp: number) =>
  (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f);

export function readability(text: string): Readability {
  const { simplified, traditional } = commonSets();
  let sum = 0;
  let chars = 0;
  let simplifiedOnly = 0;
  let traditionalOnly = 0;
  let bad = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    chars++;
    if (cp === 0x09 || cp === 0x0a || cp === 0x0d || (cp >= 0x20 && cp < 0x7f)) sum += 1;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff)) {
      sum -= 1;
      bad++;
    } else if (isHan(cp)) {
      const s = simplified.has(cp);
      const t = traditional.has(cp);
      if (s || t) {
        sum += 1;
        if (s && !t) simplifiedOnly++;
        if (t && !s) traditionalOnly++;
      } else sum += 0.25;
    } else if (
      (cp >= 0x3000 && cp <= 0x303f) ||
      (cp >= 0xff00 && cp <= 0xffef) ||
      (cp >= 0x2010 && cp <= 0x203b)
    )
      sum += 1;
    else if (cp >= 0xa0 && cp <= 0x24f) sum += 0.5;
    else if (cp >= 0x3040 && cp <= 0x30ff) sum += 0.3;
  }
  return { score: chars === 0 ? 1 : sum / chars, chars, simplifiedOnly, traditionalOnly, bad };
}
