/**
 * The search query language (pure; parsed the same way by the core and, for feedback, the UI).
 *
 *   问题            substring (script- and case-insensitive: also finds 問題)
 *   财政 问题        AND: a document must contain every term; all their occurrences are hits
 *   问题 OR 困难     OR between two terms (binds tighter than AND: `财政 问题 OR 困难` means
 *                   财政 AND (问题 OR 困难), as in web search engines)
 *   "放权 强县"      exact phrase, spaces included
 *   /第[一二三]篇/    JavaScript regular expression (flags: none needed; matching is case-insensitive)
 *
 * `"` and `/` only open a phrase / regex at the start of a term; a term that is only `OR` is the
 * operator (write `"OR"` to search for the letters), except in a query of nothing but `OR`. Terms are normalised (shared/text/normalize)
 * before matching, so offsets of hits are code points of the canonical text.
 */
import { normalizeChar, normalizeText } from '../text/normalize';

export type SearchTerm =
  { kind: 'text'; text: string } | { kind: 'phrase'; text: string } | { kind: 'regex'; source: string };

/** A document matches when every clause matches; a clause matches when any of its terms does. */
export interface ParsedQuery {
  clauses: SearchTerm[][];
}

export type QueryErrorCode = 'search-empty-query' | 'search-invalid-regex' | 'search-unclosed-quote';

export class QueryError extends Error {
  override name = 'QueryError';
  constructor(
    readonly code: QueryErrorCode,
    message: string,
    readonly params: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Longest regular expression accepted (a guard against pathological patterns, with the timeout). */
export const REGEX_MAX_LENGTH = 500;

interface Token {
  term: SearchTerm | 'OR';
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const isSpace = (c: string) => /\s/u.test(c);
  while (i < query.length) {
    const c = query[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === '“' || c === '”') {
      // Phrases may use ASCII or Chinese quotes; the closing quote is any of them.
      const end = query.slice(i + 1).search(/["“”]/u);
      if (end === -1)
        throw new QueryError('search-unclosed-quote', `Unclosed quote in ${JSON.stringify(query)}`);
      const text = query.slice(i + 1, i + 1 + end);
      if (text.length > 0) tokens.push({ term: { kind: 'phrase', text } });
      i += end + 2;
      continue;
    }
    if (c === '/') {
      // The regex ends at the last `/` followed by white space or the end (so `/a\/b/` and
      // `/a/b/` both work): find the first unescaped `/` that is followed by a space or the end.
      let j = i + 1;
      let escaped = false;
      let end = -1;
      for (; j < query.length; j++) {
        const d = query[j]!;
        if (escaped) escaped = false;
        else if (d === '\\') escaped = true;
        else if (d === '/' && (j + 1 === query.length || isSpace(query[j + 1]!))) {
          end = j;
          break;
        }
      }
      if (end > i + 1) {
        tokens.push({ term: { kind: 'regex', source: query.slice(i + 1, end) } });
        i = end + 1;
        continue;
      }
    }
    let j = i;
    while (j < query.length && !isSpace(query[j]!)) j++;
    const word = query.slice(i, j);
    tokens.push({ term: word === 'OR' ? 'OR' : { kind: 'text', text: word } });
    i = j;
  }
  return tokens;
}

/** Parses a query; throws `QueryError` (empty query, unclosed quote, invalid regex). */
export function parseQuery(query: string): ParsedQuery {
  const tokens = tokenize(query);
  const clauses: SearchTerm[][] = [];
  let joinNext = false;
  for (const { term } of tokens) {
    if (term === 'OR') {
      // A leading, trailing or doubled OR is just ignored: the user's intent is clear enough.
      if (clauses.length > 0) joinNext = true;
      continue;
    }
    if (term.kind === 'regex') checkRegex(term.source);
    if (joinNext) clauses[clauses.length - 1]!.push(term);
    else clauses.push([term]);
    joinNext = false;
  }
  // Only `OR`s: the user is looking for the word, not an operator.
  if (clauses.length === 0 && tokens.length > 0) return { clauses: [[{ kind: 'text', text: 'OR' }]] };
  if (clauses.length === 0) throw new QueryError('search-empty-query', 'The query is empty');
  return { clauses };
}

function checkRegex(source: string): void {
  if (source.length > REGEX_MAX_LENGTH) {
    throw new QueryError('search-invalid-regex', `Regular expression longer than ${REGEX_MAX_LENGTH}`, {
      reason: `longer than ${REGEX_MAX_LENGTH} characters`,
    });
  }
  try {
    new RegExp(normalizeRegexSource(source), 'giu');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new QueryError('search-invalid-regex', `Invalid regular expression /${source}/: ${reason}`, {
      reason,
    });
  }
}

/** The normalised needle of a text or phrase term (what is looked up in the normalised text). */
export function termNeedle(term: Extract<SearchTerm, { kind: 'text' | 'phrase' }>): string {
  return normalizeText(term.text);
}

/**
 * A regex pattern rewritten to run over normalised text: Traditional literals become Simplified,
 * full-width ASCII becomes its half-width character, escaped as `\xHH` when it is punctuation (so
 * a full-width `（` stays a literal and never opens a group). ASCII is left alone: the regex runs
 * with the `i` flag, and lower-casing a pattern would break escapes such as `\D` or `\S`.
 */
export function normalizeRegexSource(source: string): string {
  let out = '';
  for (const ch of source) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if ((cp >= 0xff01 && cp <= 0xff5e) || cp === 0x3000) {
      const n = normalizeChar(ch);
      out += /[a-z0-9]/.test(n) ? n : `\\x${n.charCodeAt(0).toString(16).padStart(2, '0')}`;
    } else out += normalizeChar(ch);
  }
  return out;
}

/** The RegExp object for a regex term (global, Unicode, case-insensitive). */
export function compileRegex(source: string): RegExp {
  return new RegExp(normalizeRegexSource(source), 'giu');
}
