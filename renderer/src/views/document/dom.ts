/**
 * Between the browser's DOM and canonical offsets: a DOM selection → code-point range, and a
 * click point → the annotations under it. Paragraph start + offset inside the paragraph is the
 * only mapping used: Lexical's and the browser's own text (paragraphs joined with "\n\n") is not
 * our text. DOM offsets are into the displayed text; the view's script map turns them into
 * canonical code points.
 */
import type { Annotation } from '../../../../shared/domain';
import type { Span } from '../../../../shared/text/script-convert';
import type { TextDom } from './DocumentText';
import { rangeToPoints, toCanonicalRange, toDisplayUtf16, type ViewText } from './model';
import { paragraphWindow } from './paintWindow';

/**
 * Displayed UTF-16 offset of a boundary point between the paragraphs of [first, end) (before the
 * `child`-th of them): that paragraph's start, or the last one's end after all of them.
 */
function betweenParagraphs(dom: TextDom, first: number, end: number, child: number): number | null {
  if (first + child < end) return dom.paragraphs[first + child]!.start;
  const last = dom.paragraphs[end - 1];
  return last ? last.end : null;
}

/** Displayed UTF-16 offset of a DOM boundary point inside the text, or null when outside it. */
export function domPointToOffset(dom: TextDom, node: Node, offset: number): number | null {
  // Between the root's children (the blocks, and Lexical's zero-size anchors before the first
  // and after the last) or between the paragraphs of a block.
  if (node === dom.root) {
    let b = dom.blocks.length;
    for (let c: Node | null = node.childNodes[offset] ?? null; c; c = c.nextSibling) {
      const i = c instanceof Element ? dom.blockOf.get(c) : undefined;
      if (i !== undefined) {
        b = i;
        break;
      }
    }
    return betweenParagraphs(dom, dom.blockStart[b] ?? 0, dom.paragraphs.length, 0);
  }
  const block = node instanceof Element ? dom.blockOf.get(node) : undefined;
  if (block !== undefined)
    return betweenParagraphs(dom, dom.blockStart[block]!, dom.blockStart[block + 1]!, offset);
  let el: Node | null = node;
  while (el && el !== dom.root) {
    if (el instanceof Element) {
      const i = dom.paragraphOf.get(el);
      if (i !== undefined) {
        const p = dom.paragraphs[i]!;
        const r = document.createRange();
        r.setStart(el, 0);
        r.setEnd(node, offset);
        return p.start + Math.min(r.toString().length, p.text.length);
      }
    }
    el = el.parentNode;
  }
  return null;
}

/** The current selection as displayed UTF-16 offsets, or null when it is not inside the text. */
function selectionOffsets(dom: TextDom, selection: Selection | null): [number, number] | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!dom.root.contains(range.commonAncestorContainer)) return null;
  const a = domPointToOffset(dom, range.startContainer, range.startOffset);
  const b = domPointToOffset(dom, range.endContainer, range.endOffset);
  return a === null || b === null ? null : [a, b];
}

/** The current selection as a canonical code-point range (white space trimmed), or null. */
export function selectionToRange(view: ViewText, dom: TextDom, selection: Selection | null): Span | null {
  const offsets = selectionOffsets(dom, selection);
  return offsets ? toCanonicalRange(view, offsets[0], offsets[1]) : null;
}

/**
 * The displayed text under the current selection, exactly (the paragraphs' own line breaks and
 * blank lines between them included), or null when the selection is not inside the text. What a
 * copy puts on the clipboard: neither the browser's nor Lexical's rendering of the blocks.
 */
export function selectedText(view: ViewText, dom: TextDom, selection: Selection | null): string | null {
  const offsets = selectionOffsets(dom, selection);
  return offsets && offsets[1] > offsets[0] ? view.display.slice(offsets[0], offsets[1]) : null;
}

/** A DOM Range over the displayed characters of canonical code-point range [start, end). */
export function canonicalToDomRange(view: ViewText, dom: TextDom, start: number, end: number): Range | null {
  const [s, e] = toDisplayUtf16(view, start, end);
  const points = rangeToPoints(dom.paragraphs, s, e);
  if (!points) return null;
  const range = new Range();
  range.setStart(dom.textNodes[points.from.paragraph]!, points.from.offset);
  range.setEnd(dom.textNodes[points.to.paragraph]!, points.to.offset);
  return range;
}

/**
 * The paragraphs within the band [top, bottom] (client coordinates), or null when nothing is laid
 * out: first the blocks (always laid out, with an estimated size when skipped), then the
 * paragraphs of the first and last block found, so that no skipped block is laid out for a probe
 * in between. Approximate in a skipped block (see below); exact in one that is rendered.
 */
export function paragraphsBetween(
  dom: TextDom,
  top: number,
  bottom: number,
): { lo: number; hi: number } | null {
  const blocks = paragraphWindow(
    dom.blocks.length,
    (b) => dom.blocks[b]!.getBoundingClientRect(),
    top,
    bottom,
  );
  if (!blocks) return null;
  const inBlock = (b: number) => {
    const first = dom.blockStart[b]!;
    const count = dom.blockStart[b + 1]! - first;
    // A skipped block (off screen) has its estimated size, and asking for its paragraphs' boxes
    // would lay them out at their real sizes inside it, out of step with the blocks around: place
    // the band in it in proportion instead.
    if (!dom.elements[first]!.checkVisibility({ contentVisibilityAuto: true })) {
      const box = dom.blocks[b]!.getBoundingClientRect();
      const at = (y: number) =>
        first + Math.min(count - 1, Math.max(0, Math.floor(((y - box.top) / (box.height || 1)) * count)));
      return { lo: at(top), hi: at(bottom) };
    }
    const w = paragraphWindow(count, (i) => dom.elements[first + i]!.getBoundingClientRect(), top, bottom);
    return w ? { lo: first + w.lo, hi: first + w.hi } : { lo: first, hi: first };
  };
  const lo = inBlock(blocks.lo).lo;
  const hi = inBlock(blocks.hi).hi;
  return { lo, hi: Math.max(lo, hi) };
}

/** Index of the first paragraph whose bottom is below client y `top` (the last one if none). */
export function firstParagraphBelow(dom: TextDom, top: number): number {
  return paragraphsBetween(dom, top, top)?.lo ?? 0;
}

/** Makes the browser's selection cover canonical range [start, end) (as the user would). */
export function selectCanonical(view: ViewText, dom: TextDom, start: number, end: number): Range | null {
  const range = canonicalToDomRange(view, dom, start, end);
  const selection = window.getSelection();
  if (!range || !selection) return null;
  selection.removeAllRanges();
  selection.addRange(range);
  return range;
}

/**
 * Scrolls so that `range` is in view (centred when it was not): the paragraph first, since with
 * `content-visibility: auto` an off-screen paragraph's block has only an estimated size, then the range.
 */
export function scrollRangeIntoView(scroller: HTMLElement | null, range: Range): void {
  const para = range.startContainer.parentElement;
  if (!scroller) {
    para?.scrollIntoView({ block: 'center' });
    return;
  }
  const view = scroller.getBoundingClientRect();
  let r = range.getBoundingClientRect();
  if (r.top >= view.top && r.bottom <= view.bottom && (r.width > 0 || r.height > 0)) return;
  para?.scrollIntoView({ block: 'center' });
  r = range.getBoundingClientRect();
  if (r.top < view.top || r.bottom > view.bottom) {
    scroller.scrollTop += r.top - (view.top + view.height / 2 - Math.min(r.height, view.height) / 2);
  }
}

/** Displayed UTF-16 offset of the character under the point (x, y), or null. */
export function offsetAtPoint(dom: TextDom, x: number, y: number): number | null {
  let node: Node | null = null;
  let offset = 0;
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = document.caretPositionFromPoint(x, y);
    if (pos) {
      node = pos.offsetNode;
      offset = pos.offset;
    }
  }
  if (!node) return null;
  const i = dom.paragraphOfText.get(node);
  if (i === undefined) return null;
  const text = node as Text;
  // The caret sits between characters: pick the character whose box contains the point.
  for (const candidate of [offset, offset - 1]) {
    if (candidate < 0 || candidate >= text.length) continue;
    const r = document.createRange();
    r.setStart(text, candidate);
    r.setEnd(text, Math.min(text.length, candidate + 1));
    for (const rect of r.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) {
        return dom.paragraphs[i]!.start + candidate;
      }
    }
  }
  return null;
}

/** Annotations covering code point `cp`, innermost (shortest) first. */
export function annotationsAt(annotations: readonly Annotation[], cp: number): Annotation[] {
  return annotations
    .filter((a) => a.start <= cp && cp < a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
