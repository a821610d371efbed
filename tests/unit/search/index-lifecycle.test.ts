/**
 * The search index follows every way documents come and go, whichever feature does it: a split
 * (new parts, original removed), its undo, a library delete and its undo, and an import with
 * cleaning (the index holds the cleaned canonical text, not the raw one). Expected hits are
 * computed here from the documents' own text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/index';
import { openCore } from '../../../electron/core/index';
import type { DocumentDetail, DocumentSummary } from '../../../shared/domain';
import type { SearchResult } from '../../../shared/contracts/search';
import { SEEDS_DIR, tempDir } from '../core/helpers';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

const call = async <T>(method: string, input: unknown) => (await core!.dispatch(method, input)) as T;

/** Code-point offsets of `needle` in `text`, non-overlapping, as the search defines hits. */
function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) {
    out.push([...text.slice(0, i)].length);
  }
  return out;
}

async function hitsByDocument(query: string): Promise<Map<string, number[]>> {
  const r = await call<SearchResult>('search-run', { query, limit: 100_000 });
  return new Map(r.documents.map((d) => [d.documentId, d.hits.map((h) => h.start)]));
}

describe('search index lifecycle', () => {
  it('follows a split, its undo, and a delete with its undo', async () => {
    core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR });
    const docs = await call<DocumentSummary[]>('documents-list', {});
    const speeches = docs.find((d) => d.title.startsWith('第一篇'))!;
    const before = await hitsByDocument('民生');
    const original = before.get(speeches.id)!;
    expect(original.length).toBeGreaterThan(3);

    const suggestions = await call<{ at: number }[]>('documents-split-suggest', { id: speeches.id });
    const at = suggestions.map((s) => s.at).filter((n) => n > 0);
    await call('documents-split', { id: speeches.id, at });
    const afterSplit = await hitsByDocument('民生');
    expect(afterSplit.has(speeches.id)).toBe(false);
    const parts = (await call<DocumentSummary[]>('documents-list', {})).filter(
      (d) => !docs.some((o) => o.id === d.id),
    );
    expect(parts).toHaveLength(at.length + 1);
    let total = 0;
    for (const p of parts) {
      const detail = await call<DocumentDetail>('documents-get', { id: p.id });
      const expected = occurrences(detail.text, '民生');
      expect(afterSplit.get(p.id) ?? []).toEqual(expected);
      total += expected.length;
    }
    expect(total).toBe(original.length);

    await call('history-undo', {});
    expect((await hitsByDocument('民生')).get(speeches.id)).toEqual(original);
    for (const p of parts) expect((await hitsByDocument('民生')).has(p.id)).toBe(false);

    await call('documents-delete', { id: speeches.id });
    expect((await hitsByDocument('民生')).has(speeches.id)).toBe(false);
    await call('history-undo', {});
    expect((await hitsByDocument('民生')).get(speeches.id)).toEqual(original);
  });

  it('indexes the cleaned text of an import: removed pinyin glosses are not found', async () => {
    core = openCore({ file: join(tempDir(), 'p.pizhu'), empty: true });
    const raw = readFileSync(join(SEEDS_DIR, '002_9032dc97340b3db0.txt'));
    const input = {
      fileName: '002.txt',
      contentBase64: raw.toString('base64'),
      encoding: 'auto',
      cleaning: ['pinyin'],
    };
    await call('import-commit', input);
    const [doc] = await call<DocumentSummary[]>('documents-list', {});
    const detail = await call<DocumentDetail>('documents-get', { id: doc!.id });
    expect(raw.toString('utf8')).toContain('(biāo)');
    expect(detail.text).not.toContain('(biāo)');
    expect((await call<SearchResult>('search-run', { query: 'biāo' })).total).toBe(0);
    // Script-insensitive on the cleaned text: 机构 finds 機構, at the canonical offsets.
    const hits = (await hitsByDocument('机构')).get(doc!.id) ?? [];
    expect(hits).toEqual(occurrences(detail.text, '機構'));
    expect(hits.length).toBeGreaterThan(0);
  });
});
