// Undo/redo: the persistent command log (sequences, redo-tail discard, reopen, cap).
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type {
  Annotation,
  Code,
  DocumentSummary,
  HistoryEffect,
  HistoryState,
  ProjectInfo,
} from '../../../shared/domain';
import { openCore, type Core } from '../../../electron/core/index';
import { HISTORY_LIMIT } from '../../../electron/core/history/log';
import { SEEDS_DIR, expectCode, tempDir } from './helpers';

type Created = { annotation: Annotation; history: HistoryState };
type Undone = { effect: HistoryEffect; history: HistoryState };

async function setup(): Promise<{ file: string; core: Core; doc: DocumentSummary; code: Code }> {
  const file = join(tempDir(), 'p.pizhu');
  const core = openCore({ file, seedsDir: SEEDS_DIR });
  const doc = ((await core.dispatch('documents-list', {})) as DocumentSummary[])[0]!;
  const code = ((await core.dispatch('codes-list', {})) as Code[])[1]!;
  return { file, core, doc, code };
}

const list = async (core: Core, documentId: string) =>
  (await core.dispatch('annotations-list', { documentId })) as Annotation[];

describe('undo / redo', () => {
  test('create, memo, delete: each undone and redone exactly', async () => {
    const { core, doc, code } = await setup();
    try {
      await expectCode(() => core.dispatch('history-undo', {}), 'nothing-to-undo');
      await expectCode(() => core.dispatch('history-redo', {}), 'nothing-to-redo');
      const created = (
        (await core.dispatch('annotations-create', {
          documentId: doc.id,
          codeId: code.id,
          start: 3,
          end: 9,
          memo: 'v1',
        })) as Created
      ).annotation;
      await new Promise((r) => setTimeout(r, 5)); // distinct updatedAt
      const edited = (
        (await core.dispatch('annotations-update-memo', { id: created.id, memo: 'v2' })) as Created
      ).annotation;
      expect(edited.updatedAt).not.toBe(created.updatedAt);
      await core.dispatch('annotations-delete', { id: created.id });
      expect(await list(core, doc.id)).toEqual([]);

      // Undo delete: the identical row (id, timestamps, memo v2) comes back.
      let r = (await core.dispatch('history-undo', {})) as Undone;
      expect(r.effect).toEqual({
        kind: 'annotation-delete',
        direction: 'undo',
        documentIds: [doc.id],
        annotationIds: [created.id],
        tables: ['annotations'],
      });
      expect(await list(core, doc.id)).toEqual([edited]);
      expect(r.history).toEqual({
        canUndo: true,
        canRedo: true,
        undoKind: 'annotation-memo',
        redoKind: 'annotation-delete',
      });

      // Undo memo: previous memo and previous updatedAt.
      r = (await core.dispatch('history-undo', {})) as Undone;
      expect(r.effect.kind).toBe('annotation-memo');
      expect(await list(core, doc.id)).toEqual([created]);

      // Undo create: gone.
      r = (await core.dispatch('history-undo', {})) as Undone;
      expect(r.effect.kind).toBe('annotation-create');
      expect(await list(core, doc.id)).toEqual([]);
      expect(r.history).toEqual({
        canUndo: false,
        canRedo: true,
        undoKind: null,
        redoKind: 'annotation-create',
      });
      await expectCode(() => core.dispatch('history-undo', {}), 'nothing-to-undo');

      // Redo all three, in order.
      r = (await core.dispatch('history-redo', {})) as Undone;
      expect(r.effect).toEqual({
        kind: 'annotation-create',
        direction: 'redo',
        documentIds: [doc.id],
        annotationIds: [created.id],
        tables: ['annotations'],
      });
      expect(await list(core, doc.id)).toEqual([created]);
      await core.dispatch('history-redo', {});
      expect(await list(core, doc.id)).toEqual([edited]);
      r = (await core.dispatch('history-redo', {})) as Undone;
      expect(r.effect.kind).toBe('annotation-delete');
      expect(await list(core, doc.id)).toEqual([]);
      expect(r.history).toEqual({
        canUndo: true,
        canRedo: false,
        undoKind: 'annotation-delete',
        redoKind: null,
      });
      await expectCode(() => core.dispatch('history-redo', {}), 'nothing-to-redo');
    } finally {
      core.close();
    }
  });

  test('a new command after undo discards the redo tail', async () => {
    const { core, doc, code } = await setup();
    try {
      const a = (
        (await core.dispatch('annotations-create', {
          documentId: doc.id,
          codeId: code.id,
          start: 0,
          end: 2,
        })) as Created
      ).annotation;
      const b = (
        (await core.dispatch('annotations-create', {
          documentId: doc.id,
          codeId: code.id,
          start: 5,
          end: 7,
        })) as Created
      ).annotation;
      await core.dispatch('history-undo', {}); // b gone
      await core.dispatch('history-undo', {}); // a gone
      const c = (await core.dispatch('annotations-create', {
        documentId: doc.id,
        codeId: code.id,
        start: 10,
        end: 12,
      })) as Created;
      expect(c.history).toEqual({
        canUndo: true,
        canRedo: false,
        undoKind: 'annotation-create',
        redoKind: null,
      });
      await expectCode(() => core.dispatch('history-redo', {}), 'nothing-to-redo');
      expect((await list(core, doc.id)).map((x) => x.id)).toEqual([c.annotation.id]);
      await core.dispatch('history-undo', {});
      await expectCode(() => core.dispatch('history-undo', {}), 'nothing-to-undo');
      expect(await list(core, doc.id)).toEqual([]);
      expect([a.id, b.id]).not.toContain(c.annotation.id);
    } finally {
      core.close();
    }
  });

  test('the log survives closing and reopening the project', async () => {
    const { file, core, doc, code } = await setup();
    const a = (
      (await core.dispatch('annotations-create', {
        documentId: doc.id,
        codeId: code.id,
        start: 0,
        end: 4,
      })) as Created
    ).annotation;
    await core.dispatch('annotations-update-memo', { id: a.id, memo: '备注' });
    await core.dispatch('history-undo', {});
    core.close();

    const again = openCore({ file });
    try {
      const info = (await again.dispatch('project-info', {})) as ProjectInfo;
      expect(info.history).toEqual({
        canUndo: true,
        canRedo: true,
        undoKind: 'annotation-create',
        redoKind: 'annotation-memo',
      });
      expect(await again.dispatch('history-state', {})).toEqual(info.history);
      await again.dispatch('history-redo', {});
      expect((await list(again, doc.id))[0]!.memo).toBe('备注');
      await again.dispatch('history-undo', {});
      await again.dispatch('history-undo', {});
      expect(await list(again, doc.id)).toEqual([]);
      expect(((await again.dispatch('project-info', {})) as ProjectInfo).annotationCount).toBe(0);
    } finally {
      again.close();
    }
  });

  test(`the log keeps only the newest ${HISTORY_LIMIT} entries`, async () => {
    const { core, doc, code } = await setup();
    try {
      const extra = 3;
      const ids: string[] = [];
      for (let i = 0; i < HISTORY_LIMIT + extra; i++) {
        const r = (await core.dispatch('annotations-create', {
          documentId: doc.id,
          codeId: code.id,
          start: i,
          end: i + 1,
        })) as Created;
        ids.push(r.annotation.id);
      }
      for (let i = 0; i < HISTORY_LIMIT; i++) await core.dispatch('history-undo', {});
      await expectCode(() => core.dispatch('history-undo', {}), 'nothing-to-undo');
      // The oldest creations fell off the log and stay.
      expect((await list(core, doc.id)).map((a) => a.id)).toEqual(ids.slice(0, extra));
    } finally {
      core.close();
    }
  });
});
