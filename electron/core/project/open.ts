/**
 * Opens a project file, creating it on first run.
 *
 * New file: the whole project (schema, codebook, coder, seed documents) is built in
 * `<file>.tmp-<random>` with a rollback journal and renamed into place only once it is complete,
 * so a failed or interrupted first run never leaves a half project that the next run would open.
 * Existing file: read-only integrity and migration check (nothing written on failure), a rolling
 * backup, then the read-write connection and any pending migrations.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PizhuError } from '../../../shared/errors';
import { openDatabase, type Db } from '../db/database';
import { migrate } from '../db/migrate';
import { checkProjectFile } from '../db/check';
import { rollingBackup } from '../db/backup';
import { log } from '../log';
import { importTextFolder, insertDefaultCodebook, insertDefaultCoder } from './defaults';
import { backfillDocuments } from '../import/backfill';
import { buildSearchIndex, withDeferredIndex } from '../search/index-build';

export interface OpenProjectOptions {
  file: string;
  /** Folder whose `.txt` files are imported into a new project (ignored for existing ones). */
  seedsDir?: string | null;
  /** Create the project without documents even when `seedsDir` is given. */
  empty?: boolean;
  nativeBinding?: string;
}

export interface OpenedProject {
  db: Db;
  /** Absolute path. */
  file: string;
  created: boolean;
}

export function openProject(options: OpenProjectOptions): OpenedProject {
  const file = resolve(options.file);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let created = false;
  if (!existsSync(file)) {
    createProjectFile(file, options);
    created = true;
  } else {
    const { pending } = checkProjectFile(file, options.nativeBinding);
    rollingBackup(file, options.nativeBinding);
    if (pending.length > 0) log('core/project').info(`${file} needs ${pending.length} migration(s)`);
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
  return { db, file, created };
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
        if (!options.empty && options.seedsDir)
          withDeferredIndex(db, () => importTextFolder(db, options.seedsDir!, now));
      });
      buildSearchIndex(db);
    } finally {
      db.close();
    }
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
