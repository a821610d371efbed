// Codebook operations: create, update, move, merge, delete — validation, counts, and undo/redo of
// each as one command that restores the exact rows.
import { describe, expect, test } from 'vitest';
import type { Code } from '../../../shared/domain';
import { expectCode } from '../core/helpers';
import { openProject } from '../../../electron/core/project/open';
import { createHandlers } from '../../../electron/core/api/handlers';
import {
  annotate,
  codeNamed,
  codes,
  create,
  redo,
  setup,
  snapshot,
  undo,
  historyOf,
  type Fixture,
  type SyncHandlers,
} from './fixture';

describe('codes-create / codes-update', () => {
  test('creates root and sub-codes with defaults; one undo step each', () => {
    const f = setup();
    try {
      const before = snapshot(f);
      const a = create(f, '  财政压力 ', f.root['问题'], { color: '#112233', definition: '定义' });
      expect(a).toMatchObject({
        name: '财政压力',
        parentId: f.root['问题']!.id,
        color: '#112233',
        shortcut: null,
        sortOrder: 0,
        definition: '定义',
        annotationCount: 0,
        totalCount: 0,
      });
      expect(a.memoUpdatedAt).not.toBeNull();
      const b = create(f, '放权不到位', f.root['问题']);
      expect(b.sortOrder).toBe(1);
      expect(b.color).toMatch(/^#[0-9a-f]{6}$/);
      const afterCreate = snapshot(f);
      undo(f);
      undo(f);
      expect(snapshot(f)).toEqual(before);
      redo(f);
      redo(f);
      expect(snapshot(f)).toEqual(afterCreate);
    } finally {
      f.close();
    }
  });

  test('refuses empty names, sibling duplicates, taken shortcuts and bad colours; nothing changes', async () => {
    const f = setup();
    try {
      create(f, '财政压力', f.root['问题']);
      const before = snapshot(f);
      const history = historyOf(f);
      await expectCode(() => f.h['codes-create']({ name: '   ' }), 'code-name-empty');
      const taken = await expectCode(
        () => f.h['codes-create']({ name: '财政压力', parentId: f.root['问题']!.id }),
        'code-name-taken',
      );
      expect(taken.params).toEqual({ name: '财政压力' });
      await expectCode(() => f.h['codes-create']({ name: '成效' }), 'code-name-taken');
      const key = await expectCode(
        () => f.h['codes-create']({ name: '新', shortcut: '1' }),
        'code-shortcut-taken',
      );
      expect(key.params).toEqual({ shortcut: '1', code: '成效' });
      await expectCode(
        () => f.h['codes-update']({ id: f.root['建议']!.id, name: '问题' }),
        'code-name-taken',
      );
      await expectCode(
        () => f.h['codes-update']({ id: f.root['建议']!.id, shortcut: '2' }),
        'code-shortcut-taken',
      );
      await expectCode(() => f.h['codes-update']({ id: 'nope', name: 'x' }), 'code-not-found');
      await expectCode(() => f.h['codes-create']({ name: 'x', parentId: 'nope' }), 'code-not-found');
      expect(snapshot(f)).toEqual(before);
      expect(historyOf(f)).toEqual(history);
      // The same name under another parent is fine.
      expect(create(f, '财政压力', f.root['建议']).parentId).toBe(f.root['建议']!.id);
    } finally {
      f.close();
    }
  });

  test('rename, recolour, shortcut and memo fields in one undoable update; a no-op records nothing', () => {
    const f = setup();
    try {
      const id = f.root['建议']!.id;
      const before = snapshot(f);
      const { code } = f.h['codes-update']({
        id,
        name: '对策建议',
        color: '#abcdef',
        shortcut: null,
        definition: '定义',
        inclusion: '纳入',
        exclusion: '排除',
        example: '例子',
      }) as { code: Code };
      expect(code).toMatchObject({ name: '对策建议', color: '#abcdef', shortcut: null, example: '例子' });
      expect(historyOf(f)).toMatchObject({ canUndo: true, undoKind: 'code-update' });
      const after = snapshot(f);
      f.h['codes-update']({ id, name: '对策建议', color: '#abcdef' });
      expect(historyOf(f).undoKind).toBe('code-update');
      undo(f);
      expect(snapshot(f)).toEqual(before);
      expect(historyOf(f).canUndo).toBe(false);
      redo(f);
      expect(snapshot(f)).toEqual(after);
      // A freed shortcut can be taken by another code.
      f.h['codes-update']({ id: f.root['成效']!.id, shortcut: '3' });
      expect(codeNamed(f, '成效').shortcut).toBe('3');
    } finally {
      f.close();
    }
  });

  test('counts: own and with sub-codes, live', () => {
    const f = setup();
    try {
      const sub = create(f, '财政压力', f.root['问题']);
      const subsub = create(f, '县级', sub);
      annotate(f, 0, sub, 0, 5);
      annotate(f, 0, subsub, 5, 9);
      annotate(f, 1, f.root['问题']!, 0, 3);
      const byName = Object.fromEntries(codes(f).map((c) => [c.name, c]));
      expect(byName['问题']).toMatchObject({ annotationCount: 1, totalCount: 3 });
      expect(byName['财政压力']).toMatchObject({ annotationCount: 1, totalCount: 2 });
      expect(byName['县级']).toMatchObject({ annotationCount: 1, totalCount: 1 });
      expect(byName['成效']).toMatchObject({ annotationCount: 0, totalCount: 0 });
    } finally {
      f.close();
    }
  });
});

describe('codes-move', () => {
  test('reorders siblings and re-parents; refuses cycles and name clashes; undo restores', async () => {
    const f = setup();
    try {
      const a = create(f, 'A', f.root['问题']);
      const b = create(f, 'B', a);
      const before = snapshot(f);
      // Reorder roots: 建议 first.
      f.h['codes-move']({ id: f.root['建议']!.id, parentId: null, index: 0 });
      expect(
        codes(f)
          .filter((c) => c.parentId === null)
          .map((c) => c.name),
      ).toEqual(['建议', '成效', '问题']);
      expect(historyOf(f).undoKind).toBe('code-move');
      // Re-parent B to the root level at the end (outdent twice).
      f.h['codes-move']({ id: b.id, parentId: null, index: 99 });
      expect(
        codes(f)
          .filter((c) => c.parentId === null)
          .map((c) => c.name),
      ).toEqual(['建议', '成效', '问题', 'B']);
      await expectCode(
        () => f.h['codes-move']({ id: f.root['问题']!.id, parentId: a.id, index: 0 }),
        'code-cycle',
      );
      await expectCode(() => f.h['codes-move']({ id: a.id, parentId: a.id, index: 0 }), 'code-cycle');
      create(f, 'A', f.root['成效']);
      await expectCode(
        () => f.h['codes-move']({ id: a.id, parentId: f.root['成效']!.id, index: 0 }),
        'code-name-taken',
      );
      undo(f); // the create
      undo(f);
      undo(f);
      expect(snapshot(f)).toEqual(before);
    } finally {
      f.close();
    }
  });
});

describe('codes-merge', () => {
  test('moves annotations and children, folds exact duplicates keeping memos; undo restores exactly', async () => {
    const f = setup();
    try {
      const problem = f.root['问题']!;
      const fiscal = create(f, '财政压力', problem, { shortcut: '4', definition: '财政' });
      const devolve = create(f, '放权不到位', problem, { definition: '放权' });
      const fiscalKid = create(f, '县级', fiscal);
      const sameName = create(f, '市级', fiscal);
      const targetKid = create(f, '市级', devolve);
      annotate(f, 0, fiscal, 10, 20, '来源备忘');
      annotate(f, 0, fiscal, 30, 40);
      annotate(f, 1, fiscalKid, 0, 4);
      annotate(f, 1, sameName, 5, 8);
      const twin = annotate(f, 0, devolve, 10, 20, '目标备忘');
      annotate(f, 2, targetKid, 1, 2);
      const before = snapshot(f);

      const result = f.h['codes-merge']({ sourceId: fiscal.id, targetId: devolve.id }) as {
        code: Code;
        summary: { movedAnnotations: number; deletedAnnotations: number; deletedCodes: number };
      };
      expect(result.summary).toEqual({ movedAnnotations: 2, deletedAnnotations: 1, deletedCodes: 2 });
      expect(historyOf(f).undoKind).toBe('code-merge');
      const now = Object.fromEntries(
        codes(f).map((c) => [`${c.parentId === devolve.id ? '>' : ''}${c.name}`, c]),
      );
      expect(now['财政压力']).toBeUndefined();
      expect(now['>县级']).toBeDefined(); // moved under the target
      expect(codes(f).filter((c) => c.name === '市级')).toHaveLength(1); // merged into the namesake
      expect(now['放权不到位']).toMatchObject({
        annotationCount: 2,
        totalCount: 5,
        definition: '放权\n\n财政',
      });
      const kept = (
        f.h['annotations-list']({ documentId: f.docs[0]!.id }) as { id: string; memo: string }[]
      ).find((a) => a.id === twin.id)!;
      expect(kept.memo).toBe('目标备忘\n\n来源备忘');
      // The source's shortcut is free again.
      expect(create(f, '新代码', undefined, { shortcut: '4' }).shortcut).toBe('4');
      undo(f);
      const afterMerge = snapshot(f);
      undo(f);
      expect(snapshot(f)).toEqual(before);
      redo(f);
      expect(snapshot(f)).toEqual(afterMerge);

      await expectCode(
        () => f.h['codes-merge']({ sourceId: problem.id, targetId: devolve.id }),
        'code-cycle',
      );
      await expectCode(
        () => f.h['codes-merge']({ sourceId: devolve.id, targetId: devolve.id }),
        'code-cycle',
      );
      expect(snapshot(f)).toEqual(afterMerge);
    } finally {
      f.close();
    }
  });
});

describe('codes-delete', () => {
  function tree(f: ReturnType<typeof setup>) {
    const parent = create(f, '财政压力', f.root['问题']);
    const kid = create(f, '县级', parent);
    const a1 = annotate(f, 0, parent, 0, 5);
    const a2 = annotate(f, 0, kid, 6, 9);
    return { parent, kid, a1, a2 };
  }

  test('annotations delete + children delete: the subtree and its coding go; undo restores', () => {
    const f = setup();
    try {
      const t = tree(f);
      const before = snapshot(f);
      const r = f.h['codes-delete']({ id: t.parent.id, annotations: 'delete', children: 'delete' }) as {
        summary: unknown;
      };
      expect(r.summary).toEqual({ movedAnnotations: 0, deletedAnnotations: 2, deletedCodes: 2 });
      expect(codes(f).map((c) => c.name)).toEqual(['成效', '问题', '建议']);
      expect(f.h['annotations-list']({ documentId: f.docs[0]!.id })).toEqual([]);
      undo(f);
      expect(snapshot(f)).toEqual(before);
    } finally {
      f.close();
    }
  });

  test('annotations move-to-parent + children move-to-parent', () => {
    const f = setup();
    try {
      const t = tree(f);
      const before = snapshot(f);
      const r = f.h['codes-delete']({
        id: t.parent.id,
        annotations: 'move-to-parent',
        children: 'move-to-parent',
      }) as {
        summary: unknown;
      };
      expect(r.summary).toEqual({ movedAnnotations: 1, deletedAnnotations: 0, deletedCodes: 1 });
      expect(codeNamed(f, '县级').parentId).toBe(f.root['问题']!.id);
      const anns = f.h['annotations-list']({ documentId: f.docs[0]!.id }) as { id: string; codeId: string }[];
      expect(anns.find((a) => a.id === t.a1.id)!.codeId).toBe(f.root['问题']!.id);
      expect(anns.find((a) => a.id === t.a2.id)!.codeId).toBe(t.kid.id);
      undo(f);
      expect(snapshot(f)).toEqual(before);
    } finally {
      f.close();
    }
  });

  test('annotations move-to-parent + children delete: sub-codes go, all coding moves up', () => {
    const f = setup();
    try {
      const t = tree(f);
      const before = snapshot(f);
      f.h['codes-delete']({ id: t.parent.id, annotations: 'move-to-parent', children: 'delete' });
      const anns = f.h['annotations-list']({ documentId: f.docs[0]!.id }) as { codeId: string }[];
      expect(anns.map((a) => a.codeId)).toEqual([f.root['问题']!.id, f.root['问题']!.id]);
      expect(codes(f)).toHaveLength(3);
      undo(f);
      expect(snapshot(f)).toEqual(before);
    } finally {
      f.close();
    }
  });

  test('annotations delete + children move-to-parent; a child named like its parent', () => {
    const f = setup();
    try {
      const parent = create(f, '财政压力', f.root['问题']);
      const kid = create(f, '财政压力', parent);
      annotate(f, 0, parent, 0, 5);
      const kept = annotate(f, 0, kid, 6, 9);
      const before = snapshot(f);
      f.h['codes-delete']({ id: parent.id, annotations: 'delete', children: 'move-to-parent' });
      expect(codeNamed(f, '财政压力')).toMatchObject({ id: kid.id, parentId: f.root['问题']!.id });
      expect(f.h['annotations-list']({ documentId: f.docs[0]!.id })).toEqual([
        expect.objectContaining({ id: kept.id }),
      ]);
      undo(f);
      expect(snapshot(f)).toEqual(before);
    } finally {
      f.close();
    }
  });

  test('a root code with annotations cannot move them up; without, it deletes; the last code can go', async () => {
    const f = setup();
    try {
      annotate(f, 0, f.root['成效']!, 0, 3);
      const before = snapshot(f);
      await expectCode(
        () =>
          f.h['codes-delete']({ id: f.root['成效']!.id, annotations: 'move-to-parent', children: 'delete' }),
        'code-no-parent',
      );
      expect(snapshot(f)).toEqual(before);
      f.h['codes-delete']({ id: f.root['建议']!.id, annotations: 'move-to-parent', children: 'delete' });
      f.h['codes-delete']({ id: f.root['问题']!.id, annotations: 'delete', children: 'delete' });
      f.h['codes-delete']({ id: f.root['成效']!.id, annotations: 'delete', children: 'delete' });
      expect(codes(f)).toEqual([]);
      undo(f);
      undo(f);
      undo(f);
      expect(snapshot(f)).toEqual(before);
    } finally {
      f.close();
    }
  });
});

describe('codes-merge at scale', () => {
  test('hundreds of moved annotations (one statement) with duplicates; undo and redo exact, also after reopening', () => {
    const f = setup();
    const file = f.ctx.file;
    try {
      const problem = f.root['问题']!;
      const source = create(f, '来源', problem);
      const target = create(f, '目标', problem);
      const coder = f.ctx.db.raw.prepare('SELECT id FROM coders').pluck().get() as string;
      const insert = f.ctx.db.raw.prepare(
        `INSERT INTO annotations (id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '', ?, '2026-01-01T00:00:00.000Z', ?)`,
      );
      f.ctx.db.transaction(() => {
        for (let i = 0; i < 400; i++) {
          const start = i * 2;
          insert.run(
            `s${i}`,
            f.docs[i % 3]!.id,
            source.id,
            coder,
            start,
            start + 1,
            i % 7 === 0 ? `备忘${i}` : '',
            `2026-01-02T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
          );
        }
        // Twins: the same ranges already coded with the target (one with a memo), and a second
        // copy of a source annotation inside the source itself.
        insert.run('t0', f.docs[0]!.id, target.id, coder, 0, 1, '目标备忘', '2026-01-03T00:00:00.000Z');
        insert.run('t3', f.docs[0]!.id, target.id, coder, 6, 7, '', '2026-01-03T00:00:00.000Z');
        insert.run('s-copy', f.docs[1]!.id, source.id, coder, 2, 3, '副本备忘', '2026-01-04T00:00:00.000Z');
      });
      const before = snapshot(f);
      const result = f.h['codes-merge']({ sourceId: source.id, targetId: target.id }) as {
        summary: { movedAnnotations: number; deletedAnnotations: number; deletedCodes: number };
      };
      expect(result.summary).toEqual({ movedAnnotations: 398, deletedAnnotations: 3, deletedCodes: 1 });
      const rows = f.ctx.db.raw
        .prepare('SELECT id, code_id, memo FROM annotations WHERE id IN (?, ?, ?, ?)')
        .all('t0', 's1', 's0', 's-copy') as { id: string; code_id: string; memo: string }[];
      expect(Object.fromEntries(rows.map((r) => [r.id, [r.code_id === target.id, r.memo]]))).toEqual({
        t0: [true, '目标备忘\n\n备忘0'],
        's-copy': [true, '副本备忘'],
      });
      const afterMerge = snapshot(f);
      undo(f);
      expect(snapshot(f)).toEqual(before);
      redo(f);
      expect(snapshot(f)).toEqual(afterMerge);
      undo(f);
      f.close();

      // The command log is in the project file: undo and redo after reopening it.
      const { db } = openProject({ file });
      try {
        const h = createHandlers({ db, file, now: () => new Date() }) as unknown as SyncHandlers;
        const again: Fixture = { ...f, h, ctx: { db, file, now: () => new Date() }, close: () => db.close() };
        expect(snapshot(again)).toEqual(before);
        h['history-redo']({});
        expect(snapshot(again)).toEqual(afterMerge);
        h['history-undo']({});
        expect(snapshot(again)).toEqual(before);
      } finally {
        db.close();
      }
    } catch (err) {
      f.close();
      throw err;
    }
  });
});
