/**
 * REFI-QDA positions → our code-point offsets. The standard counts characters of the plain-text
 * source, but producers differ: some count a CRLF line end as two characters, some as one, and
 * .NET-based tools count UTF-16 code units (a character outside the BMP is two). We canonicalise
 * the text like every other import (BOM removed, CRLF and lone CR → LF) and map each producer
 * position to a code point of that text under the convention that fits the file best: the one
 * under which most selections' names (the quoted text some producers write) match the text, then
 * the one under which most selections fall inside the text; ties keep the standard's reading.
 */

export interface Convention {
  /** What one position counts: a code point or a UTF-16 code unit. */
  unit: 'code-point' | 'utf-16';
  /** How many positions a CRLF pair takes. */
  crlf: 1 | 2;
}

export const CONVENTIONS: readonly Convention[] = [
  { unit: 'code-point', crlf: 2 },
  { unit: 'code-point', crlf: 1 },
  { unit: 'utf-16', crlf: 2 },
  { unit: 'utf-16', crlf: 1 },
];

export interface CanonicalText {
  text: string;
  hadBom: boolean;
  hadCr: boolean;
  hasAstral: boolean;
}

export function canonicalText(raw: string): CanonicalText {
  const hadBom = raw.startsWith('\uFEFF');
  const body = hadBom ? raw.slice(1) : raw;
  const hadCr = body.includes('\r');
  return {
    text: hadCr ? body.replace(/\r\n?/g, '\n') : body,
    hadBom,
    hadCr,
    hasAstral: /[\uD800-\uDBFF]/.test(body),
  };
}

/** producer position → canonical code-point offset (index = position). */
export function positionMap(rawWithoutBom: string, convention: Convention): Int32Array {
  const cps = [...rawWithoutBom];
  const map: number[] = [];
  let c = 0;
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i]!;
    if (ch === '\r' && cps[i + 1] === '\n') {
      map.push(c);
      if (convention.crlf === 2) map.push(c);
      i++;
      c++;
      continue;
    }
    map.push(c);
    if (convention.unit === 'utf-16' && ch.length === 2) map.push(c + 1);
    c++;
  }
  map.push(c);
  return Int32Array.from(map);
}

export interface RawSelection {
  start: number;
  end: number;
  /** The quote the producer wrote as the selection's name, if any. */
  name: string | null;
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

function score(text: string[], map: Int32Array, selections: readonly RawSelection[]): [number, number] {
  let named = 0;
  let inside = 0;
  for (const s of selections) {
    if (s.start < 0 || s.end <= s.start || s.end >= map.length) continue;
    inside++;
    if (!s.name) continue;
    const quote = squash(text.slice(map[s.start], map[s.end]).join(''));
    const name = squash(s.name);
    if (
      name.length >= 2 &&
      quote.length > 0 &&
      (quote.startsWith(name.slice(0, 30)) || name.startsWith(quote))
    )
      named++;
  }
  return [named, inside];
}

/** The convention that fits the selections best (the standard's reading when nothing tells). */
export function chooseConvention(
  rawWithoutBom: string,
  canonical: string,
  selections: readonly RawSelection[],
): { convention: Convention; map: Int32Array } {
  const first = { convention: CONVENTIONS[0]!, map: positionMap(rawWithoutBom, CONVENTIONS[0]!) };
  const ambiguous = rawWithoutBom.includes('\r\n') || /[\uD800-\uDBFF]/.test(rawWithoutBom);
  if (!ambiguous || selections.length === 0) return first;
  const text = [...canonical];
  let best = first;
  let bestScore = score(text, first.map, selections);
  for (const convention of CONVENTIONS.slice(1)) {
    const map = positionMap(rawWithoutBom, convention);
    const s = score(text, map, selections);
    if (s[0] > bestScore[0] || (s[0] === bestScore[0] && s[1] > bestScore[1])) {
      best = { convention, map };
      bestScore = s;
    }
  }
  return best;
}
