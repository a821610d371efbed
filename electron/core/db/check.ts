/**
 * Checks an existing project file before anything is written to it: it opens the file read-only,
 * runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check` (integrity_check does not look at
 * foreign keys), and verifies the migration records. Any failure is a PizhuError and the file is
 * left exactly as it was, so that the user (or support) can still recover it by hand.
 */
import { PizhuError } from '../../../shared/errors';
import { openDatabase, type Db } from './database';
import { MIGRATIONS, checkMigrations, schemaVersion, type Migration } from './migrate';

export interface CheckedFile {
  /** Migrations the file still needs. */
  pending: Migration[];
  /** Schema version before any of them. */
  version: number;
}

/** Runs `fn` on a read-only connection that is always closed afterwards. */
export function withReadOnly<T>(file: string, nativeBinding: string | undefined, fn: (db: Db) => T): T {
  let db: Db;
  try {
    db = openDatabase(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw new PizhuError('project-open-failed', `Cannot open ${file}: ${message(err)}`, { file });
  }
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function checkProjectFile(file: string, nativeBinding?: string): CheckedFile {
  return withReadOnly(file, nativeBinding, (db) => checkDatabase(db, file));
}

/** The checks of `checkProjectFile` on an open connection (also used on in-memory images). */
export function checkDatabase(db: Db, file: string): CheckedFile {
  let problems: string[];
  try {
    const rows = db.raw.pragma('integrity_check') as { integrity_check: string }[];
    problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const fk = db.raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    problems.push(...fk.map((r) => `foreign key: ${r.table} row ${r.rowid} → ${r.parent}`));
  } catch (err) {
    // "file is not a database", "database disk image is malformed", …
    throw new PizhuError('project-corrupt', `${file} is not a readable SQLite database: ${message(err)}`, {
      file,
    });
  }
  if (problems.length > 0) {
    throw new PizhuError(
      'project-corrupt',
      `${file} failed the integrity check: ${problems.slice(0, 5).join('; ')}`,
      {
        file,
      },
    );
  }
  const pending = checkMigrations(db.raw, file);
  // An existing file with no applied migration (e.g. 0 bytes) never came out of our atomic
  // creation: initialising it would give a project without codebook or coder, so refuse it.
  if (pending.length === MIGRATIONS.length) {
    throw new PizhuError('project-corrupt', `${file} is empty or not a Pizhu project`, { file });
  }
  return { pending, version: schemaVersion(db.raw) };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
