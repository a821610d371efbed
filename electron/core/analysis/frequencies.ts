/**
 * `analysis-frequencies`: annotations per code in each group — a document, a coder, or a value
 * of a document attribute (province, year, …; documents without a value form one more group,
 * id ''). The counting is shared (rows.ts); only the list of groups differs.
 */
import type { FrequencyGroup, FrequencyGroupBy, FrequencyTable } from '../../../shared/contracts/analysis';
import type { CoreContext } from '../context';
import { requireAttribute, sortValues } from '../attributes/filter';
import { listDocumentsFor } from './matrix';
import { cellsOf, distinctCountsOf, readPartitions, type GroupExpr } from './rows';
import { codeScope } from './scope';

/** The attribute's value groups over `documents`, then the no-value group if any lacks one. */
function attributeGroups(
  ctx: CoreContext,
  attributeId: string,
  documents: readonly { id: string }[],
): FrequencyGroup[] {
  const attr = requireAttribute(ctx, attributeId);
  const valueOf = new Map(
    (
      ctx.db
        .stmt('SELECT document_id, value FROM document_attributes WHERE attribute_id = ?')
        .raw(true)
        .all(attr.id) as [string, string][]
    ).map(([d, v]) => [d, v]),
  );
  const present = documents.flatMap((d) => {
    const v = valueOf.get(d.id);
    return v === undefined ? [] : [v];
  });
  const groups: FrequencyGroup[] = sortValues(attr, present).map((v) => ({ id: v, label: v }));
  if (documents.some((d) => !valueOf.has(d.id))) groups.push({ id: '', label: '', missing: true });
  return groups;
}

export function frequencyTable(
  ctx: CoreContext,
  input: {
    groupBy: FrequencyGroupBy;
    codeIds?: string[] | undefined;
    includeSubcodes: boolean;
    documentIds?: string[] | undefined;
  },
): FrequencyTable {
  const scope = codeScope(ctx, input.codeIds, input.includeSubcodes);
  const documents = listDocumentsFor(ctx, input.documentIds);
  let groups: FrequencyGroup[];
  let key: GroupExpr;
  if (input.groupBy === 'document') {
    groups = documents.map((d) => ({ id: d.id, label: d.title }));
    key = 'a.document_id';
  } else if (input.groupBy === 'coder') {
    groups = ctx.db.stmt('SELECT id, name AS label FROM coders ORDER BY created_at, id').all() as {
      id: string;
      label: string;
    }[];
    key = 'a.coder_id';
  } else {
    groups = attributeGroups(ctx, input.groupBy.attributeId, documents);
    key = { attributeId: input.groupBy.attributeId };
  }
  const groupIds = groups.map((g) => g.id);
  const partitions = readPartitions(ctx, scope, key, input.documentIds);
  const cells = cellsOf(partitions, scope, groupIds);
  return {
    groupBy: input.groupBy,
    includeSubcodes: input.includeSubcodes,
    codes: scope.codes,
    groups,
    cells,
    // Each annotation once per group, even when it counts for a code and for its parent.
    groupTotals: distinctCountsOf(partitions, groupIds),
    codeTotals: scope.codes.map((_, j) => cells.reduce((n, row) => n + row[j]!.count, 0)),
  };
}
