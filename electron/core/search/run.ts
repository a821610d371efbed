/**
 * `search-run`: finds a parsed query in the corpus and returns KWIC hits.
 *
 * The index holds each document in chunks (0014_search_chunks.sql, chunks.ts; read through
 * chunk-store.ts).
 * 1. Candidate chunks per term: the chunks holding every bigram of the needle (FTS5 MATCH on
 *    search_grams, grams.ts), a superset of those holding the needle; instr() over the normalised
 *    column for a needle of one code unit. A first page (`count: false`) asks for one-character
 *    candidates one document at a time, in document order, and stops as soon as the page is full.
 * 2. Verification in JavaScript over each candidate chunk's normalised text (cached): the exact,
 *    non-overlapping occurrences that start in the chunk's own part (one running into the next
 *    chunk lies within the tail). A first page asks SQLite for the positions of a needle in a
 *    chunk whose text is not cached yet (chunk-store.ts `sqlOccurrences`), so a rare needle reads
 *    only its hits' KWIC context, not whole chunks. Regexes run in a worker with a time limit
 *    (regex-worker.ts) over each candidate document's whole normalised text (the chunks' own
 *    parts joined), so they are script- and case-insensitive like everything else.
 * 3. Every hit is counted (unless only the first page was asked for); the first `limit`
 *    (document order, then start) are returned with KWIC context cut from the canonical text.
 *    Normalising preserves code-point positions except where NFC composes characters; there hits
 *    are mapped back (chunks.ts `normalizeChunk`).
 */
import type { SearchDocumentResult, SearchResult } from '../../../shared/contracts/search';
import { SEARCH_DEFAULT_LIMIT } from '../../../shared/contracts/search';
import { PizhuError } from '../../../shared/errors';
import { findLiteral } from '../../../shared/search/match';
import { codePointLength, countCodePoints } from '../../../shared/text/offsets';
import {
  QueryError,
  normalizeRegexSource,
  parseQuery,
  termNeedle,
  type ParsedQuery,
  type SearchTerm,
} from '../../../shared/search/query';
import type { Db } from '../db/database';
import {
  CHUNK_COLUMNS,
  chunkNorm,
  documentNorm,
  isCached,
  knownAbsent,
  kwic,
  mayHold,
  pruneCache,
  sqlOccurrences,
  type ChunkMeta,
  type ChunkSpan,
} from './chunk-store';
import { gramQuery } from './grams';
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
  /** False: stop once `limit` hits are found (the first page); the total is not counted. */
  count?: boolean | undefined;
}

export function parseOrThrow(query: string): ParsedQuery {
  try {
    return parseQuery(query);
  } catch (err) {
    if (err instanceof QueryError) throw new PizhuError(err.code, err.message, err.params);
    throw err;
  }
}

/**
 * Every document's id and title in document order, per connection, until the project changes
 * (`Db.dataVersion`): reading them walks one table page per document, which a first page should
 * not wait for.
 */
const docLists = new WeakMap<Db, { key: string; docs: ScopeDoc[] }>();

function allDocuments(db: Db): ScopeDoc[] {
  const key = db.dataVersion();
  const cached = docLists.get(db);
  if (key !== null && cached?.key === key) return cached.docs;
  const docs = db.stmt('SELECT id, title FROM documents ORDER BY sort_order, id').all() as ScopeDoc[];
  if (key !== null) docLists.set(db, { key, docs });
  return docs;
}

/** Documents searched, in document order (all, or the given ids; unknown ids are an error). */
function scopeDocuments(db: Db, ids: readonly string[] | undefined): ScopeDoc[] {
  const all = allDocuments(db);
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

/** Chunks whose normalised text (own part and tail) may contain `needle`: the candidate step. */
export function candidateChunks(db: Db, needle: string): ChunkMeta[] {
  const query = gramQuery(needle);
  return (
    query === null
      ? db.stmt(`SELECT ${CHUNK_COLUMNS} FROM search_docs WHERE instr(norm, ?) > 0`).all(needle)
      : db
          .stmt(
            `SELECT ${CHUNK_COLUMNS} FROM search_docs
             WHERE id IN (SELECT rowid FROM search_grams WHERE search_grams MATCH ?)`,
          )
          .all(query)
  ) as ChunkMeta[];
}

/** Ids of documents with a candidate chunk for `needle`. */
export function candidateIds(db: Db, needle: string): Set<string> {
  return new Set(candidateChunks(db, needle).map((c) => c.documentId));
}

function byDocument(chunks: ChunkMeta[]): Map<string, ChunkMeta[]> {
  const out = new Map<string, ChunkMeta[]>();
  for (const c of chunks) {
    const list = out.get(c.documentId);
    if (list) list.push(c);
    else out.set(c.documentId, [c]);
  }
  for (const list of out.values()) list.sort((x, y) => x.start - y.start);
  return out;
}

/** Documents whose chunk rows a first page reads at once (in scope order) as it goes. */
const LAZY_BATCH = 64;

/**
 * Candidate chunks of one needle by document: all at once, or (a first page) as the page reaches
 * each document, so that a frequent needle reads only the first documents' chunks: instr() per
 * document for one code unit; otherwise the index's matching rowids once (a set of integers) and
 * the chunk rows of LAZY_BATCH documents of the scope at a time. Chunks an earlier search on this
 * connection found not to hold the needle are left out.
 */
function candidateSource(
  db: Db,
  needle: string,
  lazy: boolean,
  scope: readonly ScopeDoc[],
): (documentId: string) => ChunkMeta[] {
  const query = gramQuery(needle);
  if (lazy && query === null) {
    const stmt = db.stmt(
      `SELECT ${CHUNK_COLUMNS} FROM search_docs WHERE document_id = ? AND instr(norm, ?) > 0 ORDER BY start`,
    );
    return (documentId) => stmt.all(documentId, needle) as ChunkMeta[];
  }
  const usable = (c: ChunkMeta) => !knownAbsent(db, needle, c);
  if (!lazy || query === null) {
    const map = byDocument(candidateChunks(db, needle).filter(usable));
    return (documentId) => map.get(documentId) ?? [];
  }
  const ids = new Set(
    db.stmt('SELECT rowid AS id FROM search_grams WHERE search_grams MATCH ?').pluck().all(query) as number[],
  );
  const position = new Map(scope.map((d, i) => [d.id, i]));
  const read = new Map<string, ChunkMeta[]>();
  const batch = db.stmt(
    `SELECT ${CHUNK_COLUMNS} FROM search_docs WHERE document_id IN (SELECT value FROM json_each(?))`,
  );
  return (documentId) => {
    if (ids.size === 0) return [];
    if (!read.has(documentId)) {
      const from = position.get(documentId) ?? 0;
      const next = scope.slice(from, from + LAZY_BATCH).map((d) => d.id);
      if (!next.includes(documentId)) next.push(documentId);
      read.clear();
      for (const id of next) read.set(id, []);
      for (const c of batch.all(JSON.stringify(next)) as ChunkMeta[])
        if (ids.has(c.id) && usable(c)) read.get(c.documentId)!.push(c);
      for (const list of read.values()) list.sort((x, y) => x.start - y.start);
    }
    return read.get(documentId)!;
  };
}

export async function runSearch(db: Db, options: RunOptions): Promise<SearchResult> {
  const parsed = parseOrThrow(options.query);
  // Documents of a bulk import whose index is still queued are indexed first: nothing is missed.
  buildSearchIndex(db);
  const limit = options.limit ?? SEARCH_DEFAULT_LIMIT;
  const scope = scopeDocuments(db, options.documentIds);
  if (options.documentIds === undefined) pruneCache(db, new Set(scope.map((d) => d.id)));
  const hasRegex = parsed.clauses.some((c) => c.some((t) => t.kind === 'regex'));
  return hasRegex
    ? searchWithRegex(db, parsed, scope, limit, options.count !== false)
    : searchLiteral(db, parsed, scope, limit, options.count !== false);
}

type Literal = Exclude<SearchTerm, { kind: 'regex' }>;

interface DocumentSpans {
  spans: ChunkSpan[];
  /** False when the scan stopped before the document's last candidate chunk. */
  complete: boolean;
}

/** Occurrences per needle and chunk above which reading the chunk's text beats asking SQLite. */
const SQL_OCCURRENCES = 4;

/** UTF-16 offset of code point `cp` of `text` (a few thousand at most: a carry into a tail). */
function utf16At(text: string, cp: number): number {
  let i = 0;
  for (let k = 0; k < cp && i < text.length; k++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

/**
 * The occurrences of the needles in one document's candidate chunks, in order. With `enough`, the
 * scan stops after the first chunk at which that many spans are found and every clause matched.
 * With `inSql` (a first page), a chunk whose text is not cached and that NFC did not change is
 * first asked of SQLite (`sqlOccurrences`): a needle that occurs a few times per chunk then
 * reads only its KWIC context, not whole chunks.
 */
function verifyDocument(
  db: Db,
  perNeedle: Map<string, ChunkMeta[]>,
  clauses: string[][],
  enough: number,
  inSql: boolean,
): DocumentSpans | null {
  const chunks = new Map<number, ChunkMeta>();
  for (const list of perNeedle.values()) for (const c of list) chunks.set(c.start, c);
  const ordered = [...chunks.values()].sort((x, y) => x.start - y.start);
  const inChunk = new Map<string, Set<number>>();
  for (const [needle, list] of perNeedle) inChunk.set(needle, new Set(list.map((c) => c.start)));
  const lengths = new Map([...inChunk.keys()].map((n) => [n, codePointLength(n)]));
  const found = new Set<string>();
  const satisfied = () => clauses.every((needles) => needles.some((n) => found.has(n)));
  // Where the previous chunk's last occurrence of a needle ended inside the next chunk (code
  // points of the next chunk's norm: the previous tail normalises to the same text).
  const carry = new Map<string, { next: number; from: number }>();
  const spans: ChunkSpan[] = [];
  for (let k = 0; k < ordered.length; k++) {
    const c = ordered[k]!;
    const fromOf = (needle: string) => {
      const prev = carry.get(needle);
      return prev?.next === c.start ? prev.from : 0;
    };
    const needles = [...inChunk].filter(([, starts]) => starts.has(c.start)).map(([n]) => n);
    // A chunk not read yet that holds none of its needles: the index's candidates are a superset.
    // A two-unit needle is one bigram, whose candidates are exact but for bucket collisions: its
    // chunks are read at once (checking the bytes first would read each one twice).
    if (!isCached(db, c) && needles.some((n) => n.length > 2) && !mayHold(db, c, needles)) continue;
    // Positions from SQLite (canonical = normalised code points here), else from the text.
    let sql: { needle: string; at: number[] }[] | null = null;
    if (inSql && !c.mapped && !isCached(db, c)) {
      sql = [];
      for (const needle of needles) {
        const at = sqlOccurrences(db, c, needle, lengths.get(needle)!, fromOf(needle), SQL_OCCURRENCES);
        if (at === null) {
          sql = null;
          break;
        }
        sql.push({ needle, at });
      }
    }
    if (sql !== null) {
      const local: number[] = [];
      for (const { needle, at } of sql) {
        const n = lengths.get(needle)!;
        for (const s of at) local.push(c.start + s, c.start + s + n);
        if (at.length === 0) continue;
        found.add(needle);
        const end = at.at(-1)! + n;
        if (end > c.length) carry.set(needle, { next: c.start + c.length, from: end - c.length });
      }
      for (const [start, end] of uniqueSorted(local)) spans.push({ start, end });
    } else {
      const norm = chunkNorm(db, c);
      const local: number[] = [];
      for (const needle of needles) {
        const from = fromOf(needle);
        let i = norm.indexOf(needle, from === 0 ? 0 : utf16At(norm, from));
        let end = -1;
        for (; i !== -1 && i < c.own; i = norm.indexOf(needle, i + needle.length)) {
          end = i + needle.length;
          local.push(i, end);
        }
        if (end !== -1) found.add(needle);
        if (end > c.own)
          carry.set(needle, { next: c.start + c.length, from: countCodePoints(norm, c.own, end) });
      }
      for (const [s, e] of uniqueSorted(local)) spans.push({ a: c, s, b: c, e });
    }
    if (spans.length >= enough && k < ordered.length - 1 && satisfied()) return { spans, complete: false };
  }
  return spans.length > 0 && satisfied() ? { spans, complete: true } : null;
}

/**
 * Text and phrase terms only: candidate chunks from the index, occurrences by scanning their
 * normalised texts (cached), KWIC only for the hits returned. A needle that occurs twice in the
 * query is searched once (its spans would be duplicates).
 */
function searchLiteral(
  db: Db,
  parsed: ParsedQuery,
  scope: ScopeDoc[],
  limit: number,
  count: boolean,
): SearchResult {
  const sources = new Map<string, (documentId: string) => ChunkMeta[]>();
  const clauses = parsed.clauses.map((clause) =>
    (clause as Literal[]).map((term) => {
      const needle = termNeedle(term);
      if (!sources.has(needle)) sources.set(needle, candidateSource(db, needle, !count, scope));
      return needle;
    }),
  );
  const groups: SearchDocumentResult[] = [];
  let total = 0;
  let returned = 0;
  let stopped = false;
  for (const doc of scope) {
    if (!count && returned >= limit) {
      stopped = true;
      break;
    }
    const perNeedle = new Map<string, ChunkMeta[]>();
    let possible = true;
    for (const needles of clauses) {
      let any = false;
      for (const n of needles) {
        if (!perNeedle.has(n)) perNeedle.set(n, sources.get(n)!(doc.id));
        if (perNeedle.get(n)!.length > 0) any = true;
      }
      // The index finds candidates; a clause with none rules the document out at once.
      if (!any) {
        possible = false;
        break;
      }
    }
    if (!possible) continue;
    const result = verifyDocument(db, perNeedle, clauses, count ? Infinity : limit - returned, !count);
    if (!result) continue;
    const keep = Math.max(0, Math.min(result.spans.length, limit - returned));
    if (!result.complete) stopped = true;
    total += result.spans.length;
    returned += keep;
    groups.push({
      documentId: doc.id,
      title: doc.title,
      count: result.spans.length,
      hits: keep > 0 ? kwic(db, doc.id, result.spans.slice(0, keep)) : [],
    });
  }
  return { total, documents: groups, returned, truncated: total > returned || stopped, counted: !stopped };
}

type Pairs = number[]; // flat [s0, e0, s1, e1, …] UTF-16 pairs

/**
 * Queries with a regex: every document in scope that the literal clauses allow is read and the
 * regexes run over all of them at once, in a worker with a time limit.
 */
async function searchWithRegex(
  db: Db,
  parsed: ParsedQuery,
  scope: ScopeDoc[],
  limit: number,
  count: boolean,
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
  const norms = docs.map((d) => documentNorm(db, d.id));
  if (docs.length > 0) {
    for (const term of regexTerms) {
      regexResults.set(
        term,
        await regexMatchesInWorker(
          normalizeRegexSource(term.source),
          norms.map((n) => n.text),
          REGEX_MAX_MATCHES,
        ),
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
  let stopped = false;
  for (let docIndex = 0; docIndex < docs.length; docIndex++) {
    if (!count && returned >= limit) {
      stopped = true;
      break;
    }
    const doc = docs[docIndex]!;
    const norm = norms[docIndex]!;
    const all: Pairs = [];
    let matches = true;
    for (const clause of parsed.clauses) {
      const before = all.length;
      for (const term of clause) {
        if (term.kind === 'regex') {
          for (const n of regexResults.get(term)?.[docIndex] ?? []) all.push(n);
        } else for (const [s, e] of findLiteral(norm.text, termNeedle(term))) all.push(s, e);
      }
      if (all.length === before) matches = false; // this clause matches nothing: not a hit document
    }
    if (!matches) continue;
    const spans = uniqueSorted(all);
    total += spans.length;
    const keep = Math.max(0, Math.min(spans.length, limit - returned));
    returned += keep;
    groups.push({
      documentId: doc.id,
      title: doc.title,
      count: spans.length,
      hits:
        keep > 0
          ? kwic(
              db,
              doc.id,
              spans.slice(0, keep).map(([s, e]) => toChunkSpan(norm, s, e)),
            )
          : [],
    });
  }
  return {
    total,
    documents: groups,
    returned,
    truncated: capped || stopped || total > returned,
    counted: !stopped,
  };
}

/** A span of a document's whole normalised text → positions in its chunks. */
function toChunkSpan(norm: { chunks: ChunkMeta[]; at: number[] }, s: number, e: number): ChunkSpan {
  const find = (pos: number) => {
    let lo = 0;
    let hi = norm.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (norm.at[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const ia = find(s);
  const a = norm.chunks[ia]!;
  const sa = s - norm.at[ia]!;
  // The end in the start chunk when it ends within its own part, else in the chunk of its last unit.
  if (e - norm.at[ia]! <= a.own) return { a, s: sa, b: a, e: e - norm.at[ia]! };
  const ib = find(e - 1);
  return { a, s: sa, b: norm.chunks[ib]!, e: e - norm.at[ib]! };
}

/** Pairs sorted by start, then end, duplicates (the same span from two terms) removed. */
function uniqueSorted(flat: Pairs): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return pairs.filter((p, i) => i === 0 || p[0] !== pairs[i - 1]![0] || p[1] !== pairs[i - 1]![1]);
}
