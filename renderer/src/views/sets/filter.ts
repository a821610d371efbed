/**
 * State shared by every user of document sets (library table and sidebar): the set filter (a set
 * id, or null for all documents; kept for the session, so a reload keeps it) and a version that a
 * set mutation bumps so that every mounted list reloads, not only the one that made the change.
 */
import { useSyncExternalStore } from 'react';

const KEY = 'pizhu.library.set';
const listeners = new Set<() => void>();
let current: string | null = sessionStorage.getItem(KEY);
let version = 0;

function notify(): void {
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function setSetFilter(id: string | null): void {
  if (id) sessionStorage.setItem(KEY, id);
  else sessionStorage.removeItem(KEY);
  current = id;
  notify();
}

export function useSetFilterId(): string | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** After a set mutation: every `useDocumentSets` reloads its list. */
export function setsChanged(): void {
  version++;
  notify();
}

export function useSetsVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
