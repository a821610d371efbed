/**
 * Counting annotations into (group, code) cells, for the matrix and the frequency tables. The
 * analyses differ only in the group: the document (matrix), the coder (frequencies), or the value
 * of a document attribute ('' for no value).
 *
 * One SQL pass reads, per (code, document[, coder]), the annotations' starts and ends as two JSON
 * arrays (`json_group_array` over `annotations_code_cover`, an index walk in code, document,
 * start order: no sort, and a few dozen rows cross into JavaScript instead of 100,000). Each such
 * partition's ranges become their islands in one pass (ranges.ts); a cell's coded characters are the union of
 * its member codes' islands, a document's coverage the union over every code in scope. Ranges in
 * different documents never merge.
 */
import type { AnalysisCell } from '../../../shared/contracts/analysis';
import type { CoreContext } from '../context';
import { coveredLength, islandsOfPairs, mergeLists, type RangeList, type RangePairs } from './ranges';
import type { CodeScope } from './scope';

/** A grouping: by document, by coder, or by the value of a document attribute. */
export type GroupExpr = 'a.document_id' | 'a.coder_id' | { attributeId: string };

/** The ranges of one code in one document (and, when read by coder, of one coder). */
export interface CodeRanges {
  code: string;
  document: string;
  /** '' unless read by coder. */
  coder: string;
  /** In index order: starts ascending (not relied upon), each end with its start. */
  ranges: RangePairs;
}

function numbers(json: string): Float64Array {
  return Float64Array.from(JSON.parse(json) as number[]);
}

/** The ranges of the given codes per (code, document[, coder]), in one index walk. */
export function readCodeRanges(
  ctx: CoreContext,
  codeIds: readonly string[],
  documentIds: readonly string[] | undefined,
  byCoder = false,
): CodeRanges[] {
  const params = [JSON.stringify(codeIds)];
  let docs = '';
  if (documentIds) {
    docs = ' AND a.document_id IN (SELECT value FROM json_each(?))';
    params.push(JSON.stringify(documentIds));
  }
  const rows = ctx.db
    .stmt(
      `SELECT a.code_id, a.document_id, ${byCoder ? 'a.coder_id' : "''"},
              json_group_array(a.start_offset), json_group_array(a.end_offset)
       FROM annotations a INDEXED BY annotations_code_cover
       WHERE a.code_id IN (SELECT value FROM json_each(?))${docs}
       GROUP BY a.code_id, a.document_id${byCoder ? ', a.coder_id' : ''}`,
    )
    .raw(true)
    .all(...params) as [string, string, string, string, string][];
  return rows.map(([code, document, coder, starts, ends]) => ({
    code,
    document,
    coder,
    ranges: { start: numbers(starts), end: numbers(ends) },
  }));
}

/** The annotations in scope of one group, per partition (document[, coder]) and code. */
interface Partition {
  group: string;
  /** Stored code id → number of annotations and the islands of their union. */
  codes: Map<string, { count: number; islands: RangeList }>;
}

/** Reads the scope's annotations and sorts them into partitions tagged with their group id. */
export function readPartitions(
  ctx: CoreContext,
  scope: CodeScope,
  groupExpr: GroupExpr,
  documentIds: readonly string[] | undefined,
): Partition[] {
  const byCoder = groupExpr === 'a.coder_id';
  let groupOf: (r: CodeRanges) => string;
  if (groupExpr === 'a.document_id') groupOf = (r) => r.document;
  else if (groupExpr === 'a.coder_id') groupOf = (r) => r.coder;
  else {
    const values = new Map(
      ctx.db
        .stmt('SELECT document_id, value FROM document_attributes WHERE attribute_id = ?')
        .raw(true)
        .all(groupExpr.attributeId) as [string, string][],
    );
    groupOf = (r) => values.get(r.document) ?? '';
  }
  const partitions = new Map<string, Partition>();
  for (const r of readCodeRanges(ctx, scope.memberIds, documentIds, byCoder)) {
    const key = `${r.document}\u0000${r.coder}`;
    let p = partitions.get(key);
    if (!p) {
      p = { group: groupOf(r), codes: new Map() };
      partitions.set(key, p);
    }
    p.codes.set(r.code, { count: r.ranges.start.length, islands: islandsOfPairs(r.ranges) });
  }
  return [...partitions.values()];
}

/** Stored codes per row of the scope (a row aggregates its sub-codes when asked to). */
function membersOfRows(scope: CodeScope): string[][] {
  const members: string[][] = scope.codes.map(() => []);
  for (const [code, rows] of scope.rowsOf) for (const row of rows) members[row]!.push(code);
  return members;
}

/** `cells[group][row]` for the groups in `groupIds` (others are ignored) and the scope's rows. */
export function cellsOf(partitions: readonly Partition[], scope: CodeScope, groupIds: readonly string[]) {
  const index = new Map(groupIds.map((id, i) => [id, i]));
  const members = membersOfRows(scope);
  const cells: AnalysisCell[][] = groupIds.map(() => scope.codes.map(() => ({ count: 0, coded: 0 })));
  for (const p of partitions) {
    const gi = index.get(p.group);
    if (gi === undefined) continue;
    members.forEach((codes, row) => {
      let count = 0;
      const islands: RangeList[] = [];
      for (const code of codes) {
        const c = p.codes.get(code);
        if (!c) continue;
        count += c.count;
        islands.push(c.islands);
      }
      if (count === 0) return;
      const cell = cells[gi]![row]!;
      cell.count += count;
      cell.coded += coveredLength(mergeLists(islands));
    });
  }
  return cells;
}

/**
 * Per group in `groupIds`: the number of distinct annotations in scope. With sub-codes counted
 * under their parents an annotation appears in several rows; a total must still count it once
 * (each annotation has one stored code, so the per-code counts add up).
 */
export function distinctCountsOf(partitions: readonly Partition[], groupIds: readonly string[]): number[] {
  const index = new Map(groupIds.map((id, i) => [id, i]));
  const out = groupIds.map(() => 0);
  for (const p of partitions) {
    const gi = index.get(p.group);
    if (gi !== undefined) for (const c of p.codes.values()) out[gi]! += c.count;
  }
  return out;
}

/** Per group in `groupIds`: code points covered by any annotation in scope (per partition). */
export function coverageOf(partitions: readonly Partition[], groupIds: readonly string[]): number[] {
  const index = new Map(groupIds.map((id, i) => [id, i]));
  const out = groupIds.map(() => 0);
  for (const p of partitions) {
    const gi = index.get(p.group);
    if (gi !== undefined) out[gi]! += coveredLength(mergeLists([...p.codes.values()].map((c) => c.islands)));
  }
  return out;
}
