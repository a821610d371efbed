// annotations-spans: the list without quotes, and the renderer's quotes cut from the text
// (renderer/src/state/spans.ts) equal annotations-list, astral characters included.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Annotation, Code, DocumentDetail, DocumentSummary } from '../../../shared/domain';
import type { AnnotationSpan } from '../../../shared/contracts/annotation-spans';
import { openCore } from '../../../electron/core/index';
import { annotationsFromSpans } from '../../../renderer/src/state/spans';
import { expectCode, tempDir, textFolder } from './helpers';

/** 𠀋 (U+2000B) and 𪚥 (U+2A6A5) before, inside and at the edges of ranges. */
const ASTRAL_TEXT =
  '一、工作成效\n𠀋𪚥村的“扩权强县”改革取得成效,𪚥字难写。\n二、存在的问题\n财政压力𠀋大。\n';

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
        const spans = (await core.dispatch('annotations-spans', { documentId: doc!.id })) as AnnotationSpan[];
        expect(spans).toEqual(list.map(({ documentId: _d, text: _t, ...span }) => span));
        expect(spans.every((s) => !('text' in s) && !('documentId' in s))).toBe(true);
        expect(annotationsFromSpans(spans, detail)).toEqual(list);
        expect(list.some((a) => /[𠀋𪚥]/u.test(a.text))).toBe(name === 'astral');
      } finally {
        core.close();
      }
    });
  }

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
