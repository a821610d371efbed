/**
 * The tables the undo log can restore, and how to write a whole row back. Each tracked table has
 * a text primary key `id`. A feature whose command changes another table registers it here
 * (`trackTable`) before recording changes to it.
 *
 * `put` is an upsert over all columns on insert, but updates only the `mutable` columns on
 * conflict: immutable columns (a document's canonical text) are guarded by triggers and never
 * change after insert anyway. `updateColumns` sets a few columns of an existing row (updates and
 * their undo/redo: a merge of thousands of annotations changes one column of each);
 * `updateColumnsOfIds` / `updateColumnsOfRows` / `updateColumnsOfValues` do that for many rows in
 * one statement.
 */
import type { Db } from '../db/database';

export type Row = Record<string, unknown> & { id: string };

export interface TrackedTable {
  name: string;
  columns: readonly string[];
  /** Columns an update may change (default: all but `id`). */
  mutable?: readonly string[];
  /**
   * Values for columns added by a later migration, used when a row recorded in the undo log
   * before that migration lacks them (the column's SQL default, e.g. `''`).
   */
  defaults?: Readonly<Record<string, unknown>>;
}

const tables = new Map<string, TrackedTable>();

export function trackTable(table: TrackedTable): void {
  const existing = tables.get(table.name);
  if (existing && existing.columns.join() !== table.columns.join()) {
    throw new Error(`Tracked table ${table.name} registered twice with different columns`);
  }
  tables.set(table.name, table);
}

export function trackedTable(name: string): TrackedTable {
  const t = tables.get(name);
  if (!t) throw new Error(`Table ${name} is not tracked by the undo log`);
  return t;
}

function quote(id: string): string {
  return `"${id.replace(/"/g, '""')}"`;
}

export function getRow(db: Db, table: string, id: string): Row | undefined {
  const t = trackedTable(table);
  return db.stmt(`SELECT ${t.columns.map(quote).join(', ')} FROM ${quote(t.name)} WHERE id = ?`).get(id) as
    Row | undefined;
}

/** Makes the stored row equal `row` (insert, or overwrite its mutable columns). */
export function putRow(db: Db, table: string, row: Row): void {
  const t = trackedTable(table);
  const cols = t.columns.map(quote).join(', ');
  const params = t.columns.map((c) => `@${c}`).join(', ');
  const mutable = (t.mutable ?? t.columns.filter((c) => c !== 'id')).map(
    (c) => `${quote(c)} = excluded.${quote(c)}`,
  );
  const onConflict = mutable.length > 0 ? `DO UPDATE SET ${mutable.join(', ')}` : 'DO NOTHING';
  const values: Record<string, unknown> = {};
  for (const c of t.columns) values[c] = c in row ? (row[c] ?? null) : (t.defaults?.[c] ?? null);
  db.stmt(`INSERT INTO ${quote(t.name)} (${cols}) VALUES (${params}) ON CONFLICT (id) ${onConflict}`).run(
    values,
  );
}

/**
 * Sets only the given columns of an existing row (those an update may change). Cheaper than
 * `putRow` for a few columns of a wide row: SQLite rewrites only the indexes over the columns set.
 * Returns false when no row has this id.
 */
export function updateColumns(
  db: Db,
  table: string,
  id: string,
  values: Readonly<Record<string, unknown>>,
): boolean {
  const t = trackedTable(table);
  const mutable = new Set(t.mutable ?? t.columns.filter((c) => c !== 'id'));
  const cols = Object.keys(values).filter((c) => mutable.has(c));
  if (cols.length === 0) return getRow(db, table, id) !== undefined;
  const params: Record<string, unknown> = { id };
  for (const c of cols) params[c] = values[c] ?? null;
  return (
    db
      .stmt(`UPDATE ${quote(t.name)} SET ${cols.map((c) => `${quote(c)} = @${c}`).join(', ')} WHERE id = @id`)
      .run(params).changes > 0
  );
}

/**
 * Sets the same values on many existing rows in one statement (a merge moves thousands of
 * annotations to one code). Returns the number of rows changed; the caller compares it with the
 * number of ids to detect missing rows.
 */
export function updateColumnsOfIds(
  db: Db,
  table: string,
  ids: readonly string[],
  values: Readonly<Record<string, unknown>>,
): number {
  const t = trackedTable(table);
  const mutable = new Set(t.mutable ?? t.columns.filter((c) => c !== 'id'));
  const cols = Object.keys(values).filter((c) => mutable.has(c));
  if (cols.length === 0 || ids.length === 0) return 0;
  const params: Record<string, unknown> = { ids: JSON.stringify(ids) };
  cols.forEach((c, i) => (params[`v${i}`] = values[c] ?? null));
  return db
    .stmt(
      `UPDATE ${quote(t.name)} SET ${cols.map((c, i) => `${quote(c)} = @v${i}`).join(', ')}
       WHERE id IN (SELECT value FROM json_each(@ids))`,
    )
    .run(params).changes;
}

/**
 * Sets the given columns of every row whose `column` equals `equals` but for the ids in `except`
 * (the rows a caller has just read by that column, e.g. a code's annotations, less those it
 * treats otherwise): the plain UPDATE, without a list of every id. Returns the number of rows
 * changed.
 */
export function updateColumnsWhere(
  db: Db,
  table: string,
  column: string,
  equals: unknown,
  except: readonly string[],
  values: Readonly<Record<string, unknown>>,
): number {
  const t = trackedTable(table);
  if (!t.columns.includes(column)) throw new Error(`${table} has no tracked column ${column}`);
  const mutable = new Set(t.mutable ?? t.columns.filter((c) => c !== 'id'));
  const cols = Object.keys(values).filter((c) => mutable.has(c));
  if (cols.length === 0) return 0;
  const params: Record<string, unknown> = { equals, except: JSON.stringify(except) };
  cols.forEach((c, i) => (params[`v${i}`] = values[c] ?? null));
  return db
    .stmt(
      `UPDATE ${quote(t.name)} SET ${cols.map((c, i) => `${quote(c)} = @v${i}`).join(', ')}
       WHERE ${quote(column)} = @equals AND id NOT IN (SELECT value FROM json_each(@except))`,
    )
    .run(params).changes;
}

/**
 * Writes the given columns of many existing rows, each its own values, in one statement (undo
 * and redo of a merge). `rows` must have distinct ids. Returns the number of rows changed.
 */
export function updateColumnsOfRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
): number {
  return updateColumnsOfValues(
    db,
    table,
    columns,
    rows.map((r) => [r.id, ...columns.map((c) => r[c] ?? null)]),
  );
}

/**
 * As `updateColumnsOfRows`, the rows given as `[id, ...values]` (values in the order of
 * `columns`; the undo log's bulk records hold them so).
 */
export function updateColumnsOfValues(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): number {
  const t = trackedTable(table);
  const mutable = new Set(t.mutable ?? t.columns.filter((c) => c !== 'id'));
  // Each written column with its position in a row's array.
  const cols = columns.map((c, i) => [c, i + 1] as const).filter(([c]) => mutable.has(c));
  if (cols.length === 0 || rows.length === 0) return 0;
  return db
    .stmt(
      `UPDATE ${quote(t.name)} SET ${cols.map(([c, i]) => `${quote(c)} = v.value ->> ${i}`).join(', ')}
       FROM json_each(?) AS v WHERE ${quote(t.name)}.id = v.value ->> 0`,
    )
    .run(JSON.stringify(rows)).changes;
}

export function removeRow(db: Db, table: string, id: string): void {
  db.stmt(`DELETE FROM ${quote(trackedTable(table).name)} WHERE id = ?`).run(id);
}

trackTable({
  name: 'annotations',
  columns: [
    'id',
    'document_id',
    'code_id',
    'coder_id',
    'start_offset',
    'end_offset',
    'quote',
    'memo',
    'created_at',
    'updated_at',
  ],
});
trackTable({
  name: 'codes',
  columns: [
    'id',
    'parent_id',
    'name',
    'color',
    'description',
    'shortcut',
    'sort_order',
    'created_at',
    'definition',
    'inclusion',
    'exclusion',
    'example',
    'memo_updated_at',
  ],
  defaults: { definition: '', inclusion: '', exclusion: '', example: '' },
});
trackTable({
  name: 'documents',
  columns: [
    'id',
    'title',
    'source_file',
    'source_path',
    'text',
    'length',
    'sha256',
    'encoding',
    'cleaning',
    'imported_at',
    'sort_order',
    'memo',
    'memo_updated_at',
    // 0002_import: provenance, immutable like the text.
    'script',
    'text_sha256',
    'source_format',
    'raw_text',
    'removed_spans',
    'import_report',
    'split_from',
  ],
  mutable: ['title', 'source_file', 'source_path', 'imported_at', 'sort_order', 'memo', 'memo_updated_at'],
  defaults: { memo: '' },
});
trackTable({ name: 'memos', columns: ['id', 'text', 'updated_at'] });
