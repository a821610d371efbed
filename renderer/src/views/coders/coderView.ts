/**
 * Which coders' annotations the document view shows: all, one, or two side by side. A small
 * module store (read with `useCoderView`) remembered in localStorage like the script view, so the
 * agreement view can open a document in the two-column comparison.
 */
import { useSyncExternalStore } from 'react';
import type { Annotation, Coder } from '../../../../shared/domain';

export type CoderViewMode =
  { kind: 'all' } | { kind: 'one'; coderId: string } | { kind: 'compare'; left: string; right: string };

const KEY = 'pizhu.document.coderView';
const listeners = new Set<() => void>();

function load(): CoderViewMode {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as CoderViewMode | null;
    if (v && (v.kind === 'one' || v.kind === 'compare' || v.kind === 'all')) return v;
  } catch {
    // Storage unavailable or garbage: show all coders.
  }
  return { kind: 'all' };
}

let mode: CoderViewMode = load();

export function setCoderView(next: CoderViewMode): void {
  mode = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Not remembered, but applied for the session.
  }
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The mode, falling back to all coders when a remembered coder no longer exists. */
export function useCoderView(coders: readonly Coder[]): CoderViewMode {
  const m = useSyncExternalStore(subscribe, () => mode);
  const known = (id: string) => coders.some((c) => c.id === id);
  if (m.kind === 'one' && !known(m.coderId)) return { kind: 'all' };
  if (m.kind === 'compare' && !(known(m.left) && known(m.right))) return { kind: 'all' };
  return m;
}

/** The annotations the mode shows (both coders' in the comparison). */
export function filterByCoderView(
  annotations: readonly Annotation[],
  m: CoderViewMode,
): readonly Annotation[] {
  if (m.kind === 'all') return annotations;
  if (m.kind === 'one') return annotations.filter((a) => a.coderId === m.coderId);
  return annotations.filter((a) => a.coderId === m.left || a.coderId === m.right);
}
