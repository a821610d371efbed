/**
 * Everything the document view needs for reading long documents, in one hook so DocumentView only
 * places the pieces: the outline (built from shared/text/structure.ts, with counts by code) and
 * its current section following the scroll, jumps to a section, `]` / `[` for the next / previous
 * heading, the reading settings (applied as CSS variables and a theme on the view's root), focus
 * mode, brighter code colours in the dark theme, and the reading position remembered per
 * document (restored on open unless the route asks for a place, kept across script switches).
 */
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type RefObject,
} from 'react';
import type { Code, DocumentDetail } from '../../../../../shared/domain';
import { useStore, type Store } from '../../../state/store';
import type { TextDom } from '../DocumentText';
import type { ViewText } from '../model';
import type { ScriptView } from '../prefs';
import { isTypingTarget } from '../useDocumentKeys';
import { OutlinePanel } from './OutlinePanel';
import { currentItem, outlineCounter, outlineNodes, stepHeading, type OutlineItem } from './outline';
import { ReadingControls } from './ReadingControls';
import type { StructureNode } from '../../../../../shared/text/structure';
import { offsetAtTop, scrollToOffset } from './scroll';
import { readPosition, useReadingSettings, writePosition, type ReadingTheme } from './settings';
import './reading.css';

interface Options {
  store: Store;
  doc: DocumentDetail;
  view: ViewText;
  dom: TextDom | null;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The script view shown (exports use it). */
  script: ScriptView;
  /** True while a modal (the shortcut sheet) takes the keys. */
  keysBlocked: boolean;
}

const THEME_STYLE_ID = 'pz-reading-theme-highlights';

/** `#rrggbb` mixed with white by `t` (0–1), as `rgba(…, alpha)`. */
function brighter(hex: string, t: number, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const [r, g, b] = m ? [m[1]!, m[2]!, m[3]!].map((x) => parseInt(x, 16)) : [128, 128, 128];
  const mix = (v: number) => Math.round(v + (255 - v) * t);
  return `rgba(${mix(r!)}, ${mix(g!)}, ${mix(b!)}, ${alpha})`;
}

/**
 * In the dark theme the painter's translucent code colours (highlights.ts, one highlight
 * `pz-code-<i>` per code in store order) sink into the dark page; repaint them brighter and more
 * opaque so the codes stay distinguishable.
 */
function useThemeHighlights(codes: readonly Code[], theme: ReadingTheme): void {
  useEffect(() => {
    let style = document.getElementById(THEME_STYLE_ID);
    if (theme !== 'dark') {
      style?.remove();
      return;
    }
    if (!style) {
      style = document.createElement('style');
      style.id = THEME_STYLE_ID;
      document.head.append(style);
    }
    style.textContent = codes
      .map(
        (c, i) =>
          `.pz-document[data-theme='dark'] ::highlight(pz-code-${i}) { background-color: ${brighter(c.color, 0.2, 0.5)}; color: #fff; }`,
      )
      .join('\n');
    return () => style?.remove();
  }, [codes, theme]);
}

/** Focus mode hides the library sidebar too, which lives outside the document view. */
function useFocusAttribute(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    document.documentElement.setAttribute('data-pz-focus', '');
    return () => document.documentElement.removeAttribute('data-pz-focus');
  }, [on]);
}

export function useReadingView({ store, doc, view, dom, scrollRef, script, keysBlocked }: Options) {
  const [settings, update] = useReadingSettings();
  const codes = useStore(store, (s) => s.codes);
  const annotations = useStore(store, (s) => s.annotations);
  // Detected after the text has painted (an idle moment), so opening a long document never waits
  // for its outline.
  const [structure, setStructure] = useState<{ text: string; nodes: StructureNode[] } | null>(null);
  useEffect(() => {
    const run = () => setStructure({ text: doc.text, nodes: outlineNodes(doc.text) });
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: 500 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(run, 50);
    return () => clearTimeout(id);
  }, [doc.text]);
  const nodes = useMemo(
    () => (structure && structure.text === doc.text ? structure.nodes : []),
    [structure, doc.text],
  );
  // The counts per section follow an edit in a render of their own after the key press is
  // painted, and an edit recounts only the sections it touches (outlineCounter).
  const countedAnnotations = useDeferredValue(annotations);
  const countOutline = useMemo(
    () => outlineCounter(nodes, settings.outlineItems),
    [nodes, settings.outlineItems],
  );
  const items = useMemo(() => countOutline(countedAnnotations), [countOutline, countedAnnotations]);
  const [offset, setOffset] = useState(0);
  const offsetRef = useRef(0);
  const lastJump = useRef<{ index: number; scrollTop: number } | null>(null);

  // Follow the scroll (once a frame) and remember the place (a quarter second after it settles).
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || !dom) return;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const o = offsetAtTop(view, dom, scroller);
        offsetRef.current = o;
        setOffset(o);
        clearTimeout(timer);
        timer = setTimeout(() => writePosition(doc.id, o), 250);
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [dom, view, doc.id, scrollRef]);

  // A new DOM: the document just opened (go to the remembered place unless the route asked for
  // one), or the script view changed (stay where the reader was).
  const opened = useRef(false);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!dom || !scroller) return;
    const first = !opened.current;
    opened.current = true;
    const target = first ? (store.getState().focus ? null : readPosition(doc.id)) : offsetRef.current;
    if (target !== null && target > 0) {
      scrollToOffset(view, dom, scroller, target);
      offsetRef.current = target;
      setOffset(target);
    }
  }, [dom, view, doc.id, scrollRef, store]);

  // Text size, line height or width changed: the text reflows; keep the paragraph being read at the top.
  const layoutKey = `${settings.fontSize}/${settings.lineHeight}/${settings.width}`;
  const placeRef = useRef({ dom, view });
  useLayoutEffect(() => {
    placeRef.current = { dom, view };
  });
  const shownLayout = useRef(layoutKey);
  useLayoutEffect(() => {
    if (shownLayout.current === layoutKey) return;
    shownLayout.current = layoutKey;
    const { dom: d, view: v } = placeRef.current;
    const scroller = scrollRef.current;
    if (d && scroller && offsetRef.current > 0) scrollToOffset(v, d, scroller, offsetRef.current);
  }, [layoutKey, scrollRef]);

  const jump = useCallback(
    (item: OutlineItem) => {
      const scroller = scrollRef.current;
      if (!dom || !scroller) return;
      scrollToOffset(view, dom, scroller, item.node.start);
      offsetRef.current = item.node.start;
      setOffset(item.node.start);
      requestAnimationFrame(() => {
        lastJump.current = { index: items.indexOf(item), scrollTop: scroller.scrollTop };
      });
    },
    [dom, view, scrollRef, items],
  );

  // ] next heading, [ previous heading (same guards as the other document keys).
  const latest = useRef({ items, jump, keysBlocked });
  useLayoutEffect(() => {
    latest.current = { items, jump, keysBlocked };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ']' && e.key !== '[') return;
      const o = latest.current;
      if (o.keysBlocked || e.isComposing || isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey)
        return;
      e.preventDefault();
      const scroller = scrollRef.current;
      const step = e.key === ']' ? 1 : -1;
      const j = lastJump.current;
      let next: OutlineItem | null;
      if (j && scroller && Math.abs(scroller.scrollTop - j.scrollTop) < 2 && o.items[j.index]) {
        next = o.items[j.index + step] ?? null;
      } else next = stepHeading(o.items, offsetRef.current, step);
      if (next) o.jump(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scrollRef]);

  useFocusAttribute(settings.focus);
  useThemeHighlights(codes, settings.theme);

  const rootProps = {
    'data-theme': settings.theme,
    style: {
      '--pz-read-size': `${settings.fontSize}px`,
      '--pz-read-leading': String(settings.lineHeight),
      '--pz-read-width': `${settings.width}em`,
    } as CSSProperties,
  };
  const controls = (
    <ReadingControls store={store} documentId={doc.id} script={script} settings={settings} update={update} />
  );
  const onWithItems = useCallback((on: boolean) => update({ outlineItems: on }), [update]);
  const outline =
    settings.outline && !settings.focus ? (
      <OutlinePanel
        items={items}
        ready={structure !== null && structure.text === doc.text}
        current={currentItem(items, offset)}
        codes={codes}
        withItems={settings.outlineItems}
        onWithItems={onWithItems}
        onJump={jump}
      />
    ) : null;
  return { rootProps, controls, outline };
}
