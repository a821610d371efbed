/**
 * Chunks of the search index (0014_search_chunks.sql): a document's canonical text is indexed as
 * consecutive pieces of about CHUNK_CODE_POINTS code points, so that neither normalising nor
 * FTS5 ever holds a whole large document at once (FTS5 buffers a row's terms in memory until the
 * row is written), and so that the index's bigram words (grams.ts) narrow a search to 64K code
 * points, not to a whole document.
 *
 * Each chunk owns the canonical code points [start, start + length) and its row's normalised text
 * also holds a tail: the normalisation of the next OVERLAP_SEGMENTS NFC segments (the start of the
 * next chunk). Every segment normalises to at least one code point, so the tail holds at least
 * OVERLAP_SEGMENTS normalised code points (or reaches the document's end); a query is at most
 * 2,000 UTF-16 units, so every occurrence of a needle that starts in a chunk's own part lies
 * entirely within that chunk's row. Searches keep only occurrences starting in the own part
 * (`own` UTF-16 units of `norm`), so none is counted twice.
 *
 * Boundaries fall on NFC segment starts (a code point that is not a combining mark or a Hangul
 * vowel/final jamo), where normalising the parts separately gives the same text as normalising
 * the whole (shared/text/normalize.ts composes segment by segment).
 */
import { normalizeWithMap } from '../../../shared/text/normalize';

/** Target code points of a chunk's own part. */
export const CHUNK_CODE_POINTS = 65_536;
/** NFC segments of the tail: more than the longest needle a query can hold (2,000 units). */
export const OVERLAP_SEGMENTS = 2_048;

export interface ChunkRow {
  /** Canonical code point where the own part starts. */
  start: number;
  /** Canonical code points of the own part. */
  length: number;
  /** Canonical code points of the tail. */
  tail: number;
  /** UTF-16 units of `norm` that belong to the own part. */
  own: number;
  /** True when NFC changed the chunk (its positions map back through `normalizeChunk`). */
  mapped: boolean;
  /** Normalised own part, then normalised tail. */
  norm: string;
}

/** True when the code point continues an NFC segment (see shared/text/normalize.ts CONTINUES). */
const CONTINUES = /[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]/u;

function continuesAt(text: string, i: number): boolean {
  const c = text.codePointAt(i)!;
  return c >= 0x300 && CONTINUES.test(String.fromCodePoint(c));
}

const width = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
};

/** The normalised chunk and, where NFC composed, the chunk-relative canonical span of each code point. */
export interface NormalizedChunk {
  norm: string;
  own: number;
  starts: Int32Array | null;
  ends: Int32Array | null;
}

/**
 * Normalises a chunk's own part and tail (canonical strings) the one way both indexing and hit
 * mapping use: each part separately, then joined.
 */
export function normalizeChunk(ownText: string, tailText: string, ownLength: number): NormalizedChunk {
  const a = normalizeWithMap(ownText);
  const b = normalizeWithMap(tailText);
  let starts: Int32Array | null = null;
  let ends: Int32Array | null = null;
  if (a.starts !== null || b.starts !== null) {
    const identity = (n: number, shift: number) => Int32Array.from({ length: n }, (_, k) => k + shift);
    const aLen = a.starts?.length ?? ownLength;
    const bLen = b.starts?.length ?? [...b.norm].length;
    const aStarts = a.starts ?? identity(aLen, 0);
    const aEnds = a.ends ?? identity(aLen, 1);
    const bStarts = b.starts ?? identity(bLen, 0);
    const bEnds = b.ends ?? identity(bLen, 1);
    starts = new Int32Array(aLen + bLen);
    ends = new Int32Array(aLen + bLen);
    starts.set(aStarts);
    ends.set(aEnds);
    for (let k = 0; k < bLen; k++) {
      starts[aLen + k] = bStarts[k]! + ownLength;
      ends[aLen + k] = bEnds[k]! + ownLength;
    }
  }
  return { norm: a.norm + b.norm, own: a.norm.length, starts, ends };
}

/** UTF-16 bounds of one chunk: own part [i, j), tail [j, k); n and t count their code points. */
interface Bounds {
  j: number;
  k: number;
  n: number;
  t: number;
}

/**
 * The bounds of the chunk starting at UTF-16 index `i`, or null when they may reach past the end
 * of `text` and more text follows (`complete` false): the caller appends the next piece first.
 */
function boundsAt(text: string, i: number, chunkSize: number, complete: boolean): Bounds | null {
  // Own part: chunkSize code points, then on to the next segment start.
  let j = i;
  let n = 0;
  while (j < text.length && n < chunkSize) {
    j += width(text, j);
    n++;
  }
  while (j < text.length && continuesAt(text, j)) {
    j += width(text, j);
    n++;
  }
  // Tail: OVERLAP_SEGMENTS segments (each ends where the next segment starts).
  let k = j;
  let t = 0;
  for (let segments = 0; k < text.length && segments < OVERLAP_SEGMENTS; segments++) {
    do {
      k += width(text, k);
      t++;
    } while (k < text.length && continuesAt(text, k));
  }
  return !complete && k >= text.length ? null : { j, k, n, t };
}

function rowAt(text: string, i: number, b: Bounds, cp: number): ChunkRow {
  const chunk = normalizeChunk(text.slice(i, b.j), text.slice(b.j, b.k), b.n);
  return {
    start: cp,
    length: b.n,
    tail: b.t,
    own: chunk.own,
    mapped: chunk.starts !== null,
    norm: chunk.norm,
  };
}

/** The chunks of a canonical text, in order; an empty text has one empty chunk. */
export function* chunkText(text: string, chunkSize = CHUNK_CODE_POINTS): Generator<ChunkRow> {
  let i = 0; // UTF-16 index of the current chunk's start
  let cp = 0; // its code point
  do {
    const b = boundsAt(text, i, chunkSize, true)!;
    yield rowAt(text, i, b, cp);
    i = b.j;
    cp += b.n;
  } while (i < text.length);
}

/**
 * The chunks of a text given in consecutive pieces (the chunk worker decodes a large document
 * piece by piece): exactly `chunkText(pieces.join(''))`, holding only the text from the current
 * chunk's start on. No piece may end between the two halves of a surrogate pair.
 */
export function* chunkPieces(pieces: Iterable<string>, chunkSize = CHUNK_CODE_POINTS): Generator<ChunkRow> {
  const next = pieces[Symbol.iterator]();
  let text = '';
  let complete = false;
  let i = 0;
  let cp = 0;
  for (;;) {
    const b = boundsAt(text, i, chunkSize, complete);
    if (b === null) {
      const piece = next.next();
      if (piece.done) complete = true;
      else {
        text = text.slice(i) + piece.value;
        i = 0;
      }
      continue;
    }
    yield rowAt(text, i, b, cp);
    i = b.j;
    cp += b.n;
    if (i >= text.length) return;
  }
}
