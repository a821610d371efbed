/**
 * The document view: the text (Lexical, read-only) with annotations painted as CSS highlights, a
 * floating code toolbar over a selection, keys 1–9 to code it, click a highlight to select it,
 * Delete to remove the selected annotation, and the side panel (details, memo, list).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentDetail } from '../../../../shared/domain';
import { OffsetIndex } from '../../../../shared/text/offsets';
import { useI18n } from '../../i18n';
import { useStore, type Store } from '../../state/store';
import { AnnotationPanel } from './AnnotationPanel';
import { DocumentText, type TextDom } from './DocumentText';
import { annotationsAt, offsetAtPoint, selectionToRange } from './dom';
import { HighlightPainter } from './highlights';
import { rangeToPoints, splitParagraphs } from './model';
import { SelectionToolbar } from './SelectionToolbar';

interface Pending {
  start: number;
  end: number;
  rect: DOMRect;
}

/** Scrolls the paragraph where a code-point range starts to the middle of the view. */
function scrollToRange(
  dom: TextDom,
  index: OffsetIndex,
  range: { start: number; end: number } | undefined,
): void {
  if (!range) return;
  const points = rangeToPoints(dom.paragraphs, index.toUtf16(range.start), index.toUtf16(range.end));
  const el = points ? dom.elements[points.from.paragraph] : undefined;
  el?.scrollIntoView({ block: 'center', behavior: 'auto' });
}

export function DocumentView({ store, document: doc }: { store: Store; document: DocumentDetail }) {
  const { t } = useI18n();
  const codes = useStore(store, (s) => s.codes);
  const coders = useStore(store, (s) => s.coders);
  const annotations = useStore(store, (s) => s.annotations);
  const activeIds = useStore(store, (s) => s.activeIds);
  const historyRevision = useStore(store, (s) => s.historyRevision);
  const paragraphs = useMemo(() => splitParagraphs(doc.text), [doc.text]);
  const index = useMemo(() => new OffsetIndex(doc.text), [doc.text]);
  const [dom, setDom] = useState<TextDom | null>(null);
  const painterRef = useRef<HighlightPainter | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // The painter lives as long as this document's DOM.
  useEffect(() => {
    if (!dom) return;
    const painter = new HighlightPainter(dom, index);
    painterRef.current = painter;
    painter.setCodes(store.getState().codes);
    painter.sync(store.getState().annotations);
    painter.setActive(store.getState().activeIds);
    painter.markPainted();
    return () => {
      painter.dispose();
      painterRef.current = null;
    };
  }, [dom, index, store]);

  // Show what the route asked for: select an annotation, or flash a range (a search hit).
  const focus = useStore(store, (s) => s.focus);
  useEffect(() => {
    const painter = painterRef.current;
    if (!dom || !painter || !focus) return;
    if ('annotationId' in focus) {
      store.setActive([focus.annotationId]);
      scrollToRange(
        dom,
        index,
        store.getState().annotations.find((a) => a.id === focus.annotationId),
      );
    } else {
      painter.setFocus(focus.start, focus.end);
      scrollToRange(dom, index, focus);
    }
  }, [dom, focus, index, store]);

  useEffect(() => painterRef.current?.setCodes(codes), [codes]);
  useEffect(() => painterRef.current?.sync(annotations), [annotations]);
  useEffect(() => painterRef.current?.setActive(activeIds), [activeIds, annotations]);

  const readSelection = useCallback(() => {
    if (!dom) return;
    const selection = window.getSelection();
    const range = selectionToRange(dom, index, doc.text, selection);
    if (!range || !selection) {
      setPending(null);
      return;
    }
    setPending({ ...range, rect: selection.getRangeAt(0).getBoundingClientRect() });
  }, [dom, index, doc.text]);

  useEffect(() => {
    const onSelectionChange = () => {
      const s = window.getSelection();
      if (!s || s.isCollapsed) setPending(null);
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

  const scrollTo = useCallback(
    (id: string) => {
      if (dom)
        scrollToRange(
          dom,
          index,
          store.getState().annotations.find((x) => x.id === id),
        );
    },
    [dom, index, store],
  );

  const select = useCallback(
    (id: string) => {
      store.setActive([id]);
      scrollTo(id);
    },
    [scrollTo, store],
  );

  // Keyboard-first coding. Inputs keep their own keys (memo typing, native text undo).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'TEXTAREA' ||
          target.tagName === 'INPUT' ||
          (target.isContentEditable && target.getAttribute('contenteditable') === 'true'))
      )
        return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (pending && /^[1-9]$/.test(e.key)) {
        const code = store.getState().codes.find((c) => c.shortcut === e.key);
        if (code) {
          e.preventDefault();
          apply(code.id);
        }
        return;
      }
      if (e.key === 'Escape') {
        setPending(null);
        window.getSelection()?.removeAllRanges();
        store.setActive([]);
        return;
      }
      const active = store.getState().activeIds;
      if ((e.key === 'Delete' || e.key === 'Backspace') && active.length === 1) {
        e.preventDefault();
        void store.deleteAnnotation(active[0]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [apply, pending, store]);

  const onClick = useCallback(
    (e: React.MouseEvent) => {
      if (!dom) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const u = offsetAtPoint(dom, e.clientX, e.clientY);
      if (u === null) {
        store.setActive([]);
        return;
      }
      const hits = annotationsAt(store.getState().annotations, index.toCodePoint(u));
      store.setActive(hits.map((a) => a.id));
    },
    [dom, index, store],
  );

  // In the order of activeIds: innermost first after a click.
  const active = activeIds.flatMap((id) => annotations.find((a) => a.id === id) ?? []);

  return (
    <div className="pz-document">
      <div
        className="pz-text-scroll"
        ref={scrollRef}
        onMouseUp={readSelection}
        onKeyUp={readSelection}
        onClick={onClick}
      >
        <article className="pz-text-column">
          <h1 className="pz-doc-title">{doc.title}</h1>
          <p className="pz-muted pz-small">
            {doc.sourceFile} · {t('library.chars', { count: doc.length.toLocaleString() })} ·{' '}
            <span data-script={doc.script}>{t(`script.${doc.script}`)}</span> · {doc.provenance.encoding} ·{' '}
            <a className="pz-link pz-split-open" href={`#/view/import?split=${encodeURIComponent(doc.id)}`}>
              {t('split.open')}
            </a>
          </p>
          <DocumentText documentId={doc.id} paragraphs={paragraphs} label={doc.title} onReady={setDom} />
        </article>
      </div>
      {pending ? <SelectionToolbar codes={codes} rect={pending.rect} onApply={apply} /> : null}
      <AnnotationPanel
        annotations={annotations}
        active={active}
        codes={codes}
        coders={coders}
        onSelect={select}
        onClose={() => store.setActive([])}
        onDelete={(id) => void store.deleteAnnotation(id)}
        onMemo={(id, memo) => void store.updateMemo(id, memo)}
        historyRevision={historyRevision}
      />
    </div>
  );
}
