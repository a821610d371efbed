/**
 * The suggester's own coder ("建议器"): accepted suggestions are annotations of this coder by
 * default, so that the agreement feature can grade the suggester against human coders. Created
 * on first use and remembered by id in `settings`, so renaming it keeps it.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';

const KEY = 'suggester_coder_id';
export const SUGGESTER_NAME = '建议器';
const SUGGESTER_COLOR = '#8a8a8a';

/** The suggester coder's id, creating the coder if needed (inside the caller's transaction). */
export function suggesterCoderId(db: Db, now: string): string {
  const row = db
    .stmt('SELECT c.id FROM settings s JOIN coders c ON c.id = s.value WHERE s.key = ?')
    .get(KEY) as { id: string } | undefined;
  if (row) return row.id;
  const id = randomUUID();
  db.stmt('INSERT INTO coders (id, name, color, created_at) VALUES (?, ?, ?, ?)').run(
    id,
    SUGGESTER_NAME,
    SUGGESTER_COLOR,
    now,
  );
  db.stmt(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, id);
  return id;
}

/** The suggester coder's id if it exists (never creates it). */
export function findSuggesterCoderId(db: Db): string | null {
  const row = db
    .stmt('SELECT c.id FROM settings s JOIN coders c ON c.id = s.value WHERE s.key = ?')
    .get(KEY) as { id: string } | undefined;
  return row?.id ?? null;
}
