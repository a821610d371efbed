/**
 * The sentence-level dataset for classifier training: one row per sentence of every document
 * (the app's own segmentation, shared/text/sentences.ts), with the codes whose annotations
 * overlap it (`labels`, code paths) and who coded them (`coders`). Offsets are code points into
 * the document's canonical text, end exclusive. JSONL and Parquet carry `labels`/`coders` as
 * lists; CSV joins them with ` | `.
 */
import { splitSentences } from '../../../shared/text/sentences';
import type { CoreContext } from '../context';
import { codePaths, listCodes } from '../codes/handlers';
import { stringify } from 'csv-stringify/sync';
import { guardRow } from './cells';

export interface SentenceRow {
  document_id: string;
  document_title: string;
  sentence_index: number;
  start: number;
  end: number;
  text: string;
  labels: string[];
  coders: string[];
}

export const SENTENCE_COLUMNS = [
  'document_id',
  'document_title',
  'sentence_index',
  'start',
  'end',
  'text',
  'labels',
  'coders',
] as const;

interface Ann {
  start: number;
  end: number;
  code: string;
  coder: string;
}

export function sentenceRows(ctx: CoreContext): SentenceRow[] {
  const codes = listCodes(ctx);
  const paths = codePaths(codes);
  const order = new Map(codes.map((c, i) => [c.id, i]));
  const docs = ctx.db.stmt('SELECT id, title, text FROM documents ORDER BY sort_order').all() as {
    id: string;
    title: string;
    text: string;
  }[];
  const annotationsOf = ctx.db.stmt(
    `SELECT a.start_offset AS start, a.end_offset AS end, a.code_id AS code, c.name AS coder
     FROM annotations a JOIN coders c ON c.id = a.coder_id
     WHERE a.document_id = ? ORDER BY a.start_offset, a.end_offset`,
  );
  const rows: SentenceRow[] = [];
  for (const doc of docs) {
    const cps = [...doc.text];
    const anns = annotationsOf.all(doc.id) as Ann[];
    let next = 0;
    let active: Ann[] = [];
    splitSentences(doc.text).forEach((s, index) => {
      // Sweep: annotations starting before the sentence ends join, those ended before it leave.
      while (next < anns.length && anns[next]!.start < s.end) active.push(anns[next++]!);
      active = active.filter((a) => a.end > s.start);
      const covering = active.filter((a) => a.start < s.end);
      const codeIds = [...new Set(covering.map((a) => a.code))].sort(
        (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
      );
      rows.push({
        document_id: doc.id,
        document_title: doc.title,
        sentence_index: index,
        start: s.start,
        end: s.end,
        text: cps.slice(s.start, s.end).join(''),
        labels: codeIds.map((id) => (paths.get(id) ?? []).join(' > ')),
        coders: [...new Set(covering.map((a) => a.coder))].sort(),
      });
    });
  }
  return rows;
}

export function sentencesJsonl(rows: readonly SentenceRow[]): string {
  return rows
    .map((r) => {
      const o: Record<string, unknown> = {};
      for (const c of SENTENCE_COLUMNS) o[c] = r[c];
      return (
        JSON.stringify(o)
          .replace(/\u2028/g, '\\u2028')
          .replace(/\u2029/g, '\\u2029') + '\n'
      );
    })
    .join('');
}

export function sentencesCsv(rows: readonly SentenceRow[], formulaGuard: boolean): string {
  const flat = rows.map((r) => {
    const row = { ...r, labels: r.labels.join(' | '), coders: r.coders.join(' | ') };
    return formulaGuard ? guardRow(row) : row;
  });
  return stringify(flat, {
    bom: true,
    header: true,
    columns: [...SENTENCE_COLUMNS],
    record_delimiter: '\r\n',
    quoted_match: /^\s|\s$|[\r\n]/,
  });
}

/** The Parquet file; hyparquet-writer is loaded on the first Parquet export. */
export async function sentencesParquet(rows: readonly SentenceRow[]): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'document_id', data: rows.map((r) => r.document_id), type: 'STRING' },
      { name: 'document_title', data: rows.map((r) => r.document_title), type: 'STRING' },
      { name: 'sentence_index', data: rows.map((r) => r.sentence_index), type: 'INT32' },
      { name: 'start', data: rows.map((r) => r.start), type: 'INT32' },
      { name: 'end', data: rows.map((r) => r.end), type: 'INT32' },
      { name: 'text', data: rows.map((r) => r.text), type: 'STRING' },
      { name: 'labels', data: rows.map((r) => r.labels), type: 'JSON' },
      { name: 'coders', data: rows.map((r) => r.coders), type: 'JSON' },
    ],
  });
  return new Uint8Array(buffer);
}
