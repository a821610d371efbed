/**
 * The message protocol between the isolation runner (runner.ts) and a worker entry
 * (worker-entry.ts, or a test's own entry): the worker receives `{ id, task, input }` messages,
 * runs each named task and posts exactly one `TaskReply` with the same id.
 */
import type { WireError } from '../../../shared/errors';

export interface TaskRequest {
  id: number;
  task: string;
  input: unknown;
}

export type TaskReply = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: WireError });
