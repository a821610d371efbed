/**
 * Public entry of the Node-only core, used by the Electron main process, the loopback server and
 * the CLI. It never imports 'electron': everything here runs under plain Node.
 *
 *   const core = openCore({ file, seedsDir });
 *   await core.dispatch('annotations-create', input);   // untrusted input from a transport
 *   core.handlers['documents-list']({});                 // typed, already-validated calls
 */
import type { ApiHandlers } from '../../shared/api';
import type { CoreContext } from './context';
import { createHandlers } from './api/handlers';
import { dispatch } from './api/dispatch';
import { openProject } from './project/open';

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
}

export interface Core {
  readonly file: string;
  /** True when this call created the project file. */
  readonly created: boolean;
  readonly handlers: ApiHandlers;
  dispatch(method: string, input: unknown): Promise<unknown>;
  close(): void;
}

export function openCore(options: OpenCoreOptions): Core {
  const { db, file, created } = openProject(options);
  const ctx: CoreContext = { db, file, now: () => new Date() };
  let handlers: ApiHandlers;
  try {
    handlers = createHandlers(ctx);
  } catch (err) {
    db.close();
    throw err;
  }
  return {
    file,
    created,
    handlers,
    dispatch: (method, input) => dispatch(handlers, method, input),
    close: () => db.close(),
  };
}
