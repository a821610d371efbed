/**
 * Undo/redo of an import recorded by name (history/log.ts `insertNamed`): the log holds no second
 * copy of the document's text, undo keeps the row for redo, and both work across restarts.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { DocumentDetail, DocumentSummary } from '../../../shared/domain';
import type { ImportCommitResult } from '../../../shared/import';
import { openCore } from '../../../electron/core/index';
import { tempDir } from './helpers';

/** The after_row of every change of every command, oldest first. */
function afterRows(file: string): { kind: string; state: string; table: string; after: string | null }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT c.kind, c.state, x.table_name AS "table", x.after_row AS after
         FROM command_changes x JOIN commands c USING (seq) ORDER BY x.seq, x.ord`,
      )
      .all() as { kind: string; state: string; table: string; after: string | null }[];
  } finally {
    db.close();
  }
}

describe('an import recorded by name', () => {
  test('keeps no copy of the text in the log; undo and redo restore it exactly, across restarts', async () => {
    const file = join(tempDir(), 'p.pizhu');
    const text = '第一章 扩权强县𠀋\n\n县域经济发展报告。'.repeat(200);
    let core = openCore({ file, empty: true });
    const imported = (await core.dispatch('import-commit', {
      fileName: 'report.txt',
      contentBase64: Buffer.from(`  ${text}`).toString('base64'),
      cleaning: ['whitespace'],
    })) as ImportCommitResult;
    const id = imported.documents[0]!.id;
    const detail = (await core.dispatch('documents-get', { id })) as DocumentDetail;
    await core.dispatch('documents-rename', { id, title: '新标题' });
    core.close();

    const logged = afterRows(file);
    expect(logged.map((r) => [r.kind, r.table])).toEqual([
      ['document-import', 'documents'],
      ['document-rename', 'documents'],
    ]);
    expect(JSON.parse(logged[0]!.after!)).toEqual({ id, $inTable: true });

    // Undo the rename and the import, in a new session.
    core = openCore({ file });
    await core.dispatch('history-undo', {});
    await core.dispatch('history-undo', {});
    expect((await core.dispatch('documents-list', {})) as DocumentSummary[]).toEqual([]);
    core.close();
    // The undone import now holds the row, for redo.
    expect(afterRows(file)[0]!.after).toContain('县域经济发展报告');

    // Redo both in another session: the same document, then the rename.
    core = openCore({ file });
    await core.dispatch('history-redo', {});
    expect(await core.dispatch('documents-get', { id })).toEqual(detail);
    await core.dispatch('history-redo', {});
    expect(((await core.dispatch('documents-get', { id })) as DocumentDetail).title).toBe('新标题');
    core.close();
    expect(JSON.parse(afterRows(file)[0]!.after!)).toEqual({ id, $inTable: true });

    // And once more: undo to nothing, redo to the renamed document.
    core = openCore({ file });
    try {
      await core.dispatch('history-undo', {});
      await core.dispatch('history-undo', {});
      expect((await core.dispatch('documents-list', {})) as DocumentSummary[]).toEqual([]);
      await core.dispatch('history-redo', {});
      await core.dispatch('history-redo', {});
      const again = (await core.dispatch('documents-get', { id })) as DocumentDetail;
      expect({ ...again, title: detail.title }).toEqual(detail);
      expect(again.title).toBe('新标题');
    } finally {
      core.close();
    }
  });

  test('the parts of a split too: redo after a restart brings back the same parts', async () => {
    const file = join(tempDir(), 'p.pizhu');
    let core = openCore({ file, empty: true });
    const imported = (await core.dispatch('import-commit', {
      fileName: 'two.txt',
      contentBase64: Buffer.from('第一篇 𠀋问题\n正文一。\n第二篇 发展\n正文二。').toString('base64'),
    })) as ImportCommitResult;
    const id = imported.documents[0]!.id;
    const split = (await core.dispatch('documents-split', { id, at: [12] })) as {
      documents: DocumentSummary[];
    };
    const parts = await Promise.all(split.documents.map((d) => core.dispatch('documents-get', { id: d.id })));
    core.close();
    const logged = afterRows(file).filter(
      (r) => r.kind === 'document-split' && r.after?.includes('$inTable'),
    );
    expect(logged.map((r) => JSON.parse(r.after!) as unknown)).toEqual(
      split.documents.map((d) => ({ id: d.id, $inTable: true })),
    );

    core = openCore({ file });
    await core.dispatch('history-undo', {});
    expect(((await core.dispatch('documents-list', {})) as DocumentSummary[]).map((d) => d.id)).toEqual([id]);
    core.close();
    core = openCore({ file });
    try {
      await core.dispatch('history-redo', {});
      const again = await Promise.all(
        split.documents.map((d) => core.dispatch('documents-get', { id: d.id })),
      );
      expect(again).toEqual(parts);
    } finally {
      core.close();
    }
  });
});
