/**
 * Coder operations from the UI, each through the store's write queue (save status, errors as
 * toasts) and followed by a refresh of the project lists (coders, counts, undo state).
 */
import type { Store } from '../../state/store';

export async function coderWrite<T>(store: Store, op: () => Promise<T>): Promise<T | undefined> {
  const result = await store.write(op);
  if (result !== undefined) await store.refreshProject();
  return result;
}

export const setCurrentCoder = (store: Store, id: string) =>
  coderWrite(store, () => store.api.call('coders-set-current', { id }));
