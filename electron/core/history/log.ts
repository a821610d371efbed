/**
 * Undo/redo as a persistent command log in SQLite (table `command_log`), not editor history: it
 * survives closing the project, and it covers exactly the operations that change coding.
 *
 * Each entry keeps the annotation row before and after the command (JSON; null = no row). Undo
 * makes the table match `before`, redo makes it match `after`, so one rule covers create (undo =
 * delete), delete (undo = re-insert the identical row) and memo edits (undo = previous memo and
 * updated_at: the row becomes exactly what it was). Callers write the mutation and `record()` in
 * one transaction; undo/redo apply and re-label an entry in one transaction too.
 */
import { PizhuError } from '../../../shared/errors';
import type { HistoryEffect, HistoryKind, HistoryState } from '../../../shared/domain';
import type { Db } from '../db/database';
import { putRow, removeRow, type AnnotationRow } from '../annotations/rows';

/** Oldest entries beyond this are dropped: undo reaches back a long way but the file stays small. */
export const HISTORY_LIMIT = 1_000;

interface LogEntry {
  seq: number;
  kind: HistoryKind;
  annotation_id: string;
  document_id: string;
  before_row: string | null;
  after_row: string | null;
}

/** Records a command that has just been applied. Discards the redo tail and caps the log. */
export function record(
  db: Db,
  kind: HistoryKind,
  before: AnnotationRow | null,
  after: AnnotationRow | null,
  at: string,
): void {
  const row = after ?? before;
  if (!row) throw new Error('history.record needs a before or an after row');
  db.stmt(`DELETE FROM command_log WHERE state = 'undone'`).run();
  db.stmt(
    `INSERT INTO command_log (kind, annotation_id, document_id, before_row, after_row, state, created_at)
     VALUES (?, ?, ?, ?, ?, 'done', ?)`,
  ).run(kind, row.id, row.document_id, before && JSON.stringify(before), after && JSON.stringify(after), at);
  db.stmt(
    `DELETE FROM command_log WHERE seq IN (SELECT seq FROM command_log ORDER BY seq DESC LIMIT -1 OFFSET ?)`,
  ).run(HISTORY_LIMIT);
}

function nextUndo(db: Db): LogEntry | undefined {
  return db.stmt(`SELECT * FROM command_log WHERE state = 'done' ORDER BY seq DESC LIMIT 1`).get() as
    LogEntry | undefined;
}

function nextRedo(db: Db): LogEntry | undefined {
  return db.stmt(`SELECT * FROM command_log WHERE state = 'undone' ORDER BY seq ASC LIMIT 1`).get() as
    LogEntry | undefined;
}

export function historyState(db: Db): HistoryState {
  const u = nextUndo(db);
  const r = nextRedo(db);
  return { canUndo: !!u, canRedo: !!r, undoKind: u?.kind ?? null, redoKind: r?.kind ?? null };
}

function applyRow(db: Db, annotationId: string, json: string | null): void {
  if (json === null) removeRow(db, annotationId);
  else putRow(db, JSON.parse(json) as AnnotationRow);
}

export function undo(db: Db): HistoryEffect {
  return db.transaction(() => {
    const e = nextUndo(db);
    if (!e) throw new PizhuError('nothing-to-undo', 'Nothing to undo');
    applyRow(db, e.annotation_id, e.before_row);
    db.stmt(`UPDATE command_log SET state = 'undone' WHERE seq = ?`).run(e.seq);
    return { kind: e.kind, direction: 'undo', documentId: e.document_id, annotationId: e.annotation_id };
  });
}

export function redo(db: Db): HistoryEffect {
  return db.transaction(() => {
    const e = nextRedo(db);
    if (!e) throw new PizhuError('nothing-to-redo', 'Nothing to redo');
    applyRow(db, e.annotation_id, e.after_row);
    db.stmt(`UPDATE command_log SET state = 'done' WHERE seq = ?`).run(e.seq);
    return { kind: e.kind, direction: 'redo', documentId: e.document_id, annotationId: e.annotation_id };
  });
}
