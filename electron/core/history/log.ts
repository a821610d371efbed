/**
 * Undo/redo as a persistent command log in SQLite (tables `commands` and `command_changes`), not
 * editor history: it survives closing the project and covers every operation that changes
 * coding, whatever feature made it.
 *
 * A feature makes its changes through a `ChangeSet` (insert / update / remove on tracked tables,
 * see tables.ts), then calls `record(db, kind, changes)` in the same transaction. Undo writes
 * each change's `before` state back in reverse order, redo its `after` state in order, so a
 * command of any size (one memo, a merge of two codes, coding 500 search hits) is one undo step.
 *
 * An insert or a removal records the whole row. An update records only the columns it changed,
 * marked `"$update": true` (before: their old values, after: their new ones; the row's id is in
 * `row_id`), and undo/redo write just those columns. The rows of one bulk update
 * (`ChangeSet.updateMany`, a merge's thousands of moved annotations) share one record: the
 * columns and each row's id and values, written back in one statement. Logs written before that
 * format hold whole rows for updates too (no marker); they are still applied as before: the
 * columns that differ between the two rows, or the whole row if it is missing.
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
  updateColumnsOfValues,
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
  /**
   * An update of these columns (`before` and `after` need hold only them); without it, an update
   * is recorded with the columns whose values differ between `before` and `after`.
   */
  columns?: readonly string[];
}

/**
 * Marks a change record holding the changed columns of an update, not whole rows: `true` for
 * one row; for the rows of one bulk update (`updateMany`), the list of columns, with the rows
 * under `$rows` as `[id, ...values]` and `*` as the record's row id.
 */
const UPDATE = '$update';
const ROWS = '$rows';
const MANY = '*';

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
   * The same patch on many rows in one statement; one change per row holding the patch's
   * columns, all written to the log as one bulk record (undo and redo write them in one
   * statement too). Each row is given with (at least) its id and the patch's columns as just
   * read. With `allWhere`, `rows` are every row
   * whose column has that value (as read in this transaction) but those in `except`: the
   * statement selects them by it instead of by a list of ids.
   */
  updateMany<R extends Row>(
    table: string,
    rows: readonly (Pick<R, 'id'> & Partial<R>)[],
    patch: Partial<R>,
    allWhere?: { column: keyof R & string; equals: unknown; except: readonly string[] },
  ): void {
    const set = Object.keys(patch).filter((c) => c !== 'id');
    if (rows.some((r) => !set.every((c) => c in r))) {
      for (const r of rows) this.update<R>(table, r.id, patch);
      return;
    }
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
    // Recorded by the patch's columns: every row's after state is the patch itself.
    for (const before of rows)
      this.changes.push({
        table,
        id: before.id,
        before,
        after: { ...patch, id: before.id },
        columns: set,
      });
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

/** One row of `command_changes` but its position: table, row id, before and after (JSON). */
type ChangeRecordValues = [string, string, string | null, string | null];

/**
 * The log's records of a command's changes: an insert or a removal holds the whole row; an
 * update the columns it changed; the rows of one `updateMany` share one record.
 */
function toRecords(list: readonly RowChange[]): ChangeRecordValues[] {
  const out: ChangeRecordValues[] = [];
  for (let i = 0; i < list.length;) {
    const c = list[i]!;
    if (c.before === null || c.after === null) {
      out.push([c.table, c.id, c.before && JSON.stringify(c.before), c.after && JSON.stringify(c.after)]);
      i++;
      continue;
    }
    const columns = c.columns ?? Object.keys(changedColumns(c.before, c.after));
    let j = i + 1;
    // The changes of one updateMany share their `columns` array.
    if (c.columns)
      while (j < list.length && list[j]!.columns === c.columns && list[j]!.table === c.table) j++;
    if (j - i > 1) {
      const run = list.slice(i, j);
      const pack = (side: 'before' | 'after') =>
        JSON.stringify({
          [UPDATE]: columns,
          [ROWS]: run.map((r) => [r.id, ...columns.map((col) => r[side]![col] ?? null)]),
        });
      out.push([c.table, MANY, pack('before'), pack('after')]);
    } else {
      const before: Record<string, unknown> = { [UPDATE]: true };
      const after: Record<string, unknown> = { [UPDATE]: true };
      for (const col of columns) {
        before[col] = c.before[col] ?? null;
        after[col] = c.after[col] ?? null;
      }
      out.push([c.table, c.id, JSON.stringify(before), JSON.stringify(after)]);
    }
    i = j;
  }
  return out;
}

/** A bulk update's record, either side: the columns and each row's `[id, ...values]`. */
interface BulkRecord {
  [UPDATE]: string[];
  [ROWS]: unknown[][];
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
  // Many records go in batches of rows per statement: fewer statement runs than one per record.
  const batch = db.stmt(INSERT_BATCH);
  const one = db.stmt(INSERT_ONE);
  const params: unknown[] = [];
  toRecords(list).forEach((r, ord) => {
    params.push(seq, ord, ...r);
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
  /** An update recorded by its changed columns: `target`/`other` hold only them (and `id`). */
  partial?: boolean;
  /**
   * The rows of one bulk update (`target`/`other` null, `id` is `*`): the columns, each row's
   * `[id, ...values]` to write, and the document ids of the other side when the update moved
   * annotations between documents.
   */
  bulk?: { columns: string[]; rows: unknown[][]; otherDocuments?: string[] };
}

/** The columns an update writes: all those recorded, or (a whole-row record) those that differ. */
function columnsOf(c: ParsedChange): string[] {
  if (c.target === null || c.other === null) return [];
  return c.partial
    ? Object.keys(c.target).filter((k) => k !== 'id')
    : Object.keys(changedColumns(c.other, c.target));
}

/** Writes one change: the columns of an update, else the whole row (or its removal). */
function applyOne(db: Db, c: ParsedChange): void {
  if (c.target === null) removeRow(db, c.table, c.id);
  else if (c.partial) {
    // The row is in its other state now. Were it missing (it never is when the log is replayed
    // in order), there is no whole row to write back: the change has nothing to restore.
    updateColumns(db, c.table, c.id, c.target);
  } else {
    // A whole-row update (older logs): set only the columns it changed; an insert, or a row
    // that is unexpectedly missing, is written whole.
    const updated = c.other !== null && updateColumns(db, c.table, c.id, changedColumns(c.other, c.target));
    if (!updated) putRow(db, c.table, c.target);
  }
}

/** Writes a bulk record's rows in one statement; if it misses a row, row by row (as `applyOne`). */
function writeBulk(db: Db, table: string, bulk: NonNullable<ParsedChange['bulk']>): void {
  if (updateColumnsOfValues(db, table, bulk.columns, bulk.rows) === bulk.rows.length) return;
  for (const values of bulk.rows) {
    const row: Record<string, unknown> = {};
    bulk.columns.forEach((col, n) => (row[col] = values[n + 1]));
    updateColumns(db, table, values[0] as string, row);
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
    if (first.bulk) {
      writeBulk(db, first.table, first.bulk);
      i++;
      continue;
    }
    if (first.named || first.target === null || first.other === null) {
      single(first);
      i++;
      continue;
    }
    const columns = columnsOf(first);
    const key = columns.join('\u0000');
    const ids = new Set([first.id]);
    let j = i + 1;
    for (; j < changes.length; j++) {
      const c = changes[j]!;
      if (c.named || c.table !== first.table || c.target === null || c.other === null || ids.has(c.id)) break;
      if (columnsOf(c).join('\u0000') !== key) break;
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
    if (c.row_id === MANY && c.before_row !== null && c.after_row !== null) {
      // The rows of one bulk update: only the side to write is needed.
      const [target, other] =
        direction === 'undo' ? [c.before_row, c.after_row] : [c.after_row, c.before_row];
      const { [UPDATE]: columns, [ROWS]: rows } = JSON.parse(target) as BulkRecord;
      const d = columns.indexOf('document_id');
      const otherDocuments =
        d < 0 ? undefined : (JSON.parse(other) as BulkRecord)[ROWS].map((r) => r[d + 1] as string);
      parsed.push({
        table: c.table_name,
        id: MANY,
        target: null,
        other: null,
        ord: c.ord,
        bulk: { columns, rows, otherDocuments },
      });
      continue;
    }
    const before = c.before_row === null ? null : (JSON.parse(c.before_row) as Row);
    const after = c.after_row === null ? null : (JSON.parse(c.after_row) as Row);
    let partial = false;
    if (before?.[UPDATE] === true && after?.[UPDATE] === true) {
      // An update's changed columns: the marker goes, the id comes from the record.
      partial = true;
      delete before[UPDATE];
      delete after[UPDATE];
      before.id = c.row_id;
      after.id = c.row_id;
    }
    parsed.push(
      direction === 'undo'
        ? { table: c.table_name, id: c.row_id, target: before, other: after, ord: c.ord, partial }
        : { table: c.table_name, id: c.row_id, target: after, other: before, ord: c.ord, partial },
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
  /** Annotations updated without a change of document: their document is read from the table. */
  const unplaced: string[] = [];
  const tables = new Set<string>();
  for (const c of parsed) {
    tables.add(c.table);
    if (c.bulk) {
      const d = c.bulk.columns.indexOf('document_id');
      for (const row of c.bulk.rows) {
        const id = row[0] as string;
        if (c.table === 'documents') documentIds.add(id);
        if (c.table !== 'annotations') continue;
        annotationIds.add(id);
        if (d < 0) unplaced.push(id);
        else documentIds.add(row[d + 1] as string);
      }
      for (const id of c.bulk.otherDocuments ?? []) documentIds.add(id);
      continue;
    }
    if (c.table === 'documents') documentIds.add(c.id);
    if (c.table === 'annotations') {
      annotationIds.add(c.id);
      const [before, after] = direction === 'undo' ? [c.target, c.other] : [c.other, c.target];
      for (const row of [before, after])
        if (typeof row?.document_id === 'string') documentIds.add(row.document_id);
      if (c.partial && typeof c.target?.document_id !== 'string') unplaced.push(c.id);
    }
  }
  if (unplaced.length > 0) {
    const rows = db
      .stmt(`SELECT DISTINCT document_id FROM annotations WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(unplaced)) as { document_id: string }[];
    for (const r of rows) documentIds.add(r.document_id);
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
