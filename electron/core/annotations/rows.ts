/**
 * Annotation rows: reading them and mapping them to the domain type. Writes go through the undo
 * log's ChangeSet (history/log.ts), so every change is undoable.
 */
import { PizhuError } from '../../../shared/errors';
import type { Annotation } from '../../../shared/domain';
import type { AnnotationSpans } from '../../../shared/contracts/annotation-spans';
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
 * A document's annotations without their quotes, in `listRows`' order. SQLite reads them from the
 * covering index annotations_spans alone, already in this order (0016_annotation_spans.sql; the
 * plan is pinned by tests/unit/core/annotation-spans.test.ts), as arrays, not row objects.
 */
export const SPANS_SQL = `SELECT id, code_id, coder_id, start_offset, end_offset, memo, created_at, updated_at
FROM annotations WHERE document_id = ? ORDER BY start_offset, end_offset, created_at, id`;

type SpanRow = [string, string, string, number, number, string, string, string];

/** The listing column by column (`annotations-spans`, shared/contracts/annotation-spans.ts). */
export function listSpans(db: Db, documentId: string): AnnotationSpans {
  const rows = db.stmt(SPANS_SQL).raw(true).all(documentId) as SpanRow[];
  const n = rows.length;
  const spans: AnnotationSpans = {
    codeIds: [],
    coderIds: [],
    id: new Array<string>(n),
    code: new Array<number>(n),
    coder: new Array<number>(n),
    start: new Array<number>(n),
    end: new Array<number>(n),
    createdAt: new Array<string>(n),
    updatedAt: new Array<string | null>(n),
    memos: [],
  };
  const codes = new Map<string, number>();
  const coders = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], key: string): number => {
    let i = map.get(key);
    if (i === undefined) {
      i = list.push(key) - 1;
      map.set(key, i);
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    const [id, codeId, coderId, start, end, memo, createdAt, updatedAt] = rows[i]!;
    spans.id[i] = id;
    spans.code[i] = indexOf(codes, spans.codeIds, codeId);
    spans.coder[i] = indexOf(coders, spans.coderIds, coderId);
    spans.start[i] = start;
    spans.end[i] = end;
    spans.createdAt[i] = createdAt;
    spans.updatedAt[i] = updatedAt === createdAt ? null : updatedAt;
    if (memo !== '') spans.memos.push([i, memo]);
  }
  return spans;
}
