/**
 * Opens a project file, creating it on first run.
 *
 * New file: the whole project (schema, codebook, coder, seed documents) is built in
 * `<file>.tmp-<random>` with a rollback journal and renamed into place only once it is complete,
 * so a failed or interrupted first run never leaves a half project that the next run would open.
 * Existing file: read-only integrity and migration check (nothing written on failure), a backup
 * (db/backup.ts: a never-rotated pre-migration copy before an upgrade, else a change-driven
 * recent copy whose failure, e.g. a full disk, is a warning), then the read-write connection and
 * any pending migrations.
 *
 * Read-only: asked for (read-only CLI commands, looking at a backup), or found (the file or its
 * folder is not writable, by permission or by its mode bits). Then nothing is backed up,
 * migrated or written: the project is an in-memory image (db/snapshot.ts) and writes fail with
 * `project-read-only`; the UI shows a banner (`project-info.readOnly`).
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PizhuError } from '../../../shared/errors';
import { openDatabase, type Db } from '../db/database';
import { migrate } from '../db/migrate';
import { checkProjectFile } from '../db/check';
import { takeBackup } from '../db/backup';
import { openReadOnlySnapshot } from '../db/snapshot';
import { log } from '../log';
import { importTextFolder, insertDefaultCodebook, insertDefaultCoder } from './defaults';
import { backfillDocuments } from '../import/backfill';
import { importPreparedSeeds } from './prepared-seeds';
import { buildSearchIndex, withDeferredIndex } from '../search/index-build';

export interface OpenProjectOptions {
  file: string;
  /** Folder whose `.txt` files are imported into a new project (ignored for existing ones). */
  seedsDir?: string | null;
  /** Create the project without documents even when `seedsDir` is given. */
  empty?: boolean;
  /**
   * Import the seeds prepared (cleaned, split, titled, with attributes: prepared-seeds.ts), as
   * the default first run does; otherwise (an explicit seeds folder) they are imported raw.
   */
  prepareSeeds?: boolean;
  nativeBinding?: string;
  /** Open without writing anything (read-only CLI commands). */
  readOnly?: boolean;
}

/** Why a project is open read-only, or false. */
export type ReadOnlyReason = false | 'requested' | 'file' | 'folder';

export interface OpenedProject {
  db: Db;
  /** Absolute path. */
  file: string;
  created: boolean;
  readOnly: ReadOnlyReason;
  /** Set when the routine backup could not be written (the project opened anyway). */
  backupWarning: string | null;
}

function canWrite(path: string): boolean {
  // Mode bits first: a file marked read-only is read-only even for a user (root) who could write it.
  if ((statSync(path).mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** 'file' or 'folder' when the project cannot be written where it is, else false. */
export function readOnlyReason(file: string): ReadOnlyReason {
  if (!canWrite(file)) return 'file';
  if (!canWrite(dirname(file))) return 'folder';
  return false;
}

export function openProject(options: OpenProjectOptions): OpenedProject {
  const file = resolve(options.file);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let created = false;
  let backupWarning: string | null = null;
  if (!existsSync(file)) {
    if (options.readOnly) throw new PizhuError('project-open-failed', `${file} does not exist`, { file });
    createProjectFile(file, options);
    created = true;
  } else {
    const reason: ReadOnlyReason = options.readOnly ? 'requested' : readOnlyReason(file);
    if (reason) {
      log('core/project').info(`${file} opened read-only (${reason})`);
      return {
        db: openReadOnlySnapshot(file, options.nativeBinding),
        file,
        created,
        readOnly: reason,
        backupWarning,
      };
    }
    const { pending, version } = checkProjectFile(file, options.nativeBinding);
    if (pending.length > 0) {
      log('core/project').info(`${file} needs ${pending.length} migration(s)`);
      // No upgrade without a copy of what is upgraded: a failure here refuses to open.
      try {
        takeBackup(file, { kind: 'pre-migration', schemaVersion: version, ...binding });
      } catch (err) {
        throw new PizhuError(
          'project-open-failed',
          `Cannot back up ${file} before upgrading it: ${errorMessage(err)}`,
          {
            file,
          },
        );
      }
    } else {
      try {
        takeBackup(file, { kind: 'recent', ...binding });
      } catch (err) {
        // A full disk must not lock the user out of their work: warn and open.
        backupWarning = errorMessage(err);
        log('core/project').warn(`backup of ${file} failed, opening anyway: ${backupWarning}`);
      }
    }
  }
  let db: Db;
  try {
    db = openDatabase(file, binding);
  } catch (err) {
    throw new PizhuError('project-open-failed', `Cannot open ${file}: ${errorMessage(err)}`, { file });
  }
  try {
    migrate(db);
    backfillDocuments(db);
  } catch (err) {
    db.close();
    throw err instanceof PizhuError
      ? err
      : new PizhuError('project-open-failed', `Cannot migrate ${file}: ${errorMessage(err)}`, { file });
  }
  return { db, file, created, readOnly: false, backupWarning };
}

function createProjectFile(file: string, options: OpenProjectOptions): void {
  const tmp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const db = openDatabase(tmp, {
      journalMode: 'delete',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      migrate(db);
      const now = new Date().toISOString();
      db.transaction(() => {
        insertDefaultCodebook(db, now);
        insertDefaultCoder(db, now);
        // A bulk import: the search index is built in one pass after it.
        if (!options.empty && options.seedsDir) {
          const seedsDir = options.seedsDir;
          withDeferredIndex(db, () =>
            options.prepareSeeds
              ? importPreparedSeeds(db, seedsDir, now)
              : importTextFolder(db, seedsDir, now),
          );
        }
      });
      buildSearchIndex(db);
    } finally {
      db.close();
    }
    // Research data is private: owner-only (SQLite gives -wal/-shm the same mode).
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
    log('core/project').info(`created ${file}`);
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-journal`, { force: true });
    if (err instanceof PizhuError) throw err;
    throw new PizhuError('project-open-failed', `Cannot create ${file}: ${errorMessage(err)}`, { file });
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
