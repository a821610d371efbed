/** API handlers of the documents feature: `documents-list` (with annotation counts), `documents-get`. */
import type { ApiHandlers } from '../../../shared/api';
import type { DocumentDetail, DocumentSummary } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import type { CoreContext } from '../context';

type DocumentHandlers = Pick<ApiHandlers, 'documents-list' | 'documents-get'>;

interface SummaryRow {
  id: string;
  title: string;
  source_file: string | null;
  length: number;
  imported_at: string;
  memo: string;
  memo_updated_at: string | null;
  script: DocumentSummary['script'];
}

const SUMMARY_COLUMNS = 'id, title, source_file, length, imported_at, memo, memo_updated_at, script';

export function counts(ctx: CoreContext, documentId?: string): Map<string, Record<string, number>> {
  const rows = (
    documentId === undefined
      ? ctx.db
          .stmt('SELECT document_id, code_id, count(*) AS n FROM annotations GROUP BY document_id, code_id')
          .all()
      : ctx.db
          .stmt(
            'SELECT document_id, code_id, count(*) AS n FROM annotations WHERE document_id = ? GROUP BY code_id',
          )
          .all(documentId)
  ) as { document_id: string; code_id: string; n: number }[];
  const map = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const perCode = map.get(r.document_id) ?? {};
    perCode[r.code_id] = r.n;
    map.set(r.document_id, perCode);
  }
  return map;
}

export function toSummary(r: SummaryRow, perCode: Record<string, number> = {}): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    sourceFile: r.source_file,
    length: r.length,
    importedAt: r.imported_at,
    script: r.script,
    annotationCounts: perCode,
    annotationTotal: Object.values(perCode).reduce((a, b) => a + b, 0),
    memo: r.memo,
    memoUpdatedAt: r.memo_updated_at,
  };
}

export function documentHandlers(ctx: CoreContext): DocumentHandlers {
  return {
    'documents-list': () => {
      const perDoc = counts(ctx);
      const rows = ctx.db
        .stmt(`SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY sort_order, imported_at`)
        .all() as SummaryRow[];
      return rows.map((r) => toSummary(r, perDoc.get(r.id)));
    },
    'documents-get': ({ id }) => {
      const r = ctx.db
        .stmt(
          `SELECT ${SUMMARY_COLUMNS}, text, sha256, encoding, source_path, cleaning, source_format, text_sha256,
                  raw_text, removed_spans, import_report, split_from FROM documents WHERE id = ?`,
        )
        .get(id) as
        | (SummaryRow & {
            text: string;
            sha256: string;
            encoding: string;
            source_path: string | null;
            cleaning: string;
            source_format: string;
            text_sha256: string | null;
            raw_text: string | null;
            removed_spans: string;
            import_report: string;
            split_from: string | null;
          })
        | undefined;
      if (!r) throw new PizhuError('document-not-found', `No document ${id}`, { id });
      const detail: DocumentDetail = {
        ...toSummary(r, counts(ctx, id).get(id)),
        text: r.text,
        provenance: {
          sha256: r.sha256,
          encoding: r.encoding,
          sourcePath: r.source_path,
          cleaning: JSON.parse(r.cleaning) as string[],
          format: r.source_format,
          textSha256: r.text_sha256,
          rawText: r.raw_text,
          removedSpans: JSON.parse(r.removed_spans) as DocumentDetail['provenance']['removedSpans'],
          importReport: JSON.parse(r.import_report) as Record<string, unknown>,
          splitFrom: r.split_from === null ? null : (JSON.parse(r.split_from) as Record<string, unknown>),
        },
      };
      return detail;
    },
  };
}
