// Research exports: the XLSX dataset (three sheets, frozen headers, Chinese intact, control
// characters escaped not dropped, formula guard on by default and off on request), the
// sentence-level dataset as CSV / JSONL / Parquet (read back with hyparquet: rows equal the
// JSONL rows), and the dataset card beside each export.
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import type { ExportBundle } from '../../../shared/contracts/interop';
import type { Annotation, DocumentSummary } from '../../../shared/domain';
import { ASTRAL_TEXT, codedProject } from './helpers';
import { parseCsvStrict } from '../core/helpers';

async function exportFile(
  core: Awaited<ReturnType<typeof codedProject>>,
  format: string,
  formulaGuard?: boolean,
) {
  return (await core.dispatch('export-file', {
    format,
    ...(formulaGuard === undefined ? {} : { formulaGuard }),
  })) as ExportBundle;
}

async function astralAnnotations(core: Awaited<ReturnType<typeof codedProject>>): Promise<Annotation[]> {
  const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
  const doc = docs.find((d) => d.sourceFile === 'astral.txt')!;
  return (await core.dispatch('annotations-list', { documentId: doc.id })) as Annotation[];
}

describe('dataset exports', () => {
  it('XLSX: annotations, documents with attributes and codebook sheets; frozen header; guard; control characters', async () => {
    const core = await codedProject();
    try {
      const [first] = await astralAnnotations(core);
      await core.dispatch('annotations-update-memo', { id: first!.id, memo: '=1+1 bell\u0007 and _x0041_' });
      const file = await exportFile(core, 'xlsx');
      expect(file.encoding).toBe('base64');
      expect(file.card?.content).toContain('Formula guard ON');
      const bytes = Buffer.from(file.content, 'base64');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['annotations', 'documents', 'codebook']);
      for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const annotations = wb.getWorksheet('annotations')!;
      const header = (annotations.getRow(1).values as string[]).slice(1);
      expect(header).toContain('地区');
      const memoCol = header.indexOf('memo') + 1;
      const memos = annotations.getColumn(memoCol).values.slice(2).map(String);
      expect(memos).toContain("'=1+1 bell_x0007_ and _x005F_x0041_");
      const documents = wb.getWorksheet('documents')!;
      const docHeader = (documents.getRow(1).values as string[]).slice(1);
      expect(docHeader).toEqual(
        expect.arrayContaining(['document_title', 'encoding', 'cleaning', '地区', '年份']),
      );
      const codebook = wb.getWorksheet('codebook')!;
      expect(codebook.getColumn(3).values.slice(2)).toContain('问题 > 财政压力');
      // The raw sheet XML carries the escape, so the file opens in Excel with the character intact.
      const sheet = strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']!);
      expect(sheet).toContain('bell_x0007_');
      expect(sheet).not.toContain('\u0007');

      const unguarded = await exportFile(core, 'xlsx', false);
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.load(Buffer.from(unguarded.content, 'base64') as unknown as ArrayBuffer);
      expect(wb2.getWorksheet('annotations')!.getColumn(memoCol).values.slice(2).map(String)).toContain(
        '=1+1 bell_x0007_ and _x005F_x0041_',
      );
      expect(unguarded.card?.content).toContain('Formula guard OFF');
    } finally {
      core.close();
    }
  });

  it('CSV: formula guard by default, exact text with the guard off; card beside', async () => {
    const core = await codedProject();
    try {
      const at = [...ASTRAL_TEXT.slice(0, ASTRAL_TEXT.indexOf('=SUM'))].length; // code points
      const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      const astral = docs.find((d) => d.sourceFile === 'astral.txt')!;
      const codeId = Object.keys(astral.annotationCounts)[0]!;
      await core.dispatch('annotations-create', { documentId: astral.id, codeId, start: at, end: at + 8 });
      const guarded = await exportFile(core, 'csv');
      const rows = parseCsvStrict(guarded.content.replace(/^\uFEFF/, ''));
      const textCol = rows[0]!.indexOf('text');
      expect(rows.map((r) => r[textCol])).toContain("'=SUM(A1)");
      const exact = await exportFile(core, 'csv', false);
      expect(parseCsvStrict(exact.content.replace(/^\uFEFF/, '')).map((r) => r[textCol])).toContain(
        '=SUM(A1)',
      );
      expect(guarded.card?.fileName).toBe(guarded.fileName.replace(/\.csv$/, '.README.md'));
      for (const part of [
        '## Columns',
        '`code_path`',
        '## Codebook',
        '基层财政收支紧张',
        '## Coders',
        '第二编码员',
        'astral.txt',
        'code points',
      ])
        expect(guarded.card!.content).toContain(part);
    } finally {
      core.close();
    }
  });

  it('sentences: JSONL rows, CSV, and Parquet read back equal to the JSONL rows', async () => {
    const core = await codedProject();
    try {
      const jsonl = await exportFile(core, 'sentences-jsonl');
      const rows = jsonl.content
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rows.length).toBe(jsonl.rowCount);
      const astral = rows.filter((r) => r.document_title === '𠀋𪚥村的调研报告');
      expect(astral[0]).toMatchObject({
        sentence_index: 0,
        start: 0,
        end: 8,
        text: '𠀋𪚥村的调研报告',
        labels: ['问题'],
      });
      const pressure = astral.find((r) => (r.text as string).startsWith('基层财政'))!;
      expect(pressure.labels).toEqual(['问题 > 财政压力']);
      expect(pressure.coders).toHaveLength(1);

      const parquet = await exportFile(core, 'parquet');
      const buffer = new Uint8Array(Buffer.from(parquet.content, 'base64')).buffer;
      const back = await parquetReadObjects({ file: buffer });
      expect(back).toEqual(rows);

      const csv = await exportFile(core, 'sentences-csv');
      const parsed = parseCsvStrict(csv.content.replace(/^\uFEFF/, ''));
      expect(parsed[0]).toEqual([
        'document_id',
        'document_title',
        'sentence_index',
        'start',
        'end',
        'text',
        'labels',
        'coders',
      ]);
      expect(parsed).toHaveLength(rows.length + 1);
      expect(parquet.card?.content).toContain('one per sentence');
    } finally {
      core.close();
    }
  });
});
