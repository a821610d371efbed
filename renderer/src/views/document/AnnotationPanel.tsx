/**
 * The side panel of the document view: the selected annotation(s) with code, coder, quote, an
 * autosaving memo and delete; below, every annotation of the document in text order
 * (virtualised: thousands of rows stay smooth), click to scroll the text to it.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { scrollList } from './listRect';
import type { Annotation, Code, Coder } from '../../../../shared/domain';
import { useI18n } from '../../i18n';
import { useFormat } from '../../i18n';

interface Props {
  annotations: readonly Annotation[];
  active: readonly Annotation[];
  codes: readonly Code[];
  coders: readonly Coder[];
  onSelect: (id: string) => void;
  onClose: () => void;
  onDelete: (id: string) => void;
  onMemo: (id: string, memo: string) => void;
  /** Changes after every undo/redo, which may have changed a memo behind the editor's back. */
  historyRevision: number;
  /** The quote in the script view shown (default: the canonical text). */
  quoteOf?: (a: Annotation) => string;
  /** False while the document's annotations are still loading (no "none yet" hint then). */
  loaded?: boolean;
}

const canonicalQuote = (a: Annotation) => a.text;

/** Memoised, like its list: re-rendered when its annotations, selection or codes change. */
export const AnnotationPanel = memo(function AnnotationPanel(props: Props) {
  const { t } = useI18n();
  const { annotations, active, codes, coders } = props;
  const codeOf = useCallback((id: string) => codes.find((c) => c.id === id), [codes]);
  const quote = props.quoteOf ?? canonicalQuote;
  const activeIds = useMemo(() => active.map((a) => a.id), [active]);
  return (
    <aside className="pz-side" aria-label={t('document.annotations')}>
      {active.length > 0 ? (
        <section className="pz-detail" aria-label={t('annotation.memo')}>
          <div className="pz-detail-head">
            {active.length > 1 ? (
              <span>{t('annotation.overlapping', { count: active.length })}</span>
            ) : (
              <span />
            )}
            <button type="button" className="pz-link" onClick={props.onClose}>
              {t('annotation.close')}
            </button>
          </div>
          {active.map((a) => (
            <AnnotationDetail
              key={`${a.id}:${props.historyRevision}`}
              annotation={a}
              code={codeOf(a.codeId)}
              coder={coders.find((c) => c.id === a.coderId)}
              onDelete={props.onDelete}
              onMemo={props.onMemo}
              quote={quote(a)}
            />
          ))}
        </section>
      ) : null}
      <h2 className="pz-side-title">
        {t('document.annotations')}{' '}
        <span className="pz-muted">{t('document.annotationCount', { count: annotations.length })}</span>
      </h2>
      {annotations.length === 0 && props.loaded !== false ? (
        <p className="pz-muted pz-hint">{t('document.noAnnotations')}</p>
      ) : null}
      <AnnotationList
        annotations={annotations}
        activeIds={activeIds}
        codeOf={codeOf}
        onSelect={props.onSelect}
        quote={quote}
      />
    </aside>
  );
});

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

const AnnotationList = memo(function AnnotationList({
  quote,
  annotations,
  activeIds,
  codeOf,
  onSelect,
}: {
  annotations: readonly Annotation[];
  activeIds: readonly string[];
  codeOf: (id: string) => Code | undefined;
  onSelect: (id: string) => void;
  quote: (a: Annotation) => string;
}) {
  const parentRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => 64,
    // No layout forced as the list mounts (listRect.ts).
    scrollToFn: scrollList,
    overscan: 8,
  });
  return (
    <div ref={parentRef} className="pz-ann-list" role="list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const a = annotations[item.index]!;
          const code = codeOf(a.codeId);
          return (
            <div
              key={a.id}
              role="listitem"
              data-annotation-id={a.id}
              className={`pz-ann-item${activeIds.includes(a.id) ? ' is-active' : ''}`}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
                borderLeftColor: code?.color,
              }}
              onClick={() => onSelect(a.id)}
              tabIndex={0}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onSelect(a.id);
              }}
            >
              <div className="pz-ann-meta">
                <span className="pz-tag" style={{ background: code?.color }}>
                  {code?.name}
                </span>
                <span className="pz-muted">{a.start}</span>
                {a.memo ? (
                  <span className="pz-memo-mark" title={a.memo}>
                    ✎
                  </span>
                ) : null}
              </div>
              <div className="pz-ann-quote">{excerpt(quote(a))}</div>
            </div>
          );
        })}
      </div>
    </div>
  );
});

function AnnotationDetail({
  annotation,
  code,
  coder,
  onDelete,
  onMemo,
  quote,
}: {
  quote: string;
  annotation: Annotation;
  code: Code | undefined;
  coder: Coder | undefined;
  onDelete: (id: string) => void;
  onMemo: (id: string, memo: string) => void;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  // Starts from the saved memo; an undo/redo remounts this card (see `historyRevision`), so a
  // memo changed by the undo log shows up without fighting the user's typing.
  const [draft, setDraft] = useState(annotation.memo);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ draft, saved: annotation.memo });
  useLayoutEffect(() => {
    latest.current = { draft, saved: annotation.memo };
  });

  const flush = () => {
    clearTimeout(timer.current);
    if (latest.current.draft !== latest.current.saved) onMemo(annotation.id, latest.current.draft);
  };
  // Save what was typed when the panel closes or another annotation is selected.
  useEffect(() => () => flush(), []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <article
      className="pz-detail-card"
      style={{ borderTopColor: code?.color }}
      data-testid="annotation-detail"
    >
      <dl className="pz-detail-grid">
        <dt>{t('annotation.code')}</dt>
        <dd>
          <span className="pz-tag" style={{ background: code?.color }}>
            {code?.name}
          </span>
        </dd>
        <dt>{t('annotation.coder')}</dt>
        <dd>{coder?.name}</dd>
        <dt>{t('annotation.created')}</dt>
        <dd>{fmt.dateTime(annotation.createdAt)}</dd>
      </dl>
      <blockquote className="pz-quote">{quote}</blockquote>
      <p className="pz-muted pz-small">
        {t('annotation.range', { start: annotation.start, end: annotation.end })}
      </p>
      <label className="pz-memo-label">
        {t('annotation.memo')}
        <textarea
          className="pz-memo"
          value={draft}
          placeholder={t('annotation.memoPlaceholder')}
          onBlur={flush}
          onChange={(e) => {
            setDraft(e.target.value);
            clearTimeout(timer.current);
            timer.current = setTimeout(flush, 800);
          }}
          rows={4}
        />
      </label>
      <button type="button" className="pz-danger" onClick={() => onDelete(annotation.id)}>
        {t('annotation.delete')}
      </button>
    </article>
  );
}
