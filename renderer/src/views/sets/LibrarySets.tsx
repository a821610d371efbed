/**
 * Document sets in the library table: `useLibrarySets` filters the documents by the chosen set
 * and keeps the ticked documents; `SetSelection` is the checkbox cell (header: tick all listed),
 * `SetsColumn` the cell listing a document's sets; `useNavSets` applies the same filter to the
 * sidebar. Kept here so LibraryView and App only place them.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { DocumentSet } from '../../../../shared/contracts/sets';
import type { DocumentSummary } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import type { Store } from '../../state/store';
import { SetsBar } from './SetsBar';
import { useDocumentSets } from './useDocumentSets';

export interface LibrarySets {
  /** The documents to list: all, or the members of the filter set (library order). */
  documents: readonly DocumentSummary[];
  filtered: boolean;
  selected: ReadonlySet<string>;
  toggle: (ids: readonly string[], on: boolean) => void;
  /** Set names per document id. */
  names: ReadonlyMap<string, string[]>;
  bar: ReactNode;
}

function inSet(all: readonly DocumentSummary[], filter: DocumentSet | null): readonly DocumentSummary[] {
  if (!filter) return all;
  const members = new Set(filter.documentIds);
  return all.filter((d) => members.has(d.id));
}

/**
 * The sidebar's documents under the same set filter, and a line naming the filter (with a button
 * that clears it) to show under the sidebar title; null when unfiltered.
 */
export function useNavSets(
  store: Store,
  all: readonly DocumentSummary[],
): { documents: readonly DocumentSummary[]; label: ReactNode } {
  const { t } = useI18n();
  const { filter, setFilter } = useDocumentSets(store);
  const documents = useMemo(() => inSet(all, filter), [all, filter]);
  const label = filter ? (
    <p className="pz-sets-nav">
      <span>{t('sets.navFilter', { name: filter.name })}</span>
      <button type="button" className="pz-link pz-small" onClick={() => setFilter(null)}>
        {t('sets.clearFilter')}
      </button>
    </p>
  ) : null;
  return { documents, label };
}

export function useLibrarySets(store: Store, all: readonly DocumentSummary[]): LibrarySets {
  const sets = useDocumentSets(store);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const { filter } = sets;
  const documents = useMemo(() => inSet(all, filter), [all, filter]);
  // Only documents still listed count as selected (a filter change or a delete hides others).
  const selected = useMemo(
    () => new Set(documents.filter((d) => ticked.has(d.id)).map((d) => d.id)),
    [documents, ticked],
  );
  const names = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const s of sets.sets) for (const id of s.documentIds) map.set(id, [...(map.get(id) ?? []), s.name]);
    return map;
  }, [sets.sets]);
  const toggle = (ids: readonly string[], on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const bar = (
    <SetsBar
      store={store}
      sets={sets}
      total={all.length}
      selected={[...selected]}
      onClearSelection={() => setTicked(new Set())}
    />
  );
  return { documents, filtered: filter !== null, selected, toggle, names, bar };
}

/** The checkbox cell of a row, or with no `doc` the header cell that ticks every listed row. */
export function SetSelection({ sets, doc }: { sets: LibrarySets; doc?: DocumentSummary }) {
  const { t } = useI18n();
  if (!doc) {
    const all = sets.documents.length > 0 && sets.selected.size === sets.documents.length;
    return (
      <th className="pz-sets-check">
        <input
          type="checkbox"
          aria-label={t('sets.selectAll')}
          checked={all}
          onChange={(e) =>
            sets.toggle(
              sets.documents.map((d) => d.id),
              e.target.checked,
            )
          }
        />
      </th>
    );
  }
  return (
    <td className="pz-sets-check">
      <input
        type="checkbox"
        aria-label={t('sets.selectDoc', { title: doc.title })}
        checked={sets.selected.has(doc.id)}
        onChange={(e) => sets.toggle([doc.id], e.target.checked)}
      />
    </td>
  );
}

/** The "sets" cell of a row (names as chips), or with no `doc` its header. */
export function SetsColumn({ sets, doc }: { sets: LibrarySets; doc?: DocumentSummary }) {
  const { t } = useI18n();
  if (!doc) return <th>{t('sets.col')}</th>;
  return (
    <td className="pz-sets-names">
      {(sets.names.get(doc.id) ?? []).map((name) => (
        <span key={name} className="pz-sets-chip">
          {name}
        </span>
      ))}
    </td>
  );
}
