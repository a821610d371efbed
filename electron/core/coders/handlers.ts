/**
 * API handlers of the coders feature: list, create, rename/recolour, archive (undoable commands)
 * and choose the current coder (a project setting, not an undo step: it changes no coding).
 */
import type { ApiHandlers } from '../../../shared/api';
import type { Coder } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { isoNow, type CoreContext } from '../context';
import { ChangeSet, historyState, record } from '../history/log';
import { currentCoderId, setCurrentCoderId } from './current';
import { checkCoderName, createCoder, getCoderRow, listCoders } from './operations';
import type { CoderRow } from './tables';

type CoderHandlers = Pick<
  ApiHandlers,
  'coders-list' | 'coders-create' | 'coders-update' | 'coders-archive' | 'coders-set-current'
>;

export function coderHandlers(ctx: CoreContext): CoderHandlers {
  const { db } = ctx;
  const one = (id: string): Coder => listCoders(db).find((c) => c.id === id)!;
  return {
    'coders-list': () => listCoders(db),

    'coders-create': ({ name, color }) => {
      const now = isoNow(ctx);
      const id = db.transaction(() => {
        const changes = new ChangeSet(db);
        const row = createCoder(db, changes, name, color, now);
        record(db, 'coder-create', changes, now);
        return row.id;
      });
      return { coder: one(id), history: historyState(db) };
    },

    'coders-update': ({ id, name, color }) => {
      const now = isoNow(ctx);
      db.transaction(() => {
        const row = getCoderRow(db, id);
        const patch: Partial<CoderRow> = {};
        if (name !== undefined && name !== row.name) {
          checkCoderName(db, name, id);
          patch.name = name;
        }
        if (color !== undefined && color.toLowerCase() !== row.color.toLowerCase()) patch.color = color;
        if (Object.keys(patch).length === 0) return;
        const changes = new ChangeSet(db);
        changes.update<CoderRow>('coders', id, patch);
        record(db, 'coder-update', changes, now);
      });
      return { coder: one(id), history: historyState(db) };
    },

    'coders-archive': ({ id, archived }) => {
      const now = isoNow(ctx);
      db.transaction(() => {
        const row = getCoderRow(db, id);
        if ((row.archived_at !== null) === archived) return;
        if (archived && currentCoderId(db) === id)
          throw new PizhuError(
            'coder-archived',
            'The current coder cannot be archived; choose another first',
            {
              name: row.name,
            },
          );
        const changes = new ChangeSet(db);
        changes.update<CoderRow>('coders', id, { archived_at: archived ? now : null });
        record(db, archived ? 'coder-archive' : 'coder-unarchive', changes, now);
      });
      return { coder: one(id), history: historyState(db) };
    },

    'coders-set-current': ({ id }) => {
      db.transaction(() => {
        const row = getCoderRow(db, id);
        if (row.archived_at !== null)
          throw new PizhuError('coder-archived', `${row.name} is archived`, { name: row.name });
        setCurrentCoderId(db, id);
      });
      return listCoders(db);
    },
  };
}
