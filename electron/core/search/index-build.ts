/**
 * The search index after a bulk import: documents written in deferred mode are queued in
 * `search_pending` (0013_search_deferred.sql) and added to the FTS5 trigram index here in one
 * INSERT … SELECT per call, which costs a fraction of indexing them one transaction at a time
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

export function pendingDocuments(db: Db): number {
  return (db.stmt('SELECT count(*) AS n FROM search_pending').get() as { n: number }).n;
}

/** Adds up to `maxDocuments` queued documents (oldest first) to the index, in one transaction. */
export function buildSearchIndex(db: Db, maxDocuments = Number.MAX_SAFE_INTEGER): IndexProgress {
  if (db.stmt('SELECT 1 FROM search_pending LIMIT 1').get() === undefined) return { indexed: 0, pending: 0 };
  const indexed = db.transaction(() => {
    const limit = Math.max(1, Math.min(maxDocuments, Number.MAX_SAFE_INTEGER));
    db.stmt(
      `INSERT INTO search_fts (rowid, norm)
       SELECT s.id, s.norm FROM search_docs s
       WHERE s.id IN (SELECT id FROM search_pending ORDER BY id LIMIT ?)`,
    ).run(limit);
    return db.stmt('DELETE FROM search_pending WHERE id IN (SELECT id FROM search_pending ORDER BY id LIMIT ?)').run(
      limit,
    ).changes;
  });
  return { indexed, pending: pendingDocuments(db) };
}
