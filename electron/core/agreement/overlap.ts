/** Annotations of a code by some coders that overlap a range of a document (as domain objects). */
import type { Annotation } from '../../../shared/domain';
import type { Db } from '../db/database';
import { toAnnotation, type AnnotationRow } from '../annotations/rows';

export function listRowsOverlapping(
  db: Db,
  documentId: string,
  codeId: string,
  coderIds: readonly string[],
  start: number,
  end: number,
): Annotation[] {
  if (coderIds.length === 0) return [];
  const rows = db
    .stmt(
      `SELECT * FROM annotations WHERE document_id = ? AND code_id = ? AND start_offset < ? AND end_offset > ?
       AND coder_id IN (${coderIds.map(() => '?').join(', ')}) ORDER BY start_offset, end_offset, id`,
    )
    .all(documentId, codeId, end, start, ...coderIds) as AnnotationRow[];
  return rows.map(toAnnotation);
}
