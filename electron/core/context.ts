/**
 * What every feature's handlers receive: the open project database and a clock. The clock is a
 * parameter so that tests (and exports' file names) can use a fixed time.
 */
import type { Db } from './db/database';

/** The open project as a whole: how it was opened, and replacing it with a backup. */
export interface ProjectSession {
  readonly readOnly: 'requested' | 'file' | 'folder' | null;
  readonly backupWarning: string | null;
  readonly nativeBinding?: string;
  /** Replaces the project file with the copy at `path` and reopens it (core/index.ts). */
  replaceWith(path: string): void;
}

export interface CoreContext {
  readonly db: Db;
  /** Absolute path of the project file. */
  readonly file: string;
  now(): Date;
  /** Absent in tests that build a context around a bare database. */
  readonly session?: ProjectSession;
}

/** ISO 8601 UTC with milliseconds, the format of every stored timestamp. */
export function isoNow(ctx: CoreContext): string {
  return ctx.now().toISOString();
}
