/**
 * TanStack Virtual's `observeElementRect` and `scrollToFn` without the layouts they force as a
 * list mounts: the side panel's lists mount in the same commit as a document's text, and each
 * forced a layout of the whole page mid-render. The default `observeElementRect` reads the list's
 * box with getBoundingClientRect at once; `observeListRect` takes it only from a ResizeObserver,
 * which reports after the frame's own layout, and until then the virtualizer renders for
 * `LIST_INITIAL_RECT`. The outline uses it; the annotation list keeps the default, because with
 * it the outline lost its current-section mark after a reload (e2e `reading`; the cause was not
 * found). `scrollList` skips the scroll to where a new list already is (both lists use it).
 */
import { elementScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';

export const LIST_INITIAL_RECT: Rect = { width: 0, height: 1200 };

export function observeListRect<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return undefined;
  const observer = new ResizeObserver(() => {
    // Inside the observer's callback the layout is up to date: this read costs nothing.
    const { width, height } = element.getBoundingClientRect();
    cb({ width: Math.round(width), height: Math.round(height) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

/** Lists that have been scrolled by their virtualizer (scrollList). */
const attached = new WeakSet<Element>();

/**
 * `elementScroll`, except the virtualizer's first call for a new list: as it attaches it scrolls
 * the list to where it already is (the top, for a list just mounted), and `scrollTo` forces a
 * layout of the page to do nothing.
 */
export function scrollList<T extends Element>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<T, Element>,
): void {
  const element = instance.scrollElement;
  if (element && !attached.has(element)) {
    attached.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
