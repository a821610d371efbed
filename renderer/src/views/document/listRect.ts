/**
 * TanStack Virtual's `observeElementRect` and `scrollToFn` without the layouts they force as a
 * list mounts. The default `observeElementRect`
 * reads the list's box with getBoundingClientRect as the list mounts, which forces a layout of the
 * whole page mid-render: opening a 300,000-character document laid it out twice (the side
 * panel's lists mount in the same commit as the text). Here the box comes only from a
 * ResizeObserver, which reports after the frame's own layout; until then the virtualizer renders
 * for `LIST_INITIAL_RECT`, a little more than any list on screen shows.
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
