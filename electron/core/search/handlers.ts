/**
 * API handlers of corpus search: `search-run` (run.ts) and `search-code` (code.ts).
 */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { codeHits } from './code';
import { runSearch } from './run';

type SearchHandlers = Pick<ApiHandlers, 'search-run' | 'search-code'>;

export function searchHandlers(ctx: CoreContext): SearchHandlers {
  return {
    'search-run': ({ query, documentIds, limit }) => runSearch(ctx.db, { query, documentIds, limit }),
    'search-code': ({ hits, codeId, expand }) => codeHits(ctx, hits, codeId, expand),
  };
}
