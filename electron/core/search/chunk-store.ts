/**
 * Reading the chunked search index (0014_search_chunks.sql, chunks.ts) for `search-run`: chunk
 * rows, their normalised texts (cached per connection), a document's whole normalised text for
 * regexes, and KWIC hits mapped from chunk positions back to code points of the canonical text.
 */
import type { SearchHit } from '../../../shared/contracts/search';
import { KWIC_CONTEXT } from '../../../shared/contracts/search';
import { PizhuError } from '../../../shared/errors';
import { OffsetIndex } from '../../../shared/text/offsets';
import type { Db } from '../db/database';
import { normalizeChunk } from './chunks';
import { cutSql } from './sql-functions';

export interface ChunkMeta {
  id: number;
  documentId: string;
  start: number;
  length: number;
  tail: number;
  own: number;
  /** 1 when NFC changed the chunk's text (hits map back through `normalizeChunk`). */
  mapped: number;
}

export const CHUNK_COLUMNS = 'id, document_id AS documentId, start, length, tail, own, mapped';

/**
 * Normalised chunk texts by document id, then chunk start, per connection. Reading a text out of
 * SQLite costs about 20 ns per character (UTF-8 → JavaScript string), far more than searching
 * it, so texts read once stay in memory (about 2 bytes per character of the corpus). Always
 * valid: a document's text never changes and document ids are never reused (chunk rowids may be);
 * entries of deleted documents are dropped when a search over all documents no longer sees them.
 */
interface CachedNorm {
  norm: string;
  /** Built when a hit in the chunk is first mapped to code points. */
  index: OffsetIndex | null;
}

const normCaches = new WeakMap<Db, Map<string, Map<number, CachedNorm>>>();

function normCache(db: Db): Map<string, Map<number, CachedNorm>> {
  let cache = normCaches.get(db);
  if (!cache) {
    cache = new Map();
    normCaches.set(db, cache);
  }
  return cache;
}

function cachedNorm(db: Db, chunk: ChunkMeta): CachedNorm {
  const cache = normCache(db);
  let perDoc = cache.get(chunk.documentId);
  const hit = perDoc?.get(chunk.start);
  if (hit !== undefined) return hit;
  const row = db.stmt('SELECT norm FROM search_docs WHERE id = ?').get(chunk.id) as { norm: string };
  if (!perDoc) cache.set(chunk.documentId, (perDoc = new Map<number, CachedNorm>()));
  const entry = { norm: row.norm, index: null };
  perDoc.set(chunk.start, entry);
  return entry;
}

/** True when the chunk's normalised text has been read on this connection. */
export function isCached(db: Db, chunk: ChunkMeta): boolean {
  return normCache(db).get(chunk.documentId)?.has(chunk.start) ?? false;
}

/** A surrogate not in a pair (a `u` regex reads pairs as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Needles whose findings a connection keeps (`needleCache`): the last few searched. */
const RECENT_NEEDLES = 8;

/**
 * The connection's map for `needle` in `caches`, most recent last; only RECENT_NEEDLES needles
 * are kept. The maps are valid for the same reason as the texts (texts and chunk bounds never
 * change, document ids are never reused).
 */
function needleCache<T>(
  caches: WeakMap<Db, Map<string, Map<string, T>>>,
  db: Db,
  needle: string,
): Map<string, T> {
  let perNeedle = caches.get(db);
  if (!perNeedle) caches.set(db, (perNeedle = new Map<string, Map<string, T>>()));
  let map = perNeedle.get(needle);
  if (map) perNeedle.delete(needle);
  else map = new Map<string, T>();
  perNeedle.set(needle, map);
  if (perNeedle.size > RECENT_NEEDLES) perNeedle.delete(perNeedle.keys().next().value!);
  return map;
}

/** A chunk's key in those maps. */
const chunkKey = (chunk: ChunkMeta) => `${chunk.documentId} ${chunk.start}`;

/** Per connection, needle → chunks whose text holds it (true) or not (false), as `mayHold` found. */
const heldCaches = new WeakMap<Db, Map<string, Map<string, boolean>>>();

/** True when `mayHold` found that the chunk's text does not hold `needle` (nothing is read). */
export function knownAbsent(db: Db, needle: string, chunk: ChunkMeta): boolean {
  return heldCaches.get(db)?.get(needle)?.get(chunkKey(chunk)) === false;
}

/**
 * False when a chunk's stored text holds none of `needles`: a false candidate of the bigram index
 * (grams.ts), which then costs no string. The text's UTF-8 bytes are searched as they are
 * (`Buffer.includes`, a byte search: UTF-8 never matches inside a character), about 3× faster
 * than instr() and 10× faster than reading the text as a string (measured on 8 M characters:
 * 16–35 / 54–67 / 165–215 ms). What was found is remembered per needle, as occurrences are below
 * (the same search asked again reads nothing). A needle that is not well-formed UTF-16 has no
 * byte form to look for: it counts as held.
 */
export function mayHold(db: Db, chunk: ChunkMeta, needles: readonly string[]): boolean {
  const key = chunkKey(chunk);
  const maps = needles.map((needle) => needleCache(heldCaches, db, needle));
  if (maps.some((map) => map.get(key) === true)) return true;
  if (maps.every((map) => map.get(key) === false)) return false;
  const row = db.stmt('SELECT CAST(norm AS BLOB) AS bytes FROM search_docs WHERE id = ?').get(chunk.id) as
    { bytes: Buffer } | undefined;
  if (row === undefined) return true;
  let any = false;
  needles.forEach((needle, i) => {
    const held = LONE_SURROGATE.test(needle) || row.bytes.includes(needle);
    maps[i]!.set(key, held);
    if (held) any = true;
  });
  return any;
}

/** Occurrences found by SQLite (below) per connection: needle → "documentId start from" → code points. */
const occurrenceCaches = new WeakMap<Db, Map<string, Map<string, number[]>>>();

/**
 * Occurrences SQLite finds in a chunk row without handing its text to JavaScript: the code points
 * (of `norm`) where `needle` starts, non-overlapping, from code point `from` on, starting before
 * the chunk's own part. instr() and substr() count code points natively, so each occurrence costs
 * a native scan of the row, far less than converting the whole text to a JavaScript string (about
 * 10× the CPU of one instr() scan) as long as occurrences are few. Null when the row holds `max`
 * or more (reading the text is then cheaper) or when a scan after the first occurrence meets
 * U+0000 (substr() and length() stop there, so length() is short of the chunk's code points;
 * instr() and replace() are not affected).
 */
export function sqlOccurrences(
  db: Db,
  chunk: ChunkMeta,
  needle: string,
  needleLength: number,
  from: number,
  max: number,
): number[] | null {
  const cache = needleCache(occurrenceCaches, db, needle);
  const key = `${chunkKey(chunk)} ${from}`;
  const known = cache.get(key);
  if (known) return known;
  const at: number[] = [];
  let p = from;
  if (from === 0) {
    // The first occurrence, and how many non-overlapping ones the row holds (replace() removes
    // them left to right, as the scan below steps): one call when a needle is rare.
    const row = db
      .stmt(
        `SELECT instr(norm, @needle) AS q,
                (octet_length(norm) - octet_length(replace(norm, @needle, ''))) / octet_length(@needle) AS k
         FROM search_docs WHERE id = @id`,
      )
      .get({ needle, id: chunk.id }) as { q: number; k: number };
    if (row.k >= max) return null;
    if (row.q === 0 || row.q - 1 >= chunk.length) {
      cache.set(key, at);
      return at;
    }
    at.push(row.q - 1);
    if (row.k === 1) {
      cache.set(key, at);
      return at;
    }
    p = row.q - 1 + needleLength;
  }
  const next = db.stmt(
    'SELECT instr(substr(norm, @p + 1), @needle) AS q, length(norm) AS n FROM search_docs WHERE id = @id',
  );
  let checked = false;
  for (;;) {
    const row = next.get({ p, needle, id: chunk.id }) as { q: number; n: number };
    if (!checked && row.n !== chunk.length + chunk.tail) return null;
    checked = true;
    if (row.q === 0 || p + row.q - 1 >= chunk.length) break;
    if (at.length + 1 >= max) return null;
    at.push(p + row.q - 1);
    p += row.q - 1 + needleLength;
  }
  cache.set(key, at);
  return at;
}

export function chunkNorm(db: Db, chunk: ChunkMeta): string {
  return cachedNorm(db, chunk).norm;
}

function normIndex(db: Db, chunk: ChunkMeta): OffsetIndex {
  const entry = cachedNorm(db, chunk);
  return (entry.index ??= new OffsetIndex(entry.norm));
}

/** True when every chunk of the document is cached (`chunks` are all of them). */
export function allCached(db: Db, documentId: string, count: number): boolean {
  return (normCache(db).get(documentId)?.size ?? 0) === count;
}

export function pruneCache(db: Db, live: ReadonlySet<string>): void {
  const cache = normCache(db);
  if (cache.size <= live.size) return;
  for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
}

export function documentChunks(db: Db, documentId: string): ChunkMeta[] {
  return db
    .stmt(`SELECT ${CHUNK_COLUMNS} FROM search_docs WHERE document_id = ? ORDER BY start`)
    .all(documentId) as ChunkMeta[];
}

/** A document's whole normalised text (the chunks' own parts) and where each chunk starts in it. */
export function documentNorm(
  db: Db,
  documentId: string,
): { text: string; chunks: ChunkMeta[]; at: number[] } {
  const chunks = documentChunks(db, documentId);
  // A document without an index row would mean the triggers were bypassed: fail loudly.
  if (chunks.length === 0)
    throw new PizhuError('internal', `Document ${documentId} is missing from the search index`);
  const at: number[] = [];
  let text = '';
  for (const c of chunks) {
    at.push(text.length);
    text += chunkNorm(db, c).slice(0, c.own);
  }
  return { text, chunks, at };
}

/**
 * A hit before KWIC: UTF-16 start in chunk `a`'s norm and UTF-16 end in chunk `b`'s norm, or
 * (found by `sqlOccurrences` in a chunk NFC did not change) already canonical code points.
 */
export type ChunkSpan = { a: ChunkMeta; s: number; b: ChunkMeta; e: number } | { start: number; end: number };

/** Where NFC changed a chunk: the chunk-relative canonical span of each normalised code point. */
interface ChunkMap {
  index: OffsetIndex;
  starts: Int32Array;
  ends: Int32Array;
}

function cutStmt(db: Db) {
  return db.stmt(`SELECT ${cutSql('text', '@start', '@length')} AS t FROM documents WHERE id = @id`);
}

/**
 * Per connection, documents whose text holds no U+0000, where SQLite's substr() alone cuts right
 * (texts never change and ids are never reused). Asking once per document saves the scan for
 * U+0000 over the whole text that `cutSql` makes on every cut.
 */
const nulFree = new WeakMap<Db, Set<string>>();

function cut(db: Db, documentId: string, start: number, length: number): string {
  let known = nulFree.get(db);
  if (!known) nulFree.set(db, (known = new Set<string>()));
  const args = { start, length, id: documentId };
  if (known.has(documentId))
    return (
      db.stmt('SELECT substr(text, @start + 1, @length) AS t FROM documents WHERE id = @id').get(args) as {
        t: string;
      }
    ).t;
  const row = db
    .stmt(
      'SELECT substr(text, @start + 1, @length) AS t, instr(text, char(0)) AS nul FROM documents WHERE id = @id',
    )
    .get(args) as { t: string; nul: number };
  if (row.nul !== 0) return (cutStmt(db).get(args) as { t: string }).t;
  known.add(documentId);
  return row.t;
}

function chunkMap(db: Db, c: ChunkMeta): ChunkMap {
  const text = cut(db, c.documentId, c.start, c.length + c.tail);
  const index = new OffsetIndex(text);
  const n = normalizeChunk(
    text.slice(0, index.toUtf16(c.length)),
    text.slice(index.toUtf16(c.length)),
    c.length,
  );
  return { index: new OffsetIndex(n.norm), starts: n.starts!, ends: n.ends! };
}

/** Hits closer than this (code points) share one read of canonical text for their context. */
const WINDOW_GAP = 2_000;

/**
 * UTF-16 spans in chunk texts → code-point hits with context from the canonical text. Positions
 * map through the cached normalised text (the same code points unless NFC changed the chunk);
 * the context is cut from the canonical text in one read per run of nearby hits, so a page of
 * hits spread over many documents reads a few dozen characters each, not whole chunks.
 */
export function kwic(db: Db, documentId: string, spans: readonly ChunkSpan[]): SearchHit[] {
  const maps = new Map<number, ChunkMap>();
  const mapOf = (c: ChunkMeta) => {
    let m = maps.get(c.id);
    if (!m) maps.set(c.id, (m = chunkMap(db, c)));
    return m;
  };
  const startOf = (c: ChunkMeta, s: number) => {
    if (!c.mapped) return c.start + normIndex(db, c).toCodePoint(s);
    const m = mapOf(c);
    return c.start + (m.starts[m.index.toCodePoint(s)] ?? c.length + c.tail);
  };
  const endOf = (c: ChunkMeta, e: number) => {
    const index = c.mapped ? mapOf(c).index : normIndex(db, c);
    const ne = index.toCodePoint(e);
    return c.start + (ne === 0 || !c.mapped ? ne : mapOf(c).ends[ne - 1]!);
  };
  const positions = spans.map((span) => {
    if (!('a' in span)) return span;
    const { a, s, b, e } = span;
    const start = startOf(a, s);
    return { start, end: b === a && e <= s ? start : endOf(b, e) };
  });
  const hits: SearchHit[] = [];
  for (let i = 0; i < positions.length;) {
    // One window for hits i … j-1 (they are in document order).
    let j = i + 1;
    let to = positions[i]!.end + KWIC_CONTEXT;
    while (j < positions.length && positions[j]!.start - KWIC_CONTEXT <= to + WINDOW_GAP) {
      to = Math.max(to, positions[j]!.end + KWIC_CONTEXT);
      j++;
    }
    const from = Math.max(0, positions[i]!.start - KWIC_CONTEXT);
    const window = cut(db, documentId, from, to - from);
    const index = new OffsetIndex(window);
    const piece = (x: number, y: number) => window.slice(index.toUtf16(x - from), index.toUtf16(y - from));
    for (; i < j; i++) {
      const { start, end } = positions[i]!;
      hits.push({
        documentId,
        start,
        end,
        left: piece(Math.max(0, start - KWIC_CONTEXT), start),
        match: piece(start, end),
        right: piece(end, end + KWIC_CONTEXT),
      });
    }
  }
  return hits;
}
