/**
 * Disagreements: the units (for characters, maximal runs of characters) where some but not all of
 * the compared coders applied a code, in document order, each with the compared coders'
 * annotations that overlap it. `resolved` says whether the consensus coder (if named) has
 * already coded that code on the unit. Resolving one (resolve.ts) writes into that coder.
 */
import type { AgreementScope, Disagreement } from '../../../shared/contracts/agreement';
import type { Db } from '../db/database';
import { toAnnotation, type AnnotationRow } from '../annotations/rows';
import { coderByName } from '../coders/operations';
import { forEachRun } from './compute';
import { loadScope } from './scope';

/** At most this many are returned (the total is always counted). */
export const DISAGREEMENT_LIMIT = 5_000;

export function listDisagreements(
  db: Db,
  input: AgreementScope & { consensusCoder?: string | undefined },
): { disagreements: Disagreement[]; total: number } {
  const scope = loadScope(db, input);
  const m = scope.coders.length;
  const found: { ci: number; di: number; start: number; end: number; coded: number[] }[] = [];
  forEachRun(db, scope, input.unit, (ci, di, run) => {
    if (run.coded.length > 0 && run.coded.length < m)
      found.push({ ci, di, start: run.start, end: run.end, coded: run.coded });
  });
  found.sort((a, b) => a.di - b.di || a.start - b.start || a.ci - b.ci);
  const consensus = input.consensusCoder ? coderByName(db, input.consensusCoder.trim()) : undefined;
  const coderIds = scope.coders.map((c) => c.id);
  // All the annotations needed, read once and grouped by document and code (thousands of
  // disagreements must not mean thousands of range queries).
  const wanted = consensus ? [...coderIds, consensus.id] : coderIds;
  const groups = new Map<string, AnnotationRow[]>();
  for (const r of db
    .stmt(
      `SELECT * FROM annotations WHERE coder_id IN (${wanted.map(() => '?').join(', ')})
       ORDER BY start_offset, end_offset, id`,
    )
    .all(...wanted) as AnnotationRow[]) {
    const key = `${r.document_id}/${r.code_id}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const compared = new Set(coderIds);
  const overlapping = (
    docId: string,
    codeId: string,
    who: (coder: string) => boolean,
    s: number,
    e: number,
  ) =>
    (groups.get(`${docId}/${codeId}`) ?? []).filter(
      (r) => who(r.coder_id) && r.start_offset < e && r.end_offset > s,
    );
  const disagreements = found.slice(0, DISAGREEMENT_LIMIT).map((f): Disagreement => {
    const doc = scope.documents[f.di]!;
    const code = scope.codes[f.ci]!;
    // The annotations on the unit, and the other coders' annotations on the stretch those cover
    // (so that "A coded 4–10, B coded 4–8" shows both codings for the unit 8–10).
    const isCompared = (c: string) => compared.has(c);
    const direct = overlapping(doc.id, code.id, isCompared, f.start, f.end);
    const from = Math.min(f.start, ...direct.map((a) => a.start_offset));
    const to = Math.max(f.end, ...direct.map((a) => a.end_offset));
    const annotations = overlapping(doc.id, code.id, isCompared, from, to).map(toAnnotation);
    const resolved =
      consensus !== undefined &&
      overlapping(doc.id, code.id, (c) => c === consensus.id, f.start, f.end).length > 0;
    return {
      key: `${doc.id}/${code.id}/${f.start}/${f.end}`,
      documentId: doc.id,
      documentTitle: doc.title,
      codeId: code.id,
      codePath: code.path,
      start: f.start,
      end: f.end,
      codedBy: f.coded.map((i) => scope.coders[i]!.id),
      annotations,
      resolved,
    };
  });
  return { disagreements, total: found.length };
}
