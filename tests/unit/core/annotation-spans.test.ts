// annotations-spans: the list without quotes, column by column, and the renderer's annotations
// rebuilt from it with quotes cut from the text (renderer/src/state/spans.ts) equal
// annotations-list, astral characters included.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Annotation, Code, DocumentDetail, DocumentSummary } from '../../../shared/domain';
import type { AnnotationSpans } from '../../../shared/contracts/annotation-spans';
import Database from 'better-sqlite3';
import { openCore } from '../../../electron/core/index';
import { SPANS_SQL } from '../../../electron/core/annotations/rows';
import { annotationsFromSpans } from '../../../renderer/src/state/spans';
import { expectCode, tempDir, textFolder } from './helpers';

/** 𠀋 (U+2000B) and 𪚥 (U+2A6A5) before, inside and at the edges of ranges. */
const ASTRAL_TEXT =
  '一、工作成效\n𠀋𪚥村的“扩权强县”改革取得成效,𪚥字难写。\n二、存在的问题\n财政压力𠀋大。\n';

/** `annotations-list` as annotations-spans' columns, written out independently of the core. */
function columns(list: readonly Annotation[]): AnnotationSpans {
  const codeIds = [...new Set(list.map((a) => a.codeId))];
  const coderIds = [...new Set(list.map((a) => a.coderId))];
  return {
    codeIds,
    coderIds,
    id: list.map((a) => a.id),
    code: list.map((a) => codeIds.indexOf(a.codeId)),
    coder: list.map((a) => coderIds.indexOf(a.coderId)),
    start: list.map((a) => a.start),
    end: list.map((a) => a.end),
    createdAt: list.map((a) => a.createdAt),
    updatedAt: list.map((a) => (a.updatedAt === a.createdAt ? null : a.updatedAt)),
    memos: list.flatMap((a, i): [number, string][] => (a.memo === '' ? [] : [[i, a.memo]])),
  };
}

describe('annotations-spans', () => {
  for (const [name, text] of [
    ['astral', ASTRAL_TEXT],
    ['bmp', ASTRAL_TEXT.replace(/[𠀋𪚥]/gu, '字')],
  ] as const) {
    test(`lists annotations-list without documentId and quote; the quotes cut from the text match (${name})`, async () => {
      const core = openCore({
        file: join(tempDir(), 'p.pizhu'),
        seedsDir: textFolder({ [`${name}.txt`]: text }),
      });
      try {
        const [doc] = (await core.dispatch('documents-list', {})) as DocumentSummary[];
        const codes = (await core.dispatch('codes-list', {})) as Code[];
        const detail = (await core.dispatch('documents-get', { id: doc!.id })) as DocumentDetail;
        const length = [...text].length;
        // Ranges starting and ending on astral characters, overlapping, equal starts, the whole text.
        for (const [start, end, c] of [
          [7, 9, 1],
          [7, 20, 0],
          [0, length, 2],
          [3, 8, 0],
          [24, 26, 1],
          [length - 4, length, 0],
          [7, 9, 0],
        ] as const)
          await core.dispatch('annotations-create', {
            documentId: doc!.id,
            codeId: codes[c]!.id,
            start,
            end,
          });
        await core.dispatch('annotations-update-memo', {
          id: ((await core.dispatch('annotations-list', { documentId: doc!.id })) as Annotation[])[0]!.id,
          memo: '备注 𪚥',
        });

        const list = (await core.dispatch('annotations-list', { documentId: doc!.id })) as Annotation[];
        const spans = (await core.dispatch('annotations-spans', { documentId: doc!.id })) as AnnotationSpans;
        expect(spans).toEqual(columns(list));
        // The memo was changed: that annotation, and only it, has a memo and its own updatedAt.
        expect(spans.memos).toEqual([[list.findIndex((a) => a.memo !== ''), '备注 𪚥']]);
        expect(spans.updatedAt.filter((u) => u !== null)).toHaveLength(1);
        expect(spans.codeIds).toHaveLength(3);
        expect(annotationsFromSpans(spans, detail)).toEqual(list);
        expect(list.some((a) => /[𠀋𪚥]/u.test(a.text))).toBe(name === 'astral');
      } finally {
        core.close();
      }
    });
  }

  test('reads one covering index in order: no table row, no sort (0016_annotation_spans)', async () => {
    const file = join(tempDir(), 'p.pizhu');
    const core = openCore({ file, seedsDir: textFolder({ 'a.txt': '一二三四五六七八九十' }) });
    try {
      const [doc] = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      const codes = (await core.dispatch('codes-list', {})) as Code[];
      for (const [start, end] of [
        [2, 5],
        [0, 3],
        [2, 4],
        [2, 5],
      ] as const)
        await core.dispatch('annotations-create', { documentId: doc!.id, codeId: codes[0]!.id, start, end });
      const spans = (await core.dispatch('annotations-spans', { documentId: doc!.id })) as AnnotationSpans;
      expect(spans.start.map((s, i) => [s, spans.end[i]])).toEqual([
        [0, 3],
        [2, 4],
        [2, 5],
        [2, 5],
      ]);
    } finally {
      core.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${SPANS_SQL}`).all('any') as { detail: string }[]).map(
        (r) => r.detail,
      );
      expect(plan).toEqual([
        expect.stringMatching(
          /^SEARCH annotations USING COVERING INDEX annotations_spans \(document_id=\?\)$/,
        ),
      ]);
    } finally {
      db.close();
    }
  });

  test('an unknown document is document-not-found', async () => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: textFolder({ 'a.txt': '一二三' }) });
    try {
      await expectCode(
        () => core.dispatch('annotations-spans', { documentId: 'nope' }),
        'document-not-found',
      );
    } finally {
      core.close();
    }
  });
});
