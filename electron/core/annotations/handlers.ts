/**
 * API handlers of the annotations feature: list (with or without quotes), create, delete, update memo.
 *
 * Offsets are code points into the document's canonical text; the quote is cut here, on the core
 * side, from that text, so it always equals Python's `text[start:end]`. Every mutation and its
 * undo-log entry are written in one transaction: what the UI shows as saved is saved, undoable.
 */
import { cutSql } from '../search/sql-functions';
import { randomUUID } from 'node:crypto';
import { MEMO_MAX_LENGTH, type ApiHandlers } from '../../../shared/api';
import { PizhuError } from '../../../shared/errors';
import { codePointLength } from '../../../shared/text/offsets';
import type { CoreContext } from '../context';
import { isoNow } from '../context';
import { currentCoderId } from '../coders/current';
import { ChangeSet, historyState, record } from '../history/log';
import { getRow, listRows, listSpans, toAnnotation, type AnnotationRow } from './rows';

type AnnotationHandlers = Pick<
  ApiHandlers,
  | 'annotations-list'
  | 'annotations-spans'
  | 'annotations-create'
  | 'annotations-delete'
  | 'annotations-update-memo'
>;

function checkMemo(memo: string): void {
  const length = codePointLength(memo);
  if (length > MEMO_MAX_LENGTH) {
    throw new PizhuError('memo-too-long', `Memo has ${length} characters, the limit is ${MEMO_MAX_LENGTH}`, {
      length,
      max: MEMO_MAX_LENGTH,
    });
  }
}

function requireDocument(ctx: CoreContext, id: string): { length: number } {
  const doc = ctx.db.stmt('SELECT length FROM documents WHERE id = ?').get(id) as
    { length: number } | undefined;
  if (!doc) throw new PizhuError('document-not-found', `No document ${id}`, { id });
  return doc;
}

/**
 * The quote, cut by SQLite: `substr` on TEXT counts characters (code points), exactly our
 * offsets, so a 300k-character document is not copied into JavaScript for every annotation
 * (`cutSql`: in JavaScript when the text holds a NUL, where substr stops).
 */
function quoteOf(ctx: CoreContext, documentId: string, start: number, end: number): string {
  const row = ctx.db
    .stmt(`SELECT ${cutSql('text', '@start', '@length')} AS quote FROM documents WHERE id = @id`)
    .get({ start, length: end - start, id: documentId }) as { quote: string } | undefined;
  return row?.quote ?? '';
}

export function annotationHandlers(ctx: CoreContext): AnnotationHandlers {
  const { db } = ctx;
  return {
    'annotations-list': ({ documentId }) => {
      requireDocument(ctx, documentId);
      return listRows(db, documentId).map(toAnnotation);
    },

    'annotations-spans': ({ documentId }) => {
      requireDocument(ctx, documentId);
      return listSpans(db, documentId);
    },

    'annotations-create': ({ documentId, codeId, start, end, memo = '' }) => {
      checkMemo(memo);
      return db.transaction(() => {
        const doc = requireDocument(ctx, documentId);
        if (!(start < end && end <= doc.length)) {
          throw new PizhuError(
            'range-invalid',
            `Range ${start}–${end} is not inside 0–${doc.length} with start < end`,
            {
              start,
              end,
              length: doc.length,
            },
          );
        }
        if (!db.stmt('SELECT 1 FROM codes WHERE id = ?').get(codeId)) {
          throw new PizhuError('code-not-found', `No code ${codeId}`, { id: codeId });
        }
        const now = isoNow(ctx);
        const row: AnnotationRow = {
          id: randomUUID(),
          document_id: documentId,
          code_id: codeId,
          coder_id: currentCoderId(db),
          start_offset: start,
          end_offset: end,
          quote: quoteOf(ctx, documentId, start, end),
          memo,
          created_at: now,
          updated_at: now,
        };
        const changes = new ChangeSet(db);
        changes.insert('annotations', row);
        record(db, 'annotation-create', changes, now);
        return { annotation: toAnnotation(row), history: historyState(db) };
      });
    },

    'annotations-delete': ({ id }) =>
      db.transaction(() => {
        getRow(db, id); // 'annotation-not-found' before anything changes
        const changes = new ChangeSet(db);
        const row = changes.remove<AnnotationRow>('annotations', id);
        record(db, 'annotation-delete', changes, isoNow(ctx));
        return { deleted: toAnnotation(row), history: historyState(db) };
      }),

    'annotations-update-memo': ({ id, memo }) => {
      checkMemo(memo);
      return db.transaction(() => {
        const before = getRow(db, id);
        // Saving an unchanged memo (blur without edits) must not add an undo step.
        if (before.memo === memo) return { annotation: toAnnotation(before), history: historyState(db) };
        const now = isoNow(ctx);
        const changes = new ChangeSet(db);
        const { after } = changes.update<AnnotationRow>('annotations', id, { memo, updated_at: now });
        record(db, 'annotation-memo', changes, now);
        return { annotation: toAnnotation(after), history: historyState(db) };
      });
    },
  };
}
