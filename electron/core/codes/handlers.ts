/**
 * API handlers of the codes (codebook) feature: list with live counts, create, update, move,
 * merge, delete, and codebook import/export. Every mutation runs in one transaction with its
 * undo-log entry (one user action = one command) and returns the new history state.
 */
import type { ApiHandlers } from '../../../shared/api';
import type { Code } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { isoNow } from '../context';
import { ChangeSet, historyState, record } from '../history/log';
import { exportCodebook, importCodebook } from './io';
import { createCode, deleteCode, mergeCodes, moveCode, updateCode } from './operations';
import { getCodeRow, listCodes as listCodeRows } from './rows';

export { codePaths, toCode } from './rows';

type CodeHandlers = Pick<
  ApiHandlers,
  | 'codes-list'
  | 'codes-create'
  | 'codes-update'
  | 'codes-move'
  | 'codes-merge'
  | 'codes-delete'
  | 'codebook-export'
  | 'codebook-import'
>;

/** Codes grouped by parent (roots first), then by sort order, with live annotation counts. */
export function listCodes(ctx: CoreContext): Code[] {
  return listCodeRows(ctx.db);
}

function codeById(ctx: CoreContext, id: string): Code {
  getCodeRow(ctx.db, id); // 'code-not-found' if it is gone
  return listCodes(ctx).find((c) => c.id === id)!;
}

export function codeHandlers(ctx: CoreContext): CodeHandlers {
  const { db } = ctx;
  /** Runs `fn` with a ChangeSet and records it as one command of `kind`, all in one transaction. */
  const command = <T>(kind: string, fn: (changes: ChangeSet, now: string) => T): T =>
    db.transaction(() => {
      const now = isoNow(ctx);
      const changes = new ChangeSet(db);
      const out = fn(changes, now);
      record(db, kind, changes, now);
      return out;
    });

  return {
    'codes-list': () => listCodes(ctx),

    'codes-create': (input) => {
      const row = command('code-create', (changes, now) => createCode(db, changes, input, now));
      return { code: codeById(ctx, row.id), history: historyState(db) };
    },

    'codes-update': ({ id, ...patch }) => {
      command('code-update', (changes, now) => updateCode(db, changes, id, patch, now));
      return { code: codeById(ctx, id), history: historyState(db) };
    },

    'codes-move': ({ id, parentId, index }) => {
      command('code-move', (changes) => moveCode(db, changes, id, parentId, index));
      return { code: codeById(ctx, id), history: historyState(db) };
    },

    'codes-merge': ({ sourceId, targetId }) => {
      const summary = command('code-merge', (changes, now) =>
        mergeCodes(db, changes, sourceId, targetId, now),
      );
      return { code: codeById(ctx, targetId), summary, history: historyState(db) };
    },

    'codes-delete': ({ id, annotations, children }) => {
      const summary = command('code-delete', (changes, now) =>
        deleteCode(db, changes, id, annotations, children, now),
      );
      return { summary, history: historyState(db) };
    },

    'codebook-export': ({ format }) => exportCodebook(db, format, ctx.now()),

    'codebook-import': ({ format, content }) => {
      const counts = command('codebook-import', (changes, now) =>
        importCodebook(db, changes, format, content, now),
      );
      return { ...counts, history: historyState(db) };
    },
  };
}
