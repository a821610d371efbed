// Annotations: create/list/delete/memo, validation errors, offsets with astral characters.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Annotation, Code, DocumentDetail, DocumentSummary, HistoryState } from '../../../shared/domain';
import { MEMO_MAX_LENGTH } from '../../../shared/api';
import { openCore, type Core } from '../../../electron/core/index';
import { SEEDS_DIR, cpSlice, expectCode, tempDir, textFolder } from './helpers';

type Created = { annotation: Annotation; history: HistoryState };

/** Fixture with characters outside the BMP (𠀋 U+2000B, 𪚥 U+2A6A5) before and inside ranges. */
const ASTRAL_TEXT =
  '一、工作成效\n𠀋𪚥村的“扩权强县”改革取得成效,𪚥字难写。\n二、存在的问题\n财政压力𠀋大。\n';

async function setup(
  seedsDir: string = SEEDS_DIR,
): Promise<{ core: Core; file: string; docs: DocumentSummary[]; codes: Code[] }> {
  const file = join(tempDir(), 'p.pizhu');
  const core = openCore({ file, seedsDir });
  const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
  const codes = (await core.dispatch('codes-list', {})) as Code[];
  return { core, file, docs, codes };
}

describe('annotations on the seeds', () => {
  test('create returns the quote, the current coder and a history state; list and counts follow', async () => {
    const { core, docs, codes } = await setup();
    try {
      const doc = docs[1]!;
      const detail = (await core.dispatch('documents-get', { id: doc.id })) as DocumentDetail;
      const info = (await core.dispatch('project-info', {})) as { currentCoderId: string };
      const b = (await core.dispatch('annotations-create', {
        documentId: doc.id,
        codeId: codes[1]!.id,
        start: 30,
        end: 45,
      })) as Created;
      const a = (await core.dispatch('annotations-create', {
        documentId: doc.id,
        codeId: codes[0]!.id,
        start: 0,
        end: 10,
        memo: '标题',
      })) as Created;
      expect(a.annotation).toMatchObject({
        start: 0,
        end: 10,
        text: cpSlice(detail.text, 0, 10),
        memo: '标题',
        coderId: info.currentCoderId,
      });
      expect(a.annotation.text).toBe('广安市武胜县“扩权强');
      expect(a.annotation.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.annotation.createdAt).toBe(a.annotation.updatedAt);
      expect(a.history).toEqual({
        canUndo: true,
        canRedo: false,
        undoKind: 'annotation-create',
        redoKind: null,
      });
      expect(b.annotation.memo).toBe('');

      const list = (await core.dispatch('annotations-list', { documentId: doc.id })) as Annotation[];
      expect(list.map((x) => x.id)).toEqual([a.annotation.id, b.annotation.id]); // ordered by start
      const summary = ((await core.dispatch('documents-list', {})) as DocumentSummary[])[1]!;
      expect(summary.annotationCounts).toEqual({ [codes[0]!.id]: 1, [codes[1]!.id]: 1 });
      expect(summary.annotationTotal).toBe(2);
      expect(((await core.dispatch('documents-get', { id: doc.id })) as DocumentDetail).annotationTotal).toBe(
        2,
      );

      const del = (await core.dispatch('annotations-delete', { id: a.annotation.id })) as {
        deleted: Annotation;
        history: HistoryState;
      };
      expect(del.deleted).toEqual(a.annotation);
      expect(del.history.undoKind).toBe('annotation-delete');
      expect(
        ((await core.dispatch('annotations-list', { documentId: doc.id })) as Annotation[]).map((x) => x.id),
      ).toEqual([b.annotation.id]);
    } finally {
      core.close();
    }
  });

  test('range, existence and memo errors, with nothing written', async () => {
    const { core, file, docs, codes } = await setup();
    try {
      const doc = docs[4]!; // 2,178 code points
      const input = { documentId: doc.id, codeId: codes[0]!.id };
      for (const [start, end] of [
        [5, 5],
        [6, 5],
        [0, doc.length + 1],
        [doc.length, doc.length + 1],
      ] as const) {
        const err = await expectCode(
          () => core.dispatch('annotations-create', { ...input, start, end }),
          'range-invalid',
        );
        expect(err.params).toEqual({ start, end, length: doc.length });
      }
      await expectCode(
        () => core.dispatch('annotations-create', { ...input, start: -1, end: 3 }),
        'invalid-input',
      );
      // The last code point is reachable.
      const last = (await core.dispatch('annotations-create', {
        ...input,
        start: doc.length - 1,
        end: doc.length,
      })) as Created;
      const text = ((await core.dispatch('documents-get', { id: doc.id })) as DocumentDetail).text;
      expect(last.annotation.text).toBe([...text].at(-1));

      await expectCode(
        () => core.dispatch('annotations-create', { ...input, documentId: 'nope', start: 0, end: 1 }),
        'document-not-found',
      );
      await expectCode(
        () => core.dispatch('annotations-create', { ...input, codeId: 'nope', start: 0, end: 1 }),
        'code-not-found',
      );
      await expectCode(() => core.dispatch('annotations-list', { documentId: 'nope' }), 'document-not-found');
      await expectCode(() => core.dispatch('documents-get', { id: 'nope' }), 'document-not-found');
      await expectCode(() => core.dispatch('annotations-delete', { id: 'nope' }), 'annotation-not-found');
      await expectCode(
        () => core.dispatch('annotations-update-memo', { id: 'nope', memo: 'x' }),
        'annotation-not-found',
      );
      const tooLong = '𪚥'.repeat(MEMO_MAX_LENGTH + 1);
      const err = await expectCode(
        () => core.dispatch('annotations-create', { ...input, start: 0, end: 1, memo: tooLong }),
        'memo-too-long',
      );
      expect(err.params).toEqual({ length: MEMO_MAX_LENGTH + 1, max: MEMO_MAX_LENGTH });
      await expectCode(
        () => core.dispatch('annotations-update-memo', { id: last.annotation.id, memo: tooLong }),
        'memo-too-long',
      );
      // Exactly the limit, counted in code points (twice as many UTF-16 units) is accepted.
      await core.dispatch('annotations-update-memo', {
        id: last.annotation.id,
        memo: '𪚥'.repeat(MEMO_MAX_LENGTH),
      });
    } finally {
      core.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM commands').pluck().get()).toBe(2);
    db.close();
  });

  test('an unchanged memo is a no-op: no history entry, same updatedAt', async () => {
    const { core, docs, codes } = await setup();
    try {
      const { annotation } = (await core.dispatch('annotations-create', {
        documentId: docs[0]!.id,
        codeId: codes[2]!.id,
        start: 1,
        end: 4,
        memo: '同',
      })) as Created;
      const same = (await core.dispatch('annotations-update-memo', {
        id: annotation.id,
        memo: '同',
      })) as Created;
      expect(same.annotation).toEqual(annotation);
      expect(same.history.undoKind).toBe('annotation-create');
      const changed = (await core.dispatch('annotations-update-memo', {
        id: annotation.id,
        memo: '改',
      })) as Created;
      expect(changed.annotation.memo).toBe('改');
      expect(changed.history.undoKind).toBe('annotation-memo');
      expect(changed.annotation.createdAt).toBe(annotation.createdAt);
    } finally {
      core.close();
    }
  });
});

describe('offsets are code points (characters outside the BMP)', () => {
  test('quotes and exported text equal the code-point slice of the canonical text', async () => {
    const { core, docs, codes } = await setup(textFolder({ 'astral.txt': ASTRAL_TEXT }));
    try {
      const doc = docs[0]!;
      expect(doc.length).toBe([...ASTRAL_TEXT].length);
      expect(doc.length).toBe(ASTRAL_TEXT.length - 4); // four astral characters, two UTF-16 units each
      const text = ((await core.dispatch('documents-get', { id: doc.id })) as DocumentDetail).text;
      expect(text).toBe(ASTRAL_TEXT);
      const cps = [...text];
      const find = (s: string, from = 0) =>
        cps.findIndex((c, i) => i >= from && cps.slice(i, i + [...s].length).join('') === s);
      const ranges: [number, number][] = [
        [find('𠀋𪚥村'), find('𠀋𪚥村') + 3], // starts with two astral characters
        [find('扩权'), find('成效,') + 2], // after astral characters: UTF-16 offsets would be off by two
        [find('𪚥字'), find('𪚥字') + 1], // exactly one astral character
        [find('财政'), doc.length], // up to the end, an astral character inside
      ];
      for (const [start, end] of ranges) {
        const { annotation } = (await core.dispatch('annotations-create', {
          documentId: doc.id,
          codeId: codes[0]!.id,
          start,
          end,
        })) as Created;
        expect(annotation.text).toBe(cpSlice(text, start, end));
      }
      const list = (await core.dispatch('annotations-list', { documentId: doc.id })) as Annotation[];
      expect(list.map((a) => a.text)).toEqual(['𠀋𪚥村', '扩权强县”改革取得成效', '𪚥', '财政压力𠀋大。\n']);

      const exported = (await core.dispatch('export-dataset', { format: 'jsonl' })) as { content: string };
      const rows = exported.content
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { start: number; end: number; text: string });
      expect(rows).toHaveLength(4);
      for (const r of rows) expect(r.text).toBe([...text].slice(r.start, r.end).join(''));
    } finally {
      core.close();
    }
  });
});
