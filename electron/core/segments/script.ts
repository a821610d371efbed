/**
 * Simplified/traditional-insensitive matching for segment text and memo queries.
 *
 * The query is converted character by character (OpenCC's character tables only, no phrase
 * tables, so its length never changes) to simplified (t→cn) and to traditional (cn→t); the column
 * is then matched with `LIKE` against each form. This finds 财政 in a quote written 財政 and the
 * reverse, and is ASCII case-insensitive (SQLite's LIKE). Its limit, documented in docs/api.md:
 * a quote that MIXES scripts inside the matched words (財政压力) is found only when one of the
 * two converted forms equals it; normalising the stored column would need a normalised copy of
 * every quote (a migration and a write on every annotation), which search owns.
 */
import * as OpenCCT2S from 'opencc-js/t2cn';
import * as OpenCCS2T from 'opencc-js/cn2t';

type Convert = (s: string) => string;

let toSimplified: Convert | null = null;
let toTraditional: Convert | null = null;

function converters(): { s: Convert; t: Convert } {
  // Index 1 of each locale group is the character table (index 0 the phrase table).
  toSimplified ??= OpenCCT2S.ConverterFactory([OpenCCT2S.Locale.to.cn![0]![1]!]);
  toTraditional ??= OpenCCS2T.ConverterFactory([OpenCCS2T.Locale.from.cn![0]![1]!]);
  return { s: toSimplified, t: toTraditional };
}

/** The distinct forms a query is matched in: as typed, simplified, traditional. */
export function queryForms(query: string): string[] {
  const q = query.trim();
  if (q === '') return [];
  const { s, t } = converters();
  return [...new Set([q, s(q), t(q)])];
}

/** A LIKE pattern matching `text` anywhere, with `\` as the escape character. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
