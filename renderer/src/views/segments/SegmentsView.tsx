/**
 * 编码片段 — the coded segments view (issue 6): every annotation matching a filter (code with or
 * without sub-codes, document, coder, memo text, segment text, document attribute values or
 * ranges, or a co-occurrence cell), sorted,
 * optionally grouped by code or document with counts, in a virtualised list that loads pages
 * from the core as it scrolls (100,000 rows stay smooth). A row opens its document with the
 * annotation selected. The filter lives in the URL (link.ts) so analysis cells link here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SegmentRow } from '../../../../shared/contracts/segments';
import { translateError, useI18n } from '../../i18n';
import { useFormat } from '../../i18n';
import { asPizhuError, useStore } from '../../state/store';
import type { ViewProps } from '../view-props';
import {
  DEFAULT_SEGMENTS_STATE,
  parseSegmentsHash,
  segmentsHash,
  toFilter,
  type SegmentsState,
} from './link';
import { listLayout } from './layout';
import { SegmentRowView } from './SegmentRowView';
import { CodePicker } from './CodePicker';
import { AttributeFilter } from './AttributeFilter';
import { useAttributeTable } from './useAttributeTable';
import { saveWithToast } from './save';
import { useSegments } from './useSegments';
import './segments.css';

const ROW_HEIGHT = 108;
const HEADER_HEIGHT = 36;

/** Debounces a text field: the input shows keystrokes at once, the query follows after a pause. */
function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function SegmentsView({ store, navigate }: ViewProps) {
  const { t } = useI18n();
  const fmt = useFormat();
  const codes = useStore(store, (s) => s.codes);
  const documents = useStore(store, (s) => s.documents);
  const coders = useStore(store, (s) => s.coders);
  const revision = useStore(store, (s) => s.historyRevision);
  const [state, setState] = useState<SegmentsState>(() => parseSegmentsHash(location.hash));
  const attributeTable = useAttributeTable(store);

  // Links from elsewhere (analysis cells) change the hash: follow them.
  useEffect(() => {
    const onHash = () => setState(parseSegmentsHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const update = useCallback((patch: Partial<SegmentsState>) => {
    setState((s) => {
      const next = { ...s, ...patch };
      history.replaceState(null, '', segmentsHash(next));
      return next;
    });
  }, []);

  const [textInput, setTextInput] = useState(state.textQuery);
  const [memoInput, setMemoInput] = useState(state.memoQuery);
  useEffect(() => setTextInput(state.textQuery), [state.textQuery]);
  useEffect(() => setMemoInput(state.memoQuery), [state.memoQuery]);
  const textQuery = useDebounced(textInput, 250);
  const memoQuery = useDebounced(memoInput, 250);
  useEffect(() => {
    if (textQuery !== state.textQuery || memoQuery !== state.memoQuery) update({ textQuery, memoQuery });
    // Only the debounced values drive this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [textQuery, memoQuery]);

  const filter = useMemo(() => toFilter(state), [state]);
  const order = useMemo(
    () => ({ sort: state.sort, direction: state.direction, groupBy: state.groupBy }),
    [state.sort, state.direction, state.groupBy],
  );
  const data = useSegments(store.api, filter, order, revision);
  const layout = useMemo(() => listLayout(data.total ?? 0, data.groups), [data.total, data.groups]);

  const parentRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({
    count: layout.count,
    getScrollElement: () => parentRef.current,
    estimateSize: (i) => (layout.itemAt(i).kind === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
    overscan: 10,
  });
  // A new query starts at the top.
  const queryKey = JSON.stringify({ filter, order });
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [queryKey, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { ensure, total } = data;
  useEffect(() => {
    if (total === null) return;
    let from = Infinity;
    let to = -1;
    for (let p = first; p <= last && p < layout.count; p++) {
      const entry = layout.itemAt(p);
      if (entry.kind === 'row') {
        from = Math.min(from, entry.index);
        to = Math.max(to, entry.index);
      }
    }
    if (to >= 0) ensure(from, to);
  }, [first, last, total, ensure, layout]);

  const open = useCallback(
    (row: SegmentRow) => navigate.toDocument(row.documentId, { annotationId: row.id }),
    [navigate],
  );
  const codeName = (id: string) => codes.find((c) => c.id === id)?.name ?? id;

  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await store.api.call('segments-export', { ...filter, ...order, format });
      await saveWithToast(store, file, { key: 'segments.exported', count: file.rowCount });
    } catch (err) {
      store.toast({ tone: 'error', error: asPizhuError(err) });
    }
  };

  return (
    <section className="pz-segments" aria-labelledby="pz-segments-title">
      <header className="pz-seg-head">
        <h1 id="pz-segments-title">{t('segments.title')}</h1>
        <span className="pz-muted" data-testid="segments-count">
          {data.total === null
            ? t('segments.loading')
            : t('segments.count', { count: fmt.number(data.total) })}
        </span>
        <span className="pz-seg-actions">
          <button type="button" onClick={() => void exportAs('csv')} disabled={!data.total}>
            {t('segments.exportCsv')}
          </button>
          <button type="button" onClick={() => void exportAs('xlsx')} disabled={!data.total}>
            {t('segments.exportXlsx')}
          </button>
        </span>
      </header>
      <div className="pz-seg-filters" role="group" aria-label={t('segments.filters')}>
        <div className="pz-seg-field">
          <span>{t('segments.code')}</span>
          <CodePicker codes={codes} selected={state.codeIds} onChange={(codeIds) => update({ codeIds })} />
        </div>
        <label className="pz-seg-check">
          <input
            type="checkbox"
            name="includeSubcodes"
            checked={state.includeSubcodes}
            onChange={(e) => update({ includeSubcodes: e.target.checked })}
          />
          {t('segments.includeSubcodes')}
        </label>
        <label>
          {t('segments.document')}
          <select
            name="document"
            value={state.documentId ?? ''}
            onChange={(e) => update({ documentId: e.target.value || null })}
          >
            <option value="">{t('segments.allDocuments')}</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('segments.coder')}
          <select
            name="coder"
            value={state.coderId ?? ''}
            onChange={(e) => update({ coderId: e.target.value || null })}
          >
            <option value="">{t('segments.allCoders')}</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('segments.text')}
          <input
            type="search"
            name="text"
            value={textInput}
            placeholder={t('segments.textPlaceholder')}
            onChange={(e) => setTextInput(e.target.value)}
          />
        </label>
        <label>
          {t('segments.memo')}
          <input
            type="search"
            name="memo"
            value={memoInput}
            placeholder={t('segments.memoPlaceholder')}
            onChange={(e) => setMemoInput(e.target.value)}
          />
        </label>
        <label>
          {t('segments.sort')}
          <select
            name="sort"
            value={state.sort}
            onChange={(e) => update({ sort: e.target.value as SegmentsState['sort'] })}
          >
            {(['document', 'code', 'created', 'length'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`segments.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          name="direction"
          onClick={() => update({ direction: state.direction === 'asc' ? 'desc' : 'asc' })}
        >
          {state.direction === 'asc' ? `↑ ${t('segments.asc')}` : `↓ ${t('segments.desc')}`}
        </button>
        <label>
          {t('segments.group')}
          <select
            name="group"
            value={state.groupBy ?? ''}
            onChange={(e) => update({ groupBy: (e.target.value || null) as SegmentsState['groupBy'] })}
          >
            <option value="">{t('segments.group.none')}</option>
            <option value="code">{t('segments.group.code')}</option>
            <option value="document">{t('segments.group.document')}</option>
          </select>
        </label>
        <AttributeFilter
          table={attributeTable}
          conditions={state.attributes}
          onChange={(attributes) => update({ attributes })}
        />
        <button type="button" className="pz-link" onClick={() => update({ ...DEFAULT_SEGMENTS_STATE })}>
          {t('segments.clear')}
        </button>
      </div>
      {state.cooccurrence ? (
        <p className="pz-seg-chip">
          {t('segments.cooccurrence', {
            a: codeName(state.cooccurrence.codeA),
            b: codeName(state.cooccurrence.codeB),
            mode: t(`segments.mode.${state.cooccurrence.mode}`),
          })}
          <button type="button" className="pz-link" onClick={() => update({ cooccurrence: null })}>
            {t('segments.removeFilter')}
          </button>
        </p>
      ) : null}
      {data.error ? (
        <p className="pz-error" role="alert">
          {translateError(t, data.error)}
        </p>
      ) : null}
      {data.total === 0 ? <p className="pz-muted pz-seg-empty">{t('segments.empty')}</p> : null}
      <div ref={parentRef} className="pz-seg-list" role="list" data-version={data.version}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entry = layout.itemAt(item.index);
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              right: 0,
              height: item.size,
              transform: `translateY(${item.start}px)`,
            };
            if (entry.kind === 'header')
              return (
                <div key={item.key} style={style} className="pz-seg-group" role="heading" aria-level={2}>
                  <span>{entry.group.label}</span>
                  <span className="pz-muted">
                    {t('segments.count', { count: fmt.number(entry.group.count) })}
                  </span>
                </div>
              );
            const row = data.rowAt(entry.index);
            return (
              <div key={item.key} style={style} role="listitem">
                {row ? <SegmentRowView row={row} onOpen={open} /> : <div className="pz-seg-row is-loading" />}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
