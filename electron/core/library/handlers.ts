/**
 * Managing documents in the library: rename, delete (the document, its annotations, its
 * attribute values and its set memberships in one undoable command; the UI asks for confirmation first), reorder.
 */
import type { ApiHandlers } from '../../../shared/api';
import { PizhuError } from '../../../shared/errors';
import { isoNow, type CoreContext } from '../context';
import { ChangeSet, historyState, record } from '../history/log';
import { MEMBERSHIPS_OF_DOCUMENT } from '../sets/tables';

type LibraryHandlers = Pick<ApiHandlers, 'documents-rename' | 'documents-delete' | 'documents-reorder'>;

export function libraryHandlers(ctx: CoreContext, summaries: ApiHandlers['documents-list']): LibraryHandlers {
  const { db } = ctx;
  const exists = (id: string) => {
    if (db.stmt('SELECT 1 FROM documents WHERE id = ?').get(id) === undefined)
      throw new PizhuError('document-not-found', `No document ${id}`, { id });
  };
  return {
    'documents-rename': async ({ id, title }) => {
      const now = isoNow(ctx);
      db.transaction(() => {
        exists(id);
        const changes = new ChangeSet(db);
        const current = db.stmt('SELECT title FROM documents WHERE id = ?').get(id) as { title: string };
        if (current.title !== title) changes.update('documents', id, { title });
        record(db, 'document-rename', changes, now);
      });
      const document = (await summaries({})).find((d) => d.id === id)!;
      return { document, history: historyState(db) };
    },

    'documents-delete': ({ id }) => {
      const now = isoNow(ctx);
      const deleted = db.transaction(() => {
        exists(id);
        const changes = new ChangeSet(db);
        const annotations = db.stmt('SELECT id FROM annotations WHERE document_id = ?').all(id) as {
          id: string;
        }[];
        for (const a of annotations) changes.remove('annotations', a.id);
        const values = db.stmt('SELECT id FROM document_attributes WHERE document_id = ?').all(id) as {
          id: string;
        }[];
        for (const v of values) changes.remove('document_attributes', v.id);
        for (const m of db.stmt(MEMBERSHIPS_OF_DOCUMENT).all(id) as { id: string }[])
          changes.remove('document_set_members', m.id);
        const row = changes.remove('documents', id);
        record(db, 'document-delete', changes, now);
        return { id, title: row.title as string, annotations: annotations.length };
      });
      return { deleted, history: historyState(db) };
    },

    'documents-reorder': ({ ids }) => {
      const now = isoNow(ctx);
      db.transaction(() => {
        const all = db.stmt('SELECT id, sort_order FROM documents ORDER BY sort_order').all() as {
          id: string;
          sort_order: number;
        }[];
        const given = new Set(ids);
        if (given.size !== ids.length || ids.length !== all.length || all.some((d) => !given.has(d.id))) {
          throw new PizhuError('invalid-input', 'documents-reorder needs every document id exactly once', {
            method: 'documents-reorder',
          });
        }
        const changes = new ChangeSet(db);
        const order = new Map(all.map((d) => [d.id, d.sort_order]));
        ids.forEach((docId, i) => {
          if (order.get(docId) !== i) changes.update('documents', docId, { sort_order: i });
        });
        record(db, 'document-reorder', changes, now);
      });
      return { history: historyState(db) };
    },
  };
}
