/**
 * Undo/redo as a persistent command log in SQLite (tables `commands` and `command_changes`), not
 * editor history: it survives closing the project and covers every operation that changes
 * coding, whatever feature made it.
 *
 * A feature makes its changes through a `ChangeSet` (insert / update / remove on tracked tables,
 * see tables.ts), then calls `record(db, kind, changes)` in the same transaction. Undo writes
 * each change's `before` row back in reverse order, redo its `after` row in order, so a command
 * of any size (one memo, a merge of two codes, coding 500 search hits) is one undo step.
 *
 * An insert of a large row that stays where it was written (an imported document: its text, up
 * to millions of characters) is recorded by name only (`ChangeSet.insertNamed`): its after state
 * is the row in its table, so the log does not hold a second copy of the text. Undo reads the row
 * back into the log before removing it (redo needs it then), and redo names it again.
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
  updateColumnsWhere,
  type Row,
} from './tables';

/** Oldest commands beyond this are dropped: undo reaches back a long way, the file stays small. */
export const HISTORY_LIMIT = 1_000;

/** Change records written per INSERT statement (6 parameters each). */
const RECORD_BATCH = 64;

function insertChanges(rows: number): string {
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ');
  return `INSERT INTO command_changes (seq, ord, table_name, row_id, before_row, after_row) VALUES ${values}`;
}
const INSERT_BATCH = insertChanges(RECORD_BATCH);
const INSERT_ONE = insertChanges(1);

export interface RowChange {
  table: string;
  id: string;
  before: Row | null;
  after: Row | null;
}

/** The `after_row` of an insert recorded by name: the row is the one in its table. */
const IN_TABLE = '$inTable';

function namedRow(id: string): Row {
  return { id, [IN_TABLE]: true };
}

function isNamed(json: string | null): boolean {
  // Cheap test first: a named row is a tiny object; a full row is never this short.
  return (
    json !== null && json.length < 200 && (JSON.parse(json) as Record<string, unknown>)[IN_TABLE] === true
  );
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
   * Inserts a row recorded by name only (see the file header): for large rows that later
   * commands never replace, such as documents (their text is immutable).
   */
  insertNamed<R extends Row>(table: string, row: R): R {
    putRow(this.db, table, row);
    this.changes.push({ table, id: row.id, before: null, after: namedRow(row.id) });
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
   * statement; recorded as one change per row, so undo and redo treat them like `update`s. With
   * `allWhere`, `rows` are every row whose column has that value (as read in this transaction)
   * but those in `except`: the statement selects them by it instead of by a list of ids.
   */
  updateMany<R extends Row>(
    table: string,
    rows: readonly R[],
    patch: Partial<R>,
    allWhere?: { column: keyof R & string; equals: unknown; except: readonly string[] },
  ): R[] {
    const columns = trackedTable(table).columns;
    if (rows.some((r) => !columns.every((c) => c in r)))
      return rows.map((r) => this.update<R>(table, r.id, patch).after);
    const afters = rows.map((r) => ({ ...r, ...patch, id: r.id }));
    const written =
      allWhere && rows.length > 0
        ? updateColumnsWhere(this.db, table, allWhere.column, allWhere.equals, allWhere.except, patch)
        : updateColumnsOfIds(
            this.db,
            table,
            rows.map((r) => r.id),
            patch,
          );
    if (written !== new Set(rows.map((r) => r.id)).size)
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
  // Many changes (a merge's thousands of moved annotations) go in batches of rows per statement:
  // fewer statement runs than one per change.
  const batch = db.stmt(INSERT_BATCH);
  const one = db.stmt(INSERT_ONE);
  const params: unknown[] = [];
  list.forEach((c, ord) => {
    params.push(
      seq,
      ord,
      c.table,
      c.id,
      c.before && JSON.stringify(c.before),
      c.after && JSON.stringify(c.after),
    );
    if (params.length === RECORD_BATCH * 6) {
      batch.run(params);
      params.length = 0;
    }
  });
  for (let i = 0; i < params.length; i += 6) one.run(params.slice(i, i + 6));
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
  ord: number;
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
  /** Position in the command's log (to rewrite a named insert's entry). */
  ord: number;
  /** An insert recorded by name (`target`/`other` unused): handled by the caller. */
  named?: boolean;
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
function applyAll(db: Db, changes: readonly ParsedChange[], single: (c: ParsedChange) => void): void {
  let i = 0;
  while (i < changes.length) {
    const first = changes[i]!;
    if (first.named || first.target === null || first.other === null) {
      single(first);
      i++;
      continue;
    }
    const columns = Object.keys(changedColumns(first.other, first.target));
    const key = columns.join('\u0000');
    const ids = new Set([first.id]);
    let j = i + 1;
    for (; j < changes.length; j++) {
      const c = changes[j]!;
      if (c.named || c.table !== first.table || c.target === null || c.other === null || ids.has(c.id)) break;
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
      for (const c of run) single(c);
    i = j;
  }
}

function apply(db: Db, entry: CommandEntry, direction: 'undo' | 'redo'): HistoryEffect {
  const records = db
    .stmt(
      `SELECT ord, table_name, row_id, before_row, after_row FROM command_changes WHERE seq = ? ORDER BY ord`,
    )
    .all(entry.seq) as ChangeRecord[];
  const setAfter = db.stmt(`UPDATE command_changes SET after_row = ? WHERE seq = ? AND ord = ?`);
  const parsed: ParsedChange[] = [];
  for (const c of records) {
    if (c.before_row === null && isNamed(c.after_row)) {
      // An insert recorded by name: the row is in its table, not in the log.
      parsed.push({ table: c.table_name, id: c.row_id, target: null, other: null, named: true, ord: c.ord });
      continue;
    }
    const before = c.before_row === null ? null : (JSON.parse(c.before_row) as Row);
    const after = c.after_row === null ? null : (JSON.parse(c.after_row) as Row);
    parsed.push(
      direction === 'undo'
        ? { table: c.table_name, id: c.row_id, target: before, other: after, ord: c.ord }
        : { table: c.table_name, id: c.row_id, target: after, other: before, ord: c.ord },
    );
  }
  if (direction === 'undo') parsed.reverse();
  applyAll(db, parsed, (c) => {
    if (c.named) {
      if (direction === 'undo') {
        // The row goes into the log (for redo) before it is removed.
        const row = getRow(db, c.table, c.id);
        if (row) setAfter.run(JSON.stringify({ ...row, [IN_TABLE]: false }), entry.seq, c.ord);
        removeRow(db, c.table, c.id);
      }
      // Redo of a named insert whose row was missing at undo time: nothing to restore.
      return;
    }
    applyOne(db, c);
    // A named insert redone: its row is in its table again, the log names it again.
    if (direction === 'redo' && c.target?.[IN_TABLE] === false)
      setAfter.run(JSON.stringify(namedRow(c.id)), entry.seq, c.ord);
  });
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
