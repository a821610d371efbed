/**
 * Public entry of the Node-only core, used by the Electron main process, the loopback server and
 * the CLI. It never imports 'electron': everything here runs under plain Node.
 *
 *   const core = openCore({ file, seedsDir });
 *   await core.dispatch('annotations-create', input);   // untrusted input from a transport
 *   core.handlers['documents-list']({});                 // typed, already-validated calls
 *
 * Restoring a backup replaces the project file and reopens it: the core then swaps its database
 * and handlers (`replaceWith`), so `handlers` is read through a getter.
 */
import { copyFileSync, chmodSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { ApiHandlers } from '../../shared/api';
import { PizhuError } from '../../shared/errors';
import type { CoreContext, ProjectSession } from './context';
import { createHandlers } from './api/handlers';
import { dispatch } from './api/dispatch';
import { openProject, type OpenedProject } from './project/open';
import { openReadOnlySnapshot } from './db/snapshot';

export { log, type Logger } from './log';
export { dispatch } from './api/dispatch';
export { createHandlers, mergeHandlers } from './api/handlers';

export interface OpenCoreOptions {
  file: string;
  seedsDir?: string | null;
  empty?: boolean;
  /** Prepare the seeds (the default first run) instead of importing them raw. */
  prepareSeeds?: boolean;
  nativeBinding?: string;
  /** Open without writing anything (no backup, no migration on disk); writes fail. */
  readOnly?: boolean;
}

export interface Core {
  readonly file: string;
  /** True when this call created the project file. */
  readonly created: boolean;
  readonly readOnly: OpenedProject['readOnly'];
  readonly handlers: ApiHandlers;
  /** The database and clock the handlers use (for in-process callers such as the CLI's merge). */
  readonly context: CoreContext;
  dispatch(method: string, input: unknown): Promise<unknown>;
  close(): void;
}

export function openCore(options: OpenCoreOptions): Core {
  let opened = openProject(options);
  let handlers: ApiHandlers;
  let context: CoreContext;

  const build = (project: OpenedProject): ApiHandlers => {
    const session: ProjectSession = {
      readOnly: project.readOnly || null,
      backupWarning: project.backupWarning,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      replaceWith,
    };
    const ctx: CoreContext = { db: project.db, file: project.file, now: () => new Date(), session };
    context = ctx;
    try {
      return createHandlers(ctx);
    } catch (err) {
      project.db.close();
      throw err;
    }
  };

  function replaceWith(path: string): void {
    if (opened.readOnly)
      throw new PizhuError('project-read-only', `${opened.file} is read-only`, { file: opened.file });
    // The copy must be a readable, current-or-older Pizhu project before the live file goes.
    openReadOnlySnapshot(path, options.nativeBinding).close();
    const file = opened.file;
    opened.db.close();
    const tmp = `${file}.restore-${randomBytes(6).toString('hex')}`;
    try {
      copyFileSync(path, tmp);
      chmodSync(tmp, 0o600);
      // After a clean close there is no WAL; a stale one would be replayed onto the new file.
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });
      renameSync(tmp, file);
    } finally {
      rmSync(tmp, { force: true });
      opened = openProject({
        file,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      handlers = build(opened);
    }
  }

  handlers = build(opened);
  return {
    get file() {
      return opened.file;
    },
    created: opened.created,
    get readOnly() {
      return opened.readOnly;
    },
    get handlers() {
      return handlers;
    },
    get context() {
      return context;
    },
    dispatch: (method, input) => dispatch(handlers, method, input, opened.file),
    close: () => opened.db.close(),
  };
}
