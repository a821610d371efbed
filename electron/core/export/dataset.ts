/**
 * The coded dataset: one row per annotation with the columns of `DATASET_COLUMNS`, ordered by
 * document order, then start, then end, serialised as CSV (for Excel, Stata, R) or JSONL (pandas,
 * scripts).
 *
 * CSV: UTF-8 with a BOM (Excel detects the encoding only with it), CRLF record separators and
 * RFC 4180 quoting by csv-stringify; fields with leading or trailing whitespace are quoted too,
 * because some readers trim unquoted fields. Cells starting with `=`, `+`, `-`, `@` get a leading
 * `'` (the formula guard, cells.ts) unless `formulaGuard` is false: corpora are copied from
 * websites, and a cell Excel runs as a formula is a risk to whoever opens the file.
 *
 * JSONL: one JSON object per line, UTF-8 without BOM, keys in column order, numbers as numbers.
 * U+2028/U+2029 are escaped so that line-splitting readers (Python's `str.splitlines`) do not
 * break a record.
 */
import { stringify } from 'csv-stringify/sync';
import { DATASET_COLUMNS, type DatasetRow, type ExportFile, type ExportFormat } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { codePaths, listCodes } from '../codes/handlers';
import { listAttributes } from '../attributes/handlers';
import { setNamesByDocument } from '../sets/handlers';
import { guardRow } from './cells';

interface JoinedRow {
  annotation_id: string;
  document_id: string;
  document_title: string;
  source_file: string | null;
  code_id: string;
  coder: string;
  start: number;
  end: number;
  text: string;
  memo: string;
  created_at: string;
  updated_at: string;
  document_memo: string;
}

export function datasetRows(ctx: CoreContext): DatasetRow[] {
  const codes = listCodes(ctx);
  const paths = codePaths(codes);
  const definitions = new Map(codes.map((c) => [c.id, c.definition]));
  const sets = setNamesByDocument(ctx.db);
  const rows = ctx.db
    .stmt(
      `SELECT a.id AS annotation_id, d.id AS document_id, d.title AS document_title, d.source_file,
              a.code_id, c.name AS coder, a.start_offset AS start, a.end_offset AS end, a.quote AS text,
              a.memo, a.created_at, a.updated_at, d.memo AS document_memo
       FROM annotations a
       JOIN documents d ON d.id = a.document_id
       JOIN coders c ON c.id = a.coder_id
       ORDER BY d.sort_order, a.start_offset, a.end_offset, a.created_at, a.id`,
    )
    .all() as JoinedRow[];
  return rows.map((r) => {
    const path = paths.get(r.code_id) ?? [];
    return {
      annotation_id: r.annotation_id,
      document_id: r.document_id,
      document_title: r.document_title,
      source_file: r.source_file ?? '',
      code: path.at(-1) ?? '',
      code_path: path.join(' > '),
      coder: r.coder,
      start: r.start,
      end: r.end,
      text: r.text,
      memo: r.memo,
      created_at: r.created_at,
      updated_at: r.updated_at,
      document_memo: r.document_memo,
      code_memo: definitions.get(r.code_id) ?? '',
      document_sets: (sets.get(r.document_id) ?? []).join('; '),
    };
  });
}

/** Dataset rows plus one column per document attribute (named after it; empty when unset). */
export type ExportRow = DatasetRow & Record<string, string | number>;

export function toCsv(rows: readonly ExportRow[], columns: readonly string[] = DATASET_COLUMNS): string {
  return stringify(rows as ExportRow[], {
    bom: true,
    header: true,
    columns: [...columns],
    record_delimiter: '\r\n',
    quoted_match: /^\s|\s$|[\r\n]/,
  });
}

export function toJsonl(rows: readonly ExportRow[], columns: readonly string[] = DATASET_COLUMNS): string {
  return rows
    .map((row) => {
      const ordered: Record<string, string | number> = {};
      for (const col of columns) ordered[col] = row[col] ?? '';
      return (
        JSON.stringify(ordered)
          .replace(/\u2028/g, '\\u2028')
          .replace(/\u2029/g, '\\u2029') + '\n'
      );
    })
    .join('');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `pizhu-dataset-YYYYMMDD-HHmmss.<ext>` in local time: the name the user sees in their folder. */
export function datasetFileName(at: Date, format: ExportFormat): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `pizhu-dataset-${date}-${time}.${format}`;
}

/** Attribute columns after the fixed ones, in the attributes' order; names never collide (checked at creation). */
export function withAttributes(
  ctx: CoreContext,
  rows: DatasetRow[],
): { rows: ExportRow[]; columns: string[] } {
  const attributes = listAttributes(ctx.db);
  if (attributes.length === 0) return { rows: rows.map((r) => ({ ...r })), columns: [...DATASET_COLUMNS] };
  const values = new Map<string, string>();
  for (const v of ctx.db.stmt('SELECT document_id, attribute_id, value FROM document_attributes').all() as {
    document_id: string;
    attribute_id: string;
    value: string;
  }[])
    values.set(`${v.document_id}/${v.attribute_id}`, v.value);
  return {
    rows: rows.map((r) => {
      const out = { ...r } as ExportRow;
      for (const a of attributes) out[a.name] = values.get(`${r.document_id}/${a.id}`) ?? '';
      return out;
    }),
    columns: [...DATASET_COLUMNS, ...attributes.map((a) => a.name)],
  };
}

export function exportDataset(ctx: CoreContext, format: ExportFormat, formulaGuard = true): ExportFile {
  const { rows: all, columns } = withAttributes(ctx, datasetRows(ctx));
  // The formula guard (cells.ts) is for spreadsheets: CSV only; JSONL keeps the exact text.
  const rows = format === 'csv' && formulaGuard ? all.map((r) => guardRow(r)) : all;
  return {
    fileName: datasetFileName(ctx.now(), format),
    mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/jsonl;charset=utf-8',
    content: format === 'csv' ? toCsv(rows, columns) : toJsonl(rows, columns),
    rowCount: rows.length,
  };
}
