/**
 * `export-file`: every research export in one place — the coded dataset (CSV, JSONL, XLSX with
 * annotations / documents / codebook sheets), the sentence-level dataset (CSV, JSONL, Parquet),
 * and the REFI-QDA project (`.qdpx`) and codebook (`.qdc`) — each with its dataset card.
 * Text formats are returned as UTF-8, binary ones as base64. Other features add formats by
 * adding a case here and a value to EXPORT_FILE_FORMATS.
 */
import { type DATASET_COLUMNS } from '../../../shared/domain';
import type { ExportBundle, ExportFileFormat } from '../../../shared/contracts/interop';
import type { CoreContext } from '../context';
import { codePaths, listCodes } from '../codes/handlers';
import { listAttributes } from '../attributes/handlers';
import { setNamesByDocument } from '../sets/handlers';
import { snapshotProject } from '../interop/snapshot';
import { buildQdc, buildQdpx } from '../interop/refi-write';
import { guardRow } from './cells';
import { datasetCard, PIZHU_VERSION, type CardInput } from './card';
import { datasetRows, toCsv, toJsonl, withAttributes } from './dataset';
import { sentenceRows, sentencesCsv, sentencesJsonl, sentencesParquet } from './sentences';
import { writeWorkbook } from './xlsx';

const DATASET_MEANINGS: Record<(typeof DATASET_COLUMNS)[number], string> = {
  annotation_id: 'id of the annotation (UUID)',
  document_id: 'id of the document (UUID)',
  document_title: 'title of the document',
  source_file: 'file the document was imported from',
  code: 'name of the code',
  code_path: 'code names from the root down, joined with " > "',
  coder: 'name of the coder',
  start: 'first code point of the quote (0-based)',
  end: 'code point after the quote (end exclusive)',
  text: 'the quoted text, exactly text[start:end]',
  memo: 'the annotation memo',
  created_at: 'when the annotation was made (ISO 8601, UTC)',
  updated_at: 'when the annotation last changed (ISO 8601, UTC)',
  document_memo: 'the memo of the document',
  code_memo: 'the definition of the code',
  document_sets: 'document sets the document belongs to, joined with "; "',
};

const SENTENCE_MEANINGS: [string, string][] = [
  ['document_id', 'id of the document (UUID)'],
  ['document_title', 'title of the document'],
  ['sentence_index', 'position of the sentence in its document (0-based)'],
  ['start', 'first code point of the sentence'],
  ['end', 'code point after the sentence (end exclusive)'],
  ['text', 'the sentence, exactly text[start:end]'],
  ['labels', 'code paths of the annotations overlapping the sentence (list; CSV: joined with " | ")'],
  ['coders', 'coders of those annotations (list; CSV: joined with " | ")'],
];

function stamp(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}

function bundle(
  ctx: CoreContext,
  base: string,
  ext: string,
  mimeType: string,
  content: string | Uint8Array,
  rowCount: number,
  card: Omit<CardInput, 'fileName'> | null,
): ExportBundle {
  const fileName = `${base}.${ext}`;
  const binary = typeof content !== 'string';
  return {
    fileName,
    mimeType,
    content: binary ? Buffer.from(content).toString('base64') : content,
    ...(binary ? { encoding: 'base64' as const } : {}),
    rowCount,
    card: card ? { fileName: `${base}.README.md`, content: datasetCard(ctx, { ...card, fileName }) } : null,
  };
}

function datasetColumns(columns: readonly string[]): [string, string][] {
  return columns.map((c) => [c, (DATASET_MEANINGS as Record<string, string>)[c] ?? 'document attribute']);
}

/** Documents with provenance and attribute values, for the XLSX documents sheet. */
function documentRows(ctx: CoreContext): { rows: Record<string, unknown>[]; columns: string[] } {
  const attributes = listAttributes(ctx.db);
  const values = new Map<string, string>();
  for (const v of ctx.db.stmt('SELECT id, value FROM document_attributes').all() as {
    id: string;
    value: string;
  }[])
    values.set(v.id, v.value);
  const sets = setNamesByDocument(ctx.db);
  const docs = ctx.db
    .stmt(
      `SELECT d.id, d.title, d.source_file, d.length, d.script, d.source_format, d.encoding, d.cleaning,
              d.imported_at, d.memo, (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotations
       FROM documents d ORDER BY d.sort_order`,
    )
    .all() as Record<string, unknown>[];
  const columns = [
    'document_id',
    'document_title',
    'source_file',
    'length',
    'script',
    'source_format',
    'encoding',
    'cleaning',
    'imported_at',
    'annotations',
    'document_sets',
    'document_memo',
    ...attributes.map((a) => a.name),
  ];
  const rows = docs.map((d) => {
    const row: Record<string, unknown> = {
      document_id: d.id,
      document_title: d.title,
      source_file: d.source_file ?? '',
      length: d.length,
      script: d.script,
      source_format: d.source_format,
      encoding: d.encoding,
      cleaning: (JSON.parse(String(d.cleaning)) as string[]).join(', '),
      imported_at: d.imported_at,
      annotations: d.annotations,
      document_sets: (sets.get(String(d.id)) ?? []).join('; '),
      document_memo: d.memo,
    };
    for (const a of attributes) row[a.name] = values.get(`${String(d.id)}/${a.id}`) ?? '';
    return row;
  });
  return { rows, columns };
}

function codebookRows(ctx: CoreContext): Record<string, unknown>[] {
  const codes = listCodes(ctx);
  const paths = codePaths(codes);
  return codes.map((c) => ({
    code_id: c.id,
    code: c.name,
    code_path: (paths.get(c.id) ?? []).join(' > '),
    parent_path: (paths.get(c.id) ?? []).slice(0, -1).join(' > '),
    color: c.color,
    description: c.description,
    definition: c.definition,
    inclusion: c.inclusion,
    exclusion: c.exclusion,
    example: c.example,
    annotations: c.annotationCount,
    annotations_with_subcodes: c.totalCount,
  }));
}

export async function exportFile(
  ctx: CoreContext,
  format: ExportFileFormat,
  formulaGuard = true,
): Promise<ExportBundle> {
  const at = ctx.now();
  const when = stamp(at);
  switch (format) {
    case 'csv':
    case 'jsonl': {
      const { rows, columns } = withAttributes(ctx, datasetRows(ctx));
      const content =
        format === 'csv'
          ? toCsv(formulaGuard ? rows.map((r) => guardRow(r)) : rows, columns)
          : toJsonl(rows, columns);
      return bundle(
        ctx,
        `pizhu-dataset-${when}`,
        format,
        format === 'csv' ? 'text/csv;charset=utf-8' : 'application/jsonl;charset=utf-8',
        content,
        rows.length,
        {
          title: 'Pizhu coded dataset',
          columns: datasetColumns(columns),
          rowCount: rows.length,
          rowMeaning: 'rows, one per annotation',
          formulaGuard: format === 'csv' ? formulaGuard : null,
        },
      );
    }
    case 'xlsx': {
      const { rows, columns } = withAttributes(ctx, datasetRows(ctx));
      const docs = documentRows(ctx);
      const codebook = codebookRows(ctx);
      const g = <R extends Record<string, unknown>>(list: R[]): R[] =>
        formulaGuard ? list.map((r) => guardRow(r)) : list;
      const bytes = await writeWorkbook(
        [
          {
            name: 'annotations',
            columns,
            rows: g(rows),
            widths: { text: 60, memo: 40, document_title: 30, code_path: 24 },
          },
          { name: 'documents', columns: docs.columns, rows: g(docs.rows), widths: { document_title: 40 } },
          {
            name: 'codebook',
            columns: Object.keys(codebook[0] ?? { code_id: '', code: '', code_path: '' }),
            rows: g(codebook),
            widths: { code_path: 30, definition: 60 },
          },
        ],
        at,
      );
      return bundle(
        ctx,
        `pizhu-dataset-${when}`,
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes,
        rows.length,
        {
          title: 'Pizhu coded dataset (XLSX)',
          columns: datasetColumns(columns),
          rowCount: rows.length,
          rowMeaning:
            'annotations (sheet "annotations"; also sheets "documents" with attributes and "codebook")',
          formulaGuard,
        },
      );
    }
    case 'sentences-csv':
    case 'sentences-jsonl':
    case 'parquet': {
      const rows = sentenceRows(ctx);
      const card = {
        title: 'Pizhu sentence-level dataset',
        columns: SENTENCE_MEANINGS,
        rowCount: rows.length,
        rowMeaning: 'rows, one per sentence of every document',
        formulaGuard: format === 'sentences-csv' ? formulaGuard : null,
        notes: [
          'Sentences end after 。！？；… (and half-width forms), at line ends and before numbered items (一、 (一) 1. 第一，一是).',
          'A sentence is labelled with a code when any annotation of that code overlaps it by at least one character.',
        ],
      };
      if (format === 'parquet')
        return bundle(
          ctx,
          `pizhu-sentences-${when}`,
          'parquet',
          'application/vnd.apache.parquet',
          await sentencesParquet(rows),
          rows.length,
          card,
        );
      return format === 'sentences-csv'
        ? bundle(
            ctx,
            `pizhu-sentences-${when}`,
            'csv',
            'text/csv;charset=utf-8',
            sentencesCsv(rows, formulaGuard),
            rows.length,
            card,
          )
        : bundle(
            ctx,
            `pizhu-sentences-${when}`,
            'jsonl',
            'application/jsonl;charset=utf-8',
            sentencesJsonl(rows),
            rows.length,
            card,
          );
    }
    case 'qdpx': {
      const model = snapshotProject(ctx.db, 'main', ctx.file.split(/[/\\]/).pop() ?? '');
      const card = datasetCard(ctx, {
        title: 'Pizhu project (REFI-QDA 1.5)',
        fileName: `pizhu-project-${when}.qdpx`,
        columns: [],
        rowCount: model.annotations.length,
        rowMeaning: 'codings (PlainTextSelection + Coding), one per annotation',
        formulaGuard: null,
        notes: [
          '`project.qde` is QDA-XML (urn:QDA-XML:project:1.0); `sources/<GUID>.txt` holds each document’s canonical text in UTF-8 without BOM.',
          'startPosition/endPosition count Unicode code points over exactly that text, end exclusive.',
          'Annotation, document and project memos are Notes; document attributes are Variables; document sets are Sets.',
        ],
      });
      const bytes = await buildQdpx(model, `Pizhu ${PIZHU_VERSION}`, at.toISOString(), { 'README.md': card });
      return {
        ...bundle(
          ctx,
          `pizhu-project-${when}`,
          'qdpx',
          'application/zip',
          bytes,
          model.annotations.length,
          null,
        ),
      };
    }
    case 'qdc': {
      const model = snapshotProject(ctx.db);
      return bundle(
        ctx,
        `pizhu-codebook-${when}`,
        'qdc',
        'application/xml;charset=utf-8',
        buildQdc(model, `Pizhu ${PIZHU_VERSION}`),
        model.codes.length,
        {
          title: 'Pizhu codebook (REFI-QDA 1.5)',
          columns: [],
          rowCount: model.codes.length,
          rowMeaning: 'codes',
          formulaGuard: null,
          notes: ['QDA-XML codebook (urn:QDA-XML:codebook:1.0); a code’s definition is its Description.'],
        },
      );
    }
  }
}
