/**
 * Messages between the search index build (chunk-feed.ts, on the thread that writes the index)
 * and the worker that cuts and normalises documents into the index's chunks (chunk-worker.ts).
 * The build's thread is inside one SQLite statement while it reads rows, so it cannot wait for
 * events: it takes messages with `receiveMessageOnPort` and sleeps on a shared counter instead.
 */
import type { MessagePort } from 'node:worker_threads';

/** Slots of the shared Int32Array. */
export const SIGNAL = {
  /** Messages the worker has posted (incremented after each post). */
  posted: 0,
  /**
   * Code points (rows' `length`) the build has taken: the worker stays at most `aheadCodePoints`
   * in front. Compared by difference, so it may wrap around.
   */
  taken: 1,
  /** 1 once the worker's thread is exiting. */
  exited: 2,
  /** 1 when the build gave up: the worker stops waiting and exits. */
  abort: 3,
} as const;
export const SIGNAL_SLOTS = 4;

export interface ChunkWorkerData {
  port: MessagePort;
  signals: Int32Array;
  /** Code points of rows the worker may post before the build takes them. */
  aheadCodePoints: number;
}

/** Build → worker. */
export type FeedRequest =
  /** A document's stored text as its UTF-8 bytes (`CAST(text AS BLOB)`). */
  | { kind: 'document'; id: string; bytes: Uint8Array }
  /** Sent after the last document; echoed once every document before it is chunked. */
  | { kind: 'mark' };

/** Worker → build. */
export type FeedReply =
  | { kind: 'ready' }
  | {
      kind: 'row';
      documentId: string;
      start: number;
      length: number;
      tail: number;
      own: number;
      mapped: boolean;
      /** The normalised text as UTF-8 (encoded by the worker; the statement casts it to TEXT). */
      norm: Uint8Array;
      /** Its index words as UTF-8 (grams.ts `searchGrams`), for the trigger on search_docs. */
      grams: Uint8Array;
    }
  /** A document is chunked (after its last row). */
  | { kind: 'done' }
  | { kind: 'mark' }
  | { kind: 'error'; message: string };
