// search-run on the five real seeds: a fixed list of queries whose expected counts are computed
// here independently (plain loops over the normalised seed texts) and a few verified by hand;
// the index stays correct when documents are inserted or deleted; scope, limit and errors.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../shared/contracts/search';
import { normalizeText } from '../../../shared/text/normalize';
import { openCore, type Core } from '../../../electron/core/index';
import { openDatabase } from '../../../electron/core/db/database';
import { decodeUtf8Text } from '../../../electron/core/documents/decode';
import { insertDocument } from '../../../electron/core/documents/insert';
import { SEEDS_DIR, cpSlice, expectCode, tempDir, textFolder } from '../core/helpers';
import { candidateChunks } from '../../../electron/core/search/run';

const seedNorms = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => normalizeText(decodeUtf8Text(readFileSync(join(SEEDS_DIR, f))).text));

/** Non-overlapping occurrences, counted with a plain loop (independent of shared/search/match). */
function occurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = 0; i + needle.length <= hay.length;) {
    if (hay.startsWith(needle, i)) {
      n++;
      i += needle.length;
    } else i++;
  }
  return n;
}

/** Expected total for AND of OR-groups of literal terms: hits of all terms in matching documents. */
function expected(clauses: string[][]): number {
  let total = 0;
  for (const norm of seedNorms) {
    const perClause = clauses.map((c) => c.map((t) => occurrences(norm, normalizeText(t))));
    if (perClause.every((counts) => counts.some((n) => n > 0))) {
      total += perClause.flat().reduce((a, b) => a + b, 0);
    }
  }
  return total;
}

let core: Core;
const run = (query: string, extra: Record<string, unknown> = {}) =>
  core.dispatch('search-run', { query, ...extra }) as Promise<SearchResult>;

beforeAll(() => {
  core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR });
});
afterAll(() => core.close());

describe('search-run counts on the seeds', () => {
  const cases: { query: string; clauses: string[][]; byHand?: number }[] = [
    { query: '问题', clauses: [['问题']], byHand: 127 },
    { query: '問題', clauses: [['問題']], byHand: 127 },
    { query: '县长', clauses: [['县长']], byHand: 4 },
    { query: '縣', clauses: [['縣']], byHand: 678 },
    { query: '扩权强县', clauses: [['扩权强县']] },
    { query: '省直管縣', clauses: [['省直管县']], byHand: 16 },
    { query: '财政 问题', clauses: [['财政'], ['问题']] },
    { query: '县长 问题', clauses: [['县长'], ['问题']] },
    { query: '问题 OR 困难', clauses: [['问题', '困难']] },
    { query: '扩权 问题 OR 困难', clauses: [['扩权'], ['问题', '困难']] },
    { query: '"發言稿 閱讀"', clauses: [['发言稿 阅读']] },
    { query: '"强县工作"', clauses: [['强县工作']] },
    { query: '体制改革', clauses: [['体制改革']] },
  ];
  for (const c of cases) {
    it(`${c.query}`, async () => {
      const r = await run(c.query, { limit: 100_000 });
      const want = expected(c.clauses);
      expect(want).toBeGreaterThan(0);
      expect(r.total).toBe(want);
      if (c.byHand !== undefined) expect(r.total).toBe(c.byHand);
      expect(r.returned).toBe(r.total);
      expect(r.documents.reduce((n, d) => n + d.count, 0)).toBe(r.total);
      expect(r.documents.reduce((n, d) => n + d.hits.length, 0)).toBe(r.total);
    });
  }

  it('both scripts give the same hits', async () => {
    const a = await run('问题');
    const b = await run('問題');
    expect(b).toEqual(a);
  });

  it('a regex (script-insensitive, over the normalised text)', async () => {
    const r = await run('/第[一二三]篇/');
    expect(r.total).toBe(3);
    expect(r.documents[0]!.hits.map((h) => h.match)).toEqual(['第一篇', '第二篇', '第三篇']);
    const trad = await run('/問題|困難/');
    expect(trad.total).toBe(expected([['问题', '困难']]));
  });

  it('a query found nowhere gives 0 hits, not an error', async () => {
    const r = await run('量子计算机');
    expect(r).toEqual({ total: 0, documents: [], returned: 0, truncated: false, counted: true });
  });
});

describe('search-run hits', () => {
  it('offsets are code points into the canonical text, KWIC is cut from it', async () => {
    const r = await run('问题', { limit: 100_000 });
    for (const group of r.documents) {
      const doc = await core.handlers['documents-get']({ id: group.documentId });
      expect(group.title).toBe(doc.title);
      let last = -1;
      for (const hit of group.hits) {
        expect(hit.start).toBeGreaterThan(last);
        last = hit.start;
        expect(hit.end - hit.start).toBe(2);
        expect(hit.match).toBe(cpSlice(doc.text, hit.start, hit.end));
        expect(['问题', '問題', '問题', '问題']).toContain(hit.match);
        expect(hit.left).toBe(cpSlice(doc.text, Math.max(0, hit.start - 20), hit.start));
        expect(hit.right).toBe(cpSlice(doc.text, hit.end, hit.end + 20));
      }
    }
  });

  it('groups by document in document order with per-document counts', async () => {
    const r = await run('问题');
    const docs = await core.handlers['documents-list']({});
    expect(r.documents.map((d) => d.documentId)).toEqual(docs.map((d) => d.id));
    expect(r.documents.map((d) => d.count)).toEqual([15, 45, 2, 62, 3]);
  });

  it('limit keeps the first hits and reports the full total', async () => {
    const r = await run('问题', { limit: 20 });
    expect(r.total).toBe(127);
    expect(r.returned).toBe(20);
    expect(r.truncated).toBe(true);
    expect(r.documents.map((d) => d.hits.length)).toEqual([15, 5, 0, 0, 0]);
    expect(r.documents.map((d) => d.count)).toEqual([15, 45, 2, 62, 3]);
  });

  it('scope: only the chosen documents', async () => {
    const docs = await core.handlers['documents-list']({});
    const r = await run('问题', { documentIds: [docs[3]!.id, docs[1]!.id] });
    expect(r.documents.map((d) => d.documentId)).toEqual([docs[1]!.id, docs[3]!.id]);
    expect(r.total).toBe(45 + 62);
    await expectCode(() => run('问题', { documentIds: ['nope'] }), 'document-not-found');
  });

  it('bad queries are translated errors', async () => {
    await expectCode(() => run('/[/'), 'search-invalid-regex');
    await expectCode(() => run('"问题'), 'search-unclosed-quote');
    await expectCode(() => run('  '), 'search-empty-query');
  });

  it('a runaway regex is stopped by the time limit', async () => {
    const dir = textFolder({ 'a.txt': `${'a'.repeat(40)}c\n` });
    const small = openCore({ file: join(tempDir(), 'r.pizhu'), seedsDir: dir });
    try {
      const t0 = Date.now();
      await expectCode(() => small.dispatch('search-run', { query: '/(a+)+b/' }), 'search-regex-timeout');
      expect(Date.now() - t0).toBeLessThan(15_000);
    } finally {
      small.close();
    }
  }, 30_000);
});

describe('the index follows documents', () => {
  it('indexes documents of a new project and of an extra file', async () => {
    const dir = textFolder({ 'x.txt': '甲乙丙：縣長談問題。\n第二行，ＧＤＰ增長。' });
    const c = openCore({ file: join(tempDir(), 'x.pizhu'), seedsDir: dir });
    try {
      const r = (await c.dispatch('search-run', { query: '县长' })) as SearchResult;
      expect(r.total).toBe(1);
      expect(r.documents[0]!.hits[0]).toMatchObject({
        start: 4,
        end: 6,
        match: '縣長',
        left: '甲乙丙:'.replace(':', '：'),
      });
      expect(((await c.dispatch('search-run', { query: 'gdp增长' })) as SearchResult).total).toBe(1);
    } finally {
      c.close();
    }
  });

  it('after inserting a document (the documents insert function) and deleting one', async () => {
    const file = join(tempDir(), 'y.pizhu');
    openCore({ file, seedsDir: SEEDS_DIR }).close();
    const db = openDatabase(file);
    try {
      const decoded = decodeUtf8Text(Buffer.from('新文件：量子計算機與縣長的問題。'));
      const id = insertDocument(db, { ...decoded, title: '新', sourceFile: null, sourcePath: null }, 'now');
      const count = (needle: string) => candidateChunks(db, needle).length;
      expect(count('量子计算机')).toBe(1);
      db.raw.prepare('DELETE FROM documents WHERE id = ?').run(id);
      expect(count('量子计算机')).toBe(0);
      expect(db.raw.prepare('SELECT count(*) AS n FROM search_docs WHERE document_id = ?').get(id)).toEqual({
        n: 0,
      });
      // FTS5's own check of the index's structure (the table is contentless: nothing to compare).
      db.raw.exec(`INSERT INTO search_grams (search_grams) VALUES ('integrity-check')`);
    } finally {
      db.close();
    }
    const c = openCore({ file });
    try {
      expect(((await c.dispatch('search-run', { query: '量子计算机' })) as SearchResult).total).toBe(0);
      expect(((await c.dispatch('search-run', { query: '问题' })) as SearchResult).total).toBe(127);
    } finally {
      c.close();
    }
  });

  it('the migration backfills documents that existed before it', () => {
    const file = join(tempDir(), 'z.pizhu');
    openCore({ file, seedsDir: SEEDS_DIR }).close();
    const db = openDatabase(file);
    try {
      const docs = db.raw.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
      const rows = db.raw
        .prepare('SELECT d.text, s.norm FROM documents d JOIN search_docs s ON s.document_id = d.id')
        .all() as { text: string; norm: string }[];
      expect(rows).toHaveLength(docs.n);
      for (const r of rows) expect(r.norm).toBe(normalizeText(r.text));
    } finally {
      db.close();
    }
  });
});
