// search-code: one annotation per hit (expanded to sentences or paragraphs), duplicates skipped,
// the whole batch one undo step; bad input changes nothing.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../shared/contracts/search';
import type { Annotation, Code } from '../../../shared/domain';
import { expandToSpans, splitParagraphSpans, splitSentences } from '../../../shared/text/sentences';
import { openCore, type Core } from '../../../electron/core/index';
import { SEEDS_DIR, cpSlice, expectCode, tempDir } from '../core/helpers';

let core: Core;
let problem: Code;

beforeEach(async () => {
  core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR });
  problem = (await core.handlers['codes-list']({})).find((c) => c.name === '问题')!;
});
afterEach(() => core.close());

async function allAnnotations(): Promise<Annotation[]> {
  const docs = await core.handlers['documents-list']({});
  const lists: Annotation[][] = [];
  for (const d of docs) lists.push(await core.handlers['annotations-list']({ documentId: d.id }));
  return lists.flat();
}

async function hitsOf(query: string) {
  const r = (await core.dispatch('search-run', { query })) as SearchResult;
  return r.documents.flatMap((d) => d.hits.map(({ documentId, start, end }) => ({ documentId, start, end })));
}

describe('search-code', () => {
  it('codes every hit at sentence level, skipping hits that share a sentence', async () => {
    const hits = await hitsOf('问题');
    expect(hits).toHaveLength(127);
    // Expected ranges, computed from the texts with splitSentences.
    const wanted = new Set<string>();
    const texts = new Map<string, string>();
    for (const h of hits) {
      if (!texts.has(h.documentId))
        texts.set(h.documentId, (await core.handlers['documents-get']({ id: h.documentId })).text);
      const s = expandToSpans(splitSentences(texts.get(h.documentId)!), h);
      wanted.add(`${h.documentId}:${s.start}:${s.end}`);
    }
    const result = (await core.dispatch('search-code', {
      hits,
      codeId: problem.id,
      expand: 'sentence',
    })) as { created: number; skipped: number; history: { canUndo: boolean; undoKind: string } };
    expect(result.created).toBe(wanted.size);
    expect(result.skipped).toBe(hits.length - wanted.size);
    expect(result.history).toMatchObject({ canUndo: true, undoKind: 'search-code' });

    const anns = await allAnnotations();
    expect(new Set(anns.map((a) => `${a.documentId}:${a.start}:${a.end}`))).toEqual(wanted);
    for (const a of anns) {
      expect(a.codeId).toBe(problem.id);
      expect(a.text).toBe(cpSlice(texts.get(a.documentId)!, a.start, a.end));
      expect(a.text).toMatch(/问题|問題|問题|问題/);
    }
  });

  it('skips annotations that already exist; a batch of only duplicates records nothing', async () => {
    const hits = (await hitsOf('县长')).slice(0, 3);
    const first = (await core.dispatch('search-code', { hits, codeId: problem.id, expand: 'none' })) as {
      created: number;
      skipped: number;
    };
    expect(first).toMatchObject({ created: 3, skipped: 0 });
    const again = (await core.dispatch('search-code', {
      hits: [...hits, hits[0]!],
      codeId: problem.id,
      expand: 'none',
    })) as { created: number; skipped: number };
    expect(again).toMatchObject({ created: 0, skipped: 4 });
    expect(await allAnnotations()).toHaveLength(3);
    // One undo removes the first batch (the empty second batch added no step).
    await core.dispatch('history-undo', {});
    expect(await allAnnotations()).toHaveLength(0);
    await expectCode(() => core.dispatch('history-undo', {}), 'nothing-to-undo');
  });

  it('is undone and redone as one step', async () => {
    const hits = await hitsOf('问题');
    const before = await core.handlers['history-state']({});
    expect(before.canUndo).toBe(false);
    await core.dispatch('search-code', { hits, codeId: problem.id, expand: 'paragraph' });
    const n = (await allAnnotations()).length;
    expect(n).toBeGreaterThan(10);
    const undone = (await core.dispatch('history-undo', {})) as { effect: { kind: string } };
    expect(undone.effect.kind).toBe('search-code');
    expect(await allAnnotations()).toHaveLength(0);
    expect((await core.handlers['history-state']({})).canUndo).toBe(false);
    await core.dispatch('history-redo', {});
    expect(await allAnnotations()).toHaveLength(n);
  });

  it('paragraph expansion covers the whole line', async () => {
    const [hit] = await hitsOf('县长');
    await core.dispatch('search-code', { hits: [hit], codeId: problem.id, expand: 'paragraph' });
    const text = (await core.handlers['documents-get']({ id: hit!.documentId })).text;
    const para = expandToSpans(splitParagraphSpans(text), hit!);
    const [a] = await allAnnotations();
    expect({ start: a!.start, end: a!.end }).toEqual(para);
    expect(a!.start).toBeLessThanOrEqual(hit!.start);
  });

  it('bad input changes nothing', async () => {
    const [hit] = await hitsOf('县长');
    const ok = { documentId: hit!.documentId, start: hit!.start, end: hit!.end };
    await expectCode(
      () =>
        core.dispatch('search-code', {
          hits: [ok, { ...ok, documentId: 'nope' }],
          codeId: problem.id,
          expand: 'none',
        }),
      'document-not-found',
    );
    await expectCode(
      () =>
        core.dispatch('search-code', {
          hits: [ok, { ...ok, end: 10_000_000 }],
          codeId: problem.id,
          expand: 'none',
        }),
      'range-invalid',
    );
    await expectCode(
      () =>
        core.dispatch('search-code', {
          hits: [ok, { ...ok, end: ok.start }],
          codeId: problem.id,
          expand: 'none',
        }),
      'range-invalid',
    );
    await expectCode(
      () => core.dispatch('search-code', { hits: [ok], codeId: 'nope', expand: 'none' }),
      'code-not-found',
    );
    await expectCode(
      () => core.dispatch('search-code', { hits: [], codeId: problem.id, expand: 'none' }),
      'invalid-input',
    );
    await expectCode(
      () => core.dispatch('search-code', { hits: [ok], codeId: problem.id, expand: 'word' }),
      'invalid-input',
    );
    expect(await allAnnotations()).toHaveLength(0);
    expect((await core.handlers['history-state']({})).canUndo).toBe(false);
  });
});
