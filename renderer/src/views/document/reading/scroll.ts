/**
 * Where the reader is, and taking them somewhere, in canonical code points: the offset at the top
 * of the visible text, and scrolling so that the paragraph holding an offset is at the top. Used by
 * the outline (current section, jumps), heading keys and the remembered reading position.
 */
import type { TextDom } from '../DocumentText';
import { firstParagraphBelow } from '../dom';
import { canonicalOffsetAt, paragraphIndexAt, type ViewText } from '../model';

/** Canonical offset where the first paragraph visible at the top of `scroller` starts. */
export function offsetAtTop(view: ViewText, dom: TextDom, scroller: HTMLElement): number {
  const p = dom.paragraphs[firstParagraphBelow(dom, scroller.getBoundingClientRect().top + 4)];
  return p ? canonicalOffsetAt(view, p.start) : 0;
}

/** Index of the rendered paragraph holding canonical offset `offset` (the next one in a gap). */
export function paragraphOf(view: ViewText, dom: TextDom, offset: number): number {
  const utf16 = view.displayIndex.toUtf16(view.map.toDisplay(offset, 'start'));
  let i = paragraphIndexAt(dom.paragraphs, utf16);
  if (i === -1 || (utf16 >= dom.paragraphs[i]!.end && i + 1 < dom.paragraphs.length)) i++;
  return Math.min(i, dom.paragraphs.length - 1);
}

/**
 * Scrolls `scroller` so that the paragraph holding `offset` starts at its top. Blocks of paragraphs
 * use `content-visibility: auto`: off-screen ones have an estimated size until the browser lays them
 * out, which happens in the frames after the scroll and moves the target. So the position is
 * corrected once a frame until it holds still (at most a dozen frames; a scroll by the reader in
 * between ends it).
 */
export function scrollToOffset(view: ViewText, dom: TextDom, scroller: HTMLElement, offset: number): void {
  const i = paragraphOf(view, dom, offset);
  const el = dom.elements[i];
  if (!el) return;
  // Into view first: the browser then renders the paragraph's block at its real size (a skipped
  // block has an estimated one, which its paragraphs' boxes would not match).
  el.scrollIntoView({ block: 'start' });
  const place = () => {
    const delta = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 2;
    if (Math.abs(delta) >= 1) scroller.scrollTop += delta;
    return scroller.scrollTop;
  };
  let expected = place();
  let still = 0;
  let frames = 0;
  const settle = () => {
    if (Math.abs(scroller.scrollTop - expected) > 1) return; // the reader scrolled: leave it
    const before = scroller.scrollTop;
    expected = place();
    still = Math.abs(expected - before) < 1 ? still + 1 : 0;
    if (still < 3 && ++frames < 12) requestAnimationFrame(settle);
  };
  requestAnimationFrame(settle);
}
