// The stored normalised memo texts behind `memos-list` (0015_memo_search.sql,
// electron/core/memos/annotation-memos.ts): an older project's memos are normalised by the
// migration and list and search as before; every write path (the API, undo/redo, a plain
// connection without Pizhu's SQL functions, a REFI-QDA import) keeps the stored texts right or
// drops them; the listing's order holds when documents share a sort_order.
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openCore } from '../../../electron/core/index';
import { openDatabase } from '../../../electron/core/db/database';
import { MIGRATIONS, migrate } from '../../../electron/core/db/migrate';
import type { MemoEntry } from '../../../shared/domain';
import type { ExportBundle } from '../../../shared/contracts/interop';
import { normalizeText } from '../../../shared/text/normalize';
import { tempDir } from '../core/helpers';
import { emptyProject, importBytes } from '../interop/helpers';
import { annotate, create, redo, setup, undo } from './fixture';

type Raw = Database.Database;

/** Every stored normalised text is NULL (not yet stored) or the normalisation of its text. */
function expectStoredRight(raw: Raw): void {
  const rows = raw
    .prepare(
      `SELECT memo, quote, memo_norm, quote_norm FROM annotations WHERE memo_norm IS NOT NULL OR quote_norm IS NOT NULL`,
    )
    .all() as { memo: string; quote: string; memo_norm: string; quote_norm: string }[];
  for (const r of rows) {
    expect(r.memo).not.toBe('');
    expect([r.memo_norm, r.quote_norm]).toEqual([normalizeText(r.memo), normalizeText(r.quote)]);
  }
}

/** The listing's order as SQL states it (docs/api.md): what `memos-list` must return. */
function sqlOrder(raw: Raw): string[] {
  return raw
    .prepare(
      `SELECT a.id FROM annotations a JOIN documents d ON d.id = a.document_id
         WHERE a.memo <> '' ORDER BY d.sort_order, a.start_offset, a.end_offset, a.id`,
    )
    .pluck()
    .all() as string[];
}

describe('stored normalised memo texts', () => {
  test('a project from before 0015 is migrated: its memos list and search across scripts', async () => {
    const file = join(tempDir(), 'old.pizhu');
    copyFileSync(resolve(import.meta.dirname, '../../fixtures/schemas/v6.pizhu'), file);
    // The newest schema before this one, with Traditional memos written the old way.
    const old = openDatabase(file);
    try {
      migrate(
        old,
        MIGRATIONS.filter((m) => m.number < 15),
      );
      old.raw.prepare(`UPDATE annotations SET memo = '財政壓力的兩條建議' WHERE id = 'a-3'`).run();
      expect(
        old.raw
          .prepare(`SELECT count(*) FROM pragma_table_info('annotations') WHERE name = 'memo_norm'`)
          .pluck()
          .get(),
      ).toBe(0);
    } finally {
      old.close();
    }
    const core = openCore({ file });
    try {
      const raw = core.context.db.raw;
      expect(
        raw.prepare(`SELECT count(*) FROM annotations WHERE memo <> '' AND memo_norm IS NULL`).pluck().get(),
      ).toBe(0);
      expectStoredRight(raw);
      const list = async (query: string) =>
        ((await core.dispatch('memos-list', { query, kinds: ['annotation'] })) as MemoEntry[]).map(
          (m) => m.ownerId,
        );
      expect(await list('')).toEqual(['a-1', 'a-3']);
      expect(await list('财政压力')).toEqual(['a-3']); // Simplified query, Traditional memo
      expect(await list('增長')).toEqual(['a-1']); // Traditional query, Simplified memo
      expect(await list('放權改')).toEqual(['a-1', 'a-3']); // in both quotes
      expect(await list('𪚥')).toEqual(['a-1']);
    } finally {
      core.close();
    }
  });

  test('every write path keeps them right; a plain connection and a REFI-QDA import too', async () => {
    const f = setup();
    const plain = new Database(f.ctx.file); // no Pizhu SQL functions registered
    try {
      const raw = f.ctx.db.raw;
      const code = create(f, '财政压力', f.root['问题']);
      const texts = (query: string) => f.h['memos-list']({ query, kinds: ['annotation'] }).map((m) => m.text);
      const a = annotate(f, 0, code, 0, 4, '第一版：財政');
      expect(texts('财政')).toEqual(['第一版：財政']);
      f.h['annotations-update-memo']({ id: a.id, memo: '第二版：税收' });
      expect(texts('财政')).toEqual([]);
      expect(texts('稅收')).toEqual(['第二版：税收']);
      undo(f);
      expect(texts('财政')).toEqual(['第一版：財政']);
      redo(f);
      expect(texts('稅收')).toEqual(['第二版：税收']);
      expectStoredRight(raw);
      // Store them (as a listing does once enough are pending), then change the memo elsewhere.
      raw
        .prepare(
          `UPDATE annotations SET memo_norm = pizhu_normalize(memo), quote_norm = pizhu_normalize(quote) WHERE memo <> ''`,
        )
        .run();
      plain.prepare('UPDATE annotations SET memo = ? WHERE id = ?').run('別處改的：預算', a.id);
      expectStoredRight(raw);
      expect(texts('预算')).toEqual(['別處改的：預算']);
      expect(texts('税收')).toEqual([]);
      // An insert bringing its own (wrong) normalised text is not trusted.
      const row = raw.prepare('SELECT * FROM annotations WHERE id = ?').get(a.id) as Record<string, unknown>;
      plain
        .prepare(
          `INSERT INTO annotations (id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at, memo_norm, quote_norm)
           VALUES ('plain-1', ?, ?, ?, 10, 12, ?, '預算外', ?, ?, 'wrong', 'wrong')`,
        )
        .run(row.document_id, row.code_id, row.coder_id, 'xx', row.created_at, row.updated_at);
      expectStoredRight(raw);
      expect(texts('预算外')).toEqual(['預算外']);
      // Many rows written elsewhere: the listing stores their normalised texts.
      const many = plain.prepare(
        `INSERT INTO annotations (id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
      );
      plain.transaction(() => {
        for (let i = 0; i < 300; i++)
          many.run(
            `bulk-${i}`,
            row.document_id,
            row.code_id,
            row.coder_id,
            i,
            i + 1,
            `批量 ${i} 經費`,
            row.created_at,
            row.updated_at,
          );
      })();
      expect(texts('经费')).toHaveLength(300);
      expect(
        raw.prepare(`SELECT count(*) FROM annotations WHERE memo <> '' AND memo_norm IS NULL`).pluck().get(),
      ).toBe(0);
      expectStoredRight(raw);

      // A REFI-QDA export of this project, imported into an empty one.
      // The export writer is loaded on first use: this handler answers with a promise.
      const exportFile = f.h['export-file'] as unknown as (i: { format: 'qdpx' }) => Promise<ExportBundle>;
      const qdpx = await exportFile({ format: 'qdpx' });
      const core = emptyProject();
      try {
        await importBytes(core, 'p.qdpx', new Uint8Array(Buffer.from(qdpx.content, 'base64')));
        const imported = (await core.dispatch('memos-list', {
          query: '預算',
          kinds: ['annotation'],
        })) as MemoEntry[];
        expect(imported.map((m) => m.text).sort()).toEqual(['別處改的：預算', '預算外']);
        expectStoredRight(core.context.db.raw);
      } finally {
        core.close();
      }
    } finally {
      plain.close();
      f.close();
    }
  });

  test('the order holds when documents share a sort_order, and ties break by id', () => {
    const f = setup();
    try {
      const raw = f.ctx.db.raw;
      const code = create(f, '财政压力', f.root['问题']);
      for (const doc of [0, 1, 2])
        for (const [start, end] of [
          [8, 9],
          [2, 6],
          [2, 6],
          [2, 5],
          [0, 3],
        ] as const)
          annotate(f, doc, code, start, end, `备忘 ${doc}`);
      const list = () => f.h['memos-list']({ kinds: ['annotation'] });
      expect(list().map((m) => m.ownerId)).toEqual(sqlOrder(raw));
      // Documents 0 and 2 share a sort_order: their memos interleave by offset.
      raw.prepare('UPDATE documents SET sort_order = 7 WHERE id IN (?, ?)').run(f.docs[0]!.id, f.docs[2]!.id);
      expect(list().map((m) => m.ownerId)).toEqual(sqlOrder(raw));
      const shared = list().slice(-10);
      expect(
        shared
          .slice(0, 2)
          .map((m) => m.documentId)
          .sort(),
      ).toEqual([f.docs[0]!.id, f.docs[2]!.id].sort());
    } finally {
      f.close();
    }
  });
});
