/**
 * Rule patterns of the suggester: literal text matched in script-normalised text (both the
 * pattern and the text go through `normalizeText`, so a rule written in Simplified matches
 * Traditional text and vice versa, and full-width punctuation equals half-width). No regular
 * expressions: user-written rules can never backtrack catastrophically.
 *
 * Syntax: `…` (or `...`) is a gap of at most GAP characters (`取得…成效`); a leading `^` anchors
 * the pattern at the start of the sentence's content, after any item marker or sequence word
 * (`^要` matches "二要加强…" but not "主要任务").
 */
import { normalizeText } from '../../../shared/text/normalize';

export const GAP = 12;

export interface CompiledPattern {
  anchored: boolean;
  parts: string[];
}

export function compilePattern(pattern: string): CompiledPattern {
  let p = pattern.trim();
  const anchored = p.startsWith('^');
  if (anchored) p = p.slice(1);
  const parts = normalizeText(p)
    .split(/…+|\.{3,}/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { anchored, parts };
}

/**
 * Item markers and sequence words that may open a sentence (normalised text: full-width
 * punctuation is already half-width here).
 */
const LEAD =
  /^(?:\s|第[一二三四五六七八九十百\d]+[篇章节条]?[:,、.\s]?|[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、)]|[一二三四五六七八九十]+[是要]|(?:首先|其次|再次|最后|同时|此外|另外|另一方面|一方面|总之|因此|所以|但是|但|然而|而且)[,:]?)+/u;

/** Where the content of a normalised sentence starts (after markers and sequence words). */
export function contentStart(sentence: string): number {
  const m = LEAD.exec(sentence);
  return m ? m[0].length : 0;
}

/**
 * Pinyin glosses that websites insert after characters (`標(biāo)題`, normalised to half-width
 * brackets) split every cue phrase; matching ignores them. Offsets are not affected: a pattern
 * only decides whether a sentence matches.
 */
const PINYIN_GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\)/gu;

/** The text rules are matched against: normalised, without pinyin glosses. */
export function matchText(normalised: string): string {
  return normalised.includes('(') ? normalised.replace(PINYIN_GLOSS, '') : normalised;
}

/** True when the compiled pattern occurs in `text` (normalised). `start`: the content start. */
export function matches(p: CompiledPattern, text: string, start = 0): boolean {
  const parts = p.parts;
  if (parts.length === 0) return false;
  const first = parts[0]!;
  let at = p.anchored ? (text.startsWith(first, start) ? start : -1) : text.indexOf(first);
  while (at !== -1) {
    if (parts.length === 1 || followsWithin(parts, text, at + first.length)) return true;
    if (p.anchored) return false;
    at = text.indexOf(first, at + 1);
  }
  return false;
}

/** parts[1…] occur in order, each starting at most GAP characters after the previous one ended. */
function followsWithin(parts: readonly string[], text: string, from: number): boolean {
  let pos = from;
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k]!;
    // The earliest occurrence leaves the most room for the parts after it.
    const at = text.indexOf(part, pos);
    if (at === -1 || at - pos > GAP) return false;
    pos = at + part.length;
  }
  return true;
}
