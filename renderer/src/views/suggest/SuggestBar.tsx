/**
 * The suggestion review bar of the document view: runs the suggester on the open document,
 * paints its suggestions (dashed underline in the code's colour; not annotations until
 * accepted), and lets the coder accept (A) or reject (X) the focused one and move with J/K, or
 * accept every suggestion at or above a threshold. Accepted ones become annotations of the
 * chosen coder (the suggester coder by default); rejected ones are remembered by the core and
 * never come back. Each action is one undo step; after undo/redo the list is fetched again.
 * Rendered with `key={document id}`: opening another document ends the review.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { DocumentDetail } from '../../../../shared/domain';
import type { SuggestItem, Suggestion } from '../../../../shared/contracts/suggest';
import { useI18n } from '../../i18n';
import { asPizhuError, useStore, type Store } from '../../state/store';
import type { TextDom } from '../document/DocumentText';
import { scrollRangeIntoView } from '../document/dom';
import { highlightSupported } from '../document/highlights';
import type { ViewText } from '../document/model';
import { isTypingTarget } from '../document/useDocumentKeys';
import { SuggestionPainter } from './painter';
import { formatScore, useThreshold } from './prefs';
import './suggest.css';

interface Props {
  store: Store;
  doc: DocumentDetail;
  dom: TextDom | null;
  view: ViewText;
  scroller: RefObject<HTMLElement | null>;
}

const toItem = (s: Suggestion): SuggestItem => ({
  documentId: s.document,
  codeId: s.codeId,
  start: s.start,
  end: s.end,
});

export function SuggestBar({ store, doc, dom, view, scroller }: Props) {
  const { t, locale } = useI18n();
  const codes = useStore(store, (s) => s.codes);
  const coders = useStore(store, (s) => s.coders);
  const annotations = useStore(store, (s) => s.annotations);
  const historyRevision = useStore(store, (s) => s.historyRevision);
  const [active, setActive] = useState(false);
  const [list, setList] = useState<Suggestion[] | null>(null);
  const [focused, setFocused] = useState(0);
  const [threshold, setThreshold] = useThreshold();
  const [coderId, setCoderId] = useState('');
  // Where the focus should land after the list is fetched again (the next suggestion).
  const wantStart = useRef(0);

  useEffect(() => {
    if (!active) return;
    let live = true;
    store.api.call('suggest-document', { documentId: doc.id }).then(
      (next) => {
        if (!live) return;
        setList(next);
        const at = next.findIndex((s) => s.start >= wantStart.current);
        setFocused(at === -1 ? Math.max(0, next.length - 1) : at);
      },
      (err: unknown) => {
        if (live) store.toast({ tone: 'error', error: asPizhuError(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [active, doc.id, annotations, historyRevision, store]);

  const painterRef = useRef<SuggestionPainter | null>(null);
  useEffect(() => {
    if (!active || !dom || !highlightSupported()) return;
    const painter = new SuggestionPainter(dom, view);
    painterRef.current = painter;
    return () => {
      painter.dispose();
      painterRef.current = null;
    };
  }, [active, dom, view]);

  useLayoutEffect(() => {
    const range = painterRef.current?.paint(list ?? [], focused, codes);
    if (range) scrollRangeIntoView(scroller.current, range);
  }, [list, focused, codes, dom, scroller]);

  const act = useCallback(
    async (kind: 'accept' | 'reject', items: Suggestion[]) => {
      if (items.length === 0) return;
      wantStart.current = items[0]!.start;
      await store.write(async () => {
        if (kind === 'accept') {
          const input = coderId ? { items: items.map(toItem), coderId } : { items: items.map(toItem) };
          const r = await store.api.call('suggest-accept', input);
          store.setHistory(r.history);
          store.toast({ tone: 'info', message: { key: 'suggest.accepted', params: { created: r.created } } });
        } else {
          const r = await store.api.call('suggest-reject', { items: items.map(toItem) });
          store.setHistory(r.history);
          store.toast({ tone: 'info', message: { key: 'suggest.rejected', params: { count: r.rejected } } });
          // Rejections do not change annotations: fetch the list again here.
          setList((l) => (l ? l.filter((s) => !items.includes(s)) : l));
        }
        await store.refreshProject();
      });
    },
    [store, coderId],
  );

  // Keys while reviewing: A accept, X reject, J/K move. Capture phase, so that J/K move between
  // suggestions instead of annotations (useDocumentKeys) while the review is open.
  const latest = useRef({ list, focused, act });
  useLayoutEffect(() => {
    latest.current = { list, focused, act };
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('.pz-modal')) return;
      const { list: l, focused: f, act: run } = latest.current;
      if (!l || l.length === 0) return;
      const key = e.key.toLowerCase();
      if (key !== 'j' && key !== 'k' && key !== 'a' && key !== 'x') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (key === 'j') setFocused(Math.min(l.length - 1, f + 1));
      else if (key === 'k') setFocused(Math.max(0, f - 1));
      else if (l[f]) void run(key === 'a' ? 'accept' : 'reject', [l[f]]);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active]);

  if (!active) {
    return (
      <div className="pz-suggest-bar">
        <button
          type="button"
          data-testid="suggest-run"
          onClick={() => {
            wantStart.current = 0;
            setActive(true);
          }}
        >
          {t('suggest.run')}
        </button>
      </div>
    );
  }

  const current = list?.[focused];
  const codeName = (id: string) => list?.find((s) => s.codeId === id)?.code ?? '';
  const above = (list ?? []).filter((s) => s.score >= threshold);
  return (
    <div className="pz-suggest-bar is-active" data-testid="suggest-bar" aria-label={t('suggest.title')}>
      <div className="pz-suggest-row">
        <strong>{t('suggest.title')}</strong>
        <span className="pz-muted" data-testid="suggest-count">
          {list === null ? t('suggest.running') : t('suggest.count', { count: list.length })}
        </span>
        <label>
          {t('suggest.threshold')}{' '}
          <input
            type="number"
            min={0}
            max={20}
            step={0.5}
            value={threshold}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v) && v >= 0) setThreshold(v);
            }}
            data-testid="suggest-threshold"
          />
        </label>
        <label>
          {t('suggest.coder')}{' '}
          <select value={coderId} onChange={(e) => setCoderId(e.target.value)} data-testid="suggest-coder">
            <option value="">{t('suggest.suggester')}</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={above.length === 0}
          onClick={() => void act('accept', above)}
          data-testid="suggest-accept-all"
        >
          {t('suggest.acceptAll')} ({above.length})
        </button>
        <span className="pz-doc-toolbar-spacer" />
        <button type="button" className="pz-link" onClick={() => setActive(false)}>
          {t('suggest.hide')}
        </button>
      </div>
      {list && list.length === 0 ? <p className="pz-muted pz-small">{t('suggest.none')}</p> : null}
      {current ? (
        <div className="pz-suggest-row" data-testid="suggest-current">
          <span
            className="pz-suggest-code"
            style={{ borderColor: codes.find((c) => c.id === current.codeId)?.color }}
          >
            {t('suggest.focused', {
              index: focused + 1,
              count: list.length,
              code: codeName(current.codeId),
              score: formatScore(current.score, locale),
            })}
            {current.unit === 'item' ? ` · ${t('suggest.item')}` : ''}
          </span>
          <button type="button" className="pz-primary" onClick={() => void act('accept', [current])}>
            {t('suggest.accept')} <kbd>A</kbd>
          </button>
          <button type="button" onClick={() => void act('reject', [current])}>
            {t('suggest.reject')} <kbd>X</kbd>
          </button>
          <span className="pz-muted pz-small">{t('suggest.reasons')}:</span>
          <ul className="pz-suggest-reasons">
            {current.reasons.map((r, i) => (
              <li key={`${r.ruleId}-${r.source}-${i}`} title={codeName(current.codeId)}>
                {r.pattern}{' '}
                <span className="pz-muted">
                  ({t(`suggest.source.${r.source}`)} {formatScore(r.weight, locale)})
                </span>
              </li>
            ))}
          </ul>
          <span className="pz-doc-toolbar-spacer" />
          <span className="pz-muted pz-small">{t('suggest.keysHint')}</span>
        </div>
      ) : null}
    </div>
  );
}
