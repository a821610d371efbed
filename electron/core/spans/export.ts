/**
 * The spans export: annotations written back in the span format (shared/spans.ts), in document
 * order. With one coder chosen the lines carry exactly the format's keys, so the file can be
 * imported again as that coder; with several (or all) coders each line also names its `coder`.
 */
import type { ExportFile } from '../../../shared/domain';
import { serializeSpans, type SpanRecord } from '../../../shared/spans';
import type { CoreContext } from '../context';
import { codePaths } from '../codes/rows';

export function exportSpans(ctx: CoreContext, coderIds: readonly string[] | undefined): ExportFile {
  const { db } = ctx;
  const codes = db.stmt('SELECT id, parent_id AS parentId, name FROM codes').all() as {
    id: string;
    parentId: string | null;
    name: string;
  }[];
  const paths = codePaths(codes);
  const filter = coderIds && coderIds.length > 0 ? new Set(coderIds) : null;
  const rows = db
    .stmt(
      `SELECT a.document_id, a.code_id, a.coder_id, c.name AS coder, a.start_offset AS start, a.end_offset AS "end", a.memo
       FROM annotations a JOIN documents d ON d.id = a.document_id JOIN coders c ON c.id = a.coder_id
       ORDER BY d.sort_order, a.start_offset, a.end_offset, c.name, a.id`,
    )
    .all() as {
    document_id: string;
    code_id: string;
    coder_id: string;
    coder: string;
    start: number;
    end: number;
    memo: string;
  }[];
  const chosen = rows.filter((r) => !filter || filter.has(r.coder_id));
  const oneCoder = filter !== null && filter.size === 1;
  const spans: SpanRecord[] = chosen.map((r) => {
    const s: SpanRecord = {
      document: r.document_id,
      start: r.start,
      end: r.end,
      code: (paths.get(r.code_id) ?? []).join(' > '),
    };
    if (r.memo) s.memo = r.memo;
    if (!oneCoder) s.coder = r.coder;
    return s;
  });
  const stamp = ctx.now().toISOString().slice(0, 10);
  return {
    fileName: `pizhu-spans-${stamp}.jsonl`,
    mimeType: 'application/x-ndjson',
    content: serializeSpans(spans),
    rowCount: spans.length,
  };
}
