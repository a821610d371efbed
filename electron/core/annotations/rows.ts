/**
 * Annotation rows: reading, mapping to the domain type, and the two primitive writes (put a
 * complete row, remove a row) that both the annotation handlers and undo/redo use. Undo of a
 * delete re-inserts the exact row (same id and timestamps) through `putRow`.
 */
import { PizhuError } from '../../../shared/errors';
import type { Annotation } from '../../../shared/domain';
import type { Db } from '../db/database';

/** A row of `annotations` exactly as stored; also the JSON kept in the undo log. */
export interface AnnotationRow {
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
}

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

/** Makes the stored row equal `row` (insert, or overwrite every column of the same id). */
export function putRow(db: Db, row: AnnotationRow): void {
  db.stmt(
    `INSERT INTO annotations (${COLUMNS})
     VALUES (@id, @document_id, @code_id, @coder_id, @start_offset, @end_offset, @quote, @memo, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET
       document_id = excluded.document_id, code_id = excluded.code_id, coder_id = excluded.coder_id,
       start_offset = excluded.start_offset, end_offset = excluded.end_offset, quote = excluded.quote,
       memo = excluded.memo, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run(row);
}

export function removeRow(db: Db, id: string): void {
  db.stmt('DELETE FROM annotations WHERE id = ?').run(id);
}
