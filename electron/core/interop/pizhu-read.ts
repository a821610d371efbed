/**
 * Reads another Pizhu project file into a `ProjectModel` for merging offline work. The file is
 * attached to the open project's connection (only read, never written; so no second native SQLite binding is
 * needed inside Electron), checked to be a Pizhu project, snapshotted and detached again.
 */
import { existsSync, realpathSync } from 'node:fs';
import { PizhuError } from '../../../shared/errors';
import type { Db } from '../db/database';
import type { ProjectModel } from './model';
import { snapshotProject } from './snapshot';

const SCHEMA = 'pizhu_incoming';

export function readPizhuFile(db: Db, file: string): ProjectModel {
  if (!existsSync(file)) throw new PizhuError('project-open-failed', `${file} does not exist`, { file });
  if (realpathSync(file) === realpathSync(db.file))
    throw new PizhuError('interop-invalid', 'A project cannot be merged into itself', {
      detail: 'same-file',
    });
  try {
    // A plain path (this SQLite build has no URI filenames); nothing here writes to it.
    db.raw.prepare(`ATTACH DATABASE ? AS ${SCHEMA}`).run(file);
  } catch (err) {
    throw new PizhuError('interop-invalid', `Cannot open ${file}: ${String(err)}`, { detail: 'pizhu' });
  }
  try {
    const tables = new Set(
      (
        db.raw.prepare(`SELECT name FROM ${SCHEMA}.sqlite_master WHERE type = 'table'`).all() as {
          name: string;
        }[]
      ).map((r) => r.name),
    );
    for (const t of ['schema_migrations', 'documents', 'codes', 'coders', 'annotations']) {
      if (!tables.has(t))
        throw new PizhuError('interop-invalid', `${file} is not a Pizhu project (no ${t} table)`, {
          detail: 'pizhu',
        });
    }
    const name = file.split(/[/\\]/).pop() ?? file;
    return snapshotProject(db, SCHEMA, name);
  } catch (err) {
    if (err instanceof PizhuError) throw err;
    throw new PizhuError('interop-invalid', `Cannot read ${file}: ${String(err)}`, { detail: 'pizhu' });
  } finally {
    db.raw.prepare(`DETACH DATABASE ${SCHEMA}`).run();
  }
}
