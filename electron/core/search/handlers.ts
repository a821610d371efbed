/**
 * API handlers of corpus search: `search-run` (run.ts), `search-code` (code.ts) and
 * `search-index-build` (index-build.ts).
 */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { codeHits } from './code';
import { buildSearchIndex } from './index-build';
import { runSearch } from './run';

type SearchHandlers = Pick<ApiHandlers, 'search-run' | 'search-code' | 'search-index-build'>;

export function searchHandlers(ctx: CoreContext): SearchHandlers {
  return {
    'search-run': ({ query, documentIds, limit, count }) =>
      runSearch(ctx.db, { query, documentIds, limit, count }),
    'search-code': ({ hits, codeId, expand }) => codeHits(ctx, hits, codeId, expand),
    'search-index-build': ({ maxDocuments }) => buildSearchIndex(ctx.db, maxDocuments),
  };
}
