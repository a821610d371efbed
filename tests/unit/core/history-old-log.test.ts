/**
 * A project written by the version before update records held only changed columns (history/
 * log.ts): its undo log holds whole rows for every update, and two of its commands were undone
 * by that version. Opened by the current code, every step must undo and redo exactly, across
 * restarts.
 *
 * The fixture (tests/fixtures/history/whole-row-log.pizhu, with the tracked rows after each step
 * in whole-row-log.json) was made by this file (PIZHU_MAKE_HISTORY_FIXTURE=1) with the files of
 * commit 39347c7 checked out in electron/core/history/ and electron/core/codes/operations.ts,
 * the last whole-row format. Once committed it stays as it is.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Annotation, Code } from '../../../shared/domain';
import { openProject } from '../../../electron/core/project/open';
import { createHandlers } from '../../../electron/core/api/handlers';
import { trackedTable } from '../../../electron/core/history/tables';
import type { SyncHandlers } from '../codebook/fixture';
import { tempDir } from './helpers';

const DIR = resolve(import.meta.dirname, '../../fixtures/history');
const FIXTURE = join(DIR, 'whole-row-log.pizhu');
const STATES = join(DIR, 'whole-row-log.json');
const TABLES = ['annotations', 'codes', 'documents', 'memos'] as const;

interface Saved {
  /** The tracked columns of each table when the fixture was made. */
  columns: Record<string, string[]>;
  /** Every row of those tables (by id) before the steps, then after each step. */
  states: Record<string, unknown[]>[];
}

type Project = { h: SyncHandlers; raw: Database.Database; close(): void };

function open(file: string, now = () => new Date(Date.UTC(2026, 10, 24))): Project {
  const { db } = openProject({ file });
  const h = createHandlers({ db, file, now }) as unknown as SyncHandlers;
  return { h, raw: db.raw, close: () => db.close() };
}

function rowsOf(raw: Database.Database, columns: Record<string, string[]>): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLES.map((t) => [t, raw.prepare(`SELECT ${columns[t]!.join(', ')} FROM ${t} ORDER BY id`).all()]),
  );
}

const TEXTS = [
  [
    '报告.txt',
    '一、工作成效𠀋\n财政收入稳步增长，放权改革取得进展，县域经济发展较快。\n二、存在的问题\n县级财政压力较大。',
  ],
  ['建议.txt', '三、政策建议𪚥\n一是加强财政管理，二是推进放权改革，三是完善考核制度，四是保障基层运转。'],
] as const;

describe('the whole-row log fixture', () => {
  it.skipIf(!process.env.PIZHU_MAKE_HISTORY_FIXTURE)('is written with the code of that time', async () => {
    const file = join(tempDir(), 'p.pizhu');
    let tick = 0;
    const now = () => new Date(Date.UTC(2026, 10, 20, 9, 0, 0, tick++));
    const p = open(file, now);
    const { h } = p;
    try {
      // import-commit is async in fact (SyncHandlers types every handler as synchronous).
      for (const [fileName, text] of TEXTS)
        await Promise.resolve(
          h['import-commit']({
            fileName,
            contentBase64: Buffer.from(text).toString('base64'),
            encoding: 'auto',
            cleaning: [],
            patterns: [],
            sourcePath: null,
            splitAt: [],
            skipDuplicates: true,
            deferIndex: false,
          }),
        );
      const docs = h['documents-list']({});
      const code = (name: string, parent: Code | null, extra: Record<string, unknown> = {}) =>
        (h['codes-create']({ name, parentId: parent?.id ?? null, ...extra }) as { code: Code }).code;
      const annotate = (doc: number, c: Code, start: number, end: number, memo = '') =>
        (
          h['annotations-create']({ documentId: docs[doc]!.id, codeId: c.id, start, end, memo }) as {
            annotation: Annotation;
          }
        ).annotation;
      const root = code('研究问题', null);
      const fiscal = code('财政压力', root, { definition: '财政' });
      const devolve = code('放权不到位', root, { definition: '放权' });
      const kid = code('县级', fiscal);
      annotate(0, fiscal, 10, 20, '来源备忘');
      annotate(1, fiscal, 30, 40);
      annotate(1, fiscal, 2, 9);
      annotate(0, kid, 1, 5);
      annotate(0, devolve, 10, 20, '目标备忘'); // the twin of the first
      const memo = annotate(1, devolve, 2, 8, '旧备忘');
      h['memos-update-project']({ memo: '项目备忘' });

      const steps: (() => unknown)[] = [
        () => h['annotations-update-memo']({ id: memo.id, memo: '新备忘' }),
        () => h['codes-update']({ id: devolve.id, name: '放权', inclusion: '纳入' }),
        () => h['codes-move']({ id: devolve.id, parentId: root.id, index: 0 }),
        () => h['codes-merge']({ sourceId: fiscal.id, targetId: devolve.id }),
        () => h['documents-rename']({ id: docs[1]!.id, title: '改名𠀋' }),
        () => h['documents-update-memo']({ id: docs[0]!.id, memo: '文档备忘𪚥' }),
        () => h['memos-update-project']({ memo: '项目备忘，改' }),
      ];
      const columns = Object.fromEntries(TABLES.map((t) => [t, [...trackedTable(t).columns]]));
      const states = [rowsOf(p.raw, columns)];
      for (const step of steps) {
        await step();
        states.push(rowsOf(p.raw, columns));
      }
      h['history-undo']({});
      h['history-undo']({});
      p.close();
      mkdirSync(DIR, { recursive: true });
      copyFileSync(file, FIXTURE);
      writeFileSync(STATES, `${JSON.stringify({ columns, states } satisfies Saved, null, 1)}\n`);
    } catch (err) {
      p.close();
      throw err;
    }
  });
});

describe('a project whose undo log holds whole rows (written before changed-column records)', () => {
  it('undoes and redoes every step exactly after the upgrade, also across restarts', () => {
    const { columns, states } = JSON.parse(readFileSync(STATES, 'utf8')) as Saved;
    const n = states.length - 1;
    const file = join(tempDir(), 'p.pizhu');
    copyFileSync(FIXTURE, file);
    const rows = (p: Project) => rowsOf(p.raw, columns);

    // The log as the old version left it: whole rows for updates, the last two steps undone.
    const raw = new Database(file, { readonly: true });
    try {
      const updates = raw
        .prepare(
          `SELECT before_row FROM command_changes WHERE before_row IS NOT NULL AND after_row IS NOT NULL`,
        )
        .pluck()
        .all() as string[];
      expect(updates.length).toBeGreaterThan(8);
      for (const u of updates) expect(JSON.parse(u)).not.toHaveProperty('$update');
      expect(updates.some((u) => 'start_offset' in (JSON.parse(u) as object))).toBe(true);
      expect(raw.prepare(`SELECT count(*) FROM commands WHERE state = 'undone'`).pluck().get()).toBe(2);
    } finally {
      raw.close();
    }

    let p = open(file);
    try {
      expect(rows(p)).toEqual(states[n - 2]);
      for (let k = n - 2; k > 0; k--) {
        p.h['history-undo']({});
        expect(rows(p)).toEqual(states[k - 1]);
      }
      for (let k = 1; k <= n; k++) {
        p.h['history-redo']({});
        expect(rows(p)).toEqual(states[k]);
      }
      for (let k = 0; k < 4; k++) p.h['history-undo']({});
      expect(rows(p)).toEqual(states[n - 4]);
    } finally {
      p.close();
    }
    p = open(file);
    try {
      for (let k = 0; k < 4; k++) p.h['history-redo']({});
      expect(rows(p)).toEqual(states[n]);
      for (let k = n; k > 0; k--) p.h['history-undo']({});
      expect(rows(p)).toEqual(states[0]);
    } finally {
      p.close();
    }
  });
});
