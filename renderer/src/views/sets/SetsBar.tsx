/**
 * The set bar above the library table: filter by a document set (all / one set), create, rename
 * and delete sets (delete asks inline; documents are never deleted with a set), and add or remove
 * the ticked documents to or from a set. Every change is one undoable command.
 */
import { useState, type FormEvent } from 'react';
import type { DocumentSet } from '../../../../shared/contracts/sets';
import { useI18n } from '../../i18n';
import type { Store } from '../../state/store';
import type { DocumentSets } from './useDocumentSets';

interface Props {
  store: Store;
  sets: DocumentSets;
  total: number;
  selected: readonly string[];
  onClearSelection: () => void;
}

type Editing =
  { kind: 'create' } | { kind: 'rename'; set: DocumentSet } | { kind: 'delete'; set: DocumentSet } | null;

export function SetsBar({ store, sets, total, selected, onClearSelection }: Props) {
  const { t } = useI18n();
  const { filter, setFilter, mutate } = sets;
  const [editing, setEditing] = useState<Editing>(null);
  const [name, setName] = useState('');
  const [targetId, setTargetId] = useState<string>('');
  const target = sets.sets.find((s) => s.id === targetId) ?? filter ?? sets.sets[0] ?? null;

  const startEdit = (next: Editing) => {
    setEditing(next);
    setName(next?.kind === 'rename' ? next.set.name : '');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing || editing.kind === 'delete' || name.trim() === '') return;
    const result =
      editing.kind === 'create'
        ? await mutate('sets-create', { name })
        : await mutate('sets-rename', { id: editing.set.id, name });
    if (!result) return;
    if (editing.kind === 'create') setTargetId(result.set.id);
    startEdit(null);
  };

  const remove = async (set: DocumentSet) => {
    const result = await mutate('sets-delete', { id: set.id });
    if (!result) return;
    if (filter?.id === set.id) setFilter(null);
    startEdit(null);
    store.toast({ tone: 'info', message: { key: 'sets.deleted', params: { name: set.name } } });
  };

  const members = async (method: 'sets-add-documents' | 'sets-remove-documents') => {
    if (!target || selected.length === 0) return;
    const result = await mutate(method, { id: target.id, documentIds: [...selected] });
    if (!result) return;
    const key = method === 'sets-add-documents' ? 'sets.added' : 'sets.removed';
    store.toast({ tone: 'info', message: { key, params: { count: result.changed, name: target.name } } });
    onClearSelection();
  };

  return (
    <div className="pz-sets-bar">
      <div className="pz-sets-row">
        <label className="pz-sets-filter">
          {t('sets.filter')}{' '}
          <select
            aria-label={t('sets.filter')}
            value={filter?.id ?? ''}
            onChange={(e) => setFilter(e.target.value || null)}
          >
            <option value="">{t('sets.all', { count: total })}</option>
            {sets.sets.map((s) => (
              <option key={s.id} value={s.id}>
                {t('sets.option', { name: s.name, count: s.documentCount })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => startEdit({ kind: 'create' })}>
          {t('sets.new')}
        </button>
        {filter ? (
          <>
            <button type="button" onClick={() => startEdit({ kind: 'rename', set: filter })}>
              {t('sets.rename')}
            </button>
            <button type="button" onClick={() => startEdit({ kind: 'delete', set: filter })}>
              {t('sets.delete')}
            </button>
          </>
        ) : null}
      </div>
      {editing && editing.kind !== 'delete' ? (
        <form className="pz-sets-row" onSubmit={(e) => void submit(e)}>
          <input
            aria-label={t('sets.name')}
            placeholder={t('sets.name')}
            value={name}
            maxLength={100}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && startEdit(null)}
          />
          <button type="submit" className="pz-sets-primary" disabled={name.trim() === ''}>
            {editing.kind === 'create' ? t('sets.create') : t('sets.save')}
          </button>
          <button type="button" onClick={() => startEdit(null)}>
            {t('sets.cancel')}
          </button>
        </form>
      ) : null}
      {editing?.kind === 'delete' ? (
        <div className="pz-sets-row" role="alertdialog">
          <span>{t('sets.deleteConfirm', { name: editing.set.name, count: editing.set.documentCount })}</span>
          <button type="button" className="pz-sets-danger" onClick={() => void remove(editing.set)}>
            {t('sets.deleteYes')}
          </button>
          <button type="button" onClick={() => startEdit(null)}>
            {t('sets.cancel')}
          </button>
        </div>
      ) : null}
      {selected.length > 0 && sets.sets.length > 0 ? (
        <div className="pz-sets-row pz-sets-selection">
          <span>{t('sets.selected', { count: selected.length })}</span>
          <select
            aria-label={t('sets.target')}
            value={target?.id ?? ''}
            onChange={(e) => setTargetId(e.target.value)}
          >
            {sets.sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void members('sets-add-documents')}>
            {t('sets.add')}
          </button>
          <button type="button" onClick={() => void members('sets-remove-documents')}>
            {t('sets.remove')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
