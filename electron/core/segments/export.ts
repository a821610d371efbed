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
import { buildFilter } from './filter';
import { orderedRowids } from './query';
import { writeWorkbook } from '../export/xlsx';
import { csvField, csvText } from '../export/csv';

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
 * the UTF-16 index of every code point. `csv` caches the document's two CSV fields.
 */
interface DocText {
  title: string;
  cut: (start: number, end: number) => string;
  csv?: string;
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

/** Code names and paths (`A > B`) and coder names by id. */
function names(ctx: CoreContext): {
  codes: Map<string, readonly [name: string, path: string]>;
  coders: Map<string, string>;
} {
  const codes = new Map<string, readonly [string, string]>();
  for (const [id, path] of codePaths(listCodes(ctx))) codes.set(id, [path.at(-1) ?? '', path.join(' > ')]);
  const coders = new Map(ctx.db.stmt('SELECT id, name FROM coders').raw(true).all() as [string, string][]);
  return { codes, coders };
}

const NO_CODE = ['', ''] as const;

/**
 * Each matching annotation made into `T` by `make`, in display order. The order is read first,
 * as rowids; then the matching rows are iterated in one scan of the table (reading them in
 * display order jumps around the table: 1.5× the scan; iterated, not read into one array, so
 * that each row's values die young and the garbage collector copies only what `make` keeps),
 * and what was made is put in order at the end. The context is cut in JavaScript from each
 * document's text, read once before the scan.
 */
function segmentsInOrder<T>(
  ctx: CoreContext,
  input: ApiParsedInput<'segments-export'>,
  make: (row: Stored, doc: DocText) => T,
): T[] {
  const filter = buildFilter(ctx, input);
  const rowids = orderedRowids(ctx, filter, input);
  const place = new Map<number, number>();
  rowids.forEach((r, i) => place.set(r, i));
  const docs = new Map<string, DocText>();
  const texts = ctx.db
    .stmt(
      `SELECT id, title, text FROM documents
       WHERE id IN (SELECT DISTINCT a.document_id FROM annotations a WHERE ${filter.where})`,
    )
    .raw(true)
    .all(...filter.params) as [string, string, string][];
  for (const [id, title, text] of texts) docs.set(id, docText(title, text));
  const made: T[] = [];
  const placeOf: number[] = [];
  const scan = ctx.db.stmt(`SELECT a.rowid, ${COLUMNS} FROM annotations a WHERE ${filter.where}`).raw(true);
  for (const row of scan.iterate(...filter.params) as IterableIterator<Stored>) {
    const at = place.get(row[0]);
    const doc = docs.get(row[2]);
    // A row another connection added between the reads is not in the order: left out.
    if (at === undefined || !doc) continue;
    made.push(make(row, doc));
    placeOf.push(at);
  }
  // Made item at each place (-1: a row deleted between the reads).
  const byPlace = new Int32Array(rowids.length).fill(-1);
  placeOf.forEach((at, i) => (byPlace[at] = i));
  const out: T[] = [];
  for (const i of byPlace) if (i >= 0) out.push(made[i]!);
  return out;
}

/** The export's rows in display order, each the values of `SEGMENT_COLUMNS` (the XLSX sheet). */
export function segmentExportRows(
  ctx: CoreContext,
  input: ApiParsedInput<'segments-export'>,
): SegmentExportRow[] {
  const { codes, coders } = names(ctx);
  return segmentsInOrder(ctx, input, (row, doc) => {
    const [, id, documentId, codeId, coderId, start, end, quote, memo, created, updated] = row;
    const code = codes.get(codeId) ?? NO_CODE;
    return [
      id,
      documentId,
      doc.title,
      code[0],
      code[1],
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
  });
}

/**
 * The CSV file: what `csvText(SEGMENT_COLUMNS, segmentExportRows(…))` writes (a unit test
 * compares them), each record written straight from the scan into one string: the fields of a
 * document, a code and a coder escaped once each, numbers never quoted, no array kept per row.
 */
export function segmentsCsv(
  ctx: CoreContext,
  input: ApiParsedInput<'segments-export'>,
): { content: string; rowCount: number } {
  const { codes, coders } = names(ctx);
  const codeCsv = new Map<string, string>();
  const coderCsv = new Map<string, string>();
  for (const [id, [name, path]] of codes) codeCsv.set(id, `${csvField(name)},${csvField(path)}`);
  for (const [id, name] of coders) coderCsv.set(id, csvField(name));
  const noCode = `${csvField(NO_CODE[0])},${csvField(NO_CODE[1])}`;
  const cells = new Array<string | number>(12);
  const records = segmentsInOrder(ctx, input, (row, doc) => {
    const [, id, documentId, codeId, coderId, start, end, quote, memo, created, updated] = row;
    doc.csv ??= `${csvField(documentId)},${csvField(doc.title)}`;
    cells[0] = csvField(id);
    cells[1] = doc.csv;
    cells[2] = codeCsv.get(codeId) ?? noCode;
    cells[3] = coderCsv.get(coderId) ?? '';
    cells[4] = start;
    cells[5] = end;
    cells[6] = csvField(doc.cut(start - SEGMENT_CONTEXT, start));
    cells[7] = csvField(quote);
    cells[8] = csvField(doc.cut(end, end + SEGMENT_CONTEXT));
    cells[9] = csvField(memo);
    cells[10] = csvField(created);
    cells[11] = csvField(updated);
    return cells.join(',');
  });
  // BOM, header and CRLF (the whole file when there are no rows), then each record and CRLF.
  const header = csvText(SEGMENT_COLUMNS, []);
  const body = records.length > 0 ? `${records.join('\r\n')}\r\n` : '';
  return { content: header + body, rowCount: records.length };
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
  const fileName = segmentsFileName(ctx.now(), input.format);
  if (input.format === 'csv') {
    const { content, rowCount } = segmentsCsv(ctx, input);
    return { fileName, mimeType: 'text/csv;charset=utf-8', encoding: 'utf-8', content, rowCount };
  }
  const rows = segmentExportRows(ctx, input);
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
