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
}

export const CHUNK_COLUMNS = 'id, document_id AS documentId, start, length, tail, own';

/**
 * Normalised chunk texts by document id, then chunk start, per connection. Reading a text out of
 * SQLite costs about 20 ns per character (UTF-8 → JavaScript string), far more than searching
 * it, so texts read once stay in memory (about 2 bytes per character of the corpus). Always
 * valid: a document's text never changes and document ids are never reused (chunk rowids may be);
 * entries of deleted documents are dropped when a search over all documents no longer sees them.
 */
const normCaches = new WeakMap<Db, Map<string, Map<number, string>>>();

function normCache(db: Db): Map<string, Map<number, string>> {
  let cache = normCaches.get(db);
  if (!cache) {
    cache = new Map();
    normCaches.set(db, cache);
  }
  return cache;
}

export function chunkNorm(db: Db, chunk: ChunkMeta): string {
  const cache = normCache(db);
  let perDoc = cache.get(chunk.documentId);
  const hit = perDoc?.get(chunk.start);
  if (hit !== undefined) return hit;
  const row = db.stmt('SELECT norm FROM search_docs WHERE id = ?').get(chunk.id) as { norm: string };
  if (!perDoc) cache.set(chunk.documentId, (perDoc = new Map<number, string>()));
  perDoc.set(chunk.start, row.norm);
  return row.norm;
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

/** A hit before KWIC: UTF-16 start in chunk `a`'s norm, UTF-16 end in chunk `b`'s norm. */
export interface ChunkSpan {
  a: ChunkMeta;
  s: number;
  b: ChunkMeta;
  e: number;
}

interface LoadedChunk {
  /** Canonical text from code point `from` (KWIC context before the chunk … after its tail). */
  window: string;
  from: number;
  windowIndex: OffsetIndex;
  normIndex: OffsetIndex;
  starts: Int32Array | null;
  ends: Int32Array | null;
}

function cutStmt(db: Db) {
  return db.stmt(`SELECT ${cutSql('text', '@start', '@length')} AS t FROM documents WHERE id = @id`);
}

function loadChunk(db: Db, c: ChunkMeta): LoadedChunk {
  const from = Math.max(0, c.start - KWIC_CONTEXT);
  const length = c.start - from + c.length + c.tail + KWIC_CONTEXT;
  const window = (cutStmt(db).get({ start: from, length, id: c.documentId }) as { t: string }).t;
  const windowIndex = new OffsetIndex(window);
  const at = (cp: number) => windowIndex.toUtf16(cp - from);
  const ownText = window.slice(at(c.start), at(c.start + c.length));
  const tailText = window.slice(at(c.start + c.length), at(c.start + c.length + c.tail));
  const n = normalizeChunk(ownText, tailText, c.length);
  return { window, from, windowIndex, normIndex: new OffsetIndex(n.norm), starts: n.starts, ends: n.ends };
}

/** UTF-16 spans in chunk texts → code-point hits with context from the canonical text. */
export function kwic(db: Db, documentId: string, spans: readonly ChunkSpan[]): SearchHit[] {
  const loaded = new Map<number, LoadedChunk>();
  const load = (c: ChunkMeta) => {
    let l = loaded.get(c.id);
    if (!l) loaded.set(c.id, (l = loadChunk(db, c)));
    return l;
  };
  return spans.map(({ a, s, b, e }) => {
    const A = load(a);
    const ns = A.normIndex.toCodePoint(s);
    const start = a.start + (A.starts ? (A.starts[ns] ?? a.length + a.tail) : ns);
    let end = start;
    if (b !== a || e > s) {
      const B = b === a ? A : load(b);
      const ne = B.normIndex.toCodePoint(e);
      end = ne === 0 ? b.start : b.start + (B.ends ? B.ends[ne - 1]! : ne);
    }
    const winEnd = A.from + A.windowIndex.toCodePoint(A.window.length);
    let cut: (x: number, y: number) => string;
    if (end + KWIC_CONTEXT <= winEnd || b === a) {
      cut = (x, y) =>
        A.window.slice(
          A.windowIndex.toUtf16(x - A.from),
          A.windowIndex.toUtf16(Math.min(y, winEnd) - A.from),
        );
    } else {
      // A regex match longer than the chunk's tail: its own window.
      const from = Math.max(0, start - KWIC_CONTEXT);
      const w = (
        cutStmt(db).get({ start: from, length: end + KWIC_CONTEXT - from, id: documentId }) as { t: string }
      ).t;
      const wi = new OffsetIndex(w);
      const wEnd = from + wi.toCodePoint(w.length);
      cut = (x, y) => w.slice(wi.toUtf16(x - from), wi.toUtf16(Math.min(y, wEnd) - from));
    }
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
