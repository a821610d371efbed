/**
 * Builds the core's `ApiHandlers` by merging one handler map per feature. Checked at start-up:
 * a method registered twice, a method the contract does not know, or a contract method nobody
 * handles is a programming error and throws before any call is served.
 */
import { API_METHODS, isApiMethod, type ApiHandlers } from '../../../shared/api';
import type { CoreContext } from '../context';
import { projectHandlers } from '../project/handlers';
import { documentHandlers } from '../documents/handlers';
import { codeHandlers } from '../codes/handlers';
import { coderHandlers } from '../coders/handlers';
import { annotationHandlers } from '../annotations/handlers';
import { historyHandlers } from '../history/handlers';
import { exportHandlers } from '../export/handlers';
import { memoHandlers } from '../memos/handlers';
import { importHandlers } from '../import/handlers';
import { attributeHandlers } from '../attributes/handlers';
import { libraryHandlers } from '../library/handlers';
import { segmentHandlers } from '../segments/handlers';
import { analysisHandlers } from '../analysis/handlers';
import { searchHandlers } from '../search/handlers';
import { setHandlers } from '../sets/handlers';
import { annotatedExportHandlers } from '../export/annotated';
import { suggestHandlers } from '../suggest/handlers';
import { interopHandlers } from '../interop/handlers';
import { spanHandlers } from '../spans/handlers';
import { agreementHandlers } from '../agreement/handlers';
import { backupHandlers } from '../backups/handlers';

export type HandlerMap = Partial<ApiHandlers>;

export function mergeHandlers(maps: readonly HandlerMap[]): ApiHandlers {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, fn] of Object.entries(map)) {
      if (!isApiMethod(name)) throw new Error(`Handler for unknown method '${name}' (not in shared/api.ts)`);
      if (Object.prototype.hasOwnProperty.call(merged, name))
        throw new Error(`Method '${name}' is registered twice`);
      merged[name] = fn;
    }
  }
  const missing = API_METHODS.filter((m) => !Object.prototype.hasOwnProperty.call(merged, m));
  if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`);
  return merged as ApiHandlers;
}

export function createHandlers(ctx: CoreContext): ApiHandlers {
  return mergeHandlers([
    projectHandlers(ctx),
    documentHandlers(ctx),
    codeHandlers(ctx),
    coderHandlers(ctx),
    annotationHandlers(ctx),
    historyHandlers(ctx),
    exportHandlers(ctx),
    memoHandlers(ctx),
    importHandlers(ctx),
    attributeHandlers(ctx),
    libraryHandlers(ctx, documentHandlers(ctx)['documents-list']),
    segmentHandlers(ctx),
    analysisHandlers(ctx),
    searchHandlers(ctx),
    setHandlers(ctx),
    annotatedExportHandlers(ctx),
    suggestHandlers(ctx),
    interopHandlers(ctx),
    spanHandlers(ctx),
    agreementHandlers(ctx),
    backupHandlers(ctx),
  ]);
}
