/**
 * The search index's words (electron/core/search/grams.ts, 0017_search_grams.sql): a chunk is
 * indexed as its bigram buckets, the index returns every chunk that may hold a needle, and
 * `search-run` keeps only real occurrences, so hits equal a plain scan of the texts even where
 * a chunk holds every bigram of a phrase but not the phrase. The index stays in step with the
 * chunks through imports, deletes and undo, and projects indexed with trigrams (schema 16)
 * migrate to it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/index';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import { MIGRATIONS, migrate } from '../../../electron/core/db/migrate';
import { decodeUtf8Text } from '../../../electron/core/documents/decode';
import { insertDocument } from '../../../electron/core/documents/insert';
import { CHUNK_CODE_POINTS } from '../../../electron/core/search/chunks';
import { GRAM_BUCKETS, MAX_QUERY_GRAMS, gramQuery, searchGrams } from '../../../electron/core/search/grams';
import { candidateChunks } from '../../../electron/core/search/run';
import type { SearchResult } from '../../../shared/contracts/search';
import { normalizeText } from '../../../shared/text/normalize';
import { tempDir } from '../core/helpers';

const words = (grams: string) => (grams === '' ? [] : grams.trim().split(' '));
const queryWords = (needle: string) => (gramQuery(needle) ?? '').split(' ').map((w) => w.replace(/"/g, ''));

/** A deterministic pseudo-random generator (xorshift32). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** Text over a small alphabet of CJK, ASCII, an astral character and line breaks. */
function randomText(random: () => number, n: number): string {
  const alphabet = ['县', '级', '政', '府', '改', '革', '财', 'a', 'B', ' ', '\n', '𠀋', '，', '1'];
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

describe('searchGrams and gramQuery', () => {
  it('writes each distinct bucket once, as three ideographs from U+4E00', () => {
    expect(searchGrams('')).toBe('');
    expect(searchGrams('县')).toBe('');
    const w = words(searchGrams('县级县级县级政府'));
    // 县级, 级县, 级政, 政府 (the repeats add nothing).
    expect(w).toHaveLength(4);
    expect(new Set(w).size).toBe(4);
    for (const word of w) expect(word).toMatch(/^[\u4e00-\u4e3f]{3}$/);
    expect(searchGrams('县级县级县级政府')).toBe(searchGrams('县级县级县级政府'));
    // More bigrams than buckets: never more words than buckets.
    const random = rng(7);
    let big = '';
    for (let i = 0; i < 300_000; i++) big += String.fromCharCode(0x4e00 + Math.floor(random() * 20_000));
    const all = words(searchGrams(big));
    expect(all.length).toBeLessThanOrEqual(GRAM_BUCKETS);
    expect(new Set(all).size).toBe(all.length);
  });

  it('asks for words that every text holding the needle has (any script, astral characters)', () => {
    const random = rng(42);
    for (let t = 0; t < 200; t++) {
      const text = randomText(random, 50 + Math.floor(random() * 200));
      const have = new Set(words(searchGrams(text)));
      for (let k = 0; k < 10; k++) {
        const from = Math.floor(random() * (text.length - 2));
        const needle = text.slice(from, from + 2 + Math.floor(random() * 12));
        for (const w of queryWords(needle)) expect(have.has(w)).toBe(true);
      }
    }
  });

  it('has no query for one code unit, and at most MAX_QUERY_GRAMS words', () => {
    expect(gramQuery('')).toBeNull();
    expect(gramQuery('县')).toBeNull();
    expect(queryWords('𠀋')).toHaveLength(1); // one code point, two code units
    const long = Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    expect(queryWords(long)).toHaveLength(MAX_QUERY_GRAMS);
  });
});

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

function insertTexts(db: Db, texts: string[]): string[] {
  return texts.map((text, i) =>
    insertDocument(
      db,
      { ...decodeUtf8Text(Buffer.from(text)), title: `d${i}`, sourceFile: null, sourcePath: null },
      'now',
    ),
  );
}

/** Every chunk has its row in the index and nothing else does; FTS5's own check passes. */
function expectInStep(db: Db): void {
  const chunks = db.raw.prepare('SELECT id FROM search_docs ORDER BY id').pluck().all();
  const indexed = db.raw.prepare('SELECT rowid FROM search_grams ORDER BY rowid').pluck().all();
  expect(indexed).toEqual(chunks);
  db.raw.exec(`INSERT INTO search_grams (search_grams) VALUES ('integrity-check')`);
}

/** Occurrences by a plain scan of the normalised texts (non-overlapping, as search-run counts). */
function scanCount(texts: string[], needle: string): number {
  let n = 0;
  for (const text of texts) {
    const norm = normalizeText(text);
    for (let i = norm.indexOf(needle); i !== -1; i = norm.indexOf(needle, i + needle.length)) n++;
  }
  return n;
}

const total = async (query: string) =>
  ((await core!.dispatch('search-run', { query, limit: 100_000 })) as SearchResult).total;

describe('the bigram index in a project', () => {
  it('finds exactly what a scan finds, where chunks hold every bigram of a phrase but not the phrase', async () => {
    const file = join(tempDir(), 'g.pizhu');
    openCore({ file, empty: true }).close();
    // 省直 直管 管县 县改 改革 all occur, 省直管县改革 only in the third text; a large text with
    // the phrase across its first chunk boundary.
    const filler = '省直的直管的管县的县改的改革的'.repeat(Math.ceil(CHUNK_CODE_POINTS / 15) + 10);
    const texts = [
      '省直，直管，管县，县改，改革。',
      '推进省直管，管县，县改革。',
      '实行省直管县改革以来。',
      filler.slice(0, CHUNK_CODE_POINTS - 3) + '省直管县改革' + filler.slice(0, 5000),
    ];
    const db = openDatabase(file);
    insertTexts(db, texts);
    // The index's candidates include the false ones: the scan in search-run has to drop them.
    expect(new Set(candidateChunks(db, '省直管县改革').map((c) => c.documentId)).size).toBe(4);
    db.close();
    core = openCore({ file });
    for (const needle of [
      '省直管县改革',
      '省直管',
      '直管县',
      '县改革',
      '改革',
      '县',
      '的直管的',
      '管县的县改',
    ])
      expect(await total(needle), needle).toBe(scanCount(texts, needle));
  });

  it('stays in step through import, delete, undo and redo', async () => {
    const file = join(tempDir(), 's.pizhu');
    core = openCore({ file, empty: true });
    const reps = 13_108; // two chunks and a bit
    const big = '县级政府的财政压力。'.repeat(reps);
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    await core.dispatch('import-commit', { fileName: 'a.txt', contentBase64: b64('量子计算机与县长。') });
    await core.dispatch('import-commit', { fileName: 'b.txt', contentBase64: b64(big), deferIndex: true });
    expect(await total('量子计算机')).toBe(1);
    expectInStep(core.context.db);
    const docs = core.context.db.raw
      .prepare('SELECT id FROM documents ORDER BY sort_order')
      .pluck()
      .all() as string[];
    await core.dispatch('documents-delete', { id: docs[1]! });
    expectInStep(core.context.db);
    expect(await total('财政压力')).toBe(0);
    await core.dispatch('history-undo', {});
    expectInStep(core.context.db);
    expect(await total('财政压力')).toBe(reps);
    await core.dispatch('history-redo', {});
    expectInStep(core.context.db);
    expect(await total('财政压力')).toBe(0);
  });
});

describe('search-run over the bigram index against a plain scan', () => {
  it('finds every occurrence, counted or as a first page, cold or warm, on random texts', async () => {
    // A small alphabet: most phrases have every bigram in most documents, many occur nowhere.
    const random = rng(2026);
    const alphabet = ['县', '级', '政', '府', '改', '革', 'a', 'b', '𠀋', '，'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    const make = (n: number) => Array.from({ length: n }, pick).join('');
    const texts = Array.from({ length: 120 }, () => make(20 + Math.floor(random() * 1500)));
    texts.push(make(CHUNK_CODE_POINTS + 3000), make(2 * CHUNK_CODE_POINTS + 10)); // several chunks
    const file = join(tempDir(), 'r.pizhu');
    openCore({ file, empty: true }).close();
    const db = openDatabase(file);
    const ids = insertTexts(db, texts);
    db.close();
    const needles = Array.from({ length: 24 }, () => make(2 + Math.floor(random() * 5)));
    needles.push('𠀋𠀋', '县级政府改革', 'ab，');
    /** Every occurrence as [document, start, end] in code points, document by document. */
    const expected = (needle: string) =>
      ids.flatMap((id, d) => {
        const cps = [...normalizeText(texts[d]!)];
        const n = [...normalizeText(needle)];
        const out: [string, number, number][] = [];
        for (let i = 0; i + n.length <= cps.length; i++)
          if (n.every((c, k) => cps[i + k] === c)) {
            out.push([id, i, i + n.length]);
            i += n.length - 1;
          }
        return out;
      });
    const hits = (r: SearchResult) =>
      r.documents.flatMap((g) => g.hits.map((h) => [g.documentId, h.start, h.end]));
    const order = new Map(ids.map((id, i) => [id, i]));
    const inOrder = (xs: (string | number)[][]) =>
      [...xs].sort(
        (x, y) =>
          order.get(x[0] as string)! - order.get(y[0] as string)! || (x[1] as number) - (y[1] as number),
      );
    const result = async (query: string, limit: number, count: boolean) =>
      (await core!.dispatch('search-run', { query, limit, count })) as SearchResult;
    const run = async (query: string, limit: number, count: boolean) =>
      inOrder(hits(await result(query, limit, count)));
    for (const needle of needles) {
      const want = expected(needle);
      // A fresh core: nothing read or remembered yet (the first page asks SQLite, checks bytes).
      core = openCore({ file });
      expect(await run(needle, 50, false), `${needle}: first page, cold`).toEqual(want.slice(0, 50));
      const all = await result(needle, 100_000, true);
      expect(all.total, needle).toBe(want.length);
      expect(inOrder(hits(all)), `${needle}: counted`).toEqual(want);
      expect(await run(needle, 50, false), `${needle}: first page, warm`).toEqual(want.slice(0, 50));
      core.close();
      core = null;
    }
  });
});

describe('migration 0017', () => {
  it('indexes the chunks of a project made with the trigram index (schema 16)', async () => {
    const file = join(tempDir(), 'v16.pizhu');
    const texts = ['一、县级财政压力较大。𠀋', '二、推进省直管县改革。' + '财政'.repeat(CHUNK_CODE_POINTS)];
    const db = openDatabase(file);
    try {
      migrate(
        db,
        MIGRATIONS.filter((m) => m.number <= 16),
      );
      insertTexts(db, texts);
      expect(db.raw.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'search_fts'`).get()).toBeDefined();
    } finally {
      db.close();
    }
    core = openCore({ file });
    const raw = core.context.db.raw;
    expect(raw.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'search_fts'`).get()).toBeUndefined();
    expectInStep(core.context.db);
    for (const needle of ['财政压力', '省直管县改革', '𠀋', '财政财政', '县级'])
      expect(await total(needle), needle).toBe(scanCount(texts, needle));
  });
});
