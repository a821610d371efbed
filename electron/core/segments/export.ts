/**
 * `segments-export`: the filtered, sorted segment list as a file.
 *
 * Columns: the dataset's (docs/api.md `export-dataset`) plus `context_before`/`context_after`.
 * - CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting — the same rules as the dataset export
 *   (export/csv.ts writes them without csv-stringify's per-field overhead).
 * - XLSX (export/xlsx.ts): one sheet, header row frozen, offsets as numbers. Binary, so `content`
 *   is base64 and `encoding: 'base64'`; the save path (renderer saveFile, preload, main) decodes it.
 * The rows are read in one scan of the table and kept as arrays (issue 13: 100,000 rows within
 * a small factor of a plain SELECT of them).
 */
import type { ExportFile } from '../../../shared/domain';
import { SEGMENT_CONTEXT } from '../../../shared/contracts/segments';
import type { ApiParsedInput } from '../../../shared/api';
import type { CoreContext } from '../context';
import { codePaths, listCodes } from '../codes/handlers';
import { buildFilter, orderBy, type SqlFilter } from './filter';
import { writeWorkbook } from '../export/xlsx';
import { csvText } from '../export/csv';

export const SEGMENT_COLUMNS = [
  'annotation_id',
  'document_id',
  'document_title',
  'code',
  'code_path',
  'coder',
  'start',
  'end',
  'context_before',
  'text',
  'context_after',
  'memo',
  'created_at',
  'updated_at',
] as const;

/** One export row: the values of `SEGMENT_COLUMNS`, in that order. */
export type SegmentExportRow = (string | number)[];

/** As selected: rowid, id, document, code, coder, start, end, quote, memo, created, updated. */
type Stored = [number, string, string, string, string, number, number, string, string, string, string];

const COLUMNS = `a.id, a.document_id, a.code_id, a.coder_id, a.start_offset, a.end_offset, a.quote, a.memo,
                 a.created_at, a.updated_at`;

/**
 * A document's title and a cutter of code-point ranges of its text. A text without surrogate
 * pairs (almost every Chinese text) is cut by UTF-16 index directly; otherwise through a table of
 * the UTF-16 index of every code point.
 */
interface DocText {
  title: string;
  cut: (start: number, end: number) => string;
}

function docText(title: string, text: string): DocText {
  if (!/[\uD800-\uDFFF]/.test(text)) {
    return { title, cut: (start, end) => text.slice(Math.max(0, start), Math.max(0, end)) };
  }
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    units.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  units.push(text.length);
  const at = (cp: number) => units[Math.min(Math.max(0, cp), units.length - 1)]!;
  return { title, cut: (start, end) => text.slice(at(start), at(end)) };
}

/**
 * Rowids of the matching annotations in display order: for document order an index walk of each
 * document (`annotations_document_order`, as `segments-query` does), else an ORDER BY of keys.
 * Only rowids: reading whole rows in this order would jump around the table for every row.
 */
function orderedRowids(
  ctx: CoreContext,
  filter: SqlFilter,
  input: ApiParsedInput<'segments-export'>,
): number[] {
  const dir = input.direction === 'desc' ? 'DESC' : 'ASC';
  if (input.sort === 'document' && input.groupBy !== 'code') {
    const documentsDir = input.groupBy === 'document' ? 'ASC' : dir;
    const docs = ctx.db
      .stmt(`SELECT id FROM documents ORDER BY sort_order ${documentsDir}, id ${documentsDir}`)
      .pluck(true)
      .all() as string[];
    const inDocument = ctx.db
      .stmt(
        `SELECT a.rowid FROM annotations a INDEXED BY annotations_document_order
         WHERE a.document_id = ? AND (${filter.where})
         ORDER BY a.start_offset ${dir}, a.end_offset ${dir}, a.id ${dir}`,
      )
      .pluck(true);
    const out: number[] = [];
    // A loop, not push(...ids): a document may hold more rows than a call may take arguments.
    for (const doc of docs) for (const r of inDocument.all(doc, ...filter.params) as number[]) out.push(r);
    return out;
  }
  const order = orderBy(ctx, input);
  return ctx.db
    .stmt(
      `SELECT a.rowid FROM annotations a JOIN documents d ON d.id = a.document_id ${order.join}
       WHERE ${filter.where} ORDER BY ${order.sql}`,
    )
    .pluck(true)
    .all(...order.params, ...filter.params) as number[];
}

/**
 * The export's rows in display order: the order as rowids, then one scan of the matching rows
 * in table order, each built and put at its place. The context is cut in JavaScript from each
 * document's text read once (SQLite would load a document's text once per row).
 */
export function segmentExportRows(
  ctx: CoreContext,
  input: ApiParsedInput<'segments-export'>,
): SegmentExportRow[] {
  const filter = buildFilter(ctx, input);
  const rowids = orderedRowids(ctx, filter, input);
  const place = new Map<number, number>();
  rowids.forEach((r, i) => place.set(r, i));
  const paths = codePaths(listCodes(ctx));
  const coders = new Map(ctx.db.stmt('SELECT id, name FROM coders').raw(true).all() as [string, string][]);
  const docs = new Map<string, DocText>();
  const textOf = ctx.db.stmt('SELECT title, text FROM documents WHERE id = ?');
  const docOf = (id: string) => {
    let d = docs.get(id);
    if (!d) {
      const row = textOf.get(id) as { title: string; text: string };
      d = docText(row.title, row.text);
      docs.set(id, d);
    }
    return d;
  };
  const out = new Array<SegmentExportRow | undefined>(rowids.length);
  const rows = ctx.db
    .stmt(`SELECT a.rowid, ${COLUMNS} FROM annotations a WHERE ${filter.where}`)
    .raw(true)
    .all(...filter.params) as Stored[];
  for (const [rowid, id, documentId, codeId, coderId, start, end, quote, memo, created, updated] of rows) {
    const at = place.get(rowid);
    if (at === undefined) continue;
    const doc = docOf(documentId);
    const path = paths.get(codeId) ?? [];
    out[at] = [
      id,
      documentId,
      doc.title,
      path.at(-1) ?? '',
      path.join(' > '),
      coders.get(coderId) ?? '',
      start,
      end,
      doc.cut(start - SEGMENT_CONTEXT, start),
      quote,
      doc.cut(end, end + SEGMENT_CONTEXT),
      memo,
      created,
      updated,
    ];
  }
  return out.filter((r) => r !== undefined);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function segmentsFileName(at: Date, ext: string): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `pizhu-segments-${date}-${time}.${ext}`;
}

export async function exportSegments(
  ctx: CoreContext,
  input: ApiParsedInput<'segments-export'>,
): Promise<ExportFile> {
  const rows = segmentExportRows(ctx, input);
  const fileName = segmentsFileName(ctx.now(), input.format);
  if (input.format === 'csv') {
    return {
      fileName,
      mimeType: 'text/csv;charset=utf-8',
      encoding: 'utf-8',
      content: csvText(SEGMENT_COLUMNS, rows),
      rowCount: rows.length,
    };
  }
  // The shared workbook writer (export/xlsx.ts): control characters are escaped, never dropped.
  const widths = Object.fromEntries(
    SEGMENT_COLUMNS.map((key) => [
      key,
      key === 'text' || key === 'memo' ? 60 : key.startsWith('context') ? 30 : 16,
    ]),
  );
  const buffer = await writeWorkbook(
    [
      {
        name: 'segments',
        columns: SEGMENT_COLUMNS,
        rows,
        widths,
      },
    ],
    ctx.now(),
  );
  return {
    fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    content: Buffer.from(buffer).toString('base64'),
    rowCount: rows.length,
  };
}
