/**
 * The SQL of a segment filter and of a segment order, shared by the query, the export and the
 * analysis views' drill-down. Lists of ids travel as one JSON parameter (`IN (SELECT value FROM
 * json_each(?))`), so the statement text depends only on which filters are set (a handful of
 * cached statements) and any number of ids costs one bound value.
 */
import type { SegmentFilter, SegmentGroupBy, SegmentSort } from '../../../shared/contracts/segments';
import type { CoreContext } from '../context';
import {
  codebook,
  codesInTreeOrder,
  expandCodeIds,
  requireCoders,
  requireDocuments,
} from '../analysis/scope';
import { cooccurrenceCellSql } from '../analysis/cooccurrence-cell';
import { attributeConditionSql } from '../attributes/filter';
import { likePattern, queryForms } from './script';

export interface SqlFilter {
  /** A boolean SQL expression on `annotations a`. */
  where: string;
  params: (string | number)[];
  /**
   * Matches per document (absent: none), when known without running the filter: a co-occurrence
   * cell computes them with its annotations, and is then the whole filter.
   */
  documentCounts?: ReadonlyMap<string, number>;
}

function likeAny(column: string, query: string | undefined, where: string[], params: (string | number)[]) {
  const forms = query === undefined ? [] : queryForms(query);
  if (forms.length === 0) return;
  where.push(`(${forms.map(() => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
  params.push(...forms.map(likePattern));
}

/** Validates the filter's ids (unknown → *-not-found) and builds its WHERE clause. */
export function buildFilter(ctx: CoreContext, f: SegmentFilter): SqlFilter {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.codeIds) {
    where.push('a.code_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(expandCodeIds(ctx, f.codeIds, f.includeSubcodes ?? false)));
  }
  if (f.documentIds) {
    requireDocuments(ctx, f.documentIds);
    where.push('a.document_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.documentIds));
  }
  if (f.coderIds) {
    requireCoders(ctx, f.coderIds);
    where.push('a.coder_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.coderIds));
  }
  likeAny('a.quote', f.textQuery, where, params);
  likeAny('a.memo', f.memoQuery, where, params);
  let cellCounts: ReadonlyMap<string, number> | undefined;
  if (f.cooccurrence) {
    const cell = cooccurrenceCellSql(ctx, f.cooccurrence);
    where.push(`(${cell.sql})`);
    params.push(...cell.params);
    cellCounts = cell.documentCounts;
  }
  for (const condition of f.attributes ?? []) {
    const c = attributeConditionSql(ctx, condition);
    where.push(c.sql);
    params.push(...c.params);
  }
  if (where.length === 0) return { where: '1', params };
  const filter: SqlFilter = { where: where.join(' AND '), params };
  if (cellCounts && where.length === 1) filter.documentCounts = cellCounts;
  return filter;
}

export interface SqlOrder {
  /** Extra join (the code rank table for code order). */
  join: string;
  sql: string;
  params: string[];
}

/**
 * ORDER BY for `annotations a JOIN documents d`. Every order ends with `a.id` so that pages are
 * stable (no row appears on two pages). Grouping puts the group key first, ascending.
 */
export function orderBy(
  ctx: CoreContext,
  o: { sort: SegmentSort; direction: 'asc' | 'desc'; groupBy?: SegmentGroupBy | null | undefined },
): SqlOrder {
  const dir = o.direction === 'desc' ? 'DESC' : 'ASC';
  const needsRank = o.sort === 'code' || o.groupBy === 'code';
  const keys: string[] = [];
  if (o.groupBy === 'code') keys.push('r.rank ASC');
  if (o.groupBy === 'document') keys.push('d.sort_order ASC', 'd.id ASC');
  switch (o.sort) {
    case 'document':
      keys.push(
        `d.sort_order ${dir}`,
        `a.document_id ${dir}`,
        `a.start_offset ${dir}`,
        `a.end_offset ${dir}`,
      );
      break;
    case 'code':
      keys.push(`r.rank ${dir}`, `d.sort_order ${dir}`, `a.start_offset ${dir}`);
      break;
    case 'created':
      keys.push(`a.created_at ${dir}`);
      break;
    case 'length':
      keys.push(`(a.end_offset - a.start_offset) ${dir}`, `d.sort_order ${dir}`, `a.start_offset ${dir}`);
      break;
  }
  keys.push(`a.id ${dir}`);
  if (!needsRank) return { join: '', sql: keys.join(', '), params: [] };
  const rank: Record<string, number> = {};
  codesInTreeOrder(codebook(ctx)).forEach((c, i) => (rank[c.id] = i));
  return {
    join: 'JOIN (SELECT key AS code_id, value AS rank FROM json_each(?)) r ON r.code_id = a.code_id',
    sql: keys.join(', '),
    params: [JSON.stringify(rank)],
  };
}
