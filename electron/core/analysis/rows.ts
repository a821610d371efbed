/**
 * Reads the annotation rows an analysis needs (ids, document, code, coder, offsets: no text),
 * in one indexed SELECT, and counts them into cells grouped by any key. The analyses differ only
 * in the key: document (matrix), coder (frequencies), and later a document attribute.
 */
import type { AnalysisCell } from '../../../shared/contracts/analysis';
import type { CoreContext } from '../context';
import { unionLength, type Range } from './intervals';
import type { CodeScope } from './scope';

export interface AnnotationSpan {
  id: string;
  document_id: string;
  code_id: string;
  coder_id: string;
  start_offset: number;
  end_offset: number;
}

/** Annotations whose code is in `codeIds` (and document in `documentIds`, when given). */
export function loadSpans(
  ctx: CoreContext,
  codeIds: readonly string[],
  documentIds: readonly string[] | undefined,
): AnnotationSpan[] {
  const where = ['a.code_id IN (SELECT value FROM json_each(?))'];
  const params: string[] = [JSON.stringify(codeIds)];
  if (documentIds) {
    where.push('a.document_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(documentIds));
  }
  return ctx.db
    .stmt(
      `SELECT a.id, a.document_id, a.code_id, a.coder_id, a.start_offset, a.end_offset
       FROM annotations a WHERE ${where.join(' AND ')}`,
    )
    .all(...params) as AnnotationSpan[];
}

export interface Grouped {
  /** `cells[group][row]`. */
  cells: AnalysisCell[][];
  /** Per group: union of every row's ranges (what any selected code covers). */
  groupCoded: number[];
}

/**
 * Counts spans into `groupCount × scope.codes.length` cells. `groupOf` maps a span to its group
 * index (or -1 to skip). Coded characters are unions per (group, row, document), summed over
 * documents, so ranges in different documents never merge.
 */
export function countGrouped(
  spans: readonly AnnotationSpan[],
  scope: CodeScope,
  groupCount: number,
  groupOf: (s: AnnotationSpan) => number,
): Grouped {
  const rowCount = scope.codes.length;
  const cells: AnalysisCell[][] = Array.from({ length: groupCount }, () =>
    Array.from({ length: rowCount }, () => ({ count: 0, coded: 0 })),
  );
  // (group, row, document) → ranges; (group, document) → ranges for the group union.
  const perCell = new Map<string, Range[]>();
  const perGroup = new Map<string, Range[]>();
  const push = (map: Map<string, Range[]>, key: string, r: Range) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (const s of spans) {
    const g = groupOf(s);
    if (g < 0) continue;
    const rows = scope.rowsOf.get(s.code_id);
    if (!rows) continue;
    const r = { start: s.start_offset, end: s.end_offset };
    for (const row of rows) {
      cells[g]![row]!.count++;
      push(perCell, `${g}\u0000${row}\u0000${s.document_id}`, r);
    }
    push(perGroup, `${g}\u0000${s.document_id}`, r);
  }
  for (const [key, ranges] of perCell) {
    const [g, row] = key.split('\u0000');
    cells[Number(g)]![Number(row)]!.coded += unionLength(ranges);
  }
  const groupCoded = new Array<number>(groupCount).fill(0);
  for (const [key, ranges] of perGroup) groupCoded[Number(key.split('\u0000')[0])]! += unionLength(ranges);
  return { cells, groupCoded };
}
