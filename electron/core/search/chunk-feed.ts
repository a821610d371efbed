/**
 * The second core for a large search index build: a `worker_threads` worker (chunk-worker.ts)
 * decodes and normalises the documents into chunks while this thread, inside the one
 * `INSERT … SELECT` statement of the build (index-build.ts), hands each row to SQLite and FTS5.
 * The statement reads rows through the table-valued function `pizhu_search_chunk_feed(feed)`
 * (sql-functions.ts), whose generator takes the worker's messages synchronously
 * (`receiveMessageOnPort`, sleeping on a shared counter between them): a JavaScript callback
 * inside SQLite cannot await. The worker stays at most AHEAD_CODE_POINTS in front, so the chunks
 * in flight stay a few megabytes whatever the size of the documents.
 *
 * A worker that reports an error, exits or stops answering makes the statement throw: the build's
 * transaction rolls back and the documents stay queued (PizhuError `internal`, message
 * "search index worker: …").
 *
 * Where the worker's code is: the bundles (vite.node.config.ts, electron.vite.config.ts) emit
 * `search-chunk-worker.(m)js` beside their entries; it is looked up beside this module and one
 * folder up (it may sit in `chunks/`). Vitest builds the entry in its global setup and passes the
 * path with `configureChunkWorker`. Without a built entry the build runs in-process.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { PizhuError } from '../../../shared/errors';
import { log } from '../log';
import {
  SIGNAL,
  SIGNAL_SLOTS,
  type ChunkWorkerData,
  type FeedReply,
  type FeedRequest,
} from './chunk-protocol';

/**
 * Code points the worker may chunk ahead of the statement that reads them: two statements' worth,
 * so the next statement's rows are ready while FTS5 indexes the current one.
 */
const AHEAD_CODE_POINTS = 2_000_000;

export interface ChunkWorkerOptions {
  /** False: every build runs in-process. */
  enabled: boolean;
  /** The built worker entry; null: look beside this module. */
  entry: string | URL | null;
  /** How long the worker may take to start (load its modules). */
  readyMs: number;
  /** How long the build waits for the worker's next message before giving up. */
  stallMs: number;
}

const DEFAULTS: ChunkWorkerOptions = { enabled: true, entry: null, readyMs: 15_000, stallMs: 60_000 };
let options: ChunkWorkerOptions = { ...DEFAULTS };

/** Points the feed at a built entry and sets its time limits (tests; see the file header). */
export function configureChunkWorker(changes: Partial<ChunkWorkerOptions>): ChunkWorkerOptions {
  const before = options;
  options = { ...options, ...changes };
  return before;
}

const ENTRY_CANDIDATES = [
  './search-chunk-worker.mjs',
  '../search-chunk-worker.mjs',
  './search-chunk-worker.js',
  '../search-chunk-worker.js',
];

function workerEntry(): URL | null {
  const { entry, enabled } = options;
  if (!enabled) return null;
  if (entry !== null) return entry instanceof URL ? entry : pathToFileURL(entry);
  for (const candidate of ENTRY_CANDIDATES) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  if (!warned)
    log('core/search').warn('search-chunk-worker not found beside the core: large builds run in-process');
  warned = true;
  return null;
}
let warned = false;

function mayBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

export type FeedRow = Extract<FeedReply, { kind: 'row' }>;

function failure(message: string): PizhuError {
  return new PizhuError('internal', `search index worker: ${message}`);
}

export class ChunkFeed {
  private received = 0;
  private ready = false;
  private closed = false;
  private ended = false;
  /** Documents sent and not yet chunked. */
  private inWorker = 0;
  /** The worker echoed the end: every document sent is chunked and taken. */
  finished = false;
  /**
   * Index words of the rows handed to SQLite and not yet indexed, by document and start: the
   * statement materialises its rows before the trigger on search_docs indexes them, which asks
   * `takeGrams` (through `pizhu_feed_grams`) instead of computing them from the text again.
   */
  private readonly grams = new Map<string, Uint8Array>();
  /** Code points of the documents sent, and of the rows taken. */
  sentCodePoints = 0;
  takenCodePoints = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly signals: Int32Array,
  ) {}

  /**
   * Starts a worker; null when disabled, when no built worker entry is available, or when this
   * thread may not block (`Atomics.wait` refused, as on a browser's main thread).
   */
  static start(): ChunkFeed | null {
    const entry = workerEntry();
    if (entry === null || !mayBlock()) return null;
    const { port1, port2 } = new MessageChannel();
    const signals = new Int32Array(new SharedArrayBuffer(SIGNAL_SLOTS * 4));
    const data: ChunkWorkerData = { port: port2, signals, aheadCodePoints: AHEAD_CODE_POINTS };
    const worker = new Worker(entry, {
      workerData: data,
      transferList: [port2],
      // Each chunk leaves ~0.5 MB of short-lived strings and arrays: a small young generation
      // collects them often instead of growing the process by ~25 MB (peak RSS of `pizhu import`).
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
      stdout: false,
      stderr: false,
    });
    // Its errors reach the build as messages or as the exited flag; this keeps them from
    // becoming an unhandled 'error' event after the build has given up.
    worker.on('error', () => undefined);
    worker.unref();
    return new ChunkFeed(worker, port1, signals);
  }

  /** Sends a document's stored text (UTF-8 bytes, `length` code points) to be chunked. */
  send(id: string, bytes: Uint8Array, length: number): void {
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const request: FeedRequest = { kind: 'document', id, bytes };
    this.port.postMessage(request, own ? [bytes.buffer as ArrayBuffer] : []);
    this.sentCodePoints += length;
    this.inWorker++;
  }

  /** After the last document: `rows()` ends for good once the worker has chunked them all. */
  end(): void {
    if (this.ended) return;
    this.port.postMessage({ kind: 'mark' } satisfies FeedRequest);
    this.ended = true;
  }

  /**
   * One statement's rows, in order: until they hold `codePoints` (the last row may go past it),
   * the worker reached the end, or it chunked every document sent so far before `end()`.
   */
  *rows(codePoints: number): Generator<FeedRow> {
    let n = 0;
    while (n < codePoints && !this.finished) {
      const reply = this.next();
      if (reply.kind === 'mark') this.finished = true;
      else if (reply.kind === 'done') {
        this.inWorker--;
        if (this.inWorker === 0 && !this.ended) return;
      } else if (reply.kind === 'row') {
        this.grams.set(gramsKey(reply.documentId, reply.start), reply.grams);
        n += reply.length;
        this.takenCodePoints += reply.length;
        Atomics.add(this.signals, SIGNAL.taken, reply.length);
        Atomics.notify(this.signals, SIGNAL.taken);
        yield reply;
      }
    }
  }

  private next(): FeedReply {
    let waited = 0;
    for (;;) {
      if (this.closed) throw failure('closed');
      const m = receiveMessageOnPort(this.port);
      if (m !== undefined) {
        this.received++;
        const reply = m.message as FeedReply;
        if (reply.kind === 'error') throw failure(reply.message);
        if (reply.kind === 'ready') {
          this.ready = true;
          continue;
        }
        return reply;
      }
      // Posted but not yet visible cannot happen (a post is queued before the count moves).
      if (Atomics.load(this.signals, SIGNAL.posted) > this.received) continue;
      if (Atomics.load(this.signals, SIGNAL.exited) === 1) throw failure('the worker exited');
      const limit = this.ready ? options.stallMs : options.readyMs;
      if (waited >= limit)
        throw failure(this.ready ? `no answer for ${limit} ms` : `did not start within ${limit} ms`);
      const slice = Math.min(250, limit - waited);
      const t0 = performance.now();
      Atomics.wait(this.signals, SIGNAL.posted, this.received, slice);
      waited += performance.now() - t0;
    }
  }

  /** The words the worker computed for a chunk row, once; null when it did not. */
  takeGrams(documentId: string, start: number): Uint8Array | null {
    const key = gramsKey(documentId, start);
    const grams = this.grams.get(key);
    if (grams === undefined) return null;
    this.grams.delete(key);
    return grams;
  }

  /** Stops the worker (after the build, or when it failed). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.signals, SIGNAL.abort, 1);
    Atomics.notify(this.signals, SIGNAL.taken);
    this.port.close();
    void this.worker.terminate();
  }
}

/** Open feeds by handle, for `pizhu_search_chunk_feed(handle)` (sql-functions.ts). */
const feeds = new Map<number, ChunkFeed>();
let nextHandle = 1;

export function registerFeed(feed: ChunkFeed): number {
  const handle = nextHandle++;
  feeds.set(handle, feed);
  return handle;
}

export function unregisterFeed(handle: number): void {
  feeds.delete(handle);
}

const gramsKey = (documentId: string, start: number) => `${start}\u0000${documentId}`;

/** The index words an open feed's worker computed for a chunk row (see `ChunkFeed.takeGrams`). */
export function takeFeedGrams(documentId: string, start: number): Uint8Array | null {
  for (const feed of feeds.values()) {
    const grams = feed.takeGrams(documentId, start);
    if (grams !== null) return grams;
  }
  return null;
}

export function feedByHandle(handle: number): ChunkFeed {
  const feed = feeds.get(handle);
  if (!feed) throw failure(`no feed ${handle}`);
  return feed;
}
