/**
 * SQL functions the schema depends on, registered on every connection the core opens
 * (db/database.ts `openDatabase`), before migrations run: the search index's triggers and the
 * 0003 backfill call `pizhu_normalize(text)` (shared/text/normalize.ts) so the index stays
 * correct whichever feature inserts or deletes documents; `pizhu_index_now()` tells the triggers
 * whether to index a new document at once (1, the default) or queue it for one pass after a bulk
 * import (0; 0013_search_deferred.sql, index-build.ts). It depends only on better-sqlite3's type,
 * never on db/database.ts (which imports it): the import graph stays one-way. `pizhu_substr`
 * cuts by code points in JavaScript for texts holding U+0000, where SQLite's substr() stops
 * (see `cutSql`). `pizhu_search_chunks(text)` is the table-valued function that cuts a text into
 * the index's normalised chunks (chunks.ts, 0014_search_chunks.sql);
 * `pizhu_search_chunk_feed(feed, n)` gives the same rows, with their document, from the chunk
 * worker of a large build (chunk-feed.ts). `pizhu_search_grams(norm)` gives a chunk's index
 * words (grams.ts, 0017_search_grams.sql); `pizhu_feed_grams(document_id, start)` the words the
 * chunk worker already computed for a row it fed, or NULL.
 */
import type Database from 'better-sqlite3';
import { normalizeText } from '../../../shared/text/normalize';
import { feedByHandle, takeFeedGrams } from './chunk-feed';
import { chunkText } from './chunks';
import { searchGrams } from './grams';

/** Connections in deferred-index mode (a bulk import is running on them). */
const deferring = new WeakSet<Database.Database>();

export function registerSqlFunctions(raw: Database.Database): void {
  raw.function('pizhu_normalize', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? normalizeText(text) : text,
  );
  raw.function('pizhu_substr', { deterministic: true }, (text: unknown, start: unknown, length: unknown) => {
    if (typeof text !== 'string') return text;
    const from = Math.max(0, Number(start));
    const n = Math.max(0, Number(length));
    let i = 0;
    let cp = 0;
    const width = (k: number) => ((text.codePointAt(k) ?? 0) > 0xffff ? 2 : 1);
    for (; cp < from && i < text.length; cp++) i += width(i);
    let j = i;
    for (; cp < from + n && j < text.length; cp++) j += width(j);
    return text.slice(i, j);
  });
  raw.table('pizhu_search_chunks', {
    columns: ['start', 'length', 'tail', 'own', 'mapped', 'norm'],
    parameters: ['text'],
    *rows(text: unknown) {
      if (typeof text !== 'string') return;
      for (const c of chunkText(text)) yield [c.start, c.length, c.tail, c.own, c.mapped ? 1 : 0, c.norm];
    },
  });
  // The same rows with their document, cut by the chunk worker (chunk-feed.ts, index-build.ts).
  raw.table('pizhu_search_chunk_feed', {
    columns: ['document_id', 'start', 'length', 'tail', 'own', 'mapped', 'norm'],
    parameters: ['feed', 'code_points'],
    *rows(feed: unknown, codePoints: unknown) {
      for (const r of feedByHandle(Number(feed)).rows(Number(codePoints)))
        yield [
          r.documentId,
          r.start,
          r.length,
          r.tail,
          r.own,
          r.mapped ? 1 : 0,
          Buffer.from(r.norm.buffer, r.norm.byteOffset, r.norm.byteLength),
        ];
    },
  });
  raw.function('pizhu_search_grams', { deterministic: true }, (norm: unknown) =>
    typeof norm === 'string' ? searchGrams(norm) : '',
  );
  // The same words, computed by the chunk worker of a large build (UTF-8; null: compute them).
  raw.function('pizhu_feed_grams', { deterministic: false }, (documentId: unknown, start: unknown) => {
    const grams = takeFeedGrams(String(documentId), Number(start));
    return grams === null ? null : Buffer.from(grams.buffer, grams.byteOffset, grams.byteLength);
  });
  raw.function('pizhu_index_now', { deterministic: false }, () => (deferring.has(raw) ? 0 : 1));
}

/** Switches the connection's search triggers between indexing at once and queueing. */
export function setIndexDeferred(raw: Database.Database, deferred: boolean): void {
  if (deferred) deferring.add(raw);
  else deferring.delete(raw);
}

/**
 * SQL for the code points [start, start + length) of a text column (start 0-based): SQLite's
 * substr(), which is fast but stops at U+0000, unless the text holds a NUL.
 */
export function cutSql(text: string, start: string, length: string): string {
  return `CASE WHEN instr(${text}, char(0)) = 0 THEN substr(${text}, (${start}) + 1, ${length}) ELSE pizhu_substr(${text}, ${start}, ${length}) END`;
}
