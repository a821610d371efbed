/**
 * The search index's terms (0017_search_grams.sql): each chunk's normalised text is indexed as the
 * set of its adjacent UTF-16 code-unit pairs (bigrams), each hashed into one of GRAM_BUCKETS
 * buckets and written as a word of three CJK ideographs. FTS5 stores, per word, only the chunks
 * that hold it (`detail=none`), so the index answers "which chunks contain every bigram of the
 * needle": a superset of the chunks that contain the needle. `search-run` then finds the exact
 * occurrences in those chunks' texts (run.ts), so a false candidate costs a scan, never a wrong
 * hit, and a needle is never missed: every bigram of an occurrence lies in the chunk where it
 * starts (own part and tail, chunks.ts).
 *
 * Why not FTS5's trigram tokenizer with positions (the index until migration 0017): its cost
 * grows with the number of distinct terms, and in varied Chinese text almost every trigram is
 * new. Building it for 8 M characters took 2.0 s on a text that repeats itself and 5–9 s on
 * varied text (profiled: FTS5 sorting its in-memory terms before each write, and merging the
 * segments). Bigram buckets bound the vocabulary at GRAM_BUCKETS and store no positions: the same
 * texts index in 0.2–1.6 s, the index is 9–15× smaller, and two-character needles (most Chinese
 * words) use the index too. The price is precision: a chunk that holds every bigram of a phrase
 * but not the phrase is read and scanned. docs/benchmarks.md has the measurements.
 */

/** Bits of a bigram's bucket: 131,072 buckets (against 2^18 and 2^20 in docs/benchmarks.md). */
export const GRAM_BITS = 17;
export const GRAM_BUCKETS = 1 << GRAM_BITS;

/** Bigrams of a needle the index is asked for: any subset is a correct filter. */
export const MAX_QUERY_GRAMS = 32;

/**
 * A word is three CJK ideographs from U+4E00 on, each holding six bits of the bucket (the last
 * five). The encoding matters for speed: FTS5 finds a term in its in-memory buffer with a simple
 * shift-and-xor hash of the term's bytes whose low bits pick the slot, and words of ASCII digits
 * (4 × 5 bits) collided into chains 13–38 entries long on average (the build took 3–4× as long);
 * the last byte of each of these characters carries its six bits unchanged, which spreads the
 * words over FTS5's slots without collisions (simulated, and measured in docs/benchmarks.md).
 */
const WORD = 3;
const BASE = 0x4e00;
const SPACE = 0x20;

/** The bucket of the code-unit pair (a, b): Fibonacci hashing of the 32-bit pair, top bits. */
function bucket(a: number, b: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - GRAM_BITS);
}

function writeWord(out: Uint16Array, at: number, b: number): void {
  out[at] = BASE + (b & 63);
  out[at + 1] = BASE + ((b >>> 6) & 63);
  out[at + 2] = BASE + (b >>> 12);
}

/** Buckets seen in the current text: seen[b] === generation (no clearing between texts). */
const seen = new Uint32Array(GRAM_BUCKETS);
let generation = 0;
let scratch = new Uint16Array(0);
const utf16 = new TextDecoder('utf-16le');

function nextGeneration(): number {
  if (generation === 0xffffffff) {
    seen.fill(0);
    generation = 0;
  }
  return ++generation;
}

/**
 * The index document of a chunk's normalised text: its distinct bigram words, space-separated,
 * in order of first occurrence (the `ascii` tokenizer splits them). Empty for a text shorter than
 * two code units.
 */
export function searchGrams(norm: string): string {
  const words = Math.min(norm.length - 1, GRAM_BUCKETS);
  if (words <= 0) return '';
  if (scratch.length < words * (WORD + 1)) scratch = new Uint16Array(words * (WORD + 1));
  const out = scratch;
  const gen = nextGeneration();
  let n = 0;
  let a = norm.charCodeAt(0);
  for (let i = 1; i < norm.length; i++) {
    const b = norm.charCodeAt(i);
    const k = bucket(a, b);
    a = b;
    if (seen[k] === gen) continue;
    seen[k] = gen;
    writeWord(out, n, k);
    out[n + WORD] = SPACE;
    n += WORD + 1;
  }
  return utf16.decode(out.subarray(0, n));
}

/**
 * The FTS5 query for the chunks that may hold `needle` (normalised): its first MAX_QUERY_GRAMS
 * distinct bigram words, each quoted (implicit AND). Null for a needle of one code unit, which no
 * bigram can find (`search-run` scans for it with instr()).
 */
export function gramQuery(needle: string): string | null {
  if (needle.length < 2) return null;
  const words = new Set<string>();
  const word = new Uint16Array(WORD);
  for (let i = 1; i < needle.length && words.size < MAX_QUERY_GRAMS; i++) {
    writeWord(word, 0, bucket(needle.charCodeAt(i - 1), needle.charCodeAt(i)));
    words.add(String.fromCharCode(...word));
  }
  return [...words].map((w) => `"${w}"`).join(' ');
}
