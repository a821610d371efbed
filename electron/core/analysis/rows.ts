/**
 * Counting annotations into (group, code) cells in SQL, for the matrix and the frequency tables.
 * The analyses differ only in the group: the document (matrix), the coder (frequencies), or the
 * value of a document attribute (joined from `document_attributes`; '' for no value).
 *
 * Coded characters are the length of the UNION of the annotations' ranges, computed in SQL with
 * a window: with the ranges of one (group, code, document) sorted by start and M the largest end
 * seen before a range [s, e), that range adds max(0, e − max(s, M)) new code points. Ranges in
 * different documents never merge. Nothing but the aggregates crosses into JavaScript, so
 * 100,000 annotations cost one index walk and a sort (better-sqlite3 spends ~1 µs per row it
 * returns; the SQL aggregate returns a few dozen).
 */
import type { AnalysisCell } from '../../../shared/contracts/analysis';
import type { CoreContext } from '../context';
import type { CodeScope } from './scope';

/**
 * A grouping: the SQL expression on `annotations a` whose value is the group id, or a document
 * attribute, whose value (via a LEFT JOIN, '' when the document has none) is the group id.
 */
export type GroupExpr = 'a.document_id' | 'a.coder_id' | { attributeId: string };

function documentFilter(documentIds: readonly string[] | undefined, params: string[]): string {
  if (!documentIds) return '';
  params.push(JSON.stringify(documentIds));
  return ' AND a.document_id IN (SELECT value FROM json_each(?))';
}

/**
 * `cells[group][row]` for the groups in `groupIds` (others are ignored) and `scope`'s rows.
 *
 * When every row is exactly one code (no sub-code aggregation in effect), the window runs in the
 * order of `annotations_code_cover` (code, document, start): no sort at all. Otherwise each code
 * is joined once per row it counts for and the rows are sorted for the window.
 */
export function countCells(
  ctx: CoreContext,
  scope: CodeScope,
  groupExpr: GroupExpr,
  groupIds: readonly string[],
  documentIds: readonly string[] | undefined,
): AnalysisCell[][] {
  // One-to-one: every member code is one row and every row one code (no aggregation in effect).
  const oneToOne =
    scope.rowsOf.size === scope.codes.length && [...scope.rowsOf.values()].every((rows) => rows.length === 1);
  const params: string[] = [];
  let source: string;
  let rowExpr: string;
  let groupSql: string;
  let groupJoin = '';
  if (typeof groupExpr === 'string') {
    groupSql = groupExpr;
  } else {
    groupJoin = 'LEFT JOIN document_attributes v ON v.document_id = a.document_id AND v.attribute_id = ?';
    params.push(groupExpr.attributeId);
    groupSql = "coalesce(v.value, '')";
  }
  if (oneToOne) {
    source = `annotations a ${groupJoin} WHERE a.code_id IN (SELECT value FROM json_each(?))`;
    params.push(JSON.stringify(scope.memberIds));
    rowExpr = 'a.code_id';
  } else {
    const pairs: [string, number][] = [];
    for (const [code, rows] of scope.rowsOf) for (const row of rows) pairs.push([code, row]);
    source = `annotations a ${groupJoin}
         JOIN (SELECT json_extract(value, '$[0]') AS code, json_extract(value, '$[1]') AS r FROM json_each(?)) p
           ON p.code = a.code_id WHERE 1`;
    params.push(JSON.stringify(pairs));
    rowExpr = 'p.r';
  }
  const docs = documentFilter(documentIds, params);
  // Ranges merge only within a document; an attribute value is a function of the document.
  const partition = groupExpr === 'a.coder_id' ? `, ${groupSql}` : '';
  const rows = ctx.db
    .stmt(
      `SELECT g, r, count(*), sum(max(0, e - max(s, coalesce(m, s))))
       FROM (
         SELECT ${groupSql} AS g, ${rowExpr} AS r, a.start_offset AS s, a.end_offset AS e,
                max(a.end_offset) OVER (PARTITION BY ${rowExpr}, a.document_id${partition} ORDER BY a.start_offset
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS m
         FROM ${source}${docs}
       )
       GROUP BY r, g`,
    )
    .raw(true)
    .all(...params) as [string, string | number, number, number][];
  const index = new Map(groupIds.map((id, i) => [id, i]));
  const rowOf = (r: string | number) => (typeof r === 'number' ? r : scope.rowsOf.get(r)![0]!);
  const cells: AnalysisCell[][] = groupIds.map(() => scope.codes.map(() => ({ count: 0, coded: 0 })));
  for (const [g, r, count, coded] of rows) {
    const gi = index.get(g);
    if (gi !== undefined) cells[gi]![rowOf(r)] = { count, coded };
  }
  return cells;
}

/**
 * Per document: code points covered by any annotation of the scope's codes. Walks
 * `annotations_document_order` (document, start, …, code), so the window needs no sort.
 */
export function documentCoverage(
  ctx: CoreContext,
  scope: CodeScope,
  documentIds: readonly string[],
): number[] {
  const rows = ctx.db
    .stmt(
      `SELECT d, sum(max(0, e - max(s, coalesce(m, s))))
       FROM (
         SELECT a.document_id AS d, a.start_offset AS s, a.end_offset AS e,
                max(a.end_offset) OVER (PARTITION BY a.document_id ORDER BY a.start_offset
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS m
         FROM annotations a INDEXED BY annotations_document_order
         WHERE a.code_id IN (SELECT value FROM json_each(?))
       )
       GROUP BY d`,
    )
    .raw(true)
    .all(JSON.stringify(scope.memberIds)) as [string, number][];
  const coded = new Map(rows);
  return documentIds.map((id) => coded.get(id) ?? 0);
}

/**
 * Per group in `groupIds`: the number of distinct annotations of the scope's codes. With
 * sub-codes counted under their parents an annotation appears in several rows; a total must still
 * count it once (6 annotations are 6, whatever the rows say).
 */
export function distinctCounts(
  ctx: CoreContext,
  scope: CodeScope,
  groupExpr: GroupExpr,
  groupIds: readonly string[],
  documentIds: readonly string[] | undefined,
): number[] {
  const params: string[] = [];
  let groupSql: string;
  let groupJoin = '';
  if (typeof groupExpr === 'string') groupSql = groupExpr;
  else {
    groupJoin = 'LEFT JOIN document_attributes v ON v.document_id = a.document_id AND v.attribute_id = ?';
    params.push(groupExpr.attributeId);
    groupSql = "coalesce(v.value, '')";
  }
  params.push(JSON.stringify(scope.memberIds));
  const docs = documentFilter(documentIds, params);
  const rows = ctx.db
    .stmt(
      `SELECT ${groupSql} AS g, count(*) FROM annotations a ${groupJoin}
       WHERE a.code_id IN (SELECT value FROM json_each(?))${docs} GROUP BY g`,
    )
    .raw(true)
    .all(...params) as [string, number][];
  const counts = new Map(rows);
  return groupIds.map((id) => counts.get(id) ?? 0);
}
