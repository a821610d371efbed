/**
 * The search view (搜索): a query box (Enter runs it; syntax help beside it), the scope (all
 * documents or chosen ones), results as KWIC lines grouped by document, and coding of the
 * selected hits with a code at keyword, sentence or paragraph extent — one `search-code` call,
 * so one undo step (Ctrl+Z or the header's 撤销). Clicking a hit opens its document there.
 */
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../../shared/contracts/search';
import { SEARCH_FIRST_PAGE } from '../../../../shared/contracts/search';
import type { SearchExpand } from '../../../../shared/contracts/search';
import { translateError, useI18n } from '../../i18n';
import { asPizhuError, useStore } from '../../state/store';
import type { ViewProps } from '../view-props';
import { ResultsList } from './ResultsList';
import { getSearchState, hitKey, setSearchState, useSearchState, type SearchState } from './state';
import './search.css';

const pick = (s: SearchState) => s;

/** The latest search started: an older one's answers are dropped. */
let searchSeq = 0;

export function SearchView({ store, navigate }: ViewProps) {
  const { t } = useI18n();
  const s = useSearchState(pick);
  const codes = useStore(store, (st) => st.codes);
  const documents = useStore(store, (st) => st.documents);
  const [help, setHelp] = useState(false);
  const [chooser, setChooser] = useState(false);

  // Default code: 问题 if the codebook has it (the usual reason to search), else the first.
  useEffect(() => {
    if (codes.length === 0) return;
    if (s.codeId === null || !codes.some((c) => c.id === s.codeId)) {
      setSearchState({ codeId: (codes.find((c) => c.name === '问题') ?? codes[0]!).id });
    }
  }, [codes, s.codeId]);

  // The first page comes back without counting (fast whatever the total); the counted result
  // follows and replaces it (same hits first, so the selection stays valid).
  const runSearch = async () => {
    const query = getSearchState().input;
    const scope = getSearchState().scope;
    const seq = ++searchSeq;
    if (scope !== null && scope.length === 0) {
      setSearchState({ error: null, result: null, query, counting: false });
      return;
    }
    const input = scope === null ? { query } : { query, documentIds: scope };
    setSearchState({ running: true, error: null });
    try {
      const first = await store.api.call('search-run', { ...input, limit: SEARCH_FIRST_PAGE, count: false });
      if (seq !== searchSeq) return;
      setSearchState({ running: false, result: first, query, selected: new Set(), counting: !first.counted });
      if (first.counted) return;
      const result = await store.api.call('search-run', input);
      if (seq !== searchSeq) return;
      setSearchState({ result, counting: false });
    } catch (err) {
      if (seq !== searchSeq) return;
      setSearchState({ running: false, counting: false, error: asPizhuError(err), result: null, query });
    }
  };

  const toggle = (hits: readonly SearchHit[], on: boolean) => {
    const next = new Set(getSearchState().selected);
    for (const h of hits) {
      if (on) next.add(hitKey(h));
      else next.delete(hitKey(h));
    }
    setSearchState({ selected: next });
  };

  const allHits = s.result ? s.result.documents.flatMap((d) => d.hits) : [];
  const allSelected = allHits.length > 0 && s.selected.size === allHits.length;

  const apply = async () => {
    const { selected, codeId, expand } = getSearchState();
    if (!codeId || selected.size === 0) return;
    const hits = allHits
      .filter((h) => selected.has(hitKey(h)))
      .map(({ documentId, start, end }) => ({ documentId, start, end }));
    setSearchState({ applying: true });
    // In the store's write queue: shown in the save status; errors become toasts.
    await store.write(async () => {
      const { created, skipped, history } = await store.api.call('search-code', { hits, codeId, expand });
      store.setHistory(history);
      store.toast({ tone: 'info', message: { key: 'search.coded', params: { created, skipped } } });
      await store.refreshProject();
    });
    setSearchState({ applying: false });
  };

  const scopeSet = new Set(s.scope ?? []);
  const setScope = (scope: string[] | null) => setSearchState({ scope });

  return (
    <section className="pz-search" aria-label={t('search.title')}>
      <form
        className="pz-search-bar"
        onSubmit={(e) => {
          e.preventDefault();
          void runSearch();
        }}
      >
        <input
          type="search"
          className="pz-search-input"
          value={s.input}
          placeholder={t('search.placeholder')}
          aria-label={t('search.title')}
          onChange={(e) => setSearchState({ input: e.target.value })}
          autoFocus
        />
        <button type="submit" disabled={s.running || s.input.trim() === ''}>
          {s.running ? t('search.running') : t('search.run')}
        </button>
        <button type="button" aria-expanded={help} onClick={() => setHelp(!help)}>
          {t('search.help')}
        </button>
      </form>
      {help && (
        <ul className="pz-search-help pz-small" data-testid="search-help">
          <li>{t('search.help.plain')}</li>
          <li>{t('search.help.and')}</li>
          <li>{t('search.help.or')}</li>
          <li>{t('search.help.phrase')}</li>
          <li>{t('search.help.regex')}</li>
        </ul>
      )}
      <div className="pz-search-scope">
        <span className="pz-muted">{t('search.scope')}</span>
        <label>
          <input type="radio" name="pz-scope" checked={s.scope === null} onChange={() => setScope(null)} />
          {t('search.scope.all')}
        </label>
        <label>
          <input
            type="radio"
            name="pz-scope"
            checked={s.scope !== null}
            onChange={() => {
              setScope(s.scope ?? []);
              setChooser(true);
            }}
          />
          {t('search.scope.some', { count: scopeSet.size })}
        </label>
        {s.scope !== null && (
          <button type="button" aria-expanded={chooser} onClick={() => setChooser(!chooser)}>
            {t('search.scope.choose')}
          </button>
        )}
      </div>
      {s.scope !== null && chooser && (
        <ul className="pz-search-docs">
          {documents.map((d) => (
            <li key={d.id}>
              <label>
                <input
                  type="checkbox"
                  checked={scopeSet.has(d.id)}
                  onChange={(e) => {
                    const next = new Set(scopeSet);
                    if (e.target.checked) next.add(d.id);
                    else next.delete(d.id);
                    setScope(documents.filter((x) => next.has(x.id)).map((x) => x.id));
                  }}
                />
                {d.title}
              </label>
            </li>
          ))}
        </ul>
      )}

      {s.error ? (
        <p className="pz-error" role="alert" data-testid="search-error">
          {translateError(t, s.error)}
        </p>
      ) : s.scope !== null && s.scope.length === 0 && s.query !== '' ? (
        <p className="pz-muted">{t('search.noScope')}</p>
      ) : !s.result ? (
        <p className="pz-muted">{t('search.empty')}</p>
      ) : s.result.total === 0 ? (
        <p className="pz-muted" data-testid="search-none">
          {t('search.noResults', { query: s.query })}
        </p>
      ) : (
        <>
          <div className="pz-search-actions">
            <label>
              <input
                type="checkbox"
                checked={allSelected}
                onChange={(e) => toggle(allHits, e.target.checked)}
                data-testid="search-select-all"
              />
              {t('search.selectAll')}
            </label>
            <span data-testid="search-summary">
              {!s.result.counted
                ? t('search.counting', { returned: s.result.returned })
                : t('search.summary', { total: s.result.total, documents: s.result.documents.length })}
              {s.result.counted &&
                s.result.truncated &&
                ` · ${t('search.truncated', { returned: s.result.returned })}`}
            </span>
            <span className="pz-muted">{t('search.selected', { count: s.selected.size })}</span>
            <span className="pz-search-apply">
              <label>
                {t('search.code')}{' '}
                <select
                  value={s.codeId ?? ''}
                  onChange={(e) => setSearchState({ codeId: e.target.value })}
                  data-testid="search-code"
                >
                  {codes.map((c) => (
                    <option key={c.id} value={c.id} style={{ color: c.color }}>
                      ● {c.name}
                    </option>
                  ))}
                </select>
              </label>
              <span
                className="pz-swatch"
                style={{ background: codes.find((c) => c.id === s.codeId)?.color ?? 'transparent' }}
              />
              <label>
                {t('search.expand')}{' '}
                <select
                  value={s.expand}
                  onChange={(e) => setSearchState({ expand: e.target.value as SearchExpand })}
                  data-testid="search-expand"
                >
                  <option value="none">{t('search.expand.none')}</option>
                  <option value="sentence">{t('search.expand.sentence')}</option>
                  <option value="paragraph">{t('search.expand.paragraph')}</option>
                </select>
              </label>
              <button
                type="button"
                className="pz-primary"
                disabled={s.selected.size === 0 || !s.codeId || s.applying}
                onClick={() => void apply()}
                data-testid="search-apply"
              >
                {s.applying ? t('search.applying') : t('search.apply')}
              </button>
            </span>
          </div>
          <ResultsList
            result={s.result}
            selected={s.selected}
            onToggle={toggle}
            onOpen={(hit) => navigate.toDocument(hit.documentId, { start: hit.start, end: hit.end })}
          />
        </>
      )}
    </section>
  );
}
