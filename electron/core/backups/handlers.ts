/**
 * API handlers of the restore view: `backups-list` (every backup with its size and its
 * documents' and annotations' counts), `backups-inspect` (a backup's documents and codes, read
 * from an in-memory image: the copy is never written) and `backups-restore` (a `pre-restore`
 * copy of the current state first, then the backup replaces the project; core/index.ts).
 */
import type { ApiHandlers } from '../../../shared/api';
import type { BackupInfo } from '../../../shared/contracts/backups';
import { PizhuError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { backupDir, listBackupFiles, takeBackup, type BackupFile } from '../db/backup';
import { openDatabase } from '../db/database';
import { openReadOnlySnapshot } from '../db/snapshot';
import { schemaVersion } from '../db/migrate';

type BackupHandlers = Pick<ApiHandlers, 'backups-list' | 'backups-inspect' | 'backups-restore'>;

function counts(b: BackupFile, nativeBinding?: string): BackupInfo {
  const info: BackupInfo = {
    id: b.id,
    kind: b.kind,
    createdAt: b.createdAt,
    size: b.size,
    documentCount: null,
    annotationCount: null,
    schemaVersion: null,
  };
  try {
    const db = openDatabase(b.path, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      const n = (table: string) =>
        (db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      info.documentCount = n('documents');
      info.annotationCount = n('annotations');
      info.schemaVersion = schemaVersion(db.raw);
    } finally {
      db.close();
    }
  } catch {
    // Listed anyway (size and time), counts unknown: the user still sees it exists.
  }
  return info;
}

export function backupHandlers(ctx: CoreContext): BackupHandlers {
  const binding = ctx.session?.nativeBinding;
  const find = (id: string): BackupFile => {
    const b = listBackupFiles(ctx.file).find((x) => x.id === id);
    if (!b) throw new PizhuError('backup-not-found', `No backup ${id}`, { id });
    return b;
  };
  return {
    'backups-list': () => ({
      backups: listBackupFiles(ctx.file).map((b) => counts(b, binding)),
      folder: backupDir(ctx.file),
      readOnly: ctx.session?.readOnly ?? null,
      backupWarning: ctx.session?.backupWarning ?? null,
    }),

    'backups-inspect': ({ id }) => {
      const db = openReadOnlySnapshot(find(id).path, binding);
      try {
        const documents = db.raw
          .prepare(
            `SELECT d.title, d.length, (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotationCount
             FROM documents d ORDER BY d.sort_order`,
          )
          .all() as { title: string; length: number; annotationCount: number }[];
        const codes = db.raw
          .prepare(
            `SELECT c.name, (SELECT count(*) FROM annotations a WHERE a.code_id = c.id) AS annotationCount
             FROM codes c ORDER BY c.sort_order`,
          )
          .all() as { name: string; annotationCount: number }[];
        return { id, documents, codes };
      } finally {
        db.close();
      }
    },

    'backups-restore': ({ id }) => {
      const session = ctx.session;
      if (!session || session.readOnly)
        throw new PizhuError('project-read-only', `${ctx.file} is read-only`, { file: ctx.file });
      const backup = find(id);
      // The current state first: a restore is itself undoable by restoring this copy.
      const safety = takeBackup(ctx.file, {
        kind: 'pre-restore',
        ...(binding ? { nativeBinding: binding } : {}),
      });
      session.replaceWith(backup.path);
      return { restored: id, safetyCopy: safety?.id ?? '' };
    },
  };
}
