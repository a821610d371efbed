/**
 * `segments-query`: coded segments with filters, sort, grouping, paged in SQL.
 *
 * One WHERE clause (filter.ts) serves the count, the groups and the page. The page query selects
 * only ids and sort keys with LIMIT/OFFSET (indexes: annotations_code, annotations_document,
 * and 0005's created/length/coder indexes); the display fields and the context around each quote
 * are then read for those ≤ 1,000 ids only, the context cut by SQLite's substr (code points), so
 * the document text never crosses into JavaScript.
 */
import { cutSql } from '../search/sql-functions';
import type { SegmentGroup, SegmentRow, SegmentsPage } from '../../../shared/contracts/segments';
import { SEGMENT_CONTEXT } from '../../../shared/contracts/segments';
import type { ApiParsedInput } from '../../../shared/api';
import type { CoreContext } from '../context';
import { codePaths } from '../codes/handlers';
import { codebook, codesInTreeOrder } from '../analysis/scope';
import { buildFilter, orderBy, type SqlFilter } from './filter';
import type { AnnotationRow } from '../annotations/rows';

export type SegmentsQuery = ApiParsedInput<'segments-query'>;

/** An annotation row as stored, plus what the segments list shows with it. */
type DisplayRow = AnnotationRow & {
  document_title: string;
  coder_name: string;
  before: string;
  after: string;
};

export function countSegments(ctx: CoreContext, filter: SqlFilter): number {
  const row = ctx.db
    .stmt(`SELECT count(*) AS n FROM annotations a WHERE ${filter.where}`)
    .get(...filter.params) as { n: number };
  return row.n;
}

function groups(ctx: CoreContext, filter: SqlFilter, by: 'code' | 'document'): SegmentGroup[] {
  if (by === 'document') {
    return ctx.db
      .stmt(
        `SELECT d.id, d.title AS label, g.n AS count
         FROM (SELECT a.document_id, count(*) AS n FROM annotations a WHERE ${filter.where} GROUP BY a.document_id) g
         JOIN documents d ON d.id = g.document_id ORDER BY d.sort_order, d.id`,
      )
      .all(...filter.params) as SegmentGroup[];
  }
  const counts = ctx.db
    .stmt(`SELECT a.code_id AS id, count(*) AS n FROM annotations a WHERE ${filter.where} GROUP BY a.code_id`)
    .all(...filter.params) as { id: string; n: number }[];
  const byId = new Map(counts.map((c) => [c.id, c.n]));
  const codes = codebook(ctx);
  const paths = codePaths(codes);
  return codesInTreeOrder(codes)
    .filter((c) => byId.has(c.id))
    .map((c) => ({ id: c.id, label: (paths.get(c.id) ?? [c.name]).join(' > '), count: byId.get(c.id)! }));
}

/** Display rows (with context) for the given ids, in the given order. */
export function displayRows(ctx: CoreContext, ids: readonly string[]): SegmentRow[] {
  if (ids.length === 0) return [];
  const rows = ctx.db
    .stmt(
      `SELECT a.id, a.document_id, a.code_id, a.coder_id, a.start_offset, a.end_offset, a.quote, a.memo,
              a.created_at, a.updated_at, d.title AS document_title, c.name AS coder_name,
              ${cutSql('d.text', `max(a.start_offset - ${SEGMENT_CONTEXT}, 0)`, `a.start_offset - max(a.start_offset - ${SEGMENT_CONTEXT}, 0)`)} AS before,
              ${cutSql('d.text', 'a.end_offset', String(SEGMENT_CONTEXT))} AS after
       FROM annotations a JOIN documents d ON d.id = a.document_id JOIN coders c ON c.id = a.coder_id
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as DisplayRow[];
  const codes = codebook(ctx);
  const paths = codePaths(codes);
  const colors = new Map(codes.map((c) => [c.id, c.color]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        documentId: r.document_id,
        codeId: r.code_id,
        coderId: r.coder_id,
        start: r.start_offset,
        end: r.end_offset,
        text: r.quote,
        memo: r.memo,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        documentTitle: r.document_title,
        codePath: paths.get(r.code_id) ?? [],
        codeColor: colors.get(r.code_id) ?? '#888888',
        coderName: r.coder_name,
        before: r.before,
        after: r.after,
      },
    ];
  });
}

/**
 * Matching segments per document (documents without any are absent). Grouped by code and document,
 * the order of `annotations_code_cover`, so that a filter on codes needs no sort; summed here.
 */
function documentCounts(ctx: CoreContext, filter: SqlFilter): Map<string, number> {
  const rows = ctx.db
    .stmt(
      `SELECT a.document_id, count(*) FROM annotations a WHERE ${filter.where} GROUP BY a.code_id, a.document_id`,
    )
    .raw(true)
    .all(...filter.params) as [string, number][];
  const counts = new Map<string, number>();
  for (const [documentId, n] of rows) counts.set(documentId, (counts.get(documentId) ?? 0) + n);
  return counts;
}

/** Whether the page is in document order, read per document (documentOrderIds). */
function inDocumentOrder(input: Pick<SegmentsQuery, 'sort' | 'groupBy'>): boolean {
  return input.sort === 'document' && input.groupBy !== 'code';
}

/** The column read for each matching segment: its id (a page) or its rowid (export.ts's scan). */
export type SegmentKey = 'id' | 'rowid';

/**
 * Document order without a sort over every match: documents in order, and in each one an index
 * walk of `annotations_document_order` (document, start, end, id — migration 0005) that skips
 * whole documents before `offset` by their counts. With 100,000 annotations this avoids ordering
 * them all to show 100. Without counts (all rows from the first: `offset` 0, no limit) every
 * document is walked.
 */
function documentOrderKeys(
  ctx: CoreContext,
  filter: SqlFilter,
  counts: ReadonlyMap<string, number> | null,
  documentsDir: 'ASC' | 'DESC',
  dir: 'ASC' | 'DESC',
  offset: number,
  limit: number | null,
  key: SegmentKey,
): (string | number)[] {
  const docs = ctx.db
    .stmt(`SELECT id FROM documents ORDER BY sort_order ${documentsDir}, id ${documentsDir}`)
    .pluck(true)
    .all() as string[];
  const inDocument = ctx.db
    .stmt(
      `SELECT a.${key} FROM annotations a INDEXED BY annotations_document_order
       WHERE a.document_id = ? AND (${filter.where})
       ORDER BY a.start_offset ${dir}, a.end_offset ${dir}, a.id ${dir} LIMIT ? OFFSET ?`,
    )
    .pluck(true);
  const out: (string | number)[] = [];
  let skip = offset;
  for (const doc of docs) {
    const n = counts ? (counts.get(doc) ?? 0) : Infinity;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const take = limit === null ? -1 : limit - out.length;
    // A loop, not push(...keys): a document may hold more rows than a call may take arguments.
    for (const k of inDocument.all(doc, ...filter.params, take, skip) as (string | number)[]) out.push(k);
    skip = 0;
    if (limit !== null && out.length >= limit) break;
  }
  return out;
}

/**
 * Keys of the matching segments in display order, one page (or all when `limit` is null): for
 * document order an index walk per document, else an ORDER BY of the sort keys.
 */
function pageKeys(
  ctx: CoreContext,
  filter: SqlFilter,
  input: Pick<SegmentsQuery, 'sort' | 'direction' | 'groupBy'>,
  offset: number,
  limit: number | null,
  knownCounts: ReadonlyMap<string, number> | undefined,
  key: SegmentKey,
): (string | number)[] {
  const dir = input.direction === 'desc' ? 'DESC' : 'ASC';
  if (inDocumentOrder(input)) {
    const everything = offset === 0 && limit === null;
    const counts = knownCounts ?? filter.documentCounts ?? (everything ? null : documentCounts(ctx, filter));
    return documentOrderKeys(
      ctx,
      filter,
      counts,
      input.groupBy === 'document' ? 'ASC' : dir,
      dir,
      offset,
      limit,
      key,
    );
  }
  const order = orderBy(ctx, input);
  const sql = `SELECT a.${key} FROM annotations a JOIN documents d ON d.id = a.document_id ${order.join}
     WHERE ${filter.where} ORDER BY ${order.sql} ${limit === null ? '' : 'LIMIT ? OFFSET ?'}`;
  const params = [...order.params, ...filter.params, ...(limit === null ? [] : [limit, offset])];
  return ctx.db
    .stmt(sql)
    .pluck(true)
    .all(...params) as (string | number)[];
}

/** Ids of the matching segments in display order, one page (or all when `limit` is null). */
export function pageIds(
  ctx: CoreContext,
  filter: SqlFilter,
  input: Pick<SegmentsQuery, 'sort' | 'direction' | 'groupBy'>,
  offset: number,
  limit: number | null,
  knownCounts?: ReadonlyMap<string, number>,
): string[] {
  return pageKeys(ctx, filter, input, offset, limit, knownCounts, 'id') as string[];
}

/**
 * Rowids of every matching segment in display order (export.ts): only rowids, so that the rows
 * themselves can be read in one scan of the table instead of jumping around it in this order.
 */
export function orderedRowids(
  ctx: CoreContext,
  filter: SqlFilter,
  input: Pick<SegmentsQuery, 'sort' | 'direction' | 'groupBy'>,
): number[] {
  return pageKeys(ctx, filter, input, 0, null, undefined, 'rowid') as number[];
}

export function querySegments(ctx: CoreContext, input: SegmentsQuery): SegmentsPage {
  const filter = buildFilter(ctx, input);
  // Per-document counts (known, or needed for document order) give the total too.
  const counts = filter.documentCounts ?? (inDocumentOrder(input) ? documentCounts(ctx, filter) : undefined);
  const total = counts ? [...counts.values()].reduce((n, c) => n + c, 0) : countSegments(ctx, filter);
  const ids = input.offset < total ? pageIds(ctx, filter, input, input.offset, input.limit, counts) : [];
  return {
    rows: displayRows(ctx, ids),
    total,
    groups: input.groupBy ? groups(ctx, filter, input.groupBy) : null,
  };
}
