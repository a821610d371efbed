/**
 * API handlers of document sets: list (with members and counts), create, rename, delete (the set
 * and its memberships; documents untouched), add / remove documents, reorder. Each mutation is
 * one undoable command. Sets overlap on purpose (see docs/data-model.md, "Document sets").
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandlers } from '../../../shared/api';
import type { DocumentSet } from '../../../shared/contracts/sets';
import { PizhuError } from '../../../shared/errors';
import { isoNow, type CoreContext } from '../context';
import type { Db } from '../db/database';
import { ChangeSet, historyState, record } from '../history/log';
import './tables';

type SetHandlers = Pick<
  ApiHandlers,
  | 'sets-list'
  | 'sets-create'
  | 'sets-rename'
  | 'sets-delete'
  | 'sets-add-documents'
  | 'sets-remove-documents'
  | 'sets-reorder'
>;

interface SetRow {
  id: string;
  name: string;
  color: string | null;
  sort_order: number;
  created_at: string;
}

/** Every set in its order, with member document ids in library order. */
export function listSets(db: Db): DocumentSet[] {
  const rows = db.stmt('SELECT * FROM document_sets ORDER BY sort_order, name').all() as SetRow[];
  const members = new Map<string, string[]>(rows.map((r) => [r.id, []]));
  for (const m of db
    .stmt(
      `SELECT m.set_id, m.document_id FROM document_set_members m
       JOIN documents d ON d.id = m.document_id ORDER BY d.sort_order, d.id`,
    )
    .all() as { set_id: string; document_id: string }[])
    members.get(m.set_id)?.push(m.document_id);
  return rows.map((r) => {
    const documentIds = members.get(r.id) ?? [];
    return {
      id: r.id,
      name: r.name,
      color: r.color,
      sortOrder: r.sort_order,
      createdAt: r.created_at,
      documentIds,
      documentCount: documentIds.length,
    };
  });
}

/** Set names per document id, in set order (the export's `document_sets` column). */
export function setNamesByDocument(db: Db): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of db
    .stmt(
      `SELECT m.document_id, s.name FROM document_set_members m
       JOIN document_sets s ON s.id = m.set_id ORDER BY s.sort_order, s.name`,
    )
    .all() as { document_id: string; name: string }[]) {
    const list = out.get(r.document_id);
    if (list) list.push(r.name);
    else out.set(r.document_id, [r.name]);
  }
  return out;
}

function getSet(db: Db, id: string): SetRow {
  const r = db.stmt('SELECT * FROM document_sets WHERE id = ?').get(id) as SetRow | undefined;
  if (!r) throw new PizhuError('set-not-found', `No document set ${id}`, { id });
  return r;
}

function checkNameFree(db: Db, name: string, except: string | null): void {
  const other = db.stmt('SELECT id FROM document_sets WHERE name = ?').get(name) as
    { id: string } | undefined;
  if (other && other.id !== except)
    throw new PizhuError('set-name-taken', `A document set named ${name} exists`, { name });
}

function checkDocuments(db: Db, ids: Iterable<string>): void {
  for (const id of ids) {
    if (db.stmt('SELECT 1 FROM documents WHERE id = ?').get(id) === undefined)
      throw new PizhuError('document-not-found', `No document ${id}`, { id });
  }
}

export function setHandlers(ctx: CoreContext): SetHandlers {
  const { db } = ctx;
  const one = (id: string) => listSets(db).find((s) => s.id === id)!;
  return {
    'sets-list': () => listSets(db),

    'sets-create': ({ name, color }) => {
      const now = isoNow(ctx);
      const id = db.transaction(() => {
        checkNameFree(db, name, null);
        const order = (
          db.stmt('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM document_sets').get() as { n: number }
        ).n;
        const changes = new ChangeSet(db);
        const row = changes.insert('document_sets', {
          id: randomUUID(),
          name,
          color: color ?? null,
          sort_order: order,
          created_at: now,
        });
        record(db, 'set-create', changes, now);
        return row.id;
      });
      return { set: one(id), history: historyState(db) };
    },

    'sets-rename': ({ id, name }) => {
      const now = isoNow(ctx);
      db.transaction(() => {
        const row = getSet(db, id);
        checkNameFree(db, name, id);
        const changes = new ChangeSet(db);
        if (row.name !== name) changes.update('document_sets', id, { name });
        record(db, 'set-rename', changes, now);
      });
      return { set: one(id), history: historyState(db) };
    },

    'sets-delete': ({ id }) => {
      const now = isoNow(ctx);
      const deleted = db.transaction(() => {
        getSet(db, id);
        const set = one(id);
        const changes = new ChangeSet(db);
        for (const m of db.stmt('SELECT id FROM document_set_members WHERE set_id = ?').all(id) as {
          id: string;
        }[])
          changes.remove('document_set_members', m.id);
        changes.remove('document_sets', id);
        record(db, 'set-delete', changes, now);
        return set;
      });
      return { deleted, history: historyState(db) };
    },

    'sets-add-documents': ({ id, documentIds }) => {
      const now = isoNow(ctx);
      const changed = db.transaction(() => {
        getSet(db, id);
        const ids = new Set(documentIds);
        checkDocuments(db, ids);
        const changes = new ChangeSet(db);
        for (const documentId of ids) {
          const exists = db
            .stmt('SELECT 1 FROM document_set_members WHERE set_id = ? AND document_id = ?')
            .get(id, documentId);
          if (exists === undefined)
            changes.insert('document_set_members', {
              id: randomUUID(),
              set_id: id,
              document_id: documentId,
              added_at: now,
            });
        }
        record(db, 'set-add-documents', changes, now);
        return changes.changes.length;
      });
      return { set: one(id), changed, history: historyState(db) };
    },

    'sets-remove-documents': ({ id, documentIds }) => {
      const now = isoNow(ctx);
      const changed = db.transaction(() => {
        getSet(db, id);
        const ids = new Set(documentIds);
        checkDocuments(db, ids);
        const changes = new ChangeSet(db);
        for (const documentId of ids) {
          const member = db
            .stmt('SELECT id FROM document_set_members WHERE set_id = ? AND document_id = ?')
            .get(id, documentId) as { id: string } | undefined;
          if (member) changes.remove('document_set_members', member.id);
        }
        record(db, 'set-remove-documents', changes, now);
        return changes.changes.length;
      });
      return { set: one(id), changed, history: historyState(db) };
    },

    'sets-reorder': ({ ids }) => {
      const now = isoNow(ctx);
      db.transaction(() => {
        const all = db.stmt('SELECT id, sort_order FROM document_sets').all() as {
          id: string;
          sort_order: number;
        }[];
        const given = new Set(ids);
        if (given.size !== ids.length || ids.length !== all.length || all.some((s) => !given.has(s.id))) {
          throw new PizhuError('invalid-input', 'sets-reorder needs every set id exactly once', {
            method: 'sets-reorder',
          });
        }
        const order = new Map(all.map((s) => [s.id, s.sort_order]));
        const changes = new ChangeSet(db);
        ids.forEach((setId, i) => {
          if (order.get(setId) !== i) changes.update('document_sets', setId, { sort_order: i });
        });
        record(db, 'set-reorder', changes, now);
      });
      return { sets: listSets(db), history: historyState(db) };
    },
  };
}
