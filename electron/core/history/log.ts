/**
 * Undo/redo as a persistent command log in SQLite (tables `commands` and `command_changes`), not
 * editor history: it survives closing the project and covers every operation that changes
 * coding, whatever feature made it.
 *
 * A feature makes its changes through a `ChangeSet` (insert / update / remove on tracked tables,
 * see tables.ts), then calls `record(db, kind, changes)` in the same transaction. Undo writes
 * each change's `before` row back in reverse order, redo its `after` row in order, so a command
 * of any size (one memo, a merge of two codes, coding 500 search hits) is one undo step.
 */
import { PizhuError } from '../../../shared/errors';
import type { HistoryEffect, HistoryKind, HistoryState } from '../../../shared/domain';
import type { Db } from '../db/database';
import {
  getRow,
  putRow,
  removeRow,
  trackedTable,
  updateColumns,
  updateColumnsOfIds,
  updateColumnsOfRows,
  type Row,
} from './tables';

/** Oldest commands beyond this are dropped: undo reaches back a long way, the file stays small. */
export const HISTORY_LIMIT = 1_000;

export interface RowChange {
  table: string;
  id: string;
  before: Row | null;
  after: Row | null;
}

/** Applies row changes and remembers them for `record`. */
export class ChangeSet {
  readonly changes: RowChange[] = [];
  constructor(private readonly db: Db) {}

  insert<R extends Row>(table: string, row: R): R {
    putRow(this.db, table, row);
    this.changes.push({ table, id: row.id, before: null, after: { ...row } });
    return row;
  }

  /**
   * Changes some columns of a row; returns the row before and after. `known` is the row as just
   * read by the caller (all tracked columns), which saves reading it again.
   */
  update<R extends Row>(table: string, id: string, patch: Partial<R>, known?: R): { before: R; after: R } {
    const complete = known !== undefined && trackedTable(table).columns.every((c) => c in known);
    const before = complete ? known : (getRow(this.db, table, id) as R | undefined);
    if (!before) throw new Error(`No ${table} row ${id}`);
    const after = { ...before, ...patch, id };
    if (!updateColumns(this.db, table, id, changedColumns(before, after)))
      throw new Error(`No ${table} row ${id}`);
    this.changes.push({ table, id, before, after });
    return { before, after };
  }

  /**
   * The same patch on many rows, each given complete as just read (all tracked columns), in one
   * statement; recorded as one change per row, so undo and redo treat them like `update`s.
   */
  updateMany<R extends Row>(table: string, rows: readonly R[], patch: Partial<R>): R[] {
    const columns = trackedTable(table).columns;
    if (rows.some((r) => !columns.every((c) => c in r)))
      return rows.map((r) => this.update<R>(table, r.id, patch).after);
    const afters = rows.map((r) => ({ ...r, ...patch, id: r.id }));
    if (
      updateColumnsOfIds(
        this.db,
        table,
        rows.map((r) => r.id),
        patch,
      ) !== new Set(rows.map((r) => r.id)).size
    )
      throw new Error(`Missing ${table} rows in a bulk update`);
    rows.forEach((before, i) => this.changes.push({ table, id: before.id, before, after: afters[i]! }));
    return afters;
  }

  remove<R extends Row>(table: string, id: string): R {
    const before = getRow(this.db, table, id) as R | undefined;
    if (!before) throw new Error(`No ${table} row ${id}`);
    removeRow(this.db, table, id);
    this.changes.push({ table, id, before, after: null });
    return before;
  }
}

/** The columns whose values differ between two versions of a row, with the values of `to`. */
function changedColumns(from: Row, to: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [c, v] of Object.entries(to)) if (c !== 'id' && from[c] !== v) out[c] = v;
  return out;
}

interface CommandEntry {
  seq: number;
  kind: HistoryKind;
}

/** Records a command whose changes have just been applied. Discards the redo tail, caps the log. */
export function record(
  db: Db,
  kind: HistoryKind,
  changes: ChangeSet | readonly RowChange[],
  at: string,
): void {
  const list = changes instanceof ChangeSet ? changes.changes : changes;
  if (list.length === 0) return;
  db.stmt(`DELETE FROM commands WHERE state = 'undone'`).run();
  const seq = Number(
    db.stmt(`INSERT INTO commands (kind, state, created_at) VALUES (?, 'done', ?)`).run(kind, at)
      .lastInsertRowid,
  );
  const insert = db.stmt(
    `INSERT INTO command_changes (seq, ord, table_name, row_id, before_row, after_row) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  list.forEach((c, ord) => {
    insert.run(
      seq,
      ord,
      c.table,
      c.id,
      c.before && JSON.stringify(c.before),
      c.after && JSON.stringify(c.after),
    );
  });
  db.stmt(
    `DELETE FROM commands WHERE seq IN (SELECT seq FROM commands ORDER BY seq DESC LIMIT -1 OFFSET ?)`,
  ).run(HISTORY_LIMIT);
}

function nextUndo(db: Db): CommandEntry | undefined {
  return db.stmt(`SELECT seq, kind FROM commands WHERE state = 'done' ORDER BY seq DESC LIMIT 1`).get() as
    CommandEntry | undefined;
}

function nextRedo(db: Db): CommandEntry | undefined {
  return db.stmt(`SELECT seq, kind FROM commands WHERE state = 'undone' ORDER BY seq ASC LIMIT 1`).get() as
    CommandEntry | undefined;
}

export function historyState(db: Db): HistoryState {
  const u = nextUndo(db);
  const r = nextRedo(db);
  return { canUndo: !!u, canRedo: !!r, undoKind: u?.kind ?? null, redoKind: r?.kind ?? null };
}

interface ChangeRecord {
  table_name: string;
  row_id: string;
  before_row: string | null;
  after_row: string | null;
}

interface ParsedChange {
  table: string;
  id: string;
  /** The row to write (null: remove) and the row it replaces (null: an insert is undone/redone). */
  target: Row | null;
  other: Row | null;
}

/** Writes one change as `apply` always did: changed columns of an update, else the whole row. */
function applyOne(db: Db, c: ParsedChange): void {
  if (c.target === null) removeRow(db, c.table, c.id);
  else {
    // An update: set only the columns it changed (the row is in its other state now); an
    // insert, or a row that is unexpectedly missing, is written whole.
    const updated = c.other !== null && updateColumns(db, c.table, c.id, changedColumns(c.other, c.target));
    if (!updated) putRow(db, c.table, c.target);
  }
}

/**
 * Applies changes in order. A run of consecutive updates of one table that change the same
 * columns of distinct rows (a merge's thousands of moved annotations) is written in one
 * statement; if it does not find every row, the run is written row by row as above.
 */
function applyAll(db: Db, changes: readonly ParsedChange[]): void {
  let i = 0;
  while (i < changes.length) {
    const first = changes[i]!;
    if (first.target === null || first.other === null) {
      applyOne(db, first);
      i++;
      continue;
    }
    const columns = Object.keys(changedColumns(first.other, first.target));
    const key = columns.join('\u0000');
    const ids = new Set([first.id]);
    let j = i + 1;
    for (; j < changes.length; j++) {
      const c = changes[j]!;
      if (c.table !== first.table || c.target === null || c.other === null || ids.has(c.id)) break;
      if (Object.keys(changedColumns(c.other, c.target)).join('\u0000') !== key) break;
      ids.add(c.id);
    }
    const run = changes.slice(i, j);
    if (
      run.length === 1 ||
      updateColumnsOfRows(
        db,
        first.table,
        columns,
        run.map((c) => c.target!),
      ) !== run.length
    )
      for (const c of run) applyOne(db, c);
    i = j;
  }
}

function apply(db: Db, entry: CommandEntry, direction: 'undo' | 'redo'): HistoryEffect {
  const records = db
    .stmt(`SELECT table_name, row_id, before_row, after_row FROM command_changes WHERE seq = ? ORDER BY ord`)
    .all(entry.seq) as ChangeRecord[];
  const parsed = records.map((c) => {
    const before = c.before_row === null ? null : (JSON.parse(c.before_row) as Row);
    const after = c.after_row === null ? null : (JSON.parse(c.after_row) as Row);
    return direction === 'undo'
      ? { table: c.table_name, id: c.row_id, target: before, other: after }
      : { table: c.table_name, id: c.row_id, target: after, other: before };
  });
  if (direction === 'undo') parsed.reverse();
  applyAll(db, parsed);
  const documentIds = new Set<string>();
  const annotationIds = new Set<string>();
  const tables = new Set<string>();
  for (const c of parsed) {
    tables.add(c.table);
    if (c.table === 'documents') documentIds.add(c.id);
    if (c.table === 'annotations') {
      annotationIds.add(c.id);
      const [before, after] = direction === 'undo' ? [c.target, c.other] : [c.other, c.target];
      for (const row of [before, after])
        if (typeof row?.document_id === 'string') documentIds.add(row.document_id);
    }
  }
  return {
    kind: entry.kind,
    direction,
    documentIds: [...documentIds],
    annotationIds: [...annotationIds],
    tables: [...tables],
  };
}

export function undo(db: Db): HistoryEffect {
  return db.transaction(() => {
    const e = nextUndo(db);
    if (!e) throw new PizhuError('nothing-to-undo', 'Nothing to undo');
    const effect = apply(db, e, 'undo');
    db.stmt(`UPDATE commands SET state = 'undone' WHERE seq = ?`).run(e.seq);
    return effect;
  });
}

export function redo(db: Db): HistoryEffect {
  return db.transaction(() => {
    const e = nextRedo(db);
    if (!e) throw new PizhuError('nothing-to-redo', 'Nothing to redo');
    const effect = apply(db, e, 'redo');
    db.stmt(`UPDATE commands SET state = 'done' WHERE seq = ?`).run(e.seq);
    return effect;
  });
}
