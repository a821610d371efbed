/** API handlers of the coders feature: `coders-list`. */
import type { ApiHandlers } from '../../../shared/api';
import type { Coder } from '../../../shared/domain';
import type { CoreContext } from '../context';

type CoderHandlers = Pick<ApiHandlers, 'coders-list'>;

export function coderHandlers(ctx: CoreContext): CoderHandlers {
  return {
    'coders-list': () => {
      const rows = ctx.db
        .stmt(
          `SELECT c.id, c.name, c.color, (s.value IS NOT NULL) AS is_current
           FROM coders c LEFT JOIN settings s ON s.key = 'current_coder_id' AND s.value = c.id
           ORDER BY c.created_at, c.name`,
        )
        .all() as { id: string; name: string; color: string; is_current: number }[];
      return rows.map((r): Coder => ({
        id: r.id,
        name: r.name,
        color: r.color,
        isCurrent: r.is_current === 1,
      }));
    },
  };
}
