/**
 * The search index after a bulk import: documents written in deferred mode are queued in
 * `search_pending` (0013_search_deferred.sql), then normalised and added to the search index
 * (chunks, and their bigram words in FTS5: grams.ts) here in one INSERT … SELECT per call, which
 * costs a fraction of indexing them one at a time (measured in bench/search.ts and
 * bench/import.ts). `search-index-build` does it in slices so a caller can show progress; every
 * search first builds whatever is still queued. A large build uses the second core: a worker cuts
 * and normalises the chunks and computes their words while this thread feeds FTS5
 * (chunk-feed.ts); the rows, their order and so the index are the same either way.
 */
import type { Db } from '../db/database';
import { collectGarbage } from '../memory';
import { ChunkFeed, registerFeed, unregisterFeed } from './chunk-feed';
import { CHUNK_CODE_POINTS } from './chunks';
import { setIndexDeferred } from './sql-functions';

/**
 * Code points in queued documents longer than one chunk from which a build uses the chunk worker.
 * Starting it (a thread, its modules, the conversion tables) costs about what normalising a
 * million characters does in-process. Many short documents stay in-process: measured on 1,000
 * documents of 5,000 characters (bench `import`), the worker did not pay for its messages, its
 * extra statements and the cache it shares with FTS5 on a 2-core machine.
 */
export const WORKER_MIN_CODE_POINTS = 1_000_000;

export interface IndexProgress {
  /** Documents added to the index by this call. */
  indexed: number;
  /** Documents still waiting. */
  pending: number;
}

/** Runs `fn` with the connection's search triggers queueing new documents instead of indexing. */
export function withDeferredIndex<T>(db: Db, fn: () => T): T {
  setIndexDeferred(db.raw, true);
  try {
    return fn();
  } finally {
    setIndexDeferred(db.raw, false);
  }
}

/**
 * The same around an async operation (an import: decoding, then one transaction). Other writes on
 * this connection while it awaits are queued too, which searches still see (they build first).
 */
export async function withDeferredIndexAsync<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  setIndexDeferred(db.raw, true);
  try {
    return await fn();
  } finally {
    setIndexDeferred(db.raw, false);
  }
}

export function pendingDocuments(db: Db): number {
  return (db.stmt('SELECT count(*) AS n FROM search_pending').get() as { n: number }).n;
}

/**
 * Indexes up to `maxDocuments` queued documents (oldest first) in one transaction: normalised
 * chunks (chunks.ts), then FTS5 (the trigger on search_docs), which FTS5 buffers and writes out
 * in segments of about a megabyte.
 */
export function buildSearchIndex(db: Db, maxDocuments = Number.MAX_SAFE_INTEGER): IndexProgress {
  if (db.stmt('SELECT 1 FROM search_pending LIMIT 1').get() === undefined) return { indexed: 0, pending: 0 };
  const limit = Math.max(1, maxDocuments);
  const indexed = db.transaction(() => {
    if (!indexWithWorker(db, limit))
      db.stmt(
        `INSERT INTO search_docs (document_id, start, length, tail, own, mapped, norm)
         SELECT d.id, c.start, c.length, c.tail, c.own, c.mapped, c.norm FROM documents d, pizhu_search_chunks(d.text) c
         WHERE d.id IN (SELECT document_id FROM search_pending ORDER BY rowid LIMIT ?)`,
      ).run(limit);
    return db
      .stmt(
        'DELETE FROM search_pending WHERE rowid IN (SELECT rowid FROM search_pending ORDER BY rowid LIMIT ?)',
      )
      .run(limit).changes;
  });
  return { indexed, pending: pendingDocuments(db) };
}

/**
 * Code points per statement of a worker build. SQLite materialises an INSERT … SELECT into a
 * table with a trigger before inserting, so the worker's rows for the next statement are cut
 * while FTS5 indexes this one's; FTS5 writes its buffer out when a statement starts, so
 * statements much smaller than this cost more segments to merge. The first statements are
 * smaller (doubling from FIRST_STATEMENT_CODE_POINTS) so FTS5 starts after two chunks, not 16.
 */
const STATEMENT_CODE_POINTS = 1_000_000;
const FIRST_STATEMENT_CODE_POINTS = 2 * CHUNK_CODE_POINTS;
/** Code points of documents sent to the worker ahead of the rows taken (their bytes in flight). */
const SEND_AHEAD_CODE_POINTS = 8_000_000;

/**
 * The statement above with the chunks cut by the worker, for a build holding WORKER_MIN_CODE_POINTS
 * in large documents (the short ones go along): the same documents in the same order (the
 * statement's plan visits them by id), so the same rows with the same ids. False (nothing done)
 * for a smaller build or without a built worker entry.
 */
function indexWithWorker(db: Db, limit: number): boolean {
  const docs = db
    .stmt(
      `SELECT id, length FROM documents
       WHERE id IN (SELECT document_id FROM search_pending ORDER BY rowid LIMIT ?) ORDER BY id`,
    )
    .all(limit) as { id: string; length: number }[];
  const large = docs.reduce((n, d) => (d.length > CHUNK_CODE_POINTS ? n + d.length : n), 0);
  if (large < WORKER_MIN_CODE_POINTS) return false;
  // What the import before it left on the heap goes first, not under the build's own memory.
  collectGarbage();
  const feed = ChunkFeed.start();
  if (feed === null) return false;
  const handle = registerFeed(feed);
  try {
    const bytes = db.stmt('SELECT CAST(text AS BLOB) FROM documents WHERE id = ?').pluck();
    const insert = db.stmt(
      `INSERT INTO search_docs (document_id, start, length, tail, own, mapped, norm)
       SELECT document_id, start, length, tail, own, mapped, CAST(norm AS TEXT)
       FROM pizhu_search_chunk_feed(?, ?)`,
    );
    let next = 0;
    let size = FIRST_STATEMENT_CODE_POINTS;
    while (!feed.finished) {
      // Documents are read between statements (not inside one): enough for the next ones.
      while (next < docs.length && feed.sentCodePoints - feed.takenCodePoints < SEND_AHEAD_CODE_POINTS) {
        const d = docs[next++]!;
        feed.send(d.id, bytes.get(d.id) as Uint8Array, d.length);
      }
      if (next === docs.length) feed.end();
      insert.run(handle, size);
      size = Math.min(2 * size, STATEMENT_CODE_POINTS);
    }
    return true;
  } finally {
    unregisterFeed(handle);
    feed.close();
  }
}
