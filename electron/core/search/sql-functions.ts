/**
 * SQL functions the schema depends on, registered on every connection the core opens
 * (db/database.ts `openDatabase`), before migrations run: the search index's triggers and the
 * 0003 backfill call `pizhu_normalize(text)` (shared/text/normalize.ts) so the index stays
 * correct whichever feature inserts or deletes documents. It depends only on better-sqlite3's type,
 * never on db/database.ts (which imports it): the import graph stays one-way.
 */
import type Database from 'better-sqlite3';
import { normalizeText } from '../../../shared/text/normalize';

export function registerSqlFunctions(raw: Database.Database): void {
  raw.function('pizhu_normalize', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? normalizeText(text) : text,
  );
}
