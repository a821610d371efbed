/** API handlers of the history feature: `history-state`, `history-undo`, `history-redo`. */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { historyState, redo, undo } from './log';

type HistoryHandlers = Pick<ApiHandlers, 'history-state' | 'history-undo' | 'history-redo'>;

export function historyHandlers(ctx: CoreContext): HistoryHandlers {
  return {
    'history-state': () => historyState(ctx.db),
    'history-undo': () => {
      const effect = undo(ctx.db);
      return { effect, history: historyState(ctx.db) };
    },
    'history-redo': () => {
      const effect = redo(ctx.db);
      return { effect, history: historyState(ctx.db) };
    },
  };
}
