/**
 * Writes a workbook of several sheets with exceljs's streaming writer: each sheet a header row
 * (bold, frozen) and data rows; strings have their control characters escaped (cells.ts). Binary,
 * returned as bytes. exceljs is loaded on the first export (18 MB and a second of start-up that
 * no other command needs).
 */
import { PassThrough } from 'node:stream';
import { escapeControlChars } from './cells';

export interface SheetSpec {
  name: string;
  columns: readonly string[];
  rows: readonly Record<string, unknown>[];
  /** Column widths by name (default 16). */
  widths?: Readonly<Record<string, number>>;
}

export async function writeWorkbook(sheets: readonly SheetSpec[], created: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Pizhu 批注';
  workbook.created = created;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((key) => ({
      header: escapeControlChars(key),
      key,
      width: spec.widths?.[key] ?? 16,
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (const row of spec.rows) {
      const out: Record<string, unknown> = {};
      for (const key of spec.columns) {
        const v = row[key];
        out[key] = typeof v === 'string' ? escapeControlChars(v) : v;
      }
      sheet.addRow(out).commit();
    }
    sheet.commit();
  }
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
