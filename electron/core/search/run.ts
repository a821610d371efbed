/**
 * `search-run`: finds a parsed query in the corpus and returns KWIC hits.
 *
 * 1. Candidates per term from the index: FTS5 trigram MATCH for needles of 3+ code points,
 *    instr() over the normalised column for 1–2 (trigrams cannot match them; measured in
 *    bench/search.ts), every document in scope for a regex. AND intersects the clauses' sets,
 *    OR unites a clause's terms.
 * 2. Verification in JavaScript over each candidate's normalised text (search_docs.norm): the
 *    exact occurrences (shared/search/match.ts), UTF-16 → code points. Regexes run in a worker
 *    with a time limit (regex-worker.ts), over the normalised text too, so they are script- and
 *    case-insensitive like everything else.
 * 3. Every hit is counted; the first `limit` (document order, then start) are returned with KWIC
 *    context cut from the canonical text. Normalising preserves code-point positions except
 *    where NFC composes characters; there hits are mapped back (shared/text/normalize.ts).
 */
import type { SearchDocumentResult, SearchHit, SearchResult } from '../../../shared/contracts/search';
import { KWIC_CONTEXT, SEARCH_DEFAULT_LIMIT } from '../../../shared/contracts/search';
import { PizhuError } from '../../../shared/errors';
import { findLiteral } from '../../../shared/search/match';
import {
  QueryError,
  normalizeRegexSource,
  parseQuery,
  termNeedle,
  type ParsedQuery,
  type SearchTerm,
} from '../../../shared/search/query';
import { normalizeWithMap } from '../../../shared/text/normalize';
import { OffsetIndex } from '../../../shared/text/offsets';
import type { Db } from '../db/database';
import { buildSearchIndex } from './index-build';
import { regexMatchesInWorker } from './regex-worker';

/** Matches a regex may produce over the whole corpus before the count stops (see docs/api.md). */
export const REGEX_MAX_MATCHES = 1_000_000;

interface ScopeDoc {
  id: string;
  title: string;
}

export interface RunOptions {
  query: string;
  documentIds?: readonly string[] | undefined;
  limit?: number | undefined;
}

export function parseOrThrow(query: string): ParsedQuery {
  try {
    return parseQuery(query);
  } catch (err) {
    if (err instanceof QueryError) throw new PizhuError(err.code, err.message, err.params);
    throw err;
  }
}

/** Documents searched, in document order (all, or the given ids; unknown ids are an error). */
function scopeDocuments(db: Db, ids: readonly string[] | undefined): ScopeDoc[] {
  const all = db.stmt('SELECT id, title FROM documents ORDER BY sort_order, id').all() as ScopeDoc[];
  if (ids === undefined) return all;
  const wanted = new Set(ids);
  const found = all.filter((d) => wanted.has(d.id));
  if (found.length !== wanted.size) {
    const known = new Set(found.map((d) => d.id));
    const missing = [...wanted].find((id) => !known.has(id)) ?? '';
    throw new PizhuError('document-not-found', `No document ${missing}`, { id: missing });
  }
  return found;
}

/** FTS5 string literal: the needle as one quoted phrase (trigram: a substring query). */
function ftsLiteral(needle: string): string {
  return `"${needle.replace(/"/g, '""')}"`;
}

/** Ids of documents whose normalised text contains `needle` (the index's candidate step alone). */
export function candidateIds(db: Db, needle: string): Set<string> {
  const rows =
    [...needle].length >= 3
      ? db
          .stmt(
            `SELECT s.document_id AS id FROM search_fts JOIN search_docs s ON s.id = search_fts.rowid
             WHERE search_fts MATCH ?`,
          )
          .all(ftsLiteral(needle))
      : db.stmt('SELECT document_id AS id FROM search_docs WHERE instr(norm, ?) > 0').all(needle);
  return new Set((rows as { id: string }[]).map((r) => r.id));
}

/**
 * Normalised texts by document id, per connection. Reading a text out of SQLite costs about
 * 20 ns per character (UTF-8 → JavaScript string), far more than searching it, so texts read
 * once stay in memory (about 2 bytes per character of the corpus). Always valid: a document's
 * text never changes and ids are never reused; entries of deleted documents are dropped when a
 * search over all documents no longer sees them.
 */
const normCaches = new WeakMap<Db, Map<string, string>>();

function normCache(db: Db): Map<string, string> {
  let cache = normCaches.get(db);
  if (!cache) {
    cache = new Map();
    normCaches.set(db, cache);
  }
  return cache;
}

function normOf(db: Db, documentId: string): string {
  const cache = normCache(db);
  const hit = cache.get(documentId);
  if (hit !== undefined) return hit;
  const row = db.stmt('SELECT norm FROM search_docs WHERE document_id = ?').get(documentId) as
    { norm: string } | undefined;
  // A document without an index row would mean the triggers were bypassed: fail loudly.
  if (!row) throw new PizhuError('internal', `Document ${documentId} is missing from the search index`);
  cache.set(documentId, row.norm);
  return row.norm;
}

function pruneCache(db: Db, scope: readonly ScopeDoc[]): void {
  const cache = normCache(db);
  if (cache.size <= scope.length) return;
  const live = new Set(scope.map((d) => d.id));
  for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
}

/** Non-overlapping occurrences of `needle` (the count of findLiteral, without the pairs). */
function countLiteral(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

type Pairs = number[]; // flat [s0, e0, s1, e1, …] UTF-16 pairs

export async function runSearch(db: Db, options: RunOptions): Promise<SearchResult> {
  const parsed = parseOrThrow(options.query);
  // Documents of a bulk import whose index is still queued are indexed first: nothing is missed.
  buildSearchIndex(db);
  const limit = options.limit ?? SEARCH_DEFAULT_LIMIT;
  const scope = scopeDocuments(db, options.documentIds);
  if (options.documentIds === undefined) pruneCache(db, scope);
  const hasRegex = parsed.clauses.some((c) => c.some((t) => t.kind === 'regex'));
  return hasRegex ? searchWithRegex(db, parsed, scope, limit) : searchLiteral(db, parsed, scope, limit);
}

type Literal = Exclude<SearchTerm, { kind: 'regex' }>;

/**
 * Text and phrase terms only: candidates from the index, exact counts by scanning the candidates'
 * normalised texts (cached), KWIC only for the documents whose hits are returned. A needle that
 * occurs twice in the query is counted once (its spans would be duplicates).
 */
function searchLiteral(db: Db, parsed: ParsedQuery, scope: ScopeDoc[], limit: number): SearchResult {
  const candidates = new Map<string, Set<string>>();
  const clauses = parsed.clauses.map((clause) =>
    (clause as Literal[]).map((term) => {
      const needle = termNeedle(term);
      if (!candidates.has(needle)) candidates.set(needle, candidateIds(db, needle));
      return needle;
    }),
  );
  const groups: SearchDocumentResult[] = [];
  let total = 0;
  let returned = 0;
  for (const doc of scope) {
    if (!clauses.every((needles) => needles.some((n) => candidates.get(n)!.has(doc.id)))) continue;
    const norm = normOf(db, doc.id);
    const present = [...candidates.keys()].filter((n) => candidates.get(n)!.has(doc.id));
    let hits: SearchHit[] = [];
    let count: number;
    if (returned < limit) {
      const flat: Pairs = [];
      for (const needle of present) for (const [s, e] of findLiteral(norm, needle)) flat.push(s, e);
      const spans = uniqueSorted(flat);
      count = spans.length;
      const keep = Math.min(spans.length, limit - returned);
      hits = kwic(db, doc.id, norm, spans.slice(0, keep));
      returned += keep;
    } else count = present.reduce((n, needle) => n + countLiteral(norm, needle), 0);
    // The index finds candidates; only an actual occurrence makes a hit document.
    if (count === 0) continue;
    total += count;
    groups.push({ documentId: doc.id, title: doc.title, count, hits });
  }
  return { total, documents: groups, returned, truncated: total > returned };
}

/**
 * Queries with a regex: every document in scope that the literal clauses allow is read and the
 * regexes run over all of them at once, in a worker with a time limit.
 */
async function searchWithRegex(
  db: Db,
  parsed: ParsedQuery,
  scope: ScopeDoc[],
  limit: number,
): Promise<SearchResult> {
  // 1. Candidates: intersect clauses, each the union of its terms' sets.
  let candidates = new Set(scope.map((d) => d.id));
  for (const clause of parsed.clauses) {
    if (clause.some((t) => t.kind === 'regex')) continue; // every document is a regex candidate
    const union = new Set<string>();
    for (const term of clause as Literal[]) {
      for (const id of candidateIds(db, termNeedle(term))) if (candidates.has(id)) union.add(id);
    }
    candidates = union;
  }
  const docs = scope.filter((d) => candidates.has(d.id));

  // 2. Regex matches for all candidates at once (one worker per regex, one time limit each).
  const regexTerms = parsed.clauses.flat().filter((t) => t.kind === 'regex');
  const regexResults = new Map<SearchTerm, Pairs[]>();
  const texts = docs.map((d) => normOf(db, d.id));
  if (docs.length > 0) {
    for (const term of regexTerms) {
      regexResults.set(
        term,
        await regexMatchesInWorker(normalizeRegexSource(term.source), texts, REGEX_MAX_MATCHES),
      );
    }
  }

  // A regex that reached the match cap was stopped early: its count is a lower bound.
  let capped = false;
  for (const perDoc of regexResults.values()) {
    if (perDoc.reduce((n, pairs) => n + pairs.length / 2, 0) >= REGEX_MAX_MATCHES) capped = true;
  }

  // 3. Verify and count per document; keep hit positions only up to the limit.
  const groups: SearchDocumentResult[] = [];
  let total = 0;
  let returned = 0;
  docs.forEach((doc, docIndex) => {
    const norm = texts[docIndex]!;
    const all: Pairs = [];
    for (const clause of parsed.clauses) {
      const before = all.length;
      for (const term of clause) {
        if (term.kind === 'regex') {
          for (const n of regexResults.get(term)?.[docIndex] ?? []) all.push(n);
        } else for (const [s, e] of findLiteral(norm, termNeedle(term))) all.push(s, e);
      }
      if (all.length === before) return; // this clause matches nothing: not a hit document
    }
    const spans = uniqueSorted(all);
    total += spans.length;
    const keep = Math.max(0, Math.min(spans.length, limit - returned));
    returned += keep;
    groups.push({
      documentId: doc.id,
      title: doc.title,
      count: spans.length,
      hits: keep > 0 ? kwic(db, doc.id, norm, spans.slice(0, keep)) : [],
    });
  });
  return { total, documents: groups, returned, truncated: capped || total > returned };
}

/** Pairs sorted by start, then end, duplicates (the same span from two terms) removed. */
function uniqueSorted(flat: Pairs): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return pairs.filter((p, i) => i === 0 || p[0] !== pairs[i - 1]![0] || p[1] !== pairs[i - 1]![1]);
}

/** UTF-16 spans of the normalised text → code-point hits with context from the canonical text. */
function kwic(db: Db, documentId: string, norm: string, spans: [number, number][]): SearchHit[] {
  const text = (db.stmt('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
  const normIndex = new OffsetIndex(norm);
  const textIndex = new OffsetIndex(text);
  const cut = (a: number, b: number) => text.slice(textIndex.toUtf16(a), textIndex.toUtf16(b));
  // Where NFC composed characters, normalised positions map back through the segments; a norm
  // stored before NFC (same positions as the text) needs no map.
  const map = normalizeWithMap(text);
  const mapped = map.starts !== null && map.starts.length === normIndex.toCodePoint(norm.length) ? map : null;
  return spans.map(([s, e]) => {
    const ns = normIndex.toCodePoint(s);
    const ne = normIndex.toCodePoint(e);
    const start = mapped ? (mapped.starts![ns] ?? textIndex.toCodePoint(text.length)) : ns;
    const end = mapped ? (ne > ns ? mapped.ends![ne - 1]! : start) : ne;
    return {
      documentId,
      start,
      end,
      left: cut(Math.max(0, start - KWIC_CONTEXT), start),
      match: cut(start, end),
      right: cut(end, end + KWIC_CONTEXT),
    };
  });
}
