/**
 * `segments-export`: the filtered, sorted segment list as a file.
 *
 * Columns: the dataset's (docs/api.md `export-dataset`) plus `context_before`/`context_after`.
 * - CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting — the same rules as the dataset export.
 * - XLSX (exceljs): one sheet, header row frozen, offsets as numbers. Binary, so `content` is
 *   base64 and `encoding: 'base64'`; the save path (renderer saveFile, preload, main) decodes it.
 * For the export the context is cut in JavaScript from each document's text read once (a list of
 * 100,000 segments would otherwise make SQLite load a document's text once per row).
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportFile } from '../../../shared/domain';
import { SEGMENT_CONTEXT } from '../../../shared/contracts/segments';
import type { ApiParsedInput } from '../../../shared/api';
import type { CoreContext } from '../context';
import { codePaths, listCodes } from '../codes/handlers';
import { buildFilter } from './filter';
import { pageIds } from './query';
import { writeWorkbook } from '../export/xlsx';

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

type SegmentExportRow = Record<(typeof SEGMENT_COLUMNS)[number], string | number>;

interface Stored {
  id: string;
  document_id: string;
  code_id: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  memo: string;
  created_at: string;
  updated_at: string;
  coder: string;
}

export function segmentExportRows(
  ctx: CoreContext,
  input: ApiParsedInput<'segments-export'>,
): SegmentExportRow[] {
  const filter = buildFilter(ctx, input);
  const ids = pageIds(ctx, filter, input, 0, null);
  // The same filter in one scan (the ids above give the order): no lookup per id.
  const stmt = ctx.db.stmt(
    `SELECT a.id, a.document_id, a.code_id, a.start_offset, a.end_offset, a.quote, a.memo, a.created_at,
            a.updated_at, c.name AS coder
     FROM annotations a JOIN coders c ON c.id = a.coder_id WHERE ${filter.where}`,
  );
  const stored = new Map((stmt.all(...filter.params) as Stored[]).map((r) => [r.id, r]));
  const paths = codePaths(listCodes(ctx));
  const docs = new Map<string, { title: string; chars: string[] }>();
  const docOf = (id: string) => {
    let d = docs.get(id);
    if (!d) {
      const row = ctx.db.stmt('SELECT title, text FROM documents WHERE id = ?').get(id) as {
        title: string;
        text: string;
      };
      d = { title: row.title, chars: [...row.text] };
      docs.set(id, d);
    }
    return d;
  };
  return ids.map((id) => {
    const r = stored.get(id)!;
    const doc = docOf(r.document_id);
    const path = paths.get(r.code_id) ?? [];
    return {
      annotation_id: r.id,
      document_id: r.document_id,
      document_title: doc.title,
      code: path.at(-1) ?? '',
      code_path: path.join(' > '),
      coder: r.coder,
      start: r.start_offset,
      end: r.end_offset,
      context_before: doc.chars.slice(Math.max(0, r.start_offset - SEGMENT_CONTEXT), r.start_offset).join(''),
      text: r.quote,
      context_after: doc.chars.slice(r.end_offset, r.end_offset + SEGMENT_CONTEXT).join(''),
      memo: r.memo,
      created_at: r.created_at,
      updated_at: r.updated_at,
    };
  });
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
      content: stringify(rows, {
        bom: true,
        header: true,
        columns: [...SEGMENT_COLUMNS],
        record_delimiter: '\r\n',
        // csv-stringify quotes the CRLF record delimiter but not a lone LF or CR: force those.
        quoted_match: /^\s|\s$|[\r\n]/,
      }),
      rowCount: rows.length,
    };
  }
  // The shared streaming writer (export/xlsx.ts): rows are serialised as they are added, and
  // control characters are escaped, never dropped.
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
