/**
 * Runs one codebook or memo mutation for a view: calls the core, then refreshes the project
 * (codes with live counts, document counts, the open document's annotations) and the undo
 * state, so the document view repaints with new colours at once. It runs in the store's write
 * queue, so the header's save status covers it; errors become toasts and resolve to undefined.
 */
import type { ApiInput, ApiMethod, ApiResult } from '../../../../shared/api';
import type { HistoryState } from '../../../../shared/domain';
import type { Store } from '../../state/store';

export function mutate<M extends ApiMethod>(
  store: Store,
  method: M,
  input: ApiInput<M>,
): Promise<ApiResult<M> | undefined> {
  // Through the store's write queue: ordered with other writes, shown in the save status.
  return store.write(async () => {
    const result = await store.api.call(method, input);
    const history = (result as { history?: HistoryState }).history;
    if (history) store.setHistory(history);
    await store.refreshProject();
    return result;
  });
}
