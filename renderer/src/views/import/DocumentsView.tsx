/**
 * Document management (文档属性): a table of the project's documents with user-defined
 * attributes (edit a cell, or tick rows and set a value in bulk), year guesses from titles shown
 * as suggestions to accept, and rename / reorder / delete (with an inline confirmation). Every
 * change is one undoable command in the core; the library and sidebar refresh after it.
 */
import { Dialog } from '../../components/Dialog';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  Attribute,
  AttributeSuggestion,
  AttributeTable,
  AttributeType,
} from '../../../../shared/attributes';
import { ATTRIBUTE_TYPES } from '../../../../shared/attributes';
import type { ApiInput, ApiMethod, ApiResult } from '../../../../shared/api';
import type { HistoryState } from '../../../../shared/domain';
import { translateError, useI18n } from '../../i18n';
import type { PizhuError } from '../../../../shared/errors';
import { asPizhuError, useStore } from '../../state/store';
import type { ViewProps } from '../view-props';
import './import.css';

/**
 * One editable cell. A value the core refuses (二〇〇九 for a number) marks the cell invalid with
 * the reason beside it; the stored value stays the last good one and the cell shows it again.
 */
function AttributeCell(props: {
  attribute: Attribute;
  value: string;
  onCommit: (value: string) => Promise<PizhuError | null> | void;
}) {
  const { t } = useI18n();
  const { attribute, value, onCommit } = props;
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [invalid, setInvalid] = useState<PizhuError | null>(null);
  /** The text last sent to the core: once stored it may come back normalised (２０１１ → 2011). */
  const [sent, setSent] = useState<string | null>(null);
  // The stored value changed (this cell's own save reloaded, an undo): show it, unless the user
  // is typing something else meanwhile — their draft is not overwritten behind their back.
  if (seen !== value) {
    setSeen(value);
    if (draft === seen || draft === sent) setDraft(value);
  }
  // Saves answer in any order on a loaded machine (a save waits for the table's reload): only
  // the latest one decides the mark, or an earlier save's late success clears a refusal.
  const latest = useRef(0);
  const commit = async (next: string) => {
    setSent(next);
    const mine = ++latest.current;
    const error = await onCommit(next);
    if (mine !== latest.current) return;
    if (error) {
      setInvalid(error);
      setDraft(value);
    } else setInvalid(null);
  };
  if (attribute.type === 'choice') {
    return (
      <select value={value} onChange={(e) => void commit(e.target.value)} aria-label={attribute.name}>
        <option value="">{t('docs.none')}</option>
        {attribute.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  }
  const message = invalid ? translateError(t, invalid) : undefined;
  return (
    <>
      <input
        className={`pz-attr-input${invalid ? ' is-invalid' : ''}`}
        aria-label={attribute.name}
        aria-invalid={invalid ? true : undefined}
        title={message}
        inputMode={attribute.type === 'number' ? 'decimal' : undefined}
        placeholder={attribute.type === 'date' ? 'YYYY-MM-DD' : undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setInvalid(null);
        }}
        onBlur={() => draft !== value && void commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') setDraft(value);
        }}
      />
      {message ? (
        <span className="pz-attr-invalid" role="alert">
          {message}
        </span>
      ) : null}
    </>
  );
}

export function DocumentsView({ store }: ViewProps) {
  const { t } = useI18n();
  const documents = useStore(store, (s) => s.documents);
  const [table, setTable] = useState<AttributeTable>({ attributes: [], values: [] });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<string | null>(null);
  const [newAttr, setNewAttr] = useState({ name: '', type: 'text' as AttributeType, choices: '' });
  const [bulk, setBulk] = useState({ attributeId: '', value: '' });
  const [suggestions, setSuggestions] = useState<AttributeSuggestion[] | null>(null);
  const [target, setTarget] = useState('');

  const reload = useCallback(async () => setTable(await store.api.call('attributes-list', {})), [store]);
  useEffect(() => {
    void store.api.call('attributes-list', {}).then(setTable);
  }, [store, documents]);

  /** One mutation: call, update undo state, refresh the project and the table; errors → toast. */
  const mutate = useCallback(
    async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M> | undefined> => {
      try {
        const r = await store.api.call(method, input);
        store.setHistory((r as { history: HistoryState }).history);
        await store.refreshProject();
        await reload();
        return r;
      } catch (err) {
        store.toast({ tone: 'error', error: asPizhuError(err) });
        return undefined;
      }
    },
    [store, reload],
  );

  /** A cell's write: errors are shown in the cell (not as a toast), the stored value unchanged. */
  const setValue = async (attributeId: string, documentId: string, value: string) => {
    try {
      const r = await store.api.call('attributes-set', { attributeId, documentIds: [documentId], value });
      store.setHistory(r.history);
      await store.refreshProject();
      await reload();
      return null;
    } catch (err) {
      return asPizhuError(err);
    }
  };
  const valueOf = (documentId: string, attributeId: string) =>
    table.values.find((v) => v.documentId === documentId && v.attributeId === attributeId)?.value ?? '';
  const move = (index: number, delta: number) => {
    const ids = documents.map((d) => d.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id!);
    void mutate('documents-reorder', { ids });
  };
  const bulkAttr = table.attributes.find((a) => a.id === bulk.attributeId) ?? table.attributes[0];
  const targetAttr = table.attributes.find((a) => a.id === target) ?? table.attributes[0];

  return (
    <section className="pz-import pz-docs" aria-labelledby="pz-docs-title">
      <header className="pz-library-head">
        <h1 id="pz-docs-title">{t('docs.title')}</h1>
        <span className="pz-muted">{t('docs.intro')}</span>
      </header>

      <form
        className="pz-docs-bar"
        onSubmit={(e) => {
          e.preventDefault();
          const choices = newAttr.choices
            .split(/[,，]/)
            .map((c) => c.trim())
            .filter((c) => c !== '');
          void mutate('attributes-create', {
            name: newAttr.name,
            type: newAttr.type,
            choices: newAttr.type === 'choice' ? choices : [],
          }).then((r) => r && setNewAttr({ name: '', type: 'text', choices: '' }));
        }}
      >
        <strong>{t('docs.newAttribute')}</strong>
        <input
          aria-label={t('docs.attrName')}
          placeholder={t('docs.attrName')}
          value={newAttr.name}
          onChange={(e) => setNewAttr({ ...newAttr, name: e.target.value })}
        />
        <select
          aria-label={t('docs.attrType')}
          value={newAttr.type}
          onChange={(e) => setNewAttr({ ...newAttr, type: e.target.value as AttributeType })}
        >
          {ATTRIBUTE_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`docs.type.${ty}`)}
            </option>
          ))}
        </select>
        {newAttr.type === 'choice' ? (
          <input
            aria-label={t('docs.attrChoices')}
            placeholder={t('docs.attrChoices')}
            value={newAttr.choices}
            onChange={(e) => setNewAttr({ ...newAttr, choices: e.target.value })}
          />
        ) : null}
        <button type="submit" disabled={newAttr.name.trim() === ''}>
          {t('docs.create')}
        </button>
        <button
          type="button"
          onClick={() => void store.api.call('attributes-suggest', {}).then(setSuggestions)}
        >
          {t('docs.suggest')}
        </button>
      </form>

      {suggestions !== null ? (
        <div className="pz-docs-suggestions">
          {suggestions.length === 0 || !targetAttr ? (
            <span className="pz-muted">{t('docs.noSuggestions')}</span>
          ) : (
            <>
              <span>{t('docs.suggestions', { count: suggestions.length })}</span>
              <select value={targetAttr.id} onChange={(e) => setTarget(e.target.value)}>
                {table.attributes.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                onClick={() =>
                  void (async () => {
                    for (const s of suggestions)
                      await mutate('attributes-set', {
                        attributeId: targetAttr.id,
                        documentIds: [s.documentId],
                        value: s.value,
                      });
                    setSuggestions(null);
                  })()
                }
              >
                {t('docs.acceptAll')}
              </button>
              <ul>
                {suggestions.map((s) => (
                  <li key={s.documentId}>
                    {documents.find((d) => d.id === s.documentId)?.title} → <strong>{s.value}</strong>{' '}
                    <button
                      type="button"
                      className="pz-link"
                      onClick={() =>
                        void mutate('attributes-set', {
                          attributeId: targetAttr.id,
                          documentIds: [s.documentId],
                          value: s.value,
                        })
                      }
                    >
                      {t('docs.accept')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}

      {table.attributes.length > 0 && bulkAttr ? (
        <div className="pz-docs-bar">
          <span>{t('docs.bulk')}</span>
          <select
            className="pz-docs-bulk-attr"
            value={bulkAttr.id}
            onChange={(e) => setBulk({ ...bulk, attributeId: e.target.value })}
          >
            {table.attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <input
            className="pz-docs-bulk-value"
            value={bulk.value}
            onChange={(e) => setBulk({ ...bulk, value: e.target.value })}
          />
          <button
            type="button"
            disabled={selected.size === 0}
            onClick={() =>
              void mutate('attributes-set', {
                attributeId: bulkAttr.id,
                documentIds: [...selected],
                value: bulk.value,
              })
            }
          >
            {t('docs.bulkApply', { count: selected.size })}
          </button>
        </div>
      ) : null}

      <table className="pz-table pz-docs-table">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label={t('docs.selectAll')}
                checked={selected.size === documents.length && documents.length > 0}
                onChange={(e) =>
                  setSelected(e.target.checked ? new Set(documents.map((d) => d.id)) : new Set())
                }
              />
            </th>
            <th>{t('docs.col.title')}</th>
            {table.attributes.map((a) => (
              <th key={a.id} data-attribute={a.name}>
                {a.name} <span className="pz-muted pz-small">{t(`docs.type.${a.type}`)}</span>{' '}
                <button
                  type="button"
                  className="pz-link pz-small"
                  title={t('docs.removeAttribute', { name: a.name })}
                  aria-label={t('docs.removeAttribute', { name: a.name })}
                  onClick={() => void mutate('attributes-delete', { id: a.id })}
                >
                  ×
                </button>
              </th>
            ))}
            <th>{t('docs.col.order')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d, i) => (
            <tr key={d.id} data-document-id={d.id}>
              <td>
                <input
                  type="checkbox"
                  checked={selected.has(d.id)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(d.id);
                    else next.delete(d.id);
                    setSelected(next);
                  }}
                />
              </td>
              <td>
                <AttributeCell
                  attribute={{
                    id: 'title',
                    name: t('docs.col.title'),
                    type: 'text',
                    choices: [],
                    sortOrder: -1,
                  }}
                  value={d.title}
                  onCommit={(title) => {
                    if (title.trim() !== '') void mutate('documents-rename', { id: d.id, title });
                  }}
                />
              </td>
              {table.attributes.map((a) => (
                <td key={a.id} data-attribute={a.name}>
                  <AttributeCell
                    attribute={a}
                    value={valueOf(d.id, a.id)}
                    onCommit={(value) => setValue(a.id, d.id, value)}
                  />
                </td>
              ))}
              <td className="pz-docs-actions">
                <button
                  type="button"
                  aria-label={t('docs.up')}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('docs.down')}
                  disabled={i === documents.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                {confirming === d.id ? (
                  <Dialog
                    title={t('docs.deleteTitle')}
                    className="pz-docs-confirm"
                    alert
                    onClose={() => setConfirming(null)}
                  >
                    <p>{t('docs.deleteConfirm', { title: d.title, count: d.annotationTotal })}</p>
                    <div className="pz-dialog-actions">
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('docs.deleteNo')}
                      </button>
                      <button
                        type="button"
                        className="pz-danger is-confirm"
                        onClick={() =>
                          void (async () => {
                            setConfirming(null);
                            const r = await mutate('documents-delete', { id: d.id });
                            if (r)
                              store.toast({
                                tone: 'info',
                                message: { key: 'docs.deleted', params: { title: r.deleted.title } },
                              });
                          })()
                        }
                      >
                        {t('docs.deleteYes')}
                      </button>
                    </div>
                  </Dialog>
                ) : (
                  <button type="button" className="pz-docs-delete" onClick={() => setConfirming(d.id)}>
                    {t('docs.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
