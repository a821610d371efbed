/**
 * Entry of the search chunk worker (bundled as `search-chunk-worker.(m)js`, see chunk-feed.ts):
 * decodes each document's stored UTF-8 bytes piece by piece and cuts the text into the index's
 * normalised chunks (chunks.ts, the same bounds and normalisation as the in-process build's
 * `chunkText`) with their index words (grams.ts), posting one row per chunk while the thread
 * that sent them feeds FTS5. It never opens the project and never writes.
 */
import { workerData } from 'node:worker_threads';
import { chunkPieces } from './chunks';
import { searchGrams } from './grams';
import { SIGNAL, type ChunkWorkerData, type FeedReply, type FeedRequest } from './chunk-protocol';

const { port, signals, aheadCodePoints } = workerData as ChunkWorkerData;

process.on('exit', () => {
  Atomics.store(signals, SIGNAL.exited, 1);
  Atomics.notify(signals, SIGNAL.posted);
});

class Aborted extends Error {}

/** Code points of the rows posted so far (wrapping like the shared counter). */
let postedCodePoints = 0;

function post(reply: FeedReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(reply, transfer);
  Atomics.add(signals, SIGNAL.posted, 1);
  Atomics.notify(signals, SIGNAL.posted);
  if (reply.kind !== 'row') return;
  postedCodePoints = (postedCodePoints + reply.length) | 0;
  // Stay at most aheadCodePoints in front of the build: what is in flight stays bounded.
  for (;;) {
    if (Atomics.load(signals, SIGNAL.abort) === 1) throw new Aborted();
    const taken = Atomics.load(signals, SIGNAL.taken);
    if (((postedCodePoints - taken) | 0) <= aheadCodePoints) return;
    Atomics.wait(signals, SIGNAL.taken, taken, 1_000);
  }
}

/** Bytes decoded at a time: the first chunk is ready after one piece, not the whole document. */
const PIECE_BYTES = 1 << 20;

function* decodePieces(bytes: Uint8Array): Generator<string> {
  // What SQLite stores is kept as it is: a leading U+FEFF is text, not a byte-order mark.
  // Streaming: a sequence cut between two pieces is decoded whole (no surrogate pair is split).
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  for (let at = 0; at < bytes.length; at += PIECE_BYTES)
    yield utf8.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true });
  yield utf8.decode();
}

const utf8 = new TextEncoder();
let failed = false;

port.on('message', (request: FeedRequest) => {
  if (failed) return;
  try {
    if (request.kind === 'mark') {
      post({ kind: 'mark' });
      return;
    }
    for (const c of chunkPieces(decodePieces(request.bytes))) {
      // UTF-8 here, not on the thread that feeds FTS5 (better-sqlite3 would encode the string).
      // The index words too: the feeding thread then never reads the text as a string.
      const norm = utf8.encode(c.norm);
      const grams = utf8.encode(searchGrams(c.norm));
      const transfer = [norm, grams].filter(
        (b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength,
      );
      post(
        { kind: 'row', documentId: request.id, ...c, norm, grams },
        transfer.map((b) => b.buffer),
      );
    }
    post({ kind: 'done' });
  } catch (err) {
    failed = true;
    if (err instanceof Aborted) {
      port.close();
      return;
    }
    port.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    Atomics.add(signals, SIGNAL.posted, 1);
    Atomics.notify(signals, SIGNAL.posted);
  }
});

post({ kind: 'ready' });
