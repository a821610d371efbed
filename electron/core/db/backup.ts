/**
 * Tiered, change-driven backups in `<file>.backups/` beside the project (folder 0700, files 0600):
 *
 * - `recent-<time>.pizhu`: taken when a project is opened for writing and its content differs
 *   from the newest backup; the newest RECENT_KEEP are kept. Merely opening (or a read-only
 *   command, which never comes here) rotates nothing away.
 * - `daily-<date>.pizhu` / `weekly-<ISO week>.pizhu`: the first recent backup of a day / week is
 *   also kept as that day's / week's copy (a hard link, so no extra space); DAILY_KEEP and
 *   WEEKLY_KEEP of each.
 * - `pre-migration-v<N>-<time>.pizhu` before a schema upgrade and `pre-restore-<time>.pizhu`
 *   before a restore: never rotated.
 *
 * Copies are made with `VACUUM INTO` from a read-only connection (synchronous, a consistent
 * snapshot including the WAL, a compact self-contained file). "Changed" is decided by comparing
 * the new copy's SHA-256 with the newest backup's: VACUUM writes identical bytes for identical
 * content. The copy goes to a temporary name first; a failure (a full disk) never costs an
 * existing backup, and for a routine backup it is only a warning (see project/open.ts).
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { withReadOnly } from './check';
import { log } from '../log';

export const RECENT_KEEP = 3;
export const DAILY_KEEP = 7;
export const WEEKLY_KEEP = 4;

export type BackupKind = 'recent' | 'daily' | 'weekly' | 'pre-migration' | 'pre-restore' | 'legacy';

export interface BackupFile {
  /** The file name; the API's backup id. */
  id: string;
  kind: BackupKind;
  path: string;
  /** ISO time the copy was written (file modification time). */
  createdAt: string;
  size: number;
}

const NAME = /^(recent|daily|weekly|pre-migration|pre-restore)-[0-9A-Za-z-]+\.pizhu$/;

export function backupDir(file: string): string {
  return `${file}.backups`;
}

/** Hooks for tests: how a copy is written (a test makes it fail like a full disk). */
export const backupIo = {
  vacuumInto(file: string, target: string, nativeBinding?: string): void {
    withReadOnly(file, nativeBinding, (db) => {
      db.raw.prepare('VACUUM INTO ?').run(target);
    });
  },
};

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every backup of `file`, newest first (including the old `<file>.backup-N` copies). */
export function listBackupFiles(file: string): BackupFile[] {
  const out: BackupFile[] = [];
  const add = (path: string, id: string, kind: BackupKind) => {
    const st = statSync(path);
    out.push({ id, kind, path, createdAt: st.mtime.toISOString(), size: st.size });
  };
  const dir = backupDir(file);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const m = NAME.exec(name);
      if (m) add(join(dir, name), name, m[1] as BackupKind);
    }
  }
  // Backups of earlier versions of Pizhu, beside the project: listed, never rotated or deleted.
  const prefix = `${basename(file)}.backup-`;
  for (const name of readdirSync(dirname(file))) {
    if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
      add(join(dirname(file), name), name, 'legacy');
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

export interface BackupOptions {
  kind: 'recent' | 'pre-migration' | 'pre-restore';
  nativeBinding?: string;
  now?: Date;
  /** Schema version the copy has (named in pre-migration copies). */
  schemaVersion?: number;
}

/**
 * Writes a backup of `file`. For `recent`, nothing is kept (null) when the content equals the
 * newest backup's. Throws when the copy cannot be written; existing backups are never touched
 * before the new copy is complete.
 */
export function takeBackup(file: string, options: BackupOptions): BackupFile | null {
  const now = options.now ?? new Date();
  const dir = backupDir(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.tmp-${randomBytes(6).toString('hex')}`);
  try {
    backupIo.vacuumInto(file, tmp, options.nativeBinding);
    chmodSync(tmp, 0o600);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  if (options.kind === 'recent') {
    const newest = listBackupFiles(file).find((b) => b.kind !== 'legacy');
    if (newest && sha256(newest.path) === sha256(tmp)) {
      rmSync(tmp, { force: true });
      return null;
    }
  }
  const name =
    options.kind === 'pre-migration'
      ? `pre-migration-v${options.schemaVersion ?? 0}-${stamp(now)}.pizhu`
      : `${options.kind}-${stamp(now)}.pizhu`;
  const path = join(dir, name);
  renameSync(tmp, path);
  if (options.kind === 'recent') {
    tier(path, join(dir, `daily-${now.toISOString().slice(0, 10)}.pizhu`));
    tier(path, join(dir, `weekly-${isoWeek(now)}.pizhu`));
    rotate(file, 'recent', RECENT_KEEP);
    rotate(file, 'daily', DAILY_KEEP);
    rotate(file, 'weekly', WEEKLY_KEEP);
  }
  log('core/db').info(`backup written: ${path}`);
  return listBackupFiles(file).find((b) => b.id === name) ?? null;
}

/** The first copy of a day/week becomes that period's copy (hard link, or a copy). */
function tier(source: string, target: string): void {
  if (existsSync(target)) return;
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
    chmodSync(target, 0o600);
  }
}

function rotate(file: string, kind: BackupKind, keep: number): void {
  const list = listBackupFiles(file)
    .filter((b) => b.kind === kind)
    // Names sort by time within a kind (ISO stamps, dates, weeks).
    .sort((a, b) => b.id.localeCompare(a.id));
  for (const old of list.slice(keep)) rmSync(old.path, { force: true });
}
