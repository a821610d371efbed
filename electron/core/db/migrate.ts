/**
 * Schema migrations: SQL files in `./migrations/NNNN_name.sql`, bundled with Vite's
 * `import.meta.glob` (works under Vitest, electron-vite and the Vite node build; no fs access, so
 * the files travel inside the bundle).
 *
 * Bookkeeping: the `schema_migrations` table records each applied id (`0001_init`) and is the
 * source of truth; `PRAGMA user_version` mirrors the highest applied number so that outside tools
 * (and a quick `sqlite3 file 'pragma user_version'`) can read the schema version without our code.
 * Each migration and its record are written in one transaction. A database that records an id
 * the app does not ship is refused: numbered above our newest file → 'project-newer' (made by a
 * newer Pizhu), otherwise → 'project-corrupt' (files and records disagree). Nothing is guessed.
 */
import { PizhuError } from '../../../shared/errors';
import type { Db, RawDatabase } from './database';
import { log } from '../log';

export interface Migration {
  id: string;
  number: number;
  sql: string;
}

const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const ID_PATTERN = /^(\d{4})_[a-z0-9_]+$/;

function parseMigrations(record: Record<string, string>): Migration[] {
  const list = Object.entries(record).map(([path, sql]) => {
    const id = path.replace(/^.*\//, '').replace(/\.sql$/, '');
    const match = ID_PATTERN.exec(id);
    if (!match) throw new Error(`Bad migration file name: ${path} (expected NNNN_name.sql)`);
    return { id, number: Number(match[1]), sql };
  });
  list.sort((a, b) => a.number - b.number);
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.number === list[i - 1]!.number)
      throw new Error(`Two migrations numbered ${list[i]!.number}`);
  }
  return list;
}

/** Every migration shipped with this build, in order. */
export const MIGRATIONS: readonly Migration[] = parseMigrations(files);

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.number ?? 0;

const TABLE_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id TEXT PRIMARY KEY NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

function hasTable(raw: RawDatabase, name: string): boolean {
  return raw.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

function appliedIds(raw: RawDatabase): string[] {
  if (!hasTable(raw, 'schema_migrations')) return [];
  return (raw.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: string }[]).map(
    (r) => r.id,
  );
}

/**
 * Checks (read-only) that this build can open the database: the recorded migrations are all
 * known, and a file without our bookkeeping table is empty rather than some other SQLite file.
 * Returns the migrations still to apply.
 */
export function checkMigrations(
  raw: RawDatabase,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Migration[] {
  const known = new Set(migrations.map((m) => m.id));
  const applied = appliedIds(raw);
  if (applied.length === 0) {
    const tables = raw.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as {
      n: number;
    };
    if (tables.n > 0) {
      throw new PizhuError('project-corrupt', `${file} is an SQLite file but not a Pizhu project`, { file });
    }
  }
  const latest = migrations.at(-1)?.number ?? 0;
  for (const id of applied) {
    if (known.has(id)) continue;
    const number = Number(ID_PATTERN.exec(id)?.[1] ?? NaN);
    if (number > latest) {
      throw new PizhuError('project-newer', `${file} was written by a newer Pizhu (migration ${id})`, {
        file,
        migration: id,
      });
    }
    throw new PizhuError(
      'project-corrupt',
      `${file} records migration ${id}, which this Pizhu does not have`,
      {
        file,
        migration: id,
      },
    );
  }
  const done = new Set(applied);
  return migrations.filter((m) => !done.has(m.id));
}

/** Applies every pending migration, each in its own transaction. Returns the ids applied. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const pending = checkMigrations(db.raw, db.file, migrations);
  db.raw.exec(TABLE_SQL);
  for (const m of pending) {
    db.transaction(() => {
      db.raw.exec(m.sql);
      db.raw
        .prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)')
        .run(m.id, new Date().toISOString());
      db.raw.pragma(`user_version = ${m.number}`);
    });
  }
  if (pending.length > 0)
    log('core/db').info(`applied migrations ${pending.map((m) => m.id).join(', ')} to ${db.file}`);
  return pending.map((m) => m.id);
}

/** Highest applied migration number (the schema version reported by `project-info`). */
export function schemaVersion(raw: RawDatabase): number {
  const ids = appliedIds(raw);
  return ids.reduce((max, id) => Math.max(max, Number(ID_PATTERN.exec(id)?.[1] ?? 0)), 0);
}
