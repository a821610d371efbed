/**
 * Coder rows: listing, looking up by name, and creating one inside a caller's ChangeSet (so a
 * span import or a consensus resolution that needs a new coder stays one undo step).
 */
import { randomUUID } from 'node:crypto';
import type { Coder } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import type { Db } from '../db/database';
import type { ChangeSet } from '../history/log';
import type { CoderRow } from './tables';
import './tables';

/** Distinct colours for new coders (the first coder keeps the project default). */
export const CODER_PALETTE = [
  '#2c7be5',
  '#d9480f',
  '#2f9e44',
  '#ae3ec9',
  '#e8590c',
  '#0c8599',
  '#c2255c',
  '#5c7cfa',
];

export function listCoders(db: Db): Coder[] {
  const rows = db
    .stmt(
      `SELECT c.id, c.name, c.color, c.archived_at, (s.value IS NOT NULL) AS is_current,
              (SELECT count(*) FROM annotations a WHERE a.coder_id = c.id) AS n
       FROM coders c LEFT JOIN settings s ON s.key = 'current_coder_id' AND s.value = c.id
       ORDER BY c.created_at, c.name`,
    )
    .all() as {
    id: string;
    name: string;
    color: string;
    archived_at: string | null;
    is_current: number;
    n: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    color: r.color,
    isCurrent: r.is_current === 1,
    archived: r.archived_at !== null,
    annotationCount: r.n,
  }));
}

export function getCoderRow(db: Db, id: string): CoderRow {
  const row = db.stmt('SELECT id, name, color, created_at, archived_at FROM coders WHERE id = ?').get(id) as
    CoderRow | undefined;
  if (!row) throw new PizhuError('coder-not-found', `No coder ${id}`, { id });
  return row;
}

export function coderByName(db: Db, name: string): CoderRow | undefined {
  return db.stmt('SELECT id, name, color, created_at, archived_at FROM coders WHERE name = ?').get(name) as
    CoderRow | undefined;
}

export function cleanCoderName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new PizhuError('coder-name-empty', 'A coder needs a name');
  return trimmed;
}

export function checkCoderName(db: Db, name: string, except: string | null): void {
  const other = coderByName(db, name);
  if (other && other.id !== except)
    throw new PizhuError('coder-name-taken', `A coder named ${name} exists`, { name });
}

export function createCoder(
  db: Db,
  changes: ChangeSet,
  name: string,
  color: string | undefined,
  now: string,
): CoderRow {
  const clean = cleanCoderName(name);
  checkCoderName(db, clean, null);
  const n = (db.stmt('SELECT count(*) AS n FROM coders').get() as { n: number }).n;
  return changes.insert<CoderRow>('coders', {
    id: randomUUID(),
    name: clean,
    color: color ?? CODER_PALETTE[n % CODER_PALETTE.length]!,
    created_at: now,
    archived_at: null,
  });
}

/** The coder with this name, created (in `changes`) when there is none. */
export function ensureCoder(
  db: Db,
  changes: ChangeSet,
  name: string,
  now: string,
): { row: CoderRow; created: boolean } {
  const existing = coderByName(db, cleanCoderName(name));
  if (existing) return { row: existing, created: false };
  return { row: createCoder(db, changes, name, undefined, now), created: true };
}
