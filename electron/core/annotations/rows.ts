/**
 * Annotation rows: reading them and mapping them to the domain type. Writes go through the undo
 * log's ChangeSet (history/log.ts), so every change is undoable.
 */
import { PizhuError } from '../../../shared/errors';
import type { Annotation } from '../../../shared/domain';
import type { AnnotationSpan } from '../../../shared/contracts/annotation-spans';
import type { Db } from '../db/database';

/** A row of `annotations` exactly as stored; also the JSON kept in the undo log. */
// A type alias (not an interface) so that it fits the undo log's generic `Row`.
export type AnnotationRow = {
  id: string;
  document_id: string;
  code_id: string;
  coder_id: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  memo: string;
  created_at: string;
  updated_at: string;
};

const COLUMNS =
  'id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at';

export function toAnnotation(r: AnnotationRow): Annotation {
  return {
    id: r.id,
    documentId: r.document_id,
    codeId: r.code_id,
    coderId: r.coder_id,
    start: r.start_offset,
    end: r.end_offset,
    text: r.quote,
    memo: r.memo,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findRow(db: Db, id: string): AnnotationRow | undefined {
  return db.stmt(`SELECT ${COLUMNS} FROM annotations WHERE id = ?`).get(id) as AnnotationRow | undefined;
}

export function getRow(db: Db, id: string): AnnotationRow {
  const row = findRow(db, id);
  if (!row) throw new PizhuError('annotation-not-found', `No annotation ${id}`, { id });
  return row;
}

export function listRows(db: Db, documentId: string): AnnotationRow[] {
  return db
    .stmt(
      `SELECT ${COLUMNS} FROM annotations WHERE document_id = ? ORDER BY start_offset, end_offset, created_at, id`,
    )
    .all(documentId) as AnnotationRow[];
}

/**
 * A document's annotations without their quotes, in `listRows`' order, named as the API names
 * them by SQLite (so no row object is mapped in JavaScript). SQLite reads them from the covering
 * index annotations_spans alone, already in this order (0016_annotation_spans.sql; the plan is
 * pinned by tests/unit/core/annotation-spans.test.ts).
 */
export const SPANS_SQL = `SELECT id, code_id AS codeId, coder_id AS coderId, start_offset AS start, end_offset AS "end",
       memo, created_at AS createdAt, updated_at AS updatedAt
FROM annotations WHERE document_id = ? ORDER BY start_offset, end_offset, created_at, id`;

export function listSpans(db: Db, documentId: string): AnnotationSpan[] {
  return db.stmt(SPANS_SQL).all(documentId) as AnnotationSpan[];
}
