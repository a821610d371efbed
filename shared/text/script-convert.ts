/**
 * Chinese script conversion for display (opencc-js), with an exact offset map between the
 * displayed text and the canonical text.
 *
 * The document view may show a document in Simplified or Traditional characters, but offsets
 * everywhere are code points into the canonical text. opencc-js only returns a string, so we run
 * its algorithm ourselves (its `Trie.matchPrefix`, its dictionaries and its conversion chains,
 * exactly as `ConverterBuilder` assembles them) and record, for every match, which source piece
 * became which output piece. Composing the pieces of every stage gives a list of aligned pieces
 * (canonical span ↔ displayed span, in code points):
 * - a piece of equal length on both sides maps character by character (all character and most
 *   phrase conversions: 發展→发展);
 * - a piece whose length changes (a phrase converter such as Taiwan phrases: 方便面→泡麵) is
 *   atomic: an offset strictly inside it maps to its start (range starts) or end (range ends).
 * So a canonical range maps to the displayed characters that render it and back to itself; only a
 * boundary strictly inside a length-changing phrase widens to the whole phrase.
 *
 * `foldForSearch` is the character-level, length-preserving normaliser for script-insensitive
 * find (問題 and 问题 fold to the same string at the same offsets).
 */
import { Trie } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import { ScriptMap } from './script-map';
import { countCodePoints } from './offsets';

export { ScriptMap, type Bias, type Span } from './script-map';

/** The converters the app knows: to Simplified (cn), to Traditional (tw), to Taiwan phrases (twp). */
export type ConverterId = 'cn' | 'tw' | 'twp';

export interface Converted {
  text: string;
  map: ScriptMap;
}

type DictGroup = readonly string[];

interface ConverterConfig {
  normalization: readonly DictGroup[];
  segmentation: DictGroup | null;
  chain: readonly DictGroup[];
}

/** A converter that also returns the offset map (see the file header). */
export class AlignedConverter {
  private readonly normalization: Trie[];
  private readonly segmentation: Trie | null;
  private readonly chain: Trie[];

  constructor(config: ConverterConfig) {
    const trie = (group: DictGroup) => {
      const t = new Trie();
      t.loadDictGroup(group);
      return t;
    };
    this.normalization = config.normalization.map(trie);
    this.segmentation = config.segmentation ? trie(config.segmentation) : null;
    this.chain = config.chain.map(trie);
  }

  convert(text: string): Converted {
    // Pieces in UTF-16 units while converting; code points at the end.
    // A stage's pieces are as fine as its matches; composing with a coarser alignment (such as
    // one identity piece for the whole text) would merge them, so the first stage starts it.
    let current = text;
    let pieces: number[] | null = null;
    for (const t of this.normalization) {
      const step = convertPieces(t, current);
      pieces = pieces ? compose(pieces, step.pieces) : step.pieces;
      current = step.text;
    }
    const segments = this.segmentation ? this.segmentation.segment(current) : [current];
    const outParts: string[] = [];
    const chainPieces: number[] = [];
    for (const segment of segments) {
      let s = segment;
      let p: number[] | null = null;
      for (const t of this.chain) {
        const step = convertPieces(t, s);
        p = p ? compose(p, step.pieces) : step.pieces;
        s = step.text;
      }
      outParts.push(s);
      for (const x of p ?? [s.length, s.length]) chainPieces.push(x);
    }
    pieces = pieces ? compose(pieces, chainPieces) : chainPieces;
    const out = outParts.join('');
    return { text: out, map: ScriptMap.fromPieces(toCodePointPieces(text, out, pieces)) };
  }
}

/**
 * One trie pass (opencc-js's `Trie.convert`) that also records `[srcLen, dstLen]` per piece.
 * Unmatched characters are one piece each: a coarse identity piece would swallow the finer
 * boundaries of the next stage when composed.
 */
function convertPieces(trie: Trie, s: string): { text: string; pieces: number[] } {
  const out: string[] = [];
  const pieces: number[] = [];
  let unmatchedFrom = -1;
  for (let i = 0; i < s.length;) {
    const m = trie.matchPrefix(s, i);
    if (m) {
      if (unmatchedFrom !== -1) {
        out.push(s.slice(unmatchedFrom, i));
        unmatchedFrom = -1;
      }
      out.push(m.value);
      pieces.push(m.end - i, m.value.length);
      i = m.end;
    } else {
      const n = unmatchedLength(s, i);
      if (unmatchedFrom === -1) unmatchedFrom = i;
      pieces.push(n, n);
      i += n;
    }
  }
  if (unmatchedFrom !== -1) out.push(s.slice(unmatchedFrom));
  return { text: out.join(''), pieces };
}

/**
 * Composes alignments a (x → y) and b (y → z) into x → z: pieces are grouped until a boundary
 * in y is a boundary of both.
 */
function compose(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let src = 0;
    let dst = 0;
    let ya = 0;
    let yb = 0;
    do {
      if (ya <= yb && i < a.length) {
        src += a[i]!;
        ya += a[i + 1]!;
        i += 2;
      } else if (j < b.length) {
        yb += b[j]!;
        dst += b[j + 1]!;
        j += 2;
      } else {
        src += a[i]!;
        ya += a[i + 1]!;
        i += 2;
      }
      // Pieces empty in y join the group on their side.
      while (ya === yb && i < a.length && a[i + 1] === 0) {
        src += a[i]!;
        i += 2;
      }
      while (ya === yb && j < b.length && b[j] === 0) {
        dst += b[j + 1]!;
        j += 2;
      }
    } while (ya !== yb);
    out.push(src, dst);
  }
  return out;
}

/** UTF-16 pieces → code-point pieces (a piece never splits a surrogate pair). */
function toCodePointPieces(src: string, dst: string, pieces: readonly number[]): number[] {
  const out: number[] = [];
  let s = 0;
  let d = 0;
  for (let i = 0; i < pieces.length; i += 2) {
    const sl = pieces[i]!;
    const dl = pieces[i + 1]!;
    out.push(countCodePoints(src, s, s + sl), countCodePoints(dst, d, d + dl));
    s += sl;
    d += dl;
  }
  return out;
}

// opencc-js skips an Ideographic Description Sequence (⿰氵each) as one unmatched unit; so do we,
// or our output would differ from the library's.
function unmatchedLength(s: string, i: number): number {
  const ids = idsEnd(s, i);
  if (ids > i) return ids - i;
  return (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

function idsEnd(s: string, i: number): number {
  const cp = s.codePointAt(i) ?? 0;
  const arity = idsArity(cp);
  if (arity === 0) return 0;
  let end = i + (cp > 0xffff ? 2 : 1);
  for (let n = 0; n < arity; n++) {
    if (end >= s.length) return 0;
    const child = idsEnd(s, end);
    end = child || end + ((s.codePointAt(end) ?? 0) > 0xffff ? 2 : 1);
  }
  return end;
}

const cache = new Map<ConverterId, Promise<AlignedConverter>>();

/**
 * The converter, its dictionaries loaded on first use (they are separate chunks: STPhrases alone
 * is 1 MB, and most sessions never leave the original script). Configurations are opencc-js's
 * own (`preset/full.js` `configs`): tw2s, s2tw, s2twp.
 */
export function loadConverter(id: ConverterId): Promise<AlignedConverter> {
  let p = cache.get(id);
  if (!p) {
    p = buildConverter(id);
    cache.set(id, p);
    p.catch(() => cache.delete(id));
  }
  return p;
}

async function buildConverter(id: ConverterId): Promise<AlignedConverter> {
  const [CJK] = await Promise.all([import('opencc-js/dict/CJK_Compatibility_Ideographs')]);
  const normalization = [[CJK.default]];
  if (id === 'cn') {
    const [TSPhrases, TWVariantsRevPhrases] = await Promise.all([
      import('opencc-js/dict/TSPhrases'),
      import('opencc-js/dict/TWVariantsRevPhrases'),
    ]);
    return new AlignedConverter({
      normalization,
      segmentation: [TSPhrases.default],
      chain: [
        [TWVariantsRevPhrases.default, TWVariantsRev],
        [TSPhrases.default, TSCharacters],
      ],
    });
  }
  const [STPhrases, STGenerated, STCharacters, TWVariantsPhrases, TWVariants] = await Promise.all([
    import('opencc-js/dict/STPhrases'),
    import('opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases'),
    import('opencc-js/dict/STCharacters'),
    import('opencc-js/dict/TWVariantsPhrases'),
    import('opencc-js/dict/TWVariants'),
  ]);
  const toTraditional = [STPhrases.default, STGenerated.default, STCharacters.default];
  const variants = [TWVariantsPhrases.default, TWVariants.default];
  if (id === 'tw') {
    return new AlignedConverter({
      normalization,
      segmentation: [STPhrases.default, STGenerated.default],
      chain: [toTraditional, variants],
    });
  }
  const TWPhrases = await import('opencc-js/dict/TWPhrases');
  return new AlignedConverter({
    normalization,
    segmentation: [STPhrases.default, STGenerated.default],
    chain: [toTraditional, [TWPhrases.default, ...variants]],
  });
}

let foldTable: Map<number, number> | null = null;

/**
 * One code point → one code point: Taiwan variants back to OpenCC standard, then Traditional to
 * Simplified, keeping only entries whose result is a single code point (a character whose
 * conversion would change the length is left as it is, and matches only exactly).
 */
function getFoldTable(): Map<number, number> {
  if (foldTable) return foldTable;
  const single = (dict: string) => {
    const m = new Map<number, number>();
    for (const entry of dict.split('|')) {
      const [from, to] = entry.split(' ');
      if (!from || !to) continue;
      const f = [...from];
      const t = [...to];
      if (f.length === 1 && t.length === 1) m.set(f[0]!.codePointAt(0)!, t[0]!.codePointAt(0)!);
    }
    return m;
  };
  const variants = single(TWVariantsRev);
  const simplified = single(TSCharacters);
  const table = new Map<number, number>();
  for (const [from, to] of variants) table.set(from, simplified.get(to) ?? to);
  for (const [from, to] of simplified) if (!table.has(from)) table.set(from, to);
  foldTable = table;
  return table;
}

/**
 * Script- and case-insensitive form of `text` for find: the same number of code points, each
 * character folded to Simplified (問→问) and ASCII letters to lower case, so an offset into the
 * folded text is the same offset into `text`.
 */
export function foldForSearch(text: string): string {
  const table = getFoldTable();
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x41 && cp <= 0x5a) out += String.fromCharCode(cp + 32);
    else {
      const to = table.get(cp);
      out += to === undefined ? ch : String.fromCodePoint(to);
    }
  }
  return out;
}
