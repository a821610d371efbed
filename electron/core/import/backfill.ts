/**
 * Fills `script` and `text_sha256` of documents imported before migration 0002 (SQLite cannot
 * compute either). Runs when a project opens; a no-op once every row has its hash.
 */
import type { Db } from '../db/database';
import { detectScript } from '../../../shared/text/script-detect';
import { textSha256 } from '../documents/insert';

export function backfillDocuments(db: Db): number {
  const rows = db.stmt('SELECT id, text FROM documents WHERE text_sha256 IS NULL').all() as {
    id: string;
    text: string;
  }[];
  if (rows.length === 0) return 0;
  const update = db.stmt('UPDATE documents SET text_sha256 = ?, script = ? WHERE id = ?');
  db.transaction(() => {
    for (const r of rows) update.run(textSha256(r.text), detectScript(r.text), r.id);
  });
  return rows.length;
}
