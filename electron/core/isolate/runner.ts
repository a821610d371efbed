/**
 * Runs one task (a plain function from data to data: a file parser, a user's cleaning patterns,
 * later the REFI-QDA reader) in a `worker_threads` worker with V8 heap limits and a timeout, so
 * that a hostile input fails alone: the worker is terminated, the thread serving the API never
 * blocks, runs out of memory or overflows its stack.
 *
 * Failures come back as `IsolateFailure` with a kind (`timeout`, `memory`, `crashed`, `thrown`);
 * callers map them to their own PizhuError codes (import/isolated.ts for the importer).
 * Loading the parsers costs a worker hundreds of milliseconds, so a worker that finished a task
 * cleanly is kept (unref'd, one per set of limits, IDLE_MS) for the next one; a worker that
 * timed out, ran out of memory or crashed is terminated and never reused.
 *
 * Where the worker's code is: the bundles (vite.node.config.ts, electron.vite.config.ts) emit
 * `isolate-worker.(m)js` beside their entries; the runner looks beside itself and one folder up
 * (it may sit in `chunks/`). Vitest, which runs TypeScript sources, builds the same entry in its
 * global setup and hands the path over with `setIsolateWorkerEntry` (no environment variable: a
 * packaged app must not load code named by its environment).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WireError } from '../../../shared/errors';
import type { TaskReply, TaskRequest } from './protocol';

export interface IsolateLimits {
  timeoutMs: number;
  /** Old-generation heap of the worker (where big strings and parse trees live). */
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb?: number;
  /** Thread stack; deep recursion ends as a RangeError inside the worker, not a crash. */
  stackSizeMb?: number;
}

export type IsolateFailureKind = 'timeout' | 'memory' | 'crashed' | 'thrown';

export class IsolateFailure extends Error {
  constructor(
    readonly kind: IsolateFailureKind,
    message: string,
    /** The task's own error when kind is 'thrown' (a PizhuError keeps its code). */
    readonly wire?: WireError,
  ) {
    super(message);
    this.name = 'IsolateFailure';
  }
}

let configuredEntry: URL | null = null;

/** Points the runner at a built worker entry (tests; see the file header). */
export function setIsolateWorkerEntry(path: string | URL | null): void {
  configuredEntry = path === null ? null : path instanceof URL ? path : pathToFileURL(path);
}

const ENTRY_CANDIDATES = [
  './isolate-worker.mjs',
  '../isolate-worker.mjs',
  './isolate-worker.js',
  '../isolate-worker.js',
];

export function isolateWorkerEntry(): URL {
  if (configuredEntry) return configuredEntry;
  for (const candidate of ENTRY_CANDIDATES) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('isolate worker entry not found (build it, or call setIsolateWorkerEntry)');
}

/** An idle worker is kept this long for the next task (warm: its modules are loaded). */
const IDLE_MS = 30_000;
const idle = new Map<string, { worker: Worker; timer: NodeJS.Timeout }>();
let nextId = 1;

function acquire(entry: URL, resourceLimits: ResourceLimits): { worker: Worker; key: string } {
  const key = `${entry.href} ${JSON.stringify(resourceLimits)}`;
  const warm = idle.get(key);
  if (warm) {
    idle.delete(key);
    clearTimeout(warm.timer);
    warm.worker.ref();
    return { worker: warm.worker, key };
  }
  const worker = new Worker(entry, { resourceLimits, stdout: false, stderr: false });
  worker.once('exit', () => {
    if (idle.get(key)?.worker === worker) idle.delete(key);
  });
  return { worker, key };
}

/** A worker that finished a task cleanly waits for the next one (one per limits), unref'd. */
function release(key: string, worker: Worker): void {
  if (idle.has(key)) {
    void worker.terminate();
    return;
  }
  worker.unref();
  const timer = setTimeout(() => {
    if (idle.get(key)?.worker === worker) idle.delete(key);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle.set(key, { worker, timer });
}

/** Runs `task` with `input` in a worker. Resolves with the task's value. */
export function runIsolated<T>(
  task: string,
  input: unknown,
  limits: IsolateLimits,
  entry: URL = isolateWorkerEntry(),
): Promise<T> {
  const resourceLimits: ResourceLimits = {
    maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb,
    maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb ?? 64,
    stackSizeMb: limits.stackSizeMb ?? 4,
  };
  return new Promise<T>((resolve, reject) => {
    const id = nextId++;
    const request: TaskRequest = { id, task, input };
    let worker: Worker;
    let key: string;
    try {
      ({ worker, key } = acquire(entry, resourceLimits));
    } catch (err) {
      reject(new IsolateFailure('crashed', `cannot start worker: ${messageOf(err)}`));
      return;
    }
    let settled = false;
    const finish = (fn: () => void, reusable: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reusable) release(key, worker);
      else void worker.terminate();
      fn();
    };
    const onMessage = (reply: TaskReply) => {
      if (reply.id !== id) return;
      finish(() => {
        if (reply.ok) resolve(reply.value as T);
        else reject(new IsolateFailure('thrown', reply.error.message, reply.error));
      }, true);
    };
    const onError = (err: Error & { code?: string }) =>
      finish(
        () =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new IsolateFailure('memory', `${task} needed more than ${limits.maxOldGenerationSizeMb} MB`)
              : new IsolateFailure('crashed', `${task} failed: ${err.message}`),
          ),
        false,
      );
    const onExit = (code: number) =>
      finish(() => reject(new IsolateFailure('crashed', `${task} worker exited with code ${code}`)), false);
    const timer = setTimeout(
      () =>
        finish(
          () => reject(new IsolateFailure('timeout', `${task} ran longer than ${limits.timeoutMs} ms`)),
          false,
        ),
      limits.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
