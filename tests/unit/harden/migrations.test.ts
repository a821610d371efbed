/**
 * Issue 12, the migration test: project files from every earlier schema version (kept as
 * fixtures in tests/fixtures/schemas/vN.pizhu) open, upgrade to the current schema, keep their
 * data (documents, codes, the coder, annotations with their code-point offsets and quotes,
 * memos) and leave a never-rotated pre-migration backup that still holds the old schema.
 *
 * The fixtures were made by this file (PIZHU_MAKE_SCHEMA_FIXTURES=1): a version-1 project with
 * the data below, copied and migrated to each later version with the migrations of that time.
 * Once committed they stay as they are; a new schema version adds one fixture.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/index';
import { listBackupFiles } from '../../../electron/core/db/backup';
import { openDatabase } from '../../../electron/core/db/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../../electron/core/db/migrate';
import type { Annotation, DocumentSummary, ProjectInfo } from '../../../shared/domain';
import { tempDir } from '../core/helpers';

const DIR = resolve(import.meta.dirname, '../../fixtures/schemas');
const T = '2025-06-01T08:00:00.000Z';
const TEXT_1 = '一、工作成效\n𠀋𪚥 财政收入稳步增长，放权改革取得进展。\n二、存在的问题\n县级财政压力较大。';
const TEXT_2 = '三、政策建议\n一是加强财政管理，二是推进放权改革。';

function makeVersion1(file: string): void {
  const db = openDatabase(file, { journalMode: 'delete' });
  try {
    migrate(db, MIGRATIONS.slice(0, 1));
    const ins = (sql: string, ...args: unknown[]) => db.raw.prepare(sql).run(...args);
    db.transaction(() => {
      for (const [id, title, text, order] of [
        ['doc-1', '县级工作报告 𠀋', TEXT_1, 0],
        ['doc-2', '建议', TEXT_2, 1],
      ] as const)
        ins(
          `INSERT INTO documents (id, title, source_file, source_path, text, length, sha256, encoding, imported_at, sort_order)
           VALUES (?, ?, ?, NULL, ?, ?, 'sha', 'utf-8', ?, ?)`,
          id,
          title,
          `${id}.txt`,
          text,
          [...text].length,
          T,
          order,
        );
      ins(
        `INSERT INTO codes (id, parent_id, name, color, sort_order, created_at) VALUES ('c-a', NULL, '成效', '#2e7d32', 0, ?)`,
        T,
      );
      ins(
        `INSERT INTO codes (id, parent_id, name, color, sort_order, created_at) VALUES ('c-p', NULL, '问题', '#c62828', 1, ?)`,
        T,
      );
      ins(
        `INSERT INTO codes (id, parent_id, name, color, sort_order, created_at) VALUES ('c-r', NULL, '建议', '#1565c0', 2, ?)`,
        T,
      );
      ins(
        `INSERT INTO codes (id, parent_id, name, color, sort_order, created_at) VALUES ('c-p1', 'c-p', '财政压力', '#ef6c00', 0, ?)`,
        T,
      );
      ins(`INSERT INTO coders (id, name, color, created_at) VALUES ('coder-1', '研究者', '#555555', ?)`, T);
      ins(`INSERT INTO settings (key, value) VALUES ('current_coder_id', 'coder-1')`);
      const note = (id: string, doc: string, code: string, start: number, end: number, memo: string) => {
        const text = doc === 'doc-1' ? TEXT_1 : TEXT_2;
        ins(
          `INSERT INTO annotations (id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at)
           VALUES (?, ?, ?, 'coder-1', ?, ?, ?, ?, ?, ?)`,
          id,
          doc,
          code,
          start,
          end,
          [...text].slice(start, end).join(''),
          memo,
          T,
          T,
        );
      };
      note('a-1', 'doc-1', 'c-a', 7, 22, '𪚥 增长');
      note('a-2', 'doc-1', 'c-p1', 31, 39, '');
      note('a-3', 'doc-2', 'c-r', 7, 25, '两条建议');
    });
  } finally {
    db.close();
  }
}

describe('schema fixtures', () => {
  it.skipIf(!process.env.PIZHU_MAKE_SCHEMA_FIXTURES)('writes v1 … v(latest)', () => {
    const v1 = join(DIR, 'v1.pizhu');
    makeVersion1(v1);
    for (let n = 2; n <= LATEST_SCHEMA_VERSION; n++) {
      const file = join(DIR, `v${n}.pizhu`);
      copyFileSync(v1, file);
      const db = openDatabase(file, { journalMode: 'delete' });
      try {
        migrate(db, MIGRATIONS.slice(0, n));
      } finally {
        db.close();
      }
    }
  });
});

describe('projects from every earlier schema version', () => {
  const versions = Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1).filter((n) =>
    existsSync(join(DIR, `v${n}.pizhu`)),
  );

  it('has a fixture for every earlier version', () => {
    expect(versions).toEqual(Array.from({ length: Math.min(LATEST_SCHEMA_VERSION - 1, 6) }, (_, i) => i + 1));
  });

  it.each(versions)('v%i opens, upgrades, keeps its data and leaves a pre-migration copy', async (n) => {
    const file = join(tempDir(), 'old.pizhu');
    copyFileSync(join(DIR, `v${n}.pizhu`), file);
    const core = openCore({ file });
    try {
      const info = (await core.dispatch('project-info', {})) as ProjectInfo;
      expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect([info.documentCount, info.annotationCount, info.currentCoderId]).toEqual([2, 3, 'coder-1']);
      const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      expect(docs.map((d) => [d.title, d.length])).toEqual([
        ['县级工作报告 𠀋', [...TEXT_1].length],
        ['建议', [...TEXT_2].length],
      ]);
      const notes = (await core.dispatch('annotations-list', { documentId: 'doc-1' })) as Annotation[];
      expect(notes.map((a) => [a.start, a.end, a.text, a.memo]).sort()).toEqual(
        [
          [7, 22, [...TEXT_1].slice(7, 22).join(''), '𪚥 增长'],
          [31, 39, [...TEXT_1].slice(31, 39).join(''), ''],
        ].sort(),
      );
      // Search works on upgraded files (the index is built by migration 0003).
      const hits = (await core.dispatch('search-run', { query: '财政' })) as { total: number };
      expect(hits.total).toBeGreaterThan(0);
    } finally {
      core.close();
    }
    const pre = listBackupFiles(file).filter((b) => b.kind === 'pre-migration');
    expect(pre).toHaveLength(1);
    expect(pre[0]!.id).toMatch(new RegExp(`^pre-migration-v${n}-`));
    const copy = new Database(pre[0]!.path, { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(n);
      expect(copy.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(3);
    } finally {
      copy.close();
    }
    // Opening again: nothing left to migrate, no second pre-migration copy.
    openCore({ file }).close();
    expect(listBackupFiles(file).filter((b) => b.kind === 'pre-migration')).toHaveLength(1);
  });
});
