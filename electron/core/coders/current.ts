/**
 * The current coder: the one whose name new annotations carry. Stored in `settings` so that it
 * belongs to the project file (several researchers may share one machine account).
 */
import { PizhuError } from '../../../shared/errors';
import type { Db } from '../db/database';

const KEY = 'current_coder_id';

export function setCurrentCoderId(db: Db, coderId: string): void {
  db.stmt(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, coderId);
}

/** The current coder's id; 'coder-not-found' if the setting is missing or points nowhere. */
export function currentCoderId(db: Db): string {
  const row = db
    .stmt('SELECT c.id FROM settings s JOIN coders c ON c.id = s.value WHERE s.key = ?')
    .get(KEY) as { id: string } | undefined;
  if (!row) throw new PizhuError('coder-not-found', 'The project has no current coder');
  return row.id;
}
