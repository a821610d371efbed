/**
 * Rolling backups, made each time an existing project is opened and before it is migrated or
 * written: `<file>.backup-1` (newest) … `<file>.backup-3` (oldest) beside the project.
 *
 * Why `VACUUM INTO` rather than `db.backup()`: it is synchronous (opening a project is one
 * synchronous step for the main process, the server and the CLI alike), it works on the read-only
 * connection we already hold for the integrity check, it reads a consistent snapshot including the
 * WAL, and it writes a compact, self-contained file that opens with any SQLite tool. The copy goes
 * to a temporary name first and the older copies are rotated only once it exists, so a failed
 * backup never costs an existing one.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { withReadOnly } from './check';
import { log } from '../log';

export const BACKUP_COUNT = 3;

export function backupPath(file: string, n: number): string {
  return `${file}.backup-${n}`;
}

/** Writes a fresh backup of `file` and keeps the newest `keep` copies. Returns the new copy's path. */
export function rollingBackup(file: string, nativeBinding?: string, keep = BACKUP_COUNT): string {
  const tmp = `${file}.backup-tmp-${randomBytes(6).toString('hex')}`;
  try {
    withReadOnly(file, nativeBinding, (db) => {
      db.raw.prepare('VACUUM INTO ?').run(tmp);
    });
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  rmSync(backupPath(file, keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    if (existsSync(backupPath(file, n))) renameSync(backupPath(file, n), backupPath(file, n + 1));
  }
  renameSync(tmp, backupPath(file, 1));
  log('core/db').info(`backup written: ${backupPath(file, 1)}`);
  return backupPath(file, 1);
}
