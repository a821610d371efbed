// Memos: project memo, document memos, the listing of every memo kind with the script-insensitive
// filter, undo of each write, and validation.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { MEMO_MAX_LENGTH } from '../../../shared/api';
import type { MemoEntry } from '../../../shared/domain';
import { expectCode } from '../core/helpers';
import { annotate, create, redo, setup, snapshot, undo, historyOf } from './fixture';

describe('memos', () => {
  test('project memo: create, edit, undo both, no-op records nothing', () => {
    const f = setup();
    try {
      const before = snapshot(f);
      const r = f.h['memos-update-project']({ memo: '研究问题：扩权强县的成效' }) as { memo: MemoEntry };
      expect(r.memo).toMatchObject({ kind: 'project', text: '研究问题：扩权强县的成效' });
      expect(r.memo.updatedAt).not.toBeNull();
      f.h['memos-update-project']({ memo: '第二版' });
      f.h['memos-update-project']({ memo: '第二版' });
      expect(historyOf(f).undoKind).toBe('project-memo');
      undo(f);
      expect(f.h['memos-list']({})[0]!.text).toBe('研究问题：扩权强县的成效');
      undo(f);
      expect(snapshot(f)).toEqual(before);
      expect(historyOf(f).canUndo).toBe(false);
      redo(f);
      redo(f);
      expect(f.h['memos-list']({})[0]!.text).toBe('第二版');
    } finally {
      f.close();
    }
  });

  test('document memo: appears in documents-list/get, undoable, validated', async () => {
    const f = setup();
    try {
      const id = f.docs[1]!.id;
      const before = snapshot(f);
      const r = f.h['documents-update-memo']({ id, memo: '访谈对象为县财政局' }) as {
        document: { memo: string; memoUpdatedAt: string | null };
      };
      expect(r.document.memo).toBe('访谈对象为县财政局');
      expect(f.h['documents-get']({ id }).memo).toBe('访谈对象为县财政局');
      expect(historyOf(f).undoKind).toBe('document-memo');
      undo(f);
      expect(snapshot(f)).toEqual(before);
      await expectCode(() => f.h['documents-update-memo']({ id: 'nope', memo: 'x' }), 'document-not-found');
      await expectCode(
        () => f.h['documents-update-memo']({ id, memo: 'x'.repeat(MEMO_MAX_LENGTH + 1) }),
        'memo-too-long',
      );
      await expectCode(
        () => f.h['memos-update-project']({ memo: 'x'.repeat(MEMO_MAX_LENGTH + 1) }),
        'memo-too-long',
      );
      expect(snapshot(f)).toEqual(before);
    } finally {
      f.close();
    }
  });

  test('memos-list: every kind with owner, filter by kind and by text across scripts', () => {
    const f = setup();
    try {
      f.h['memos-update-project']({ memo: '总体：财政压力是主线' });
      f.h['documents-update-memo']({ id: f.docs[0]!.id, memo: '武胜县的材料' });
      const code = create(f, '财政压力', f.root['问题'], { definition: '县级財政收支矛盾', example: '例' });
      const ann = annotate(f, 2, code, 0, 6, '這裡提到財政');
      const all = f.h['memos-list']({});
      expect(all.map((m) => m.kind)).toEqual(['project', 'document', 'code', 'annotation']);
      expect(all[1]).toMatchObject({
        ownerId: f.docs[0]!.id,
        ownerLabel: f.docs[0]!.title,
        documentId: f.docs[0]!.id,
      });
      expect(all[2]).toMatchObject({
        ownerId: code.id,
        ownerLabel: '问题 > 财政压力',
        text: '县级財政收支矛盾',
        fields: { definition: '县级財政收支矛盾', inclusion: '', exclusion: '', example: '例' },
      });
      expect(all[3]).toMatchObject({ ownerId: ann.id, documentId: f.docs[2]!.id, ownerLabel: ann.text });
      const kinds = (q: Parameters<(typeof f.h)['memos-list']>[0]) => f.h['memos-list'](q).map((m) => m.kind);
      expect(kinds({ kinds: ['document', 'annotation'] })).toEqual(['document', 'annotation']);
      // Simplified query finds Traditional text and the other way round.
      expect(kinds({ query: '财政' })).toEqual(['project', 'code', 'annotation']);
      expect(kinds({ query: '財政' })).toEqual(['project', 'code', 'annotation']);
      expect(kinds({ query: '这里' })).toEqual(['annotation']);
      expect(kinds({ query: '武勝', kinds: ['document'] })).toEqual(['document']);
      expect(kinds({ query: '不存在的词' })).toEqual([]);
    } finally {
      f.close();
    }
  });

  test('memos-list reads annotation memos again after any write, here or by another connection', () => {
    const f = setup();
    const other = new Database(f.ctx.file);
    try {
      const code = create(f, '财政压力', f.root['问题']);
      const ann = annotate(f, 2, code, 0, 6, '第一版');
      const texts = () => f.h['memos-list']({ kinds: ['annotation'] }).map((m) => m.text);
      expect(texts()).toEqual(['第一版']);
      // Through the API (an undoable command), by a plain write on the same connection, by undo.
      f.h['annotations-update-memo']({ id: ann.id, memo: '第二版' });
      expect(texts()).toEqual(['第二版']);
      f.ctx.db.raw.prepare('UPDATE annotations SET memo = ? WHERE id = ?').run('第三版', ann.id);
      expect(texts()).toEqual(['第三版']);
      undo(f);
      expect(texts()).toEqual(['第一版']);
      // A commit by another connection (the CLI beside the app).
      other.prepare('UPDATE annotations SET memo = ? WHERE id = ?').run('别处改的', ann.id);
      expect(texts()).toEqual(['别处改的']);
      other.prepare('UPDATE annotations SET memo = ? WHERE id = ?').run('', ann.id);
      expect(texts()).toEqual([]);
    } finally {
      other.close();
      f.close();
    }
  });
});
