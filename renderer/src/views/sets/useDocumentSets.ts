/**
 * The library's document sets: the list (reloaded after undo/redo and when documents change), the
 * set filter (filter.ts, shared with the sidebar), and the mutations,
 * each one core command whose history state goes to the store and whose errors become toasts.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiInput, ApiResult } from '../../../../shared/api';
import type { DocumentSet } from '../../../../shared/contracts/sets';
import type { HistoryState } from '../../../../shared/domain';
import { asPizhuError, useStore, type Store } from '../../state/store';
import { setSetFilter, setsChanged, useSetFilterId, useSetsVersion } from './filter';

type SetMutation =
  | 'sets-create'
  | 'sets-rename'
  | 'sets-delete'
  | 'sets-add-documents'
  | 'sets-remove-documents'
  | 'sets-reorder';

export interface DocumentSets {
  sets: DocumentSet[];
  /** The set the library is filtered by, or null for all documents. */
  filter: DocumentSet | null;
  setFilter: (id: string | null) => void;
  /** Runs one mutation; resolves to its result, or undefined after an error (shown as a toast). */
  mutate: <M extends SetMutation>(method: M, input: ApiInput<M>) => Promise<ApiResult<M> | undefined>;
}

export function useDocumentSets(store: Store): DocumentSets {
  const revision = useStore(store, (s) => s.historyRevision);
  const documents = useStore(store, (s) => s.documents);
  const [sets, setSets] = useState<DocumentSet[]>([]);
  const filterId = useSetFilterId();
  const version = useSetsVersion();

  const load = useCallback(() => store.api.call('sets-list', {}), [store]);

  useEffect(() => {
    let live = true;
    load().then(
      (list) => live && setSets(list),
      (err: unknown) => store.toast({ tone: 'error', error: asPizhuError(err) }),
    );
    return () => {
      live = false;
    };
  }, [load, store, revision, documents, version]);

  const mutate = useCallback(
    async <M extends SetMutation>(method: M, input: ApiInput<M>) => {
      try {
        const result = await store.api.call(method, input);
        store.setHistory((result as { history: HistoryState }).history);
        setsChanged(); // every mounted list (library, sidebar) reloads
        return result;
      } catch (err) {
        store.toast({ tone: 'error', error: asPizhuError(err) });
        return undefined;
      }
    },
    [store],
  );

  // A deleted (or undone) set no longer filters.
  const filter = sets.find((s) => s.id === filterId) ?? null;
  return { sets, filter, setFilter: setSetFilter, mutate };
}
