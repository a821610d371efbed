/**
 * Read-only access to a project or a backup as an in-memory image: the file is never written,
 * not even its -wal/-shm (which a read-only folder would not allow). The image comes from a
 * file's bytes when there is no WAL (after a clean close), else from a read-only connection
 * (`serialize()`: a consistent snapshot including the WAL; if even that cannot open, the bytes),
 * with the header switched from WAL to rollback mode, which the in-memory VFS needs.
 * The image is checked, migrated in memory if it is older, and then refuses every write
 * (`query_only`: SQLITE_READONLY, which dispatch reports as `project-read-only`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { PizhuError } from '../../../shared/errors';
import { checkDatabase } from './check';
import { openDatabase, openDatabaseFromImage, type Db } from './database';
import { migrate } from './migrate';

function imageOf(file: string, nativeBinding?: string): Buffer {
  let bytes: Buffer;
  // Without a WAL the file's bytes are the whole database, and reading them creates no -shm.
  if (!existsSync(`${file}-wal`)) bytes = readFileSync(file);
  else
    try {
      const db = openDatabase(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
      try {
        bytes = db.raw.serialize();
      } finally {
        db.close();
      }
    } catch {
      bytes = readFileSync(file);
    }
  // Bytes 18–19: file format write/read version, 2 = WAL. The memory VFS has no WAL.
  if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return bytes;
}

export function openReadOnlySnapshot(file: string, nativeBinding?: string): Db {
  let db: Db;
  try {
    db = openDatabaseFromImage(imageOf(file, nativeBinding), file, nativeBinding ? { nativeBinding } : {});
  } catch (err) {
    throw new PizhuError(
      'project-open-failed',
      `Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`,
      { file },
    );
  }
  try {
    const { pending } = checkDatabase(db, file);
    if (pending.length > 0) migrate(db);
    db.raw.pragma('query_only = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
