/**
 * The search index build on the second core (search/chunk-feed.ts, chunk-worker.ts): the worker's
 * chunks are exactly the in-process ones (piece-by-piece decoding and chunking included, with
 * astral characters, NFC sequences, a leading U+FEFF, stored bytes that are not UTF-8), a build
 * through the worker leaves the same search_docs rows, ids and FTS5 index as one in-process, and
 * a worker that fails, crashes or stops answering makes the build throw a clear error with
 * nothing written.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/index';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import { insertDocument } from '../../../electron/core/documents/insert';
import { configureChunkWorker, type ChunkWorkerOptions } from '../../../electron/core/search/chunk-feed';
import { chunkPieces, chunkText } from '../../../electron/core/search/chunks';
import {
  buildSearchIndex,
  withDeferredIndex,
  WORKER_MIN_CODE_POINTS,
} from '../../../electron/core/search/index-build';
import { PizhuError } from '../../../shared/errors';
import { tempDir } from '../core/helpers';
import { mulberry32 as random } from '../../support/random';
import { gramQuery } from '../../../electron/core/search/grams';

/** Pieces: Traditional and Simplified text, astral characters, NFC-composing sequences, Hangul jamo. */
const PIECES = [
  '問題',
  '问题',
  '財政壓力',
  '𠀋',
  '𪚥',
  'e\u0301',
  'A\u030a\u0323',
  '\u1100\u1161\u11a8',
  'ＡＢｃ',
  '，',
  '\n',
  '　',
  'x',
];

function text(n: number, seed: number): string {
  const next = random(seed);
  const out: string[] = [];
  let length = 0;
  while (length < n) {
    const p = PIECES[Math.floor(next() * PIECES.length)]!;
    out.push(p);
    length += p.length;
  }
  return out.join('');
}

/** `s` cut into pieces at random places, never between the halves of a surrogate pair. */
function cut(s: string, seed: number): string[] {
  const next = random(seed);
  const pieces: string[] = [];
  let at = 0;
  while (at < s.length) {
    let end = Math.min(s.length, at + 1 + Math.floor(next() * 300));
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff && end < s.length) end++;
    pieces.push(s.slice(at, end));
    at = end;
  }
  return pieces;
}

describe('chunkPieces', () => {
  it('gives exactly the chunks of the whole text, wherever the pieces end', () => {
    for (const seed of [1, 2, 3]) {
      const s = text(9_000, seed);
      const whole = [...chunkText(s, 97)];
      expect(whole.length).toBeGreaterThan(50);
      expect([...chunkPieces(cut(s, seed + 10), 97)]).toEqual(whole);
      expect([...chunkPieces([s], 97)]).toEqual(whole);
      expect([...chunkPieces(['', ...cut(s, seed + 20), ''], 97)]).toEqual(whole);
    }
  });

  it('an empty text has one empty chunk, given in pieces or not', () => {
    expect([...chunkPieces([])]).toEqual([...chunkText('')]);
    expect([...chunkPieces(['', ''])]).toEqual([...chunkText('')]);
  });
});

let restore: ChunkWorkerOptions | null = null;
afterEach(() => {
  if (restore) configureChunkWorker(restore);
  restore = null;
});

const TEXTS = [
  // Over WORKER_MIN_CODE_POINTS together; the large one spans several statements and pieces.
  `\ufeff第一篇：${text(1_300_000, 7)}`,
  text(40_000, 8),
  '短文：量子計算機與縣長𠀋。',
  '',
  text(70_000, 9),
];

/** A project whose documents are queued for the index, closed; returns its file. */
function queuedProject(): string {
  const file = join(tempDir(), 'w.pizhu');
  openCore({ file, empty: true }).close();
  const db = openDatabase(file);
  withDeferredIndex(db, () => {
    for (const [i, t] of TEXTS.entries())
      insertDocument(
        db,
        {
          text: t,
          length: [...t].length,
          sha256: `sha-${i}`,
          encoding: 'utf-8',
          cleaning: [],
          title: `d${i}`,
          sourceFile: null,
          sourcePath: null,
        },
        'now',
      );
    // Stored bytes that are not UTF-8 (written by another tool), one sequence cut by the worker's
    // 1 MB decoding pieces: both builds read them as better-sqlite3 does.
    const body = Buffer.from(text(400_000, 11), 'utf8');
    const bad = Buffer.concat([
      body.subarray(0, (1 << 20) - 1),
      Buffer.from([0xf0, 0x9f, 0xed, 0xa0, 0x80, 0xff]),
      body.subarray((1 << 20) - 1),
    ]);
    db.raw
      .prepare(
        `INSERT INTO documents (id, title, text, length, sha256, encoding, imported_at, sort_order)
         VALUES ('not-utf8', 'bad', CAST(? AS TEXT), ?, 'x', 'utf-8', 'now', 99)`,
      )
      .run(bad, [...bad.toString('utf8')].length);
  });
  db.close();
  return file;
}

function snapshot(db: Db) {
  return {
    docs: db.raw
      .prepare('SELECT id, document_id, start, length, tail, own, mapped, norm FROM search_docs ORDER BY id')
      .raw()
      .all(),
    pending: db.raw.prepare('SELECT document_id FROM search_pending ORDER BY rowid').pluck().all(),
    // How many words FTS5 indexed for each chunk (the worker computes them for the rows it feeds).
    words: db.raw.prepare('SELECT id, sz FROM search_grams_docsize ORDER BY id').raw().all(),
    hits: ['第一篇', '财政压', 'abc', '量子计', '政压力'].map((q) =>
      db.raw
        .prepare('SELECT rowid FROM search_grams WHERE search_grams MATCH ? ORDER BY rowid')
        .pluck()
        .all(gramQuery(q)),
    ),
  };
}

function built(file: string, worker: Partial<ChunkWorkerOptions>) {
  const before = configureChunkWorker(worker);
  const db = openDatabase(file);
  try {
    expect(buildSearchIndex(db)).toEqual({ indexed: TEXTS.length + 1, pending: 0 });
    db.raw.exec(`INSERT INTO search_grams (search_grams) VALUES ('integrity-check')`);
    return snapshot(db);
  } finally {
    db.close();
    configureChunkWorker(before);
  }
}

describe('index build through the chunk worker', () => {
  it('leaves the same rows, ids and index as the in-process build', () => {
    expect(TEXTS.reduce((n, t) => n + [...t].length, 0)).toBeGreaterThan(WORKER_MIN_CODE_POINTS);
    const a = queuedProject();
    const b = join(tempDir(), 'copy.pizhu');
    copyFileSync(a, b);
    const inProcess = built(a, { enabled: false });
    const worker = built(b, {});
    expect(inProcess.docs.length).toBeGreaterThan(20);
    expect(inProcess.hits.every((h) => h.length > 0)).toBe(true);
    expect(worker).toEqual(inProcess);
  });

  /** Runs a build with a fake worker entry: it must throw and leave the queue and index as they were. */
  function failsCleanly(source: string, limits: Partial<ChunkWorkerOptions>, message: RegExp): void {
    const file = queuedProject();
    const entry = join(tempDir(), 'fake-worker.mjs');
    writeFileSync(entry, source);
    const db = openDatabase(file);
    try {
      const before = snapshot(db);
      restore = configureChunkWorker({ entry, ...limits });
      let error: unknown;
      try {
        buildSearchIndex(db);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(PizhuError);
      expect((error as PizhuError).code).toBe('internal');
      expect((error as PizhuError).message).toMatch(message);
      expect(snapshot(db)).toEqual(before);
      expect(before.pending.length).toBe(TEXTS.length + 1);
      // The real worker builds it afterwards.
      configureChunkWorker(restore);
      expect(buildSearchIndex(db)).toEqual({ indexed: TEXTS.length + 1, pending: 0 });
    } finally {
      db.close();
    }
  }

  const PRELUDE = `import { workerData } from 'node:worker_threads';
    const { port, signals } = workerData;
    const post = (m) => { port.postMessage(m); Atomics.add(signals, 0, 1); Atomics.notify(signals, 0); };
    post({ kind: 'ready' });`;

  it('a worker that reports an error after some rows: the error names it, nothing is written', () => {
    failsCleanly(
      `${PRELUDE}
      port.on('message', (r) => {
        if (r.kind !== 'document') return;
        const norm = new Uint8Array([0x78]);
        post({ kind: 'row', documentId: r.id, start: 0, length: 1, tail: 0, own: 1, mapped: false, norm });
        post({ kind: 'error', message: 'normalising failed (test)' });
      });`,
      {},
      /search index worker: normalising failed \(test\)/,
    );
  });

  it('a worker that crashes', () => {
    failsCleanly(
      `${PRELUDE}
      process.on('exit', () => { Atomics.store(signals, 2, 1); Atomics.notify(signals, 0); });
      port.on('message', () => { throw new Error('crash (test)'); });`,
      {},
      /search index worker: the worker exited/,
    );
  });

  it('a worker that stops answering', () => {
    failsCleanly(`${PRELUDE}\nport.on('message', () => {});`, { stallMs: 300 }, /no answer for 300 ms/);
  });

  it('a worker that never starts', () => {
    failsCleanly(`await new Promise(() => {});`, { readyMs: 300 }, /did not start within 300 ms/);
  });
});
