/**
 * Document sets: every `sets-*` method, one undo step per mutation, translated errors that change
 * nothing, memberships removed with a deleted document (and restored by undo), carried over by a
 * split, and the `document_sets` export column.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSet } from '../../../shared/contracts/sets';
import type { Code, DocumentSummary, ExportFile, HistoryState } from '../../../shared/domain';
import type { SplitResult, SplitSuggestion } from '../../../shared/import';
import { openCore, type Core } from '../../../electron/core/index';
import { SEEDS_DIR, expectCode, parseCsvStrict, tempDir } from '../core/helpers';

function seeded(): Core {
  return openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR });
}
const docsOf = async (core: Core) => (await core.dispatch('documents-list', {})) as DocumentSummary[];
const setsOf = async (core: Core) => (await core.dispatch('sets-list', {})) as DocumentSet[];
const createSet = async (core: Core, name: string) =>
  ((await core.dispatch('sets-create', { name })) as { set: DocumentSet; history: HistoryState }).set;
const undo = (core: Core) => core.dispatch('history-undo', {});
const redo = (core: Core) => core.dispatch('history-redo', {});
const summary = (sets: DocumentSet[]) => sets.map((s) => [s.name, s.documentIds]);

describe('document sets', () => {
  it('create, rename, reorder and delete, each one undo step', async () => {
    const core = seeded();
    try {
      const a = await createSet(core, ' 讲话 ');
      expect(a).toMatchObject({ name: '讲话', color: null, sortOrder: 0, documentIds: [], documentCount: 0 });
      const b = await createSet(core, '调研报告');
      expect(b.sortOrder).toBe(1);
      const err = await expectCode(() => createSet(core, '讲话'), 'set-name-taken');
      expect(err.params).toEqual({ name: '讲话' });
      await expectCode(() => core.dispatch('sets-create', { name: '  ' }), 'invalid-input');
      await expectCode(() => core.dispatch('sets-create', { name: 'x', color: 'red' }), 'invalid-input');
      expect((await setsOf(core)).map((s) => s.name)).toEqual(['讲话', '调研报告']);

      const renamed = (await core.dispatch('sets-rename', { id: a.id, name: '领导讲话' })) as {
        set: DocumentSet;
        history: HistoryState;
      };
      expect(renamed).toMatchObject({ set: { name: '领导讲话' }, history: { undoKind: 'set-rename' } });
      await expectCode(() => core.dispatch('sets-rename', { id: a.id, name: '调研报告' }), 'set-name-taken');
      await expectCode(() => core.dispatch('sets-rename', { id: 'nope', name: 'x' }), 'set-not-found');
      await undo(core);
      expect((await setsOf(core))[0]!.name).toBe('讲话');
      await redo(core);
      expect((await setsOf(core))[0]!.name).toBe('领导讲话');

      const reordered = (await core.dispatch('sets-reorder', { ids: [b.id, a.id] })) as {
        sets: DocumentSet[];
      };
      expect(reordered.sets.map((s) => s.id)).toEqual([b.id, a.id]);
      await expectCode(() => core.dispatch('sets-reorder', { ids: [b.id] }), 'invalid-input');
      await expectCode(() => core.dispatch('sets-reorder', { ids: [b.id, b.id] }), 'invalid-input');
      await undo(core);
      expect((await setsOf(core)).map((s) => s.id)).toEqual([a.id, b.id]);

      const docs = await docsOf(core);
      await core.dispatch('sets-add-documents', { id: a.id, documentIds: [docs[0]!.id, docs[1]!.id] });
      const deleted = (await core.dispatch('sets-delete', { id: a.id })) as {
        deleted: DocumentSet;
        history: HistoryState;
      };
      expect(deleted).toMatchObject({ deleted: { name: '领导讲话', documentCount: 2 } });
      expect(deleted.history.undoKind).toBe('set-delete');
      expect((await setsOf(core)).map((s) => s.name)).toEqual(['调研报告']);
      expect(await docsOf(core)).toHaveLength(docs.length);
      await expectCode(() => core.dispatch('sets-delete', { id: a.id }), 'set-not-found');
      await undo(core);
      expect(summary(await setsOf(core))).toEqual([
        ['领导讲话', [docs[0]!.id, docs[1]!.id]],
        ['调研报告', []],
      ]);
      await undo(core); // the add
      await undo(core); // the rename (redone above)
      await undo(core); // create 调研报告
      await undo(core); // create 讲话
      expect(await setsOf(core)).toEqual([]);
      for (let i = 0; i < 4; i++) await redo(core);
      expect(summary(await setsOf(core))).toEqual([
        ['领导讲话', [docs[0]!.id, docs[1]!.id]],
        ['调研报告', []],
      ]);
    } finally {
      core.close();
    }
  });

  it('add and remove documents in one step, overlapping sets, errors change nothing', async () => {
    const core = seeded();
    try {
      const docs = await docsOf(core);
      const speech = await createSet(core, '讲话');
      const report = await createSet(core, '调研报告');
      const add = (await core.dispatch('sets-add-documents', {
        id: speech.id,
        documentIds: [docs[3]!.id, docs[0]!.id, docs[3]!.id],
      })) as { set: DocumentSet; changed: number; history: HistoryState };
      expect(add.changed).toBe(2);
      expect(add.set.documentIds).toEqual([docs[0]!.id, docs[3]!.id]);
      expect(add.history.undoKind).toBe('set-add-documents');
      // Adding again changes nothing and records nothing.
      const again = (await core.dispatch('sets-add-documents', {
        id: speech.id,
        documentIds: [docs[0]!.id],
      })) as {
        changed: number;
        history: HistoryState;
      };
      expect(again.changed).toBe(0);
      await core.dispatch('sets-add-documents', { id: report.id, documentIds: [docs[0]!.id, docs[4]!.id] });
      expect(summary(await setsOf(core))).toEqual([
        ['讲话', [docs[0]!.id, docs[3]!.id]],
        ['调研报告', [docs[0]!.id, docs[4]!.id]],
      ]);

      await expectCode(
        () => core.dispatch('sets-add-documents', { id: speech.id, documentIds: [docs[1]!.id, 'nope'] }),
        'document-not-found',
      );
      await expectCode(
        () => core.dispatch('sets-add-documents', { id: 'nope', documentIds: [docs[1]!.id] }),
        'set-not-found',
      );
      await expectCode(
        () => core.dispatch('sets-add-documents', { id: speech.id, documentIds: [] }),
        'invalid-input',
      );
      expect((await setsOf(core))[0]!.documentIds).toEqual([docs[0]!.id, docs[3]!.id]);

      const removed = (await core.dispatch('sets-remove-documents', {
        id: speech.id,
        documentIds: [docs[0]!.id, docs[3]!.id, docs[2]!.id],
      })) as { set: DocumentSet; changed: number; history: HistoryState };
      expect(removed).toMatchObject({ changed: 2, set: { documentCount: 0 } });
      expect(removed.history.undoKind).toBe('set-remove-documents');
      await undo(core);
      expect((await setsOf(core))[0]!.documentIds).toEqual([docs[0]!.id, docs[3]!.id]);
      await undo(core); // report's add
      await undo(core); // speech's add: one step for both documents
      expect((await setsOf(core)).map((s) => s.documentCount)).toEqual([0, 0]);
    } finally {
      core.close();
    }
  });

  it('deleting a document removes its memberships in the same command; undo restores them', async () => {
    const core = seeded();
    try {
      const docs = await docsOf(core);
      const speech = await createSet(core, '讲话');
      const report = await createSet(core, '调研报告');
      await core.dispatch('sets-add-documents', { id: speech.id, documentIds: [docs[1]!.id, docs[2]!.id] });
      await core.dispatch('sets-add-documents', { id: report.id, documentIds: [docs[2]!.id] });
      const del = (await core.dispatch('documents-delete', { id: docs[2]!.id })) as { history: HistoryState };
      expect(del.history.undoKind).toBe('document-delete');
      expect(summary(await setsOf(core))).toEqual([
        ['讲话', [docs[1]!.id]],
        ['调研报告', []],
      ]);
      await undo(core);
      expect(summary(await setsOf(core))).toEqual([
        ['讲话', [docs[1]!.id, docs[2]!.id]],
        ['调研报告', [docs[2]!.id]],
      ]);
      await redo(core);
      expect((await setsOf(core)).map((s) => s.documentCount)).toEqual([1, 0]);
    } finally {
      core.close();
    }
  });

  it('a split document leaves its sets to its parts; undo puts it back', async () => {
    const core = seeded();
    try {
      const docs = await docsOf(core);
      const speech = await createSet(core, '讲话');
      await core.dispatch('sets-add-documents', { id: speech.id, documentIds: [docs[3]!.id] });
      const at = ((await core.dispatch('documents-split-suggest', { id: docs[3]!.id })) as SplitSuggestion[])
        .map((s) => s.at)
        .filter((a) => a > 0);
      expect(at.length).toBeGreaterThan(0);
      const r = (await core.dispatch('documents-split', { id: docs[3]!.id, at })) as SplitResult;
      expect([...(await setsOf(core))[0]!.documentIds].sort()).toEqual(r.documents.map((d) => d.id).sort());
      await undo(core);
      expect((await setsOf(core))[0]!.documentIds).toEqual([docs[3]!.id]);
    } finally {
      core.close();
    }
  });

  it('exports the set names as the last fixed column, document_sets', async () => {
    const core = seeded();
    try {
      const docs = await docsOf(core);
      const speech = await createSet(core, '讲话');
      const province = await createSet(core, '广东; 省份');
      await core.dispatch('sets-add-documents', { id: speech.id, documentIds: docs.map((d) => d.id) });
      await core.dispatch('sets-add-documents', { id: province.id, documentIds: [docs[0]!.id] });
      const [code] = (await core.dispatch('codes-list', {})) as Code[];
      for (const d of [docs[0]!, docs[1]!])
        await core.dispatch('annotations-create', { documentId: d.id, codeId: code!.id, start: 0, end: 4 });
      const csv = (await core.dispatch('export-dataset', { format: 'csv' })) as ExportFile;
      const [header, ...rows] = parseCsvStrict(csv.content.replace(/^\ufeff/, ''));
      expect(header!.at(-1)).toBe('document_sets');
      const col = header!.indexOf('document_sets');
      const docCol = header!.indexOf('document_id');
      expect(rows).toHaveLength(2);
      for (const row of rows)
        expect(row[col]).toBe(row[docCol] === docs[0]!.id ? '讲话; 广东; 省份' : '讲话');
      const jsonl = (await core.dispatch('export-dataset', { format: 'jsonl' })) as ExportFile;
      const first = JSON.parse(jsonl.content.split('\n')[0]!) as Record<string, unknown>;
      expect(Object.keys(first).at(-1)).toBe('document_sets');
      await expectCode(
        () => core.dispatch('attributes-create', { name: 'document_sets', type: 'text' }),
        'attribute-invalid',
      );
    } finally {
      core.close();
    }
  });
});
