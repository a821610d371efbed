/** API handlers of span files: `spans-import` (as a coder, one undo step) and `spans-export`. */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { historyState } from '../history/log';
import { exportSpans } from './export';
import { importSpans } from './import';

type SpanHandlers = Pick<ApiHandlers, 'spans-import' | 'spans-export'>;

export function spanHandlers(ctx: CoreContext): SpanHandlers {
  return {
    'spans-import': (input) => ({ ...importSpans(ctx, input), history: historyState(ctx.db) }),
    'spans-export': ({ coderIds }) => exportSpans(ctx, coderIds),
  };
}
