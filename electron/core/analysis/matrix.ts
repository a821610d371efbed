/**
 * `analysis-matrix`: codes × documents, each cell the number of annotations and the code points
 * covered by the union of their ranges, with row and column totals (see the contract for what
 * each total means). The UI shows counts or `coded / length` as a percentage.
 */
import type { CodeDocumentMatrix } from '../../../shared/contracts/analysis';
import type { CoreContext } from '../context';
import { cellsOf, coverageOf, distinctCountsOf, readPartitions } from './rows';
import { codeScope, requireDocuments } from './scope';

interface DocRow {
  id: string;
  title: string;
  length: number;
}

export function listDocumentsFor(ctx: CoreContext, documentIds: readonly string[] | undefined): DocRow[] {
  if (documentIds) requireDocuments(ctx, documentIds);
  const all = ctx.db
    .stmt('SELECT id, title, length FROM documents ORDER BY sort_order, id')
    .all() as DocRow[];
  if (!documentIds) return all;
  const wanted = new Set(documentIds);
  return all.filter((d) => wanted.has(d.id));
}

export function codeDocumentMatrix(
  ctx: CoreContext,
  input: { codeIds?: string[] | undefined; includeSubcodes: boolean; documentIds?: string[] | undefined },
): CodeDocumentMatrix {
  const scope = codeScope(ctx, input.codeIds, input.includeSubcodes);
  const documents = listDocumentsFor(ctx, input.documentIds);
  const docIds = documents.map((d) => d.id);
  // One read of the scope's annotations serves the cells and both kinds of column total.
  const partitions = readPartitions(ctx, scope, 'a.document_id', input.documentIds);
  const byDoc = cellsOf(partitions, scope, docIds);
  const groupCoded = coverageOf(partitions, docIds);
  // Each annotation once per column, even when it counts for a code and for its parent.
  const distinct = distinctCountsOf(partitions, docIds);
  // Transpose to [code][document]: rows are codes in the UI.
  const cells = scope.codes.map((_, row) => documents.map((_, d) => byDoc[d]![row]!));
  const rowTotals = cells.map((row) => ({
    count: row.reduce((n, c) => n + c.count, 0),
    coded: row.reduce((n, c) => n + c.coded, 0),
  }));
  const columnTotals = documents.map((_, d) => ({
    count: distinct[d]!,
    coded: groupCoded[d]!,
  }));
  return {
    includeSubcodes: input.includeSubcodes,
    codes: scope.codes,
    documents: documents.map((d) => ({ id: d.id, title: d.title, length: d.length })),
    cells,
    rowTotals,
    columnTotals,
    total: {
      count: distinct.reduce((n, c) => n + c, 0),
      coded: groupCoded.reduce((n, c) => n + c, 0),
      length: documents.reduce((n, d) => n + d.length, 0),
    },
  };
}
