/**
 * Script detection (Simplified / Traditional / mixed) for a document, with a measured rule.
 *
 * A Han character is a *Traditional marker* when OpenCC's character-level t→cn converter changes
 * it (擴 → 扩) and a *Simplified marker* when cn→t changes it (扩 → 擴). Characters both scripts
 * share (的, 工, 作) are neither. The share of Traditional markers among all markers decides:
 *
 *   share ≥ 0.90 → traditional, share ≤ 0.10 → simplified, otherwise mixed;
 *   fewer than 5 markers → unknown (too little evidence, e.g. a short common-character title).
 *
 * Measured on the seeds (Han characters, Traditional markers, Simplified markers, share), whole
 * texts converted at once (`scriptStatsByConversion` is the definition; `scriptStats` gets the
 * same numbers by walking the converters' own tries over code points, ~4× faster, without
 * building converted strings; tests/unit/import/script.test.ts checks they agree):
 *   000  6,851  2,627     0  1.000  traditional
 *   001 17,861      0 6,982  0.000  simplified
 *   002  2,333    786    24  0.970  traditional (the 24 are words the websites' converter missed)
 *   003 21,539  7,036   276  0.962  traditional
 *   004  1,827      0   650  0.000  simplified
 * 001 + 000 concatenated: share 0.273 → mixed. The thresholds leave room on both sides for such
 * leftovers of imperfect conversions (up to 10% of markers) without calling them mixed.
 */
import { Converter as T2cnConverter, Locale as T2cnLocale } from 'opencc-js/t2cn';
import { Converter as Cn2tConverter, Locale as Cn2tLocale } from 'opencc-js/cn2t';
import { Trie } from 'opencc-js/core';

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
 * The definition: both converters run over the whole text, then the outputs are compared with
 * the text character by character (the character converters keep the length; checked anyway).
 * `scriptStats` computes the same numbers faster; this is its fallback and its test oracle.
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

/** A node of opencc-js's trie (`Trie.map`): children by code point, the replacement if a key ends here. */
type TrieNode = Map<number, TrieNode> & { trie_val?: string };

/**
 * Fast lookups into an opencc-js trie, whose `Map`s cost ~100 ns per character looked up. A page
 * table by code point says for each character that starts a key either its replacement (a
 * one-character key that starts no longer one: most keys), or which root child to walk, or
 * nothing; and a bit per hashed pair of first two characters says whether a longer key may start
 * here (most characters start no key together with the next one, so no `Map` is touched).
 */
class FastTrie {
  static readonly NONE = -1;
  static readonly MULTI = -2;
  private readonly pageOf = new Int32Array(0x1100).fill(-1);
  /** Per code point: its one-character replacement (≥ 0), NONE, or -(2 + index into `nodes`). */
  private readonly entries: number[] = [];
  /** Root children that start longer keys (or whose replacement is not one character). */
  readonly nodes: TrieNode[] = [];
  /** Their own replacement as one character, NONE without one, MULTI for a longer one. */
  readonly nodeValue: number[] = [];
  private readonly pairBits = new Uint32Array(1 << 15);

  constructor(root: TrieNode) {
    for (const [cp, child] of root) {
      let page = this.pageOf[cp >> 8]!;
      if (page === -1) {
        page = this.entries.length;
        this.pageOf[cp >> 8] = page;
        for (let k = 0; k < 256; k++) this.entries.push(FastTrie.NONE);
      }
      const value = child.trie_val;
      const single = child.size === 0 && value !== undefined && [...value].length === 1;
      if (single) this.entries[page + (cp & 255)] = value.codePointAt(0)!;
      else {
        this.entries[page + (cp & 255)] = -2 - this.nodes.length;
        this.nodes.push(child);
        this.nodeValue.push(
          value === undefined
            ? FastTrie.NONE
            : [...value].length === 1
              ? value.codePointAt(0)!
              : FastTrie.MULTI,
        );
      }
      for (const second of child.keys()) {
        const h = pairHash(cp, second);
        this.pairBits[h >>> 5]! |= 1 << (h & 31);
      }
    }
  }

  /** What a key starting with `cp` is (see `entries`). */
  first(cp: number): number {
    const page = cp < 0x110000 ? this.pageOf[cp >> 8]! : -1;
    return page === -1 ? FastTrie.NONE : this.entries[page + (cp & 255)]!;
  }

  /** False when no key starts with these two characters; true when one may. */
  maybePair(first: number, second: number): boolean {
    const h = pairHash(first, second);
    return (this.pairBits[h >>> 5]! & (1 << (h & 31))) !== 0;
  }
}

function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;
}

let chains: { t2cn: FastTrie[]; cn2t: FastTrie[] } | null = null;

/**
 * The tries of both converters, built from the same configurations (`t2s`, `s2t`: normalisation
 * chain, then conversion chain, one trie per dictionary group) as opencc-js's `Converter` does.
 */
function getChains() {
  if (chains) return chains;
  type Config = { normalizationChain?: string[][]; conversionChain: string[][]; segmentation?: unknown };
  const build = (config: Config | undefined): FastTrie[] => {
    if (!config || config.segmentation) throw new Error('Unexpected opencc-js configuration');
    return [...(config.normalizationChain ?? []), ...config.conversionChain].map((group) => {
      const t = new Trie();
      t.loadDictGroup(group);
      const root = (t as unknown as { map?: unknown }).map;
      if (!(root instanceof Map)) throw new Error('Unexpected opencc-js trie');
      return new FastTrie(root as TrieNode);
    });
  };
  const configs = (locale: unknown) => (locale as { configs: Record<string, Config> }).configs;
  chains = { t2cn: build(configs(T2cnLocale).t2s), cn2t: build(configs(Cn2tLocale).s2t) };
  return chains;
}

/**
 * One trie pass of opencc-js's `Trie.convert` (greedy longest match from the left) over code
 * points, writing the replacement in place of each match. Returns `input` itself when nothing
 * changed, and null when the result would not line up with the input (a replacement of another
 * length, or an Ideographic Description Sequence, which opencc-js skips as one unit): the caller
 * then uses the converters themselves.
 */
function trieConvert(input: Int32Array, trie: FastTrie): Int32Array | null {
  const n = input.length;
  let out = input;
  for (let i = 0; i < n;) {
    const c = input[i]!;
    const entry = trie.first(c);
    if (entry >= 0) {
      // A one-character key starting no longer key: its replacement.
      if (entry !== c) {
        if (out === input) out = input.slice();
        out[i] = entry;
      }
      i++;
      continue;
    }
    let end = -1;
    let value: string | undefined;
    if (entry !== FastTrie.NONE) {
      const own = trie.nodeValue[-2 - entry]!;
      if (own >= 0 && (i + 1 >= n || !trie.maybePair(c, input[i + 1]!))) {
        // No longer key here: the character's own replacement.
        if (own !== c) {
          if (out === input) out = input.slice();
          out[i] = own;
        }
        i++;
        continue;
      }
      const start: TrieNode = trie.nodes[-2 - entry]!;
      let node: TrieNode | undefined = start;
      value = start.trie_val;
      if (value !== undefined) end = i + 1;
      if (i + 1 < n && trie.maybePair(c, input[i + 1]!)) {
        for (let j = i + 1; j < n; j++) {
          node = node.get(input[j]!);
          if (node === undefined) break;
          if (node.trie_val !== undefined) {
            end = j + 1;
            value = node.trie_val;
          }
          if (node.size === 0) break;
        }
      }
    }
    if (value === undefined) {
      if (c >= 0x2ff0 && c <= 0x2fff) return null;
      i++;
      continue;
    }
    let k = i;
    for (let u = 0; u < value.length; k++) {
      const v = value.codePointAt(u)!;
      u += v > 0xffff ? 2 : 1;
      if (k >= end) return null;
      if (v !== input[k]) {
        if (out === input) out = input.slice();
        out[k] = v;
      }
    }
    if (k !== end) return null;
    i = end;
  }
  return out;
}

function convertChain(input: Int32Array, tries: readonly FastTrie[]): Int32Array | null {
  let current: Int32Array | null = input;
  for (const t of tries) {
    current = trieConvert(current, t);
    if (!current) return null;
  }
  return current;
}

/** Han or not, by code point, filled as characters are met (0 unknown, 1 Han, 2 not). */
const hanTable = new Uint8Array(0x110000);

function isHan(cp: number): boolean {
  // Nothing below the CJK Radicals Supplement is Han.
  if (cp < 0x2e80) return false;
  let v = hanTable[cp]!;
  if (v === 0) {
    v = HAN.test(String.fromCodePoint(cp)) ? 1 : 2;
    hanTable[cp] = v;
  }
  return v === 1;
}

/**
 * Counts markers over the whole text: exactly the numbers of `scriptStatsByConversion`, from the
 * same tries walked over code points in place (no converted strings, no character arrays).
 */
export function scriptStats(text: string): ScriptStats {
  const buffer = new Int32Array(text.length);
  let n = 0;
  for (let u = 0; u < text.length; n++) {
    const cp = text.codePointAt(u)!;
    buffer[n] = cp;
    u += cp > 0xffff ? 2 : 1;
  }
  const cps = buffer.subarray(0, n);
  const { t2cn, cn2t } = getChains();
  const toCn = convertChain(cps, t2cn);
  const toT = toCn && convertChain(cps, cn2t);
  if (!toCn || !toT) return scriptStatsByConversion(text);
  let han = 0;
  let traditionalMarkers = 0;
  let simplifiedMarkers = 0;
  for (let i = 0; i < n; i++) {
    const c = cps[i]!;
    if (!isHan(c)) continue;
    han++;
    if (toCn[i] !== c) traditionalMarkers++;
    if (toT[i] !== c) simplifiedMarkers++;
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
