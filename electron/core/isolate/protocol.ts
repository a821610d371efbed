/**
 * The message protocol between the isolation runner (runner.ts) and a worker entry
 * (worker-entry.ts, or a test's own entry): the worker receives `{ task, input }` as
 * `workerData`, runs the named task once and posts exactly one `TaskReply`.
 */
import type { WireError } from '../../../shared/errors';

export interface TaskRequest {
  task: string;
  input: unknown;
}

export type TaskReply = { ok: true; value: unknown } | { ok: false; error: WireError };
