/**
 * The chunked search index (0014_search_chunks.sql, electron/core/search/chunks.ts): a document
 * longer than one chunk is found across chunk boundaries with exact code-point offsets (needles
 * across a boundary, astral characters and NFC-composing sequences at a boundary, overlapping
 * repeats), the first page stops early, delete and undo of a large document keep the index
 * right, and projects made before chunking migrate to it.
 */
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/index';
import { openDatabase } from '../../../electron/core/db/database';
import { decodeUtf8Text } from '../../../electron/core/documents/decode';
import { insertDocument } from '../../../electron/core/documents/insert';
import { CHUNK_CODE_POINTS, OVERLAP_SEGMENTS, chunkText } from '../../../electron/core/search/chunks';
import type { SearchResult } from '../../../shared/contracts/search';
import { normalizeText } from '../../../shared/text/normalize';
import { tempDir } from '../core/helpers';

const B = CHUNK_CODE_POINTS; // the first boundary (unless it falls inside an NFC segment)

/** Filler of `n` code points without any needle below (a repeating run of common characters). */
function filler(n: number): string {
  const base = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉，。';
  let out = '';
  while (out.length < n) out += base;
  return out.slice(0, n);
}

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

/** A project holding `texts` as documents (inserted as-is, no import cleaning), opened as a core. */
function projectWith(texts: string[]): { core: Core; ids: string[]; file: string } {
  const file = join(tempDir(), 'c.pizhu');
  openCore({ file, empty: true }).close();
  const db = openDatabase(file);
  const ids = texts.map((text, i) =>
    insertDocument(
      db,
      { ...decodeUtf8Text(Buffer.from(text)), title: `d${i}`, sourceFile: null, sourcePath: null },
      'now',
    ),
  );
  db.close();
  core = openCore({ file });
  return { core, ids, file };
}

const run = async (query: string, extra: Record<string, unknown> = {}) =>
  (await core!.dispatch('search-run', { query, limit: 100_000, ...extra })) as SearchResult;

const starts = (r: SearchResult) => r.documents.flatMap((d) => d.hits.map((h) => [h.start, h.end, h.match]));

describe('chunkText', () => {
  it('covers the text once, with tails of at least OVERLAP_SEGMENTS normalised code points', () => {
    const text = filler(B - 1) + '𠀋' + filler(B) + 'e\u0301' + filler(5000);
    const chunks = [...chunkText(text)];
    expect(chunks.length).toBe(3);
    const cps = [...text];
    let at = 0;
    for (const [k, c] of chunks.entries()) {
      expect(c.start).toBe(at);
      const own = cps.slice(c.start, c.start + c.length).join('');
      expect(c.norm.slice(0, c.own)).toBe(normalizeText(own));
      const tail = [...c.norm.slice(c.own)].length;
      if (k < chunks.length - 1) expect(tail).toBeGreaterThanOrEqual(OVERLAP_SEGMENTS);
      else expect(tail).toBe(0);
      at += c.length;
    }
    expect(at).toBe(cps.length);
  });

  it('never cuts an NFC segment: a boundary moves past combining marks', () => {
    const text = filler(B - 1) + 'e\u0301\u0323' + filler(100);
    const [first, second] = [...chunkText(text)];
    expect(first!.length).toBe(B + 2);
    expect(second!.start).toBe(B + 2);
  });

  it('an empty text has one empty chunk', () => {
    expect([...chunkText('')]).toEqual([{ start: 0, length: 0, tail: 0, own: 0, mapped: false, norm: '' }]);
  });
});

describe('search over chunk boundaries', () => {
  it('finds needles across, at and after a boundary with exact offsets', async () => {
    const text = filler(B - 2) + '扩权强县' + filler(B) + '扩权强县' + filler(10);
    projectWith([text]);
    const second = 2 * B + 2;
    expect(starts(await run('扩权强县'))).toEqual([
      [B - 2, B + 2, '扩权强县'],
      [second, second + 4, '扩权强县'],
    ]);
    // 2 characters (instr candidates): straddling, ending at, and starting at the boundary.
    expect(starts(await run('权强'))).toEqual([
      [B - 1, B + 1, '权强'],
      [second + 1, second + 3, '权强'],
    ]);
    expect(starts(await run('扩权'))).toEqual([
      [B - 2, B, '扩权'],
      [second, second + 2, '扩权'],
    ]);
    expect(starts(await run('强县'))).toEqual([
      [B, B + 2, '强县'],
      [second + 2, second + 4, '强县'],
    ]);
    // A regex whose match crosses the boundary maps back through both chunks.
    expect(starts(await run('/权.县/'))).toEqual([
      [B - 1, B + 2, '权强县'],
      [second + 1, second + 4, '权强县'],
    ]);
    // AND across chunks: one term in each chunk.
    expect((await run('扩权强县 甲乙丙')).total).toBeGreaterThan(2);
  });

  it('counts overlapping repeats across a boundary once (non-overlapping, left to right)', async () => {
    projectWith([filler(B - 1) + '哈哈哈' + filler(100)]);
    expect(starts(await run('哈哈'))).toEqual([[B - 1, B + 1, '哈哈']]);
    expect(starts(await run('哈哈哈'))).toEqual([[B - 1, B + 2, '哈哈哈']]);
  });

  it('keeps code points exact with an astral character and NFC composition at a boundary', async () => {
    const text = filler(B - 1) + '𠀋县长' + filler(B - 3) + 'e\u0301cole' + filler(10) + '县长';
    projectWith([text]);
    const nfcAt = B - 1 + 3 + (B - 3); // 'e' of e + U+0301, the second boundary falls after the mark
    const r = await run('县长');
    expect(starts(r)).toEqual([
      [B, B + 2, '县长'],
      [nfcAt + 6 + 10, nfcAt + 6 + 12, '县长'],
    ]);
    expect(r.documents[0]!.hits[0]!.left.endsWith('𠀋')).toBe(true);
    expect(starts(await run('𠀋县'))).toEqual([[B - 1, B + 1, '𠀋县']]);
    expect(starts(await run('école'))).toEqual([[nfcAt, nfcAt + 6, 'e\u0301cole']]);
  });

  it('returns a first page without counting, then the counted result', async () => {
    projectWith([filler(B - 2) + '扩权强县' + filler(3 * B).replace(/子/g, '县'), '县'.repeat(50)]);
    const page = await run('县', { limit: 10, count: false });
    expect(page.counted).toBe(false);
    expect(page.truncated).toBe(true);
    expect(page.returned).toBe(10);
    const full = await run('县');
    expect(full.counted).toBe(true);
    expect(starts(full).slice(0, 10)).toEqual(starts(page));
    expect(full.documents[1]!.count).toBe(50);
    // A page larger than every hit is complete and counted.
    const small = await run('扩权强县', { limit: 10, count: false });
    expect([small.total, small.counted, small.truncated]).toEqual([1, true, false]);
  });

  it('a first page of AND, OR and scoped queries is the start of the counted result', async () => {
    const big = filler(B - 2) + '扩权强县' + filler(2 * B).replace(/子/g, '县');
    const { ids } = projectWith([big, '县' + filler(300), filler(50) + '扩权强县', '县扩权强县']);
    for (const [query, extra] of [
      ['县 扩权强县', {}],
      ['扩权 OR 县', {}],
      ['县 扩权', { documentIds: [ids[1]!, ids[3]!] }],
      ['/县./ 扩权', {}],
    ] as const) {
      const full = await run(query, extra);
      for (const limit of [1, 7, 300]) {
        const page = await run(query, { ...extra, limit, count: false });
        expect(starts(page)).toEqual(starts(full).slice(0, limit));
        // Counted when it ran to the end; otherwise it stopped with a full page.
        const counts = (r: SearchResult) => r.documents.map((d) => [d.documentId, d.count]);
        if (page.counted) expect([page.total, counts(page)]).toEqual([full.total, counts(full)]);
        else expect([page.returned, page.truncated]).toEqual([limit, true]);
      }
    }
  });

  it('a first page on a project just opened (positions from SQLite) equals the counted result', async () => {
    // Rare needles are located by SQLite without reading chunk texts (chunk-store.ts
    // sqlOccurrences); these cases cross chunk boundaries (a carry into the next chunk), follow
    // astral characters, repeat with overlaps, sit in NFC-mapped chunks, after U+0000, in
    // Traditional script, and occur often enough that the text is read after all.
    const big =
      filler(B - 3) + '𠀋扩权' + '强县' + filler(100) + '县县县' + filler(B - 200) + '擴權強縣' + filler(50);
    const carry = filler(B - 1) + '县县县县' + filler(300) + '县县';
    const { ids, file } = projectWith([
      big,
      carry,
      'e\u0301' + filler(10) + '县县' + '𪚥扩权强县',
      'a\u0000县县b' + filler(20) + '县县扩权强县',
      '县县'.repeat(9) + '扩权强县',
      filler(40) + '扩权强县' + filler(40) + '县县',
    ]);
    const reopen = () => {
      core!.close();
      core = openCore({ file });
    };
    for (const [query, extra] of [
      ['县县', {}],
      ['扩权强县', {}],
      ['县县 扩权强县', {}],
      ['扩权强 OR 县县', {}],
      ['县县 扩权', { documentIds: [ids[2]!, ids[3]!, ids[5]!] }],
    ] as const) {
      reopen();
      const full = await run(query, extra);
      expect(full.total).toBeGreaterThan(0);
      for (const limit of [1, 3, 1000]) {
        reopen();
        const page = await run(query, { ...extra, limit, count: false });
        if (limit === 1000) expect(page).toEqual(full);
        else {
          expect(page.documents.flatMap((d) => d.hits)).toEqual(
            full.documents.flatMap((d) => d.hits).slice(0, limit),
          );
          expect([page.returned, page.truncated]).toEqual([limit, true]);
        }
        // Warm: the same page again (positions kept per connection).
        expect(await run(query, { ...extra, limit, count: false })).toEqual(page);
      }
    }
    const carried = (await run('县县')).documents.find((d) => d.documentId === ids[1])!;
    expect(carried.hits.map((h) => h.start)).toEqual([B - 1, B + 1, B + 303]);
  });

  it('follows delete and undo of a large document', async () => {
    const { ids } = projectWith([filler(3 * B) + '量子计算机' + filler(B - 10), '量子计算机']);
    const rows = (id: string) =>
      (
        core!.context.db.raw
          .prepare('SELECT count(*) AS n FROM search_docs WHERE document_id = ?')
          .get(id) as {
          n: number;
        }
      ).n;
    expect(rows(ids[0]!)).toBe(4);
    expect((await run('量子计算机')).total).toBe(2);
    await core!.dispatch('documents-delete', { id: ids[0]! });
    expect(rows(ids[0]!)).toBe(0);
    expect((await run('量子计算机')).total).toBe(1);
    await core!.dispatch('history-undo', {});
    expect(rows(ids[0]!)).toBe(4);
    expect(starts(await run('量子计算机'))[0]).toEqual([3 * B, 3 * B + 5, '量子计算机']);
    core!.context.db.raw.exec(`INSERT INTO search_grams (search_grams) VALUES ('integrity-check')`);
  });
});

describe('migration 0014', () => {
  it('re-indexes a project made before chunking, with exact offsets', async () => {
    const file = join(tempDir(), 'v6.pizhu');
    copyFileSync(resolve(import.meta.dirname, '../../fixtures/schemas/v6.pizhu'), file);
    core = openCore({ file });
    const cols = core.context.db.raw.prepare(`SELECT name FROM pragma_table_info('search_docs')`).all() as {
      name: string;
    }[];
    expect(cols.map((c) => c.name)).toEqual([
      'id',
      'document_id',
      'start',
      'length',
      'tail',
      'own',
      'mapped',
      'norm',
    ]);
    const docs = core.context.db.raw.prepare('SELECT id, text FROM documents').all() as {
      id: string;
      text: string;
    }[];
    expect(docs.length).toBeGreaterThan(0);
    const r = await run('财政');
    for (const d of docs) {
      const expected: number[] = [];
      for (let i = d.text.indexOf('财政'); i !== -1; i = d.text.indexOf('财政', i + 2))
        expected.push([...d.text.slice(0, i)].length);
      const got = r.documents.find((g) => g.documentId === d.id)?.hits.map((h) => h.start) ?? [];
      expect(got).toEqual(expected);
    }
    core.context.db.raw.exec(`INSERT INTO search_grams (search_grams) VALUES ('integrity-check')`);
  });
});
