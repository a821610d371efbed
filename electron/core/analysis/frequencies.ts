/**
 * `analysis-frequencies`: annotations per code in each group — a document or a coder. Document
 * attributes (province, year, …) become one more `groupBy` kind: a group per attribute value,
 * `groupOf` mapping an annotation's document to that value; the counting is shared (rows.ts).
 */
import type { FrequencyTable } from '../../../shared/contracts/analysis';
import type { CoreContext } from '../context';
import { listDocumentsFor } from './matrix';
import { countCells } from './rows';
import { codeScope } from './scope';

export function frequencyTable(
  ctx: CoreContext,
  input: {
    groupBy: 'document' | 'coder';
    codeIds?: string[] | undefined;
    includeSubcodes: boolean;
    documentIds?: string[] | undefined;
  },
): FrequencyTable {
  const scope = codeScope(ctx, input.codeIds, input.includeSubcodes);
  const documents = listDocumentsFor(ctx, input.documentIds);
  let groups: { id: string; label: string }[];
  let key: 'a.document_id' | 'a.coder_id';
  if (input.groupBy === 'document') {
    groups = documents.map((d) => ({ id: d.id, label: d.title }));
    key = 'a.document_id';
  } else {
    groups = ctx.db.stmt('SELECT id, name AS label FROM coders ORDER BY created_at, id').all() as {
      id: string;
      label: string;
    }[];
    key = 'a.coder_id';
  }
  const cells = countCells(
    ctx,
    scope,
    key,
    groups.map((g) => g.id),
    input.documentIds,
  );
  return {
    groupBy: input.groupBy,
    includeSubcodes: input.includeSubcodes,
    codes: scope.codes,
    groups,
    cells,
    groupTotals: cells.map((row) => row.reduce((n, c) => n + c.count, 0)),
    codeTotals: scope.codes.map((_, j) => cells.reduce((n, row) => n + row[j]!.count, 0)),
  };
}
