/**
 * Entry of the isolation worker (bundled as `isolate-worker.(m)js`): runs each task it is sent
 * and posts its result or its error (a PizhuError keeps its code and parameters;
 * anything else travels as `internal` with the message). See runner.ts.
 */
import { parentPort } from 'node:worker_threads';
import { toWireError } from '../../../shared/errors';
import type { TaskReply, TaskRequest } from './protocol';
import { TASKS } from './tasks';

async function serve({ id, task, input }: TaskRequest): Promise<void> {
  let reply: TaskReply;
  try {
    if (!Object.prototype.hasOwnProperty.call(TASKS, task)) throw new Error(`unknown task ${task}`);
    const fn = TASKS[task as keyof typeof TASKS] as (input: unknown) => unknown;
    reply = { id, ok: true, value: await fn(input) };
  } catch (err) {
    reply = { id, ok: false, error: toWireError(err) };
  }
  parentPort?.postMessage(reply);
}

parentPort?.on('message', (request: TaskRequest) => void serve(request));
