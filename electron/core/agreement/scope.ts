/**
 * Loading what an agreement computation compares: the chosen coders, the documents in scope (by
 * default every document at least one of them coded), the codes (by default every code at least
 * one of them used there, in codebook order) and, per document and code, each coder's coded
 * ranges merged into units (overlapping or touching annotations of one coder become one range).
 */
import type { AgreementScope } from '../../../shared/contracts/agreement';
import { PizhuError } from '../../../shared/errors';
import { mergeRanges, type Range } from '../../../shared/stats/unitized';
import type { Db } from '../db/database';
import { codePaths } from '../codes/rows';
import { getCoderRow } from '../coders/operations';

export interface ScopeDocument {
  id: string;
  title: string;
  length: number;
}

export interface ScopeCode {
  id: string;
  name: string;
  path: string;
}

export interface LoadedScope {
  coders: { id: string; name: string }[];
  documents: ScopeDocument[];
  codes: ScopeCode[];
  /** document id → code id → per coder (scope order) merged ranges. */
  ranges: Map<string, Map<string, Range[][]>>;
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

export function loadScope(db: Db, scope: AgreementScope): LoadedScope {
  const coderIds = [...new Set(scope.coderIds)];
  if (coderIds.length < 2)
    throw new PizhuError('agreement-coders', 'Agreement needs at least two different coders', {
      count: coderIds.length,
    });
  const coders = coderIds.map((id) => {
    const row = getCoderRow(db, id);
    return { id: row.id, name: row.name };
  });
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));

  const allDocs = db
    .stmt('SELECT id, title, length FROM documents ORDER BY sort_order, id')
    .all() as ScopeDocument[];
  let documents: ScopeDocument[];
  if (scope.documentIds) {
    const wanted = new Set(scope.documentIds);
    for (const id of wanted)
      if (!allDocs.some((d) => d.id === id))
        throw new PizhuError('document-not-found', `No document ${id}`, { id });
    documents = allDocs.filter((d) => wanted.has(d.id));
  } else {
    const coded = new Set(
      (
        db
          .stmt(
            `SELECT DISTINCT document_id AS id FROM annotations WHERE coder_id IN (${placeholders(coderIds.length)})`,
          )
          .all(...coderIds) as { id: string }[]
      ).map((r) => r.id),
    );
    documents = allDocs.filter((d) => coded.has(d.id));
  }
  const docIds = new Set(documents.map((d) => d.id));

  const codeRows = db.stmt('SELECT id, parent_id AS parentId, name, sort_order FROM codes').all() as {
    id: string;
    parentId: string | null;
    name: string;
    sort_order: number;
  }[];
  const paths = codePaths(codeRows);
  // Codebook order: depth-first, siblings by sort_order.
  const children = new Map<string | null, typeof codeRows>();
  for (const c of codeRows) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const ordered: string[] = [];
  const visit = (parent: string | null): void => {
    for (const c of [...(children.get(parent) ?? [])].sort(
      (a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name),
    )) {
      ordered.push(c.id);
      visit(c.id);
    }
  };
  visit(null);

  const annotations = (
    db
      .stmt(
        `SELECT document_id, code_id, coder_id, start_offset AS start, end_offset AS "end" FROM annotations
         WHERE coder_id IN (${placeholders(coderIds.length)})`,
      )
      .all(...coderIds) as {
      document_id: string;
      code_id: string;
      coder_id: string;
      start: number;
      end: number;
    }[]
  ).filter((a) => docIds.has(a.document_id));

  let codeIds: Set<string>;
  if (scope.codeIds) {
    codeIds = new Set(scope.codeIds);
    for (const id of codeIds)
      if (!paths.has(id)) throw new PizhuError('code-not-found', `No code ${id}`, { id });
  } else codeIds = new Set(annotations.map((a) => a.code_id));
  const codes = ordered
    .filter((id) => codeIds.has(id))
    .map((id) => ({ id, name: paths.get(id)!.at(-1)!, path: paths.get(id)!.join(' > ') }));

  const raw = new Map<string, Map<string, Range[][]>>();
  for (const a of annotations) {
    if (!codeIds.has(a.code_id)) continue;
    let perDoc = raw.get(a.document_id);
    if (!perDoc) raw.set(a.document_id, (perDoc = new Map<string, Range[][]>()));
    let perCode = perDoc.get(a.code_id);
    if (!perCode) perDoc.set(a.code_id, (perCode = coders.map(() => [])));
    perCode[coderIndex.get(a.coder_id)!]!.push({ start: a.start, end: a.end });
  }
  const lengths = new Map(documents.map((d) => [d.id, d.length]));
  for (const [docId, perDoc] of raw)
    for (const [codeId, perCoder] of perDoc)
      perDoc.set(
        codeId,
        perCoder.map((r) => mergeRanges(r, lengths.get(docId)!)),
      );
  return { coders, documents, codes, ranges: raw };
}
