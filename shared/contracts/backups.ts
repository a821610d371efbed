/**
 * API methods of the restore view (`backups-*`): the project's tiered backups (see
 * electron/core/db/backup.ts) with their contents' size, looked at read-only, and restored
 * (after a copy of the current state is taken). See docs/api.md.
 */
import { z } from 'zod';
import { empty, method } from './method';

export type BackupKind = 'recent' | 'daily' | 'weekly' | 'pre-migration' | 'pre-restore' | 'legacy';

/** Why the open project is read-only, or null. */
export type ReadOnlyReason = 'requested' | 'file' | 'folder' | null;

export interface BackupInfo {
  /** File name inside the project's backup folder (or a legacy `<file>.backup-N`). */
  id: string;
  kind: BackupKind;
  createdAt: string;
  /** Bytes. */
  size: number;
  /** Null when the copy cannot be read. */
  documentCount: number | null;
  annotationCount: number | null;
  schemaVersion: number | null;
}

export interface BackupList {
  backups: BackupInfo[];
  /** Folder holding the backups. */
  folder: string;
  readOnly: ReadOnlyReason;
  /** Why the last routine backup failed (e.g. a full disk), or null. */
  backupWarning: string | null;
}

export interface BackupContents {
  id: string;
  documents: { title: string; length: number; annotationCount: number }[];
  codes: { name: string; annotationCount: number }[];
}

const backupId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[0-9A-Za-z._-]+$/, 'backup ids are file names');
const idInput = z.object({ id: backupId }).strict();

export const backupsContract = {
  'backups-list': method<typeof empty, BackupList>(empty),
  'backups-inspect': method<typeof idInput, BackupContents>(idInput),
  'backups-restore': method<typeof idInput, { restored: string; safetyCopy: string }>(idInput),
};
