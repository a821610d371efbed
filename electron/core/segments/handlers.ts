/** API handlers of the coded-segments feature: `segments-query`, `segments-export`. */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { exportSegments } from './export';
import { querySegments } from './query';

type SegmentHandlers = Pick<ApiHandlers, 'segments-query' | 'segments-export'>;

export function segmentHandlers(ctx: CoreContext): SegmentHandlers {
  return {
    'segments-query': (input) => querySegments(ctx, input),
    'segments-export': (input) => exportSegments(ctx, input),
  };
}
