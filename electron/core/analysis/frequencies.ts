/**
 * `analysis-frequencies`: annotations per code in each group — a document or a coder. Document
 * attributes (province, year, …) become one more `groupBy` kind: a group per attribute value,
 * `groupOf` mapping an annotation's document to that value; the counting is shared (rows.ts).
 */
import type { FrequencyTable } from '../../../shared/contracts/analysis';
import type { CoreContext } from '../context';
import { listDocumentsFor } from './matrix';
import { countGrouped, loadSpans } from './rows';
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
  let key: 'document_id' | 'coder_id';
  if (input.groupBy === 'document') {
    groups = documents.map((d) => ({ id: d.id, label: d.title }));
    key = 'document_id';
  } else {
    groups = ctx.db.stmt('SELECT id, name AS label FROM coders ORDER BY created_at, id').all() as {
      id: string;
      label: string;
    }[];
    key = 'coder_id';
  }
  const index = new Map(groups.map((g, i) => [g.id, i]));
  const spans = loadSpans(ctx, scope.memberIds, input.documentIds);
  const { cells } = countGrouped(spans, scope, groups.length, (s) => index.get(s[key]) ?? -1);
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
