/** API handlers of the project feature: `project-info`. */
import type { ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { schemaVersion } from '../db/migrate';
import { currentCoderId } from '../coders/current';
import { historyState } from '../history/log';

type ProjectHandlers = Pick<ApiHandlers, 'project-info'>;

export function projectHandlers(ctx: CoreContext): ProjectHandlers {
  return {
    'project-info': () => {
      const count = (table: 'documents' | 'annotations') =>
        (ctx.db.stmt(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return {
        file: ctx.file,
        schemaVersion: schemaVersion(ctx.db.raw),
        documentCount: count('documents'),
        annotationCount: count('annotations'),
        currentCoderId: currentCoderId(ctx.db),
        history: historyState(ctx.db),
        readOnly: ctx.session?.readOnly ?? null,
      };
    },
  };
}
