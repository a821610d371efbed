/**
 * The search index after a bulk import: documents written in deferred mode are queued in
 * `search_pending` (0013_search_deferred.sql), then normalised and added to the FTS5 trigram index
 * here in one INSERT … SELECT per call, which costs a fraction of indexing them one at a time
 * (measured in bench/search.ts and bench/import.ts). `search-index-build` does it in slices so a
 * caller can show progress; every search first builds whatever is still queued.
 */
import type { Db } from '../db/database';
import { setIndexDeferred } from './sql-functions';

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
