/**
 * The document view: the text (Lexical, read-only) in the chosen script view with annotations
 * painted as CSS highlights, a floating code toolbar over a selection (optionally snapped to
 * whole sentences), click a highlight to select it, the find bar, and the side panel (details,
 * memo, list). Keyboard-first coding lives in useDocumentKeys.ts. Everything that reaches the
 * store or the API is in canonical code points; display offsets stay inside model.ts/dom.ts.
 */
import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { DocumentDetail } from '../../../../shared/domain';
import { foldForSearch, type Span } from '../../../../shared/text/script-convert';
import { sentenceAt, splitSentences } from '../../../../shared/text/sentences';
import { useI18n } from '../../i18n';
import { useFormat } from '../../i18n';
import { useStore, type Store } from '../../state/store';
import { AnnotationPanel } from './AnnotationPanel';
import { useConverted } from './useConverted';
import { DocumentText, type TextDom } from './DocumentText';
import { DocumentToolbar } from './DocumentToolbar';
import {
  annotationsAt,
  canonicalToDomRange,
  firstParagraphBelow,
  offsetAtPoint,
  scrollRangeIntoView,
  selectCanonical,
  selectionToRange,
  selectedText,
} from './dom';
import { FindBar } from './FindBar';
import { HighlightPainter } from './highlights';
import { canonicalOffsetAt, toDisplayUtf16, type ViewText } from './model';
import { findMatches, firstMatchFrom, snapToSentences } from './navigation';
import { useScriptView, useSnapSentences } from './prefs';
import { SelectionToolbar } from './SelectionToolbar';
import { ShortcutSheet } from './ShortcutSheet';
import { useDocumentKeys } from './useDocumentKeys';
import { useViewText } from './useViewText';
import { useReadingView } from './reading/useReadingView';
import { SuggestBar } from '../suggest/SuggestBar';
import { filterByCoderView, useCoderView } from '../coders/coderView';
import { CoderViewControl } from './CoderViewControl';
import { CompareColumns } from './CompareColumns';

export interface Pending {
  start: number;
  end: number;
  rect: DOMRect;
}

/** Canonical offset of the first paragraph visible at the top of the scroller. */
function firstVisibleOffset(view: ViewText, dom: TextDom, scroller: HTMLElement | null): number {
  if (!scroller) return 0;
  const p = dom.paragraphs[firstParagraphBelow(dom, scroller.getBoundingClientRect().top)];
  return p ? canonicalOffsetAt(view, p.start) : 0;
}

/**
 * Memoised: the app shell re-renders when the document list changes (the counts after each
 * coding), which says nothing new to this view.
 */
export const DocumentView = memo(function DocumentView({
  store,
  document: doc,
}: {
  store: Store;
  document: DocumentDetail;
}) {
  const { t } = useI18n();
  const fmt = useFormat();
  const codes = useStore(store, (s) => s.codes);
  const coders = useStore(store, (s) => s.coders);
  const allAnnotations = useStore(store, (s) => s.annotations);
  // Which coders are shown (all / one / two side by side): everything below sees only those.
  const coderMode = useCoderView(coders);
  const annotations = useMemo(
    () => filterByCoderView(allAnnotations, coderMode),
    [allAnnotations, coderMode],
  );
  const shownRef = useRef(annotations);
  useLayoutEffect(() => {
    shownRef.current = annotations;
  }, [annotations]);
  const activeIds = useStore(store, (s) => s.activeIds);
  const annotationsLoaded = useStore(store, (s) => s.annotationsLoaded);
  const historyRevision = useStore(store, (s) => s.historyRevision);
  const [script, setScript] = useScriptView();
  const [snap, setSnap] = useSnapSentences();
  const { view, shown, converting, failed } = useViewText(doc.text, script);
  // The script choice applies to all text of the document: heading, quotes and excerpts too.
  const shownTitle = useConverted(doc.title, shown);
  const quoteOf = useCallback(
    (a: { start: number; end: number; text: string }) => {
      if (shown === 'original') return a.text;
      const [s, e] = toDisplayUtf16(view, a.start, a.end);
      return view.display.slice(s, e);
    },
    [view, shown],
  );
  // Split on first use (snapping, Alt+click, N/P), not while the document opens.
  const sentences = useMemo(() => {
    let split: readonly Span[] | null = null;
    return () => (split ??= splitSentences(doc.text));
  }, [doc.text]);
  const [rawDom, setDom] = useState<TextDom | null>(null);
  // Opening a document straight into 简体/繁體 waits for the conversion instead of rendering the
  // original first (a 原文 flash, and two renders of a long text); a later switch keeps the
  // current text on screen until the converted one is ready.
  const [textShown, setTextShown] = useState(false);
  const onReady = useCallback((d: TextDom) => {
    setDom(d);
    setTextShown(true);
  }, []);
  const waitForConversion = converting && shown === 'original' && !textShown;
  // A DOM handed over for a previous script view is stale until Lexical renders the new one.
  const dom = rawDom && rawDom.paragraphs === view.paragraphs ? rawDom : null;
  const [pending, setPending] = useState<Pending | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const closeSheet = useCallback(() => setSheetOpen(false), []);
  const reading = useReadingView({ store, doc, view, dom, scrollRef, script, keysBlocked: sheetOpen });

  useEffect(() => {
    if (failed) store.toast({ tone: 'error', message: { key: 'docview.convertFailed' } });
  }, [failed, store]);

  // The painter lives as long as this document's DOM in this script view; the effects below that
  // use it list `dom` so that they run again, after this one, for a new painter.
  const painterRef = useRef<HighlightPainter | null>(null);
  useEffect(() => {
    if (!dom) return;
    const painter = new HighlightPainter(dom, view);
    painter.setCodes(store.getState().codes);
    painter.sync(shownRef.current);
    painter.setActive(store.getState().activeIds);
    painterRef.current = painter;
    return () => {
      painter.dispose();
      painterRef.current = null;
    };
  }, [dom, view, store]);
  // "Painted" means the text and its highlights: the annotations may arrive after the text.
  useEffect(() => {
    if (annotationsLoaded) painterRef.current?.markPainted();
  }, [dom, view, annotationsLoaded]);

  const scrollToCanonical = useCallback(
    (range: Span | undefined) => {
      if (!dom || !range) return;
      const r = canonicalToDomRange(view, dom, range.start, range.end);
      if (r) scrollRangeIntoView(scrollRef.current, r);
    },
    [dom, view],
  );

  // Show what the route asked for: select an annotation, or flash a range (a search hit).
  const focus = useStore(store, (s) => s.focus);
  useEffect(() => {
    const painter = painterRef.current;
    if (!dom || !painter || !focus) return;
    if ('annotationId' in focus) {
      if (!annotationsLoaded) return;
      store.setActive([focus.annotationId]);
      scrollToCanonical(store.getState().annotations.find((a) => a.id === focus.annotationId));
    } else {
      painter.setFocus(focus.start, focus.end);
      scrollToCanonical(focus);
    }
  }, [dom, focus, store, scrollToCanonical, annotationsLoaded]);

  // Layout effects: the highlights change in the same frame as the side list, not one later.
  useLayoutEffect(() => painterRef.current?.setCodes(codes), [dom, codes]);
  useLayoutEffect(() => painterRef.current?.sync(annotations), [dom, annotations]);
  useLayoutEffect(() => painterRef.current?.setActive(activeIds), [dom, activeIds, annotations]);

  /** Makes canonical `range` the pending selection: selected in the DOM, toolbar shown. */
  const selectPending = useCallback(
    (range: Span, scroll: boolean) => {
      if (!dom) return;
      const r = canonicalToDomRange(view, dom, range.start, range.end);
      if (!r) return;
      if (scroll) scrollRangeIntoView(scrollRef.current, r);
      selectCanonical(view, dom, range.start, range.end);
      setPending({ ...range, rect: r.getBoundingClientRect() });
    },
    [dom, view],
  );

  const readSelection = useCallback(() => {
    if (!dom) return;
    const selection = window.getSelection();
    const range = selectionToRange(view, dom, selection);
    if (!range || !selection) {
      setPending(null);
      return;
    }
    if (snap) {
      const snapped = snapToSentences(sentences(), range);
      if (snapped.start !== range.start || snapped.end !== range.end) {
        selectPending(snapped, false);
        return;
      }
    }
    setPending({ ...range, rect: selection.getRangeAt(0).getBoundingClientRect() });
  }, [dom, view, snap, sentences, selectPending]);

  // A collapsed selection hides the toolbar. Only when it is shown: coding clears the selection
  // itself, and its late selectionchange would otherwise re-render the whole view at sync
  // priority (an equal state does not bail out while the side panel's deferred render is pending).
  const pendingShown = useRef(false);
  useLayoutEffect(() => {
    pendingShown.current = pending !== null;
  });
  useEffect(() => {
    const onSelectionChange = () => {
      const s = window.getSelection();
      if ((!s || s.isCollapsed) && pendingShown.current) setPending(null);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, []);

  const apply = useCallback(
    (codeId: string) => {
      if (!pending) return;
      const { start, end } = pending;
      setPending(null);
      window.getSelection()?.removeAllRanges();
      void store.createAnnotation(codeId, start, end);
    },
    [pending, store],
  );

  const select = useCallback(
    (id: string) => {
      setPending(null);
      window.getSelection()?.removeAllRanges();
      store.setActive([id]);
      scrollToCanonical(store.getState().annotations.find((x) => x.id === id));
    },
    [scrollToCanonical, store],
  );

  // In-document find: the document is folded once per find session.
  const [find, setFind] = useState({ open: false, query: '', current: 0, token: 0 });
  const folded = useMemo(() => (find.open ? foldForSearch(doc.text) : ''), [find.open, doc.text]);
  const matches = useMemo(
    () => (find.open ? findMatches(folded, find.query) : []),
    [find.open, folded, find.query],
  );
  const openFind = useCallback(() => setFind((f) => ({ ...f, open: true, token: f.token + 1 })), []);
  const closeFind = useCallback(() => setFind((f) => ({ ...f, open: false })), []);
  const onQuery = useCallback(
    (query: string) => {
      const from = dom ? firstVisibleOffset(view, dom, scrollRef.current) : 0;
      const next = findMatches(folded, query);
      setFind((f) => ({ ...f, query, current: firstMatchFrom(next, from) }));
    },
    [dom, view, folded],
  );
  const stepFind = useCallback(
    (step: 1 | -1) =>
      setFind((f) => ({
        ...f,
        current: matches.length === 0 ? 0 : (f.current + step + matches.length) % matches.length,
      })),
    [matches.length],
  );
  const { open: findOpen, current: findCurrent } = find;
  useEffect(() => {
    const range = painterRef.current?.setFind(findOpen ? matches : [], findCurrent);
    if (range) scrollRangeIntoView(scrollRef.current, range);
  }, [dom, matches, findOpen, findCurrent]);

  useDocumentKeys({
    store,
    annotations,
    sentences,
    pending,
    sheetOpen,
    apply,
    select,
    selectPending,
    clearPending: () => setPending(null),
    openFind,
    closeFind: find.open ? closeFind : null,
    openSheet: () => setSheetOpen(true),
    firstVisible: () => (dom ? firstVisibleOffset(view, dom, scrollRef.current) : 0),
  });

  const onClick = useCallback(
    (e: React.MouseEvent) => {
      if (!dom) return;
      const u = offsetAtPoint(dom, e.clientX, e.clientY);
      if (e.altKey) {
        // Alt/Option+click: exactly the sentence under the pointer, ready for 1–9.
        const s = u === null ? null : sentenceAt(sentences(), canonicalOffsetAt(view, u));
        if (s) {
          e.preventDefault();
          store.setActive([]);
          selectPending(s, false);
        }
        return;
      }
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      if (u === null) {
        store.setActive([]);
        return;
      }
      const hits = annotationsAt(shownRef.current, canonicalOffsetAt(view, u));
      store.setActive(hits.map((a) => a.id));
    },
    [dom, view, sentences, store, selectPending],
  );

  // In the order of activeIds: innermost first after a click.
  const active = useMemo(
    () => activeIds.flatMap((id) => annotations.find((a) => a.id === id) ?? []),
    [activeIds, annotations],
  );
  // The side panel (details, list) follows a change in a render of its own, after the frame that
  // paints the highlight: a key press's frame then lays out and paints the text's change only.
  const panelAnnotations = useDeferredValue(annotations);
  const panelActive = useDeferredValue(active);
  const clearActive = useCallback(() => store.setActive([]), [store]);
  const deleteAnnotation = useCallback((id: string) => void store.deleteAnnotation(id), [store]);
  const updateMemo = useCallback((id: string, memo: string) => void store.updateMemo(id, memo), [store]);

  return (
    <div className="pz-document" data-script={shown} {...reading.rootProps}>
      {reading.outline}
      <div className="pz-doc-main">
        <DocumentToolbar
          script={script}
          converting={converting}
          onScript={setScript}
          snap={snap}
          onSnap={setSnap}
          onFind={openFind}
          onShortcuts={() => setSheetOpen(true)}
          extra={reading.controls}
        />
        <SuggestBar key={doc.id} store={store} doc={doc} dom={dom} view={view} scroller={scrollRef} />
        <CoderViewControl coders={coders} mode={coderMode} />
        {coderMode.kind === 'compare' ? (
          <div className="pz-text-scroll">
            <CompareColumns
              text={doc.text}
              annotations={annotations}
              codes={codes}
              left={coders.find((c) => c.id === coderMode.left)!}
              right={coders.find((c) => c.id === coderMode.right)!}
              focus={focus && 'start' in focus ? focus : null}
            />
          </div>
        ) : null}
        {find.open ? (
          <FindBar
            query={find.query}
            onQuery={onQuery}
            total={matches.length}
            current={find.current}
            onStep={stepFind}
            onClose={closeFind}
            focusToken={find.token}
          />
        ) : null}
        <div
          className="pz-text-scroll"
          style={coderMode.kind === 'compare' ? { display: 'none' } : undefined}
          ref={scrollRef}
          onMouseUp={(e) => {
            if (!e.altKey) readSelection();
          }}
          onKeyUp={readSelection}
          onClick={onClick}
          onCopyCapture={(e) => {
            // The text as displayed, its own line breaks included, not the DOM's rendering of it.
            const text = dom ? selectedText(view, dom, window.getSelection()) : null;
            if (text === null) return;
            e.clipboardData.setData('text/plain', text);
            e.preventDefault();
            e.stopPropagation();
          }}
        >
          <article className="pz-text-column">
            <h1 className="pz-doc-title">{shownTitle}</h1>
            <p className="pz-muted pz-small">
              {doc.sourceFile} · {t('library.chars', { count: fmt.number(doc.length) })} ·{' '}
              <span data-script={doc.script}>{t(`script.${doc.script}`)}</span> · {doc.provenance.encoding} ·{' '}
              <a className="pz-link pz-split-open" href={`#/view/import?split=${encodeURIComponent(doc.id)}`}>
                {t('split.open')}
              </a>
            </p>
            {waitForConversion ? (
              <p className="pz-muted">{t('docview.converting')}</p>
            ) : (
              <DocumentText
                key={shown}
                documentId={doc.id}
                paragraphs={view.paragraphs}
                label={doc.title}
                onReady={onReady}
              />
            )}
          </article>
        </div>
      </div>
      {pending ? <SelectionToolbar codes={codes} rect={pending.rect} onApply={apply} /> : null}
      <AnnotationPanel
        annotations={panelAnnotations}
        active={panelActive}
        codes={codes}
        coders={coders}
        onSelect={select}
        onClose={clearActive}
        onDelete={deleteAnnotation}
        onMemo={updateMemo}
        historyRevision={historyRevision}
        quoteOf={quoteOf}
        loaded={annotationsLoaded}
      />
      {sheetOpen ? <ShortcutSheet onClose={closeSheet} /> : null}
    </div>
  );
});
