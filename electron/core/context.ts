/**
 * What every feature's handlers receive: the open project database and a clock. The clock is a
 * parameter so that tests (and exports' file names) can use a fixed time.
 */
import type { Db } from './db/database';

export interface CoreContext {
  readonly db: Db;
  /** Absolute path of the project file. */
  readonly file: string;
  now(): Date;
}

/** ISO 8601 UTC with milliseconds, the format of every stored timestamp. */
export function isoNow(ctx: CoreContext): string {
  return ctx.now().toISOString();
}
