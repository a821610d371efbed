/**
 * The search view's own state (query, scope, results, selection, chosen code and extent), kept in
 * this module rather than in the app store, and remembered while the app runs so that opening a
 * hit in its document and coming back shows the same results and selection.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { SearchExpand, SearchHit, SearchResult } from '../../../../shared/contracts/search';
import type { PizhuError } from '../../../../shared/errors';

export interface SearchState {
  /** What is typed in the box. */
  input: string;
  /** The query of the shown results. */
  query: string;
  /** null = all documents. */
  scope: string[] | null;
  running: boolean;
  /** The shown result is a first page; the counted result is on its way. */
  counting: boolean;
  result: SearchResult | null;
  error: PizhuError | null;
  /** Keys (hitKey) of the selected hits. */
  selected: ReadonlySet<string>;
  codeId: string | null;
  expand: SearchExpand;
  applying: boolean;
}

export function hitKey(hit: Pick<SearchHit, 'documentId' | 'start' | 'end'>): string {
  return `${hit.documentId}:${hit.start}:${hit.end}`;
}

let state: SearchState = {
  input: '',
  query: '',
  scope: null,
  running: false,
  counting: false,
  result: null,
  error: null,
  selected: new Set(),
  codeId: null,
  expand: 'sentence',
  applying: false,
};
const listeners = new Set<() => void>();

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function getSearchState(): SearchState {
  return state;
}

export function setSearchState(patch: Partial<SearchState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useSearchState<T>(selector: (s: SearchState) => T): T {
  const get = useCallback(() => selector(state), [selector]);
  return useSyncExternalStore(subscribe, get);
}
