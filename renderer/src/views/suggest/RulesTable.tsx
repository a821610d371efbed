/**
 * The rule set as an editable table: code, kind, phrase, weight, on/off, note; add, delete,
 * import (append or replace) and export as JSON. Each edit is one undoable core call
 * (`suggest-rules-*`); a phrase or note is saved when its field loses focus.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SuggestRule, SuggestRuleKind } from '../../../../shared/contracts/suggest';
import { useI18n } from '../../i18n';
import { asPizhuError, useStore, type Store } from '../../state/store';
import { mutate } from '../codebook/actions';
import { saveExport } from './save';

export function RulesTable({ store }: { store: Store }) {
  const { t } = useI18n();
  const codes = useStore(store, (s) => s.codes);
  const historyRevision = useStore(store, (s) => s.historyRevision);
  const history = useStore(store, (s) => s.history);
  const [rules, setRules] = useState<SuggestRule[] | null>(null);
  const [filter, setFilter] = useState('');
  const [replace, setReplace] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  // Undo/redo (and any rule change, which changes the undo state) reloads the table.
  useEffect(() => {
    let live = true;
    store.api.call('suggest-rules-list', {}).then(
      (r) => live && setRules(r),
      (err: unknown) => store.toast({ tone: 'error', error: asPizhuError(err) }),
    );
    return () => {
      live = false;
    };
  }, [store, historyRevision, history]);

  const update = (
    rule: SuggestRule,
    patch: Partial<Pick<SuggestRule, 'codeId' | 'kind' | 'pattern' | 'weight' | 'enabled' | 'note'>>,
  ) => void mutate(store, 'suggest-rules-update', { id: rule.id, patch });

  const shown = useMemo(() => {
    const f = filter.trim();
    return (rules ?? []).filter((r) => f === '' || r.pattern.includes(f) || (r.codePath ?? '').includes(f));
  }, [rules, filter]);

  const add = () => {
    const code = codes[0];
    if (!code) return;
    void mutate(store, 'suggest-rules-create', {
      codeId: code.id,
      kind: 'cue',
      pattern: '…',
      weight: 1,
      enabled: false,
    });
  };

  const onImport = async (file: File) => {
    const content = await file.text();
    const r = await mutate(store, 'suggest-rules-import', { content, replace });
    if (r) store.toast({ tone: 'info', message: { key: 'suggest.imported', params: { count: r.imported } } });
  };

  const enabled = (rules ?? []).filter((r) => r.enabled).length;
  return (
    <section aria-label={t('suggest.rules')}>
      <div className="pz-suggest-tools">
        <input
          type="search"
          placeholder={t('suggest.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="suggest-rule-filter"
        />
        <span className="pz-muted" data-testid="suggest-rule-count">
          {t('suggest.ruleCount', { count: rules?.length ?? 0, enabled })}
        </span>
        <button type="button" onClick={add} data-testid="suggest-rule-add">
          {t('suggest.add')}
        </button>
        <button
          type="button"
          onClick={() => void saveExport(store, () => store.api.call('suggest-rules-export', {}))}
        >
          {t('suggest.export')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('suggest.import')}
        </button>
        <label>
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />{' '}
          {t('suggest.importReplace')}
        </label>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="suggest-rule-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void onImport(f);
          }}
        />
      </div>
      <table data-testid="suggest-rules">
        <thead>
          <tr>
            <th>{t('suggest.col.enabled')}</th>
            <th>{t('suggest.col.code')}</th>
            <th>{t('suggest.col.kind')}</th>
            <th>{t('suggest.col.pattern')}</th>
            <th>{t('suggest.col.weight')}</th>
            <th>{t('suggest.col.note')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id} data-rule={r.pattern}>
              <td>
                <input
                  type="checkbox"
                  checked={r.enabled}
                  aria-label={`${t('suggest.col.enabled')} ${r.pattern}`}
                  onChange={(e) => update(r, { enabled: e.target.checked })}
                />
              </td>
              <td>
                <select value={r.codeId} onChange={(e) => update(r, { codeId: e.target.value })}>
                  {r.codePath === null ? <option value={r.codeId}>?</option> : null}
                  {codes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  value={r.kind}
                  onChange={(e) => update(r, { kind: e.target.value as SuggestRuleKind })}
                >
                  <option value="cue">{t('suggest.kind.cue')}</option>
                  <option value="heading">{t('suggest.kind.heading')}</option>
                </select>
              </td>
              <td>
                <input
                  type="text"
                  defaultValue={r.pattern}
                  key={`${r.id}-${r.pattern}`}
                  aria-label={t('suggest.col.pattern')}
                  onBlur={(e) => {
                    const v = e.target.value.trim();
                    if (v && v !== r.pattern) update(r, { pattern: v });
                  }}
                />
              </td>
              <td>
                <input
                  type="number"
                  step={0.1}
                  min={-10}
                  max={10}
                  defaultValue={r.weight}
                  key={`${r.id}-${r.weight}`}
                  aria-label={t('suggest.col.weight')}
                  onBlur={(e) => {
                    const v = Number(e.target.value);
                    if (Number.isFinite(v) && v >= -10 && v <= 10 && v !== r.weight) update(r, { weight: v });
                  }}
                />
              </td>
              <td>
                <input
                  type="text"
                  defaultValue={r.note}
                  key={`${r.id}-${r.note}`}
                  aria-label={t('suggest.col.note')}
                  onBlur={(e) => {
                    if (e.target.value !== r.note) update(r, { note: e.target.value });
                  }}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="pz-link"
                  onClick={() => void mutate(store, 'suggest-rules-delete', { id: r.id })}
                >
                  {t('suggest.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
