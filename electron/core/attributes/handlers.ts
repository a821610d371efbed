/**
 * API handlers of document attributes: list, create, delete (with all its values, one undo
 * step), bulk set (many documents, one undo step), and suggestions (a year in the title), which
 * are only ever shown, never applied by themselves.
 */
import { randomUUID } from 'node:crypto';
import type { ApiHandlers } from '../../../shared/api';
import type { Attribute, AttributeType } from '../../../shared/attributes';
import { DATASET_COLUMNS } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { isoNow, type CoreContext } from '../context';
import type { Db } from '../db/database';
import { ChangeSet, historyState, record } from '../history/log';
import { trackTable } from '../history/tables';
import { normaliseValue, yearInTitle } from './values';

trackTable({ name: 'attributes', columns: ['id', 'name', 'type', 'choices', 'sort_order', 'created_at'] });
trackTable({ name: 'document_attributes', columns: ['id', 'document_id', 'attribute_id', 'value'] });

type AttributeHandlers = Pick<
  ApiHandlers,
  'attributes-list' | 'attributes-create' | 'attributes-delete' | 'attributes-set' | 'attributes-suggest'
>;

interface AttributeRow {
  id: string;
  name: string;
  type: AttributeType;
  choices: string;
  sort_order: number;
  created_at: string;
}

function toAttribute(r: AttributeRow): Attribute {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    choices: JSON.parse(r.choices) as string[],
    sortOrder: r.sort_order,
  };
}

export function listAttributes(db: Db): Attribute[] {
  return (db.stmt('SELECT * FROM attributes ORDER BY sort_order, name').all() as AttributeRow[]).map(
    toAttribute,
  );
}

function getAttribute(db: Db, id: string): AttributeRow {
  const r = db.stmt('SELECT * FROM attributes WHERE id = ?').get(id) as AttributeRow | undefined;
  if (!r) throw new PizhuError('attribute-not-found', `No attribute ${id}`, { id });
  return r;
}

export function attributeHandlers(ctx: CoreContext): AttributeHandlers {
  const { db } = ctx;
  return {
    'attributes-list': () => ({
      attributes: listAttributes(db),
      values: (
        db
          .stmt(
            `SELECT v.document_id, v.attribute_id, v.value FROM document_attributes v
             JOIN documents d ON d.id = v.document_id JOIN attributes a ON a.id = v.attribute_id
             ORDER BY d.sort_order, a.sort_order`,
          )
          .all() as { document_id: string; attribute_id: string; value: string }[]
      ).map((r) => ({ documentId: r.document_id, attributeId: r.attribute_id, value: r.value })),
    }),

    'attributes-create': ({ name, type, choices }) => {
      const reserved = (DATASET_COLUMNS as readonly string[]).includes(name);
      const exists = db.stmt('SELECT 1 FROM attributes WHERE name = ?').get(name) !== undefined;
      const unique = [...new Set(choices)];
      if (
        reserved ||
        exists ||
        (type === 'choice' && unique.length === 0) ||
        (type !== 'choice' && unique.length > 0)
      ) {
        throw new PizhuError('attribute-invalid', `Cannot create attribute ${name}`, {
          name,
          reason: reserved ? 'reserved' : exists ? 'duplicate' : 'choices',
        });
      }
      const now = isoNow(ctx);
      const attribute = db.transaction(() => {
        const order = (
          db.stmt('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM attributes').get() as { n: number }
        ).n;
        const changes = new ChangeSet(db);
        const row = changes.insert('attributes', {
          id: randomUUID(),
          name,
          type,
          choices: JSON.stringify(unique),
          sort_order: order,
          created_at: now,
        });
        record(db, 'attribute-create', changes, now);
        return toAttribute(row);
      });
      return { attribute, history: historyState(db) };
    },

    'attributes-delete': ({ id }) => {
      const now = isoNow(ctx);
      const deleted = db.transaction(() => {
        const row = getAttribute(db, id);
        const changes = new ChangeSet(db);
        const values = db.stmt('SELECT id FROM document_attributes WHERE attribute_id = ?').all(id) as {
          id: string;
        }[];
        for (const v of values) changes.remove('document_attributes', v.id);
        changes.remove('attributes', id);
        record(db, 'attribute-delete', changes, now);
        return toAttribute(row);
      });
      return { deleted, history: historyState(db) };
    },

    'attributes-set': ({ attributeId, documentIds, value }) => {
      const now = isoNow(ctx);
      const changed = db.transaction(() => {
        const attr = getAttribute(db, attributeId);
        const normalised =
          value === null || value.trim() === ''
            ? null
            : normaliseValue(value, attr.type, JSON.parse(attr.choices) as string[], attr.name);
        const changes = new ChangeSet(db);
        for (const documentId of new Set(documentIds)) {
          if (db.stmt('SELECT 1 FROM documents WHERE id = ?').get(documentId) === undefined)
            throw new PizhuError('document-not-found', `No document ${documentId}`, { id: documentId });
          const rowId = `${documentId}/${attributeId}`;
          const existing = db.stmt('SELECT value FROM document_attributes WHERE id = ?').get(rowId) as
            { value: string } | undefined;
          if (normalised === null) {
            if (existing) changes.remove('document_attributes', rowId);
          } else if (!existing) {
            changes.insert('document_attributes', {
              id: rowId,
              document_id: documentId,
              attribute_id: attributeId,
              value: normalised,
            });
          } else if (existing.value !== normalised) {
            changes.update('document_attributes', rowId, { value: normalised });
          }
        }
        record(db, 'attribute-set', changes, now);
        return changes.changes.length;
      });
      return { changed, history: historyState(db) };
    },

    'attributes-suggest': () =>
      (
        db.stmt('SELECT id, title FROM documents ORDER BY sort_order').all() as {
          id: string;
          title: string;
        }[]
      ).flatMap((d) => {
        const year = yearInTitle(d.title);
        return year ? [{ documentId: d.id, kind: 'year-in-title' as const, value: year }] : [];
      }),
  };
}
