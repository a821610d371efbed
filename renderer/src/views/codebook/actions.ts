/**
 * Runs one codebook or memo mutation for a view: calls the core, then refreshes the project
 * (codes with live counts, document counts, the open document's annotations) and the undo
 * state, so the document view repaints with new colours at once. Errors become toasts; the
 * promise resolves to undefined then.
 */
import type { ApiInput, ApiMethod, ApiResult } from '../../../../shared/api';
import type { HistoryState } from '../../../../shared/domain';
import { asPizhuError, type Store } from '../../state/store';

export async function mutate<M extends ApiMethod>(
  store: Store,
  method: M,
  input: ApiInput<M>,
): Promise<ApiResult<M> | undefined> {
  try {
    const result = await store.api.call(method, input);
    const history = (result as { history?: HistoryState }).history;
    if (history) store.setHistory(history);
    await store.refreshProject();
    return result;
  } catch (err) {
    store.toast({ tone: 'error', error: asPizhuError(err) });
    return undefined;
  }
}
