/**
 * Script detection (Simplified / Traditional / mixed) for a document, with a measured rule.
 *
 * A Han character is a *Traditional marker* when OpenCC's character-level t→cn mapping changes
 * it (擴 → 扩) and a *Simplified marker* when the cn→t mapping changes it (扩 → 擴). Characters
 * both scripts share (的, 工, 作) are neither. The share of Traditional markers among all markers
 * decides:
 *
 *   share ≥ 0.90 → traditional, share ≤ 0.10 → simplified, otherwise mixed;
 *   fewer than 5 markers → unknown (too little evidence, e.g. a short common-character title).
 *
 * `scriptStats` looks each code point up in a table built once from opencc-js's dictionaries
 * (one pass, tens of ns per character). Measured on the seeds (Han characters, Traditional
 * markers, Simplified markers, share):
 *   000  6,851  2,625     1  1.000  traditional
 *   001 17,861      0 6,942  0.000  simplified
 *   002  2,333    786    17  0.979  traditional (the 17 are words the websites' converter missed)
 *   003 21,539  7,036   249  0.966  traditional
 *   004  1,827      0   650  0.000  simplified
 * 001 + 000 concatenated: share 0.274 → mixed. The thresholds leave room on both sides for such
 * leftovers of imperfect conversions (up to 10% of markers) without calling them mixed.
 *
 * The reference is `scriptStatsByConversion`: both converters run over the whole text and the
 * outputs are compared character by character (000: 2,627/0, 001: 0/6,982, 002: 786/24,
 * 003: 7,036/276). Its counts differ slightly because OpenCC's phrase rules fire on whole texts
 * (a character a phrase converts, or keeps, differently from the character alone); the script is
 * the same on the seeds, the encoding matrix, mixed texts and seed windows of 1,000 characters and
 * more, while a short window with a handful of markers can fall on the other side of a threshold
 * (tests/unit/import/script.test.ts checks this, and the table against the converters).
 */
import { Converter as T2cnConverter, Locale as T2cnLocale } from 'opencc-js/t2cn';
import { Converter as Cn2tConverter, Locale as Cn2tLocale } from 'opencc-js/cn2t';

export type Script = 'simplified' | 'traditional' | 'mixed' | 'unknown';

export const SCRIPTS: readonly Script[] = ['simplified', 'traditional', 'mixed', 'unknown'];

export const SCRIPT_RULE = { traditionalAtLeast: 0.9, simplifiedAtMost: 0.1, minMarkers: 5 } as const;

export interface ScriptStats {
  script: Script;
  han: number;
  traditionalMarkers: number;
  simplifiedMarkers: number;
  /** traditionalMarkers / (traditionalMarkers + simplifiedMarkers); NaN without markers. */
  traditionalShare: number;
}

function classify(han: number, traditionalMarkers: number, simplifiedMarkers: number): ScriptStats {
  const markers = traditionalMarkers + simplifiedMarkers;
  const traditionalShare = markers === 0 ? Number.NaN : traditionalMarkers / markers;
  let script: Script;
  if (markers < SCRIPT_RULE.minMarkers) script = 'unknown';
  else if (traditionalShare >= SCRIPT_RULE.traditionalAtLeast) script = 'traditional';
  else if (traditionalShare <= SCRIPT_RULE.simplifiedAtMost) script = 'simplified';
  else script = 'mixed';
  return { script, han, traditionalMarkers, simplifiedMarkers, traditionalShare };
}

const HAN = /\p{Script=Han}/u;

let converters: { t2cn: (s: string) => string; cn2t: (s: string) => string } | null = null;

function getConverters() {
  converters ??= {
    t2cn: T2cnConverter({ from: 't', to: 'cn' }),
    cn2t: Cn2tConverter({ from: 'cn', to: 't' }),
  };
  return converters;
}

/**
 * The phrase-level reference: both converters run over the whole text, then the outputs are
 * compared with the text character by character (the converters keep the length on the seeds;
 * checked anyway). ~200 ns per character; `scriptStats` gives the same script from a table, and
 * tests hold it to this function's classification.
 */
export function scriptStatsByConversion(text: string): ScriptStats {
  const { t2cn, cn2t } = getConverters();
  const chars = Array.from(text);
  let toCn = Array.from(t2cn(text));
  let toT = Array.from(cn2t(text));
  // The character-level converters never change the length on the seeds; if some future
  // dictionary did, convert character by character so positions still line up.
  if (toCn.length !== chars.length) toCn = chars.map((c) => t2cn(c));
  if (toT.length !== chars.length) toT = chars.map((c) => cn2t(c));
  let han = 0;
  let traditionalMarkers = 0;
  let simplifiedMarkers = 0;
  chars.forEach((c, i) => {
    if (!HAN.test(c)) return;
    han++;
    if (toCn[i] !== c) traditionalMarkers++;
    if (toT[i] !== c) simplifiedMarkers++;
  });
  return classify(han, traditionalMarkers, simplifiedMarkers);
}

type Config = { normalizationChain?: string[][]; conversionChain: string[][] };
type Dict = string | readonly (readonly [string, string])[];

/** One code point, or -1 for an empty or longer string. */
function singleCodePoint(s: string): number {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1) ? cp : -1;
}

/**
 * The one-character keys of a dictionary group with their replacements, later dictionaries
 * overriding earlier ones as in opencc-js's `Trie.loadDictGroup` (a string dictionary is
 * `"key replacement|key replacement|…"`; phrase keys are skipped without being split out).
 * A replacement longer than one character is kept as -1.
 */
function characterMap(group: readonly Dict[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const dict of group) {
    if (typeof dict !== 'string') {
      for (const [key, value] of dict) {
        const cp = singleCodePoint(key);
        if (cp >= 0) map.set(cp, singleCodePoint(value));
      }
      continue;
    }
    for (let pos = 0; pos < dict.length;) {
      const space = dict.indexOf(' ', pos);
      if (space === -1) break;
      let bar = dict.indexOf('|', space);
      if (bar === -1) bar = dict.length;
      const cp = singleCodePoint(dict.slice(pos, space));
      if (cp >= 0) {
        const valueEnd = dict.indexOf(' ', space + 1);
        map.set(
          cp,
          singleCodePoint(dict.slice(space + 1, valueEnd === -1 || valueEnd > bar ? bar : valueEnd)),
        );
      }
      pos = bar + 1;
    }
  }
  return map;
}

/** A converter configuration's groups (normalisation chain, then conversion chain). */
function characterChain(config: Config | undefined): Map<number, number>[] {
  if (!config) throw new Error('Unexpected opencc-js configuration');
  return [...(config.normalizationChain ?? []), ...config.conversionChain].map(characterMap);
}

/**
 * What one character alone becomes through a chain: each group replaces it by its one-character
 * key's replacement, if any. Null when a replacement is not one character (then the caller asks
 * the converter itself).
 */
function convertCharacter(cp: number, chain: readonly Map<number, number>[]): number | null {
  let c = cp;
  for (const map of chain) {
    const next = map.get(c);
    if (next === undefined) continue;
    if (next < 0) return null;
    c = next;
  }
  return c;
}

const KNOWN = 1;
const IS_HAN = 2;
const TRADITIONAL = 4;
const SIMPLIFIED = 8;

/**
 * Per code point, filled as characters are met: 0 not yet looked at, else KNOWN with IS_HAN and
 * the marker bits. The markers come from OpenCC's character-level mappings: the one-character
 * keys of the `t2s` and `s2t` dictionaries (the configurations opencc-js's t→cn and cn→t
 * converters use), each character converted alone through the chain. Built once, lazily.
 */
let charTable: Uint8Array | null = null;

function getCharTable(): Uint8Array {
  if (charTable) return charTable;
  const configs = (locale: unknown) => (locale as { configs: Record<string, Config> }).configs;
  const toCn = characterChain(configs(T2cnLocale).t2s);
  const toT = characterChain(configs(Cn2tLocale).s2t);
  const changes = (cp: number, chain: Map<number, number>[], convert: () => (s: string) => string) => {
    const c = convertCharacter(cp, chain);
    if (c !== null) return c !== cp;
    const s = String.fromCodePoint(cp);
    return convert()(s) !== s;
  };
  const table = new Uint8Array(0x110000);
  for (const chain of [...toCn, ...toT]) {
    for (const cp of chain.keys()) {
      if (table[cp] !== 0) continue;
      if (!HAN.test(String.fromCodePoint(cp))) {
        table[cp] = KNOWN;
        continue;
      }
      const traditional = changes(cp, toCn, () => getConverters().t2cn);
      const simplified = changes(cp, toT, () => getConverters().cn2t);
      table[cp] = KNOWN | IS_HAN | (traditional ? TRADITIONAL : 0) | (simplified ? SIMPLIFIED : 0);
    }
  }
  charTable = table;
  return table;
}

/**
 * Counts Han characters and markers by the character-level rule in one pass, a table lookup per
 * code point (no converted strings, no character arrays). See the header for how the counts
 * relate to `scriptStatsByConversion`'s.
 */
export function scriptStats(text: string): ScriptStats {
  const table = getCharTable();
  // Characters counted by their table value: no branch on the marker bits, which vary from one
  // character to the next (2–3× less CPU than counting with ifs).
  const counts = new Float64Array(16);
  const n = text.length;
  for (let u = 0; u < n; u++) {
    let cp = text.charCodeAt(u);
    // Nothing below the CJK Radicals Supplement is Han.
    if (cp < 0x2e80) continue;
    if (cp >= 0xd800 && cp <= 0xdbff && u + 1 < n) {
      const low = text.charCodeAt(u + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        u++;
      }
    }
    let v = table[cp]!;
    if (v === 0) {
      v = KNOWN | (HAN.test(String.fromCodePoint(cp)) ? IS_HAN : 0);
      table[cp] = v;
    }
    counts[v]!++;
  }
  let han = 0;
  let traditionalMarkers = 0;
  let simplifiedMarkers = 0;
  for (let v = 0; v < counts.length; v++) {
    if ((v & IS_HAN) === 0) continue;
    han += counts[v]!;
    if (v & TRADITIONAL) traditionalMarkers += counts[v]!;
    if (v & SIMPLIFIED) simplifiedMarkers += counts[v]!;
  }
  return classify(han, traditionalMarkers, simplifiedMarkers);
}

/** Texts longer than this (UTF-16 units) are judged on SCRIPT_WINDOWS windows spread over them. */
export const SCRIPT_SAMPLE = 200_000;
const SCRIPT_WINDOWS = 20;

/**
 * The script of a text. A long text (a 7-million-character file) is judged on windows spread
 * evenly over it, so a compilation with a Traditional second half is still `mixed`, at a bounded
 * cost (converting and comparing every character of such a file took seconds and gigabytes).
 */
export function detectScript(text: string): Script {
  if (text.length <= SCRIPT_SAMPLE) return scriptStats(text).script;
  const width = Math.floor(SCRIPT_SAMPLE / SCRIPT_WINDOWS);
  const step = Math.floor(text.length / SCRIPT_WINDOWS);
  const windows: string[] = [];
  for (let i = 0; i < SCRIPT_WINDOWS; i++) windows.push(text.slice(i * step, i * step + width));
  return scriptStats(windows.join('\n')).script;
}
