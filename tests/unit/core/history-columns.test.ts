/**
 * The undo log's update records (history/log.ts): an update records only the columns it changed
 * (marked `$update`), and a log written before that format, with whole rows for updates too,
 * still undoes and redoes after the upgrade, also across reopening the project.
 */
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { HistoryEffect } from '../../../shared/domain';
import { openProject } from '../../../electron/core/project/open';
import { createHandlers } from '../../../electron/core/api/handlers';
import { trackedTable } from '../../../electron/core/history/tables';
import {
  annotate,
  create,
  redo,
  setup,
  snapshot,
  undo,
  type Fixture,
  type SyncHandlers,
} from '../codebook/fixture';

interface LogRecord {
  seq: number;
  ord: number;
  table_name: string;
  row_id: string;
  before_row: string | null;
  after_row: string | null;
}

function records(f: Fixture, seq?: number): LogRecord[] {
  return f.ctx.db.raw
    .prepare(
      `SELECT seq, ord, table_name, row_id, before_row, after_row FROM command_changes
       WHERE seq = coalesce(?, seq) ORDER BY seq, ord`,
    )
    .all(seq ?? null) as LogRecord[];
}

function lastSeq(f: Fixture): number {
  return f.ctx.db.raw.prepare('SELECT max(seq) FROM commands').pluck().get() as number;
}

const TABLES = ['annotations', 'codes', 'documents', 'memos'] as const;
type Rows = Record<string, Map<string, Record<string, unknown>>>;

/** Every row of the tables the steps touch, with the columns the undo log tracks (as getRow). */
function trackedRows(f: Fixture): Rows {
  const out: Rows = {};
  for (const t of TABLES) {
    const cols = trackedTable(t).columns;
    const rows = f.ctx.db.raw.prepare(`SELECT ${cols.join(', ')} FROM ${t}`).all() as {
      id: string;
    }[];
    out[t] = new Map(rows.map((r) => [r.id, r]));
  }
  return out;
}

/**
 * Rewrites the update records of command `seq` as the log wrote them before this format: one
 * record per row (a bulk record is split), with the whole row before (as read before the command)
 * and after (as left by it). Returns how many rows.
 */
function toWholeRows(f: Fixture, seq: number, before: Rows, after: Rows): number {
  const old: [string, string, string | null, string | null][] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const r of records(f, seq)) {
    if (r.before_row === null || r.after_row === null) {
      old.push([r.table_name, r.row_id, r.before_row, r.after_row]);
      continue;
    }
    const marked = JSON.parse(r.before_row) as { $update: unknown; $rows?: [string][] };
    expect(marked.$update).toBeTruthy();
    const ids = marked.$rows ? marked.$rows.map((row) => row[0]) : [r.row_id];
    for (const id of ids) {
      const key = `${r.table_name}/${id}`;
      // Two updates of one row in one command would need the state between them.
      if (seen.has(key)) throw new Error(`${key} updated twice in command ${seq}`);
      seen.add(key);
      const b = before[r.table_name]!.get(id)!;
      const a = after[r.table_name]!.get(id)!;
      old.push([r.table_name, id, JSON.stringify(b), JSON.stringify(a)]);
      n++;
    }
  }
  const raw = f.ctx.db.raw;
  raw.transaction(() => {
    raw.prepare('DELETE FROM command_changes WHERE seq = ?').run(seq);
    const insert = raw.prepare(
      `INSERT INTO command_changes (seq, ord, table_name, row_id, before_row, after_row)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    old.forEach((r, ord) => insert.run(seq, ord, ...r));
  })();
  return n;
}

/** What undo must restore: every row as the fixture sees it, and every tracked column. */
function state(f: Fixture): unknown {
  return { rows: snapshot(f), tracked: trackedRows(f) };
}

describe('update records', () => {
  test('hold only the changed columns; undo names the documents of moved annotations', () => {
    const f = setup();
    try {
      const code = f.root['问题']!;
      const a = annotate(f, 0, code, 3, 9, 'v1');
      const edited = (
        f.h['annotations-update-memo']({ id: a.id, memo: 'v2' }) as { annotation: { updatedAt: string } }
      ).annotation;
      const [memoRecord, ...rest] = records(f, lastSeq(f));
      expect(rest).toEqual([]);
      expect(JSON.parse(memoRecord!.before_row!)).toEqual({
        $update: true,
        memo: 'v1',
        updated_at: a.updatedAt,
      });
      expect(JSON.parse(memoRecord!.after_row!)).toEqual({
        $update: true,
        memo: 'v2',
        updated_at: edited.updatedAt,
      });

      const source = create(f, '来源', code);
      const target = create(f, '目标', code);
      for (let i = 0; i < 6; i++) annotate(f, i % 3, source, 20 + i, 30 + i);
      const before = snapshot(f);
      f.h['codes-merge']({ sourceId: source.id, targetId: target.id });
      const after = snapshot(f);
      // The moved annotations share one record: the two columns, each row's id and values.
      const moved = records(f, lastSeq(f)).filter((r) => r.table_name === 'annotations');
      expect(moved).toHaveLength(1);
      expect(moved[0]!.row_id).toBe('*');
      const bulkBefore = JSON.parse(moved[0]!.before_row!) as { $update: string[]; $rows: unknown[][] };
      const bulkAfter = JSON.parse(moved[0]!.after_row!) as { $update: string[]; $rows: unknown[][] };
      expect(bulkBefore.$update).toEqual(['code_id', 'updated_at']);
      expect(bulkAfter.$update).toEqual(['code_id', 'updated_at']);
      expect(bulkBefore.$rows).toHaveLength(6);
      for (const [k, row] of bulkBefore.$rows.entries()) {
        expect(row).toEqual([expect.any(String), source.id, expect.any(String)]);
        expect(bulkAfter.$rows[k]).toEqual([row[0], target.id, expect.any(String)]);
      }
      const effect = (f.h['history-undo']({}) as { effect: HistoryEffect }).effect;
      expect(snapshot(f)).toEqual(before);
      expect([...effect.documentIds].sort()).toEqual(
        f.docs
          .slice(0, 3)
          .map((d) => d.id)
          .sort(),
      );
      expect(effect.annotationIds).toHaveLength(6);
      const redone = (f.h['history-redo']({}) as { effect: HistoryEffect }).effect;
      expect(snapshot(f)).toEqual(after);
      expect([...redone.documentIds].sort()).toEqual([...effect.documentIds].sort());
      // Undo of the memo edit still names its document.
      undo(f);
      for (let i = 0; i < 8; i++) undo(f); // the merge's codes and annotations
      const memoUndo = (f.h['history-undo']({}) as { effect: HistoryEffect }).effect;
      expect(memoUndo).toMatchObject({ kind: 'annotation-memo', documentIds: [f.docs[0]!.id] });
    } finally {
      f.close();
    }
  });
});

describe('a log written before update records held only changed columns', () => {
  test('whole-row update records undo and redo exactly, also after reopening the project', async () => {
    const f = setup();
    const file = f.ctx.file;
    let closed = false;
    try {
      const problem = f.root['问题']!;
      const fiscal = create(f, '财政压力', problem, { definition: '财政' });
      const devolve = create(f, '放权不到位', problem, { definition: '放权' });
      const kid = create(f, '县级', fiscal);
      annotate(f, 0, fiscal, 10, 20, '来源备忘');
      annotate(f, 1, fiscal, 30, 40);
      annotate(f, 2, kid, 1, 5);
      annotate(f, 0, devolve, 10, 20, '目标备忘'); // the twin of the first
      const memo = annotate(f, 1, devolve, 2, 8, '旧备忘');
      f.h['memos-update-project']({ memo: '项目备忘' });

      // Each step one command, with updates; the tracked rows before and after each (some
      // handlers are async).
      const steps: ((h: SyncHandlers) => unknown)[] = [
        (h) => h['annotations-update-memo']({ id: memo.id, memo: '新备忘' }),
        (h) => h['codes-update']({ id: devolve.id, name: '放权', inclusion: '纳入' }),
        (h) => h['codes-move']({ id: devolve.id, parentId: problem.id, index: 0 }),
        (h) => h['codes-merge']({ sourceId: fiscal.id, targetId: devolve.id }),
        (h) => h['documents-rename']({ id: f.docs[1]!.id, title: '改名𠀋' }),
        (h) => h['documents-update-memo']({ id: f.docs[2]!.id, memo: '文档备忘𪚥' }),
        (h) => h['memos-update-project']({ memo: '项目备忘，改' }),
      ];
      const states: unknown[] = [state(f)];
      const rows: Rows[] = [trackedRows(f)];
      let rewritten = 0;
      for (const step of steps) {
        const seq = lastSeq(f);
        await step(f.h);
        expect(lastSeq(f)).toBe(seq + 1);
        states.push(state(f));
        rows.push(trackedRows(f));
        rewritten += toWholeRows(f, seq + 1, rows.at(-2)!, rows.at(-1)!);
      }
      // The merge moved annotations, re-parented the sub-code and appended memos: many updates.
      expect(rewritten).toBeGreaterThan(8);
      const all = records(f);
      expect(all.some((r) => r.before_row?.includes('$update'))).toBe(false);
      const mergeSeq = lastSeq(f) - 3;
      const wholeMove = records(f, mergeSeq).find((r) => r.table_name === 'annotations' && r.after_row)!;
      expect(Object.keys(JSON.parse(wholeMove.before_row!) as object)).toContain('start_offset');

      // Undo the last two with the log as it is, then upgrade: reopen the file.
      undo(f);
      undo(f);
      expect(state(f)).toEqual(states[steps.length - 2]);
      f.close();
      closed = true;

      const open = () => {
        const { db } = openProject({ file });
        const ctx = { db, file, now: () => new Date(Date.UTC(2026, 10, 24)) };
        return { ...f, ctx, h: createHandlers(ctx) as unknown as SyncHandlers, close: () => db.close() };
      };
      let g: Fixture = open();
      try {
        for (let k = steps.length - 2; k > 0; k--) {
          undo(g);
          expect(state(g)).toEqual(states[k - 1]);
        }
        for (let k = 1; k <= steps.length; k++) {
          redo(g);
          expect(state(g)).toEqual(states[k]);
        }
        undo(g);
        undo(g);
        undo(g);
        expect(state(g)).toEqual(states[steps.length - 3]);
      } finally {
        g.close();
      }
      // And across another restart: redo what was undone, undo to the start.
      g = open();
      try {
        redo(g);
        redo(g);
        redo(g);
        expect(state(g)).toEqual(states[steps.length]);
        for (let k = steps.length; k > 0; k--) undo(g);
        expect(state(g)).toEqual(states[0]);
      } finally {
        g.close();
      }
      // The whole-row records are still whole rows (nothing rewrote the log).
      const db = new Database(file, { readonly: true });
      try {
        const n = db
          .prepare(`SELECT count(*) FROM command_changes WHERE before_row LIKE '%"$update"%'`)
          .pluck()
          .get();
        expect(n).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      if (!closed) f.close();
    }
  });
});
