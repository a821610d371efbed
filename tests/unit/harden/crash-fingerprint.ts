/**
 * The crash test's fingerprint of a project's state: annotations (with memos and offsets), codes
 * and the undo log (each command's sequence number and state), concatenated by SQLite and
 * hashed, so that it stays cheap with thousands of rows. Every operation changes it.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

const SQL = `SELECT
  (SELECT group_concat(x, '|') FROM (SELECT id || ':' || code_id || ':' || start_offset || ':' || end_offset || ':' || memo AS x FROM annotations ORDER BY id)),
  (SELECT group_concat(x, '|') FROM (SELECT id || ':' || name || ':' || ifnull(parent_id, '') AS x FROM codes ORDER BY id)),
  (SELECT group_concat(x, '|') FROM (SELECT seq || state AS x FROM commands ORDER BY seq))`;

export function fingerprint(db: Database.Database): string {
  const row = db.prepare(SQL).raw().get() as unknown[];
  return createHash('sha256').update(JSON.stringify(row)).digest('hex').slice(0, 24);
}
