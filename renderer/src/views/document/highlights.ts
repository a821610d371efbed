/**
 * Paints annotations over the document text with the CSS Custom Highlight API: one `Highlight`
 * per code (its colour), plus one for overlaps (two or more annotations) and one for the selected
 * annotation(s). Nothing in Lexical's DOM changes. Chromium re-validates every registered range
 * after any change to a highlight and keeps every live Range up to date on each DOM mutation, so
 * the cost of adding one annotation grows with everything registered: with many annotations only
 * those touching the paragraphs around the viewport get a Range and are registered (paintWindow.ts),
 * and scrolling moves that window; a small document registers all of them. Annotations keep
 * canonical offsets; the view's script map places them over the displayed (converted) characters.
 * In-document find matches have their own highlights (`pz-find`, `pz-find-current`).
 */
import type { Annotation, Code } from '../../../../shared/domain';
import type { Span } from '../../../../shared/text/script-convert';
import { canonicalToDomRange, paragraphsBetween } from './dom';
import { rangeToPoints, toDisplayUtf16, type ViewText } from './model';
import { overlapSpans, ParagraphIndex, type Placed } from './paintWindow';
import type { TextDom } from './DocumentText';

const STYLE_ID = 'pz-highlight-styles';
const OVERLAP = 'pz-overlap';
const ACTIVE = 'pz-active';
const FOCUS = 'pz-focus';
const FIND = 'pz-find';
const FIND_CURRENT = 'pz-find-current';

/** Up to this many annotations, all are registered (the window is the whole text). */
export const PAINT_ALL_UP_TO = 1000;

export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** `#rrggbb` → `rgba(r, g, b, alpha)`. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return `rgba(128, 128, 128, ${alpha})`;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

/**
 * The colour rule of each code's highlight (`pz-code-<i>`, in codebook order). A changed style
 * sheet restyles the whole page, so rules that are already there are not written again: the app
 * shell writes them when the codes load (App.tsx), before a long text is rendered.
 */
export function writeHighlightRules(codes: readonly Code[]): void {
  const rules = codes
    .map((code, i) => `::highlight(pz-code-${i}) { background-color: ${withAlpha(code.color, 0.3)}; }`)
    .join('\n');
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.append(style);
  }
  if (style.textContent !== rules) style.textContent = rules;
}

export class HighlightPainter {
  private readonly index: ParagraphIndex;
  /** Registered annotations (those in the window) and their Ranges. */
  private readonly shown = new Map<string, Range>();
  private window: { lo: number; hi: number } | null = null;
  private paintAll = true;
  /** The list last passed to sync(). */
  private synced: readonly Annotation[] = [];
  private readonly byCode = new Map<string, Highlight>();
  private readonly names: string[] = [];
  private readonly overlap = new Highlight();
  private readonly active = new Highlight();
  private activeIds: readonly string[] = [];
  private readonly focus = new Highlight();
  private readonly find = new Highlight();
  private readonly findCurrent = new Highlight();
  private overlapFrame = 0;
  /** The overlap spans painted last, as a string (to skip a repaint of the same ones). */
  private overlapKey = '';
  private readonly resize: ResizeObserver;

  constructor(
    private readonly dom: TextDom,
    private readonly view: ViewText,
  ) {
    this.index = new ParagraphIndex(dom.paragraphs.length);
    this.overlap.priority = 50;
    this.active.priority = 100;
    CSS.highlights.set(OVERLAP, this.overlap);
    CSS.highlights.set(ACTIVE, this.active);
    this.focus.priority = 90;
    CSS.highlights.set(FOCUS, this.focus);
    this.find.priority = 80;
    this.findCurrent.priority = 95;
    CSS.highlights.set(FIND, this.find);
    CSS.highlights.set(FIND_CURRENT, this.findCurrent);
    // Scroll events are dispatched before the frame is painted: the window moves in that frame.
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.resize = new ResizeObserver(() => this.moveWindow());
    this.resize.observe(dom.root);
  }

  /**
   * Paints find matches (canonical ranges) and marks match `current`; returns the current
   * match's DOM Range (to scroll to), or null.
   */
  setFind(matches: readonly Span[], current: number): Range | null {
    this.find.clear();
    this.findCurrent.clear();
    let currentRange: Range | null = null;
    matches.forEach((m, i) => {
      const range = this.makeRange(m.start, m.end);
      if (!range) return;
      if (i === current) {
        this.findCurrent.add(range);
        currentRange = range;
      } else this.find.add(range);
    });
    return currentRange;
  }

  /** Marks a range the user navigated to (a search hit); replaces the previous one. */
  setFocus(startCp: number, endCp: number): void {
    this.focus.clear();
    const range = this.makeRange(startCp, endCp);
    if (range) this.focus.add(range);
  }

  /** Registers one highlight per code and its colour rule. Call again when codes change. */
  setCodes(codes: readonly Code[]): void {
    for (const name of this.names) CSS.highlights.delete(name);
    this.names.length = 0;
    this.byCode.clear();
    codes.forEach((code, i) => {
      const name = `pz-code-${i}`;
      const highlight = new Highlight();
      highlight.priority = 10 + i;
      this.byCode.set(code.id, highlight);
      this.names.push(name);
      CSS.highlights.set(name, highlight);
    });
    writeHighlightRules(codes);
    // Re-add what was painted under the new highlights.
    for (const [id, range] of this.shown) this.byCode.get(this.index.get(id)!.codeId)?.add(range);
  }

  /**
   * Makes the painted set equal to `annotations` (sorted as the store keeps them). Only what
   * changed since the last call is looked at: the store replaces the objects it changes and keeps
   * the others, so the lists share a prefix and a suffix of identical objects, and one edit costs a
   * pointer comparison per annotation, not a lookup.
   */
  sync(annotations: readonly Annotation[]): void {
    const prev = this.synced;
    this.synced = annotations;
    let head = 0;
    const shorter = Math.min(prev.length, annotations.length);
    while (head < shorter && prev[head] === annotations[head]) head++;
    let tail = 0;
    while (
      tail < shorter - head &&
      prev[prev.length - 1 - tail] === annotations[annotations.length - 1 - tail]
    )
      tail++;
    const changed = annotations.slice(head, annotations.length - tail);
    // A long list arriving while everything is registered (a document's annotations after its
    // text): place them all, but register only the window (below), not a Range for each first.
    if (this.paintAll && annotations.length > PAINT_ALL_UP_TO) this.window = null;
    const keep = new Set(changed.map((a) => a.id));
    // An annotation that goes while another with the same code and range comes (a provisional
    // annotation swapped for the core's row) hands its Range over: no highlight changes, so
    // Chromium repaints nothing.
    const gone = new Map<string, string>();
    for (const a of prev.slice(head, prev.length - tail))
      if (!keep.has(a.id)) gone.set(`${a.codeId}:${a.start}:${a.end}`, a.id);
    for (const a of changed) {
      const p = this.index.get(a.id);
      if (p && p.codeId === a.codeId && p.start === a.start && p.end === a.end) continue;
      const key = `${a.codeId}:${a.start}:${a.end}`;
      const from = p ? undefined : gone.get(key);
      if (from !== undefined && this.rename(from, a.id)) {
        gone.delete(key);
        continue;
      }
      if (p) this.remove(a.id);
      this.add(a);
    }
    for (const id of gone.values()) this.remove(id);
    // The first sync, or crossing PAINT_ALL_UP_TO, changes the window; otherwise only scrolling
    // and resizing move it (no layout forced while coding).
    if (this.window === null || this.paintAll !== this.index.size <= PAINT_ALL_UP_TO) this.moveWindow();
    this.scheduleOverlap();
  }

  setActive(ids: readonly string[]): void {
    this.activeIds = ids;
    const ranges: Range[] = [];
    for (const id of ids) {
      const range = this.shown.get(id) ?? this.rangeOfPlaced(this.index.get(id));
      if (range) ranges.push(range);
    }
    // Unchanged (an edit elsewhere): leave the highlight alone, so that nothing is repainted.
    if (ranges.length === this.active.size && ranges.every((r) => this.active.has(r))) return;
    this.active.clear();
    for (const range of ranges) this.active.add(range);
  }

  /** Marks the text as painted (`data-painted`), for tests and benchmarks to wait on. */
  markPainted(): void {
    this.dom.root.dataset.painted = 'true';
  }

  dispose(): void {
    cancelAnimationFrame(this.overlapFrame);
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    this.resize.disconnect();
    for (const name of this.names) CSS.highlights.delete(name);
    CSS.highlights.delete(OVERLAP);
    CSS.highlights.delete(ACTIVE);
    CSS.highlights.delete(FOCUS);
    CSS.highlights.delete(FIND);
    CSS.highlights.delete(FIND_CURRENT);
    this.shown.clear();
  }

  /** Canonical code-point range → DOM Range over the displayed characters. */
  makeRange(startCp: number, endCp: number): Range | null {
    return canonicalToDomRange(this.view, this.dom, startCp, endCp);
  }

  private add(a: Annotation): void {
    const [s, e] = toDisplayUtf16(this.view, a.start, a.end);
    const points = rangeToPoints(this.dom.paragraphs, s, e);
    if (!points) return;
    const placed: Placed = {
      id: a.id,
      codeId: a.codeId,
      start: a.start,
      end: a.end,
      first: points.from.paragraph,
      firstOffset: points.from.offset,
      last: points.to.paragraph,
      lastOffset: points.to.offset,
    };
    this.index.add(placed);
    const w = this.window;
    if (w && placed.first <= w.hi && placed.last >= w.lo) this.show(placed);
  }

  /** Gives annotation `from`'s place and Range to annotation `to`; false if `from` is unknown. */
  private rename(from: string, to: string): boolean {
    const placed = this.index.get(from);
    if (!placed) return false;
    this.index.delete(from);
    this.index.add({ ...placed, id: to });
    const range = this.shown.get(from);
    if (range) {
      this.shown.delete(from);
      this.shown.set(to, range);
    }
    return true;
  }

  private remove(id: string): void {
    this.index.delete(id);
    this.hide(id);
  }

  private show(p: Placed): void {
    const range = this.rangeOfPlaced(p);
    if (!range) return;
    this.shown.set(p.id, range);
    this.byCode.get(p.codeId)?.add(range);
    if (this.activeIds.includes(p.id)) this.setActive(this.activeIds);
  }

  private hide(id: string): void {
    const range = this.shown.get(id);
    if (!range) return;
    this.shown.delete(id);
    for (const h of this.byCode.values()) if (h.delete(range)) break;
    this.active.delete(range);
  }

  private rangeOfPlaced(p: Placed | undefined): Range | null {
    if (!p) return null;
    const range = new Range();
    range.setStart(this.dom.textNodes[p.first]!, p.firstOffset);
    range.setEnd(this.dom.textNodes[p.last]!, p.lastOffset);
    return range;
  }

  private readonly onScroll = (e: Event): void => {
    const target = e.target;
    if (target instanceof Node && target.contains(this.dom.root)) this.moveWindow();
  };

  /** Registers what touches the paragraphs around the viewport, and only that. */
  private moveWindow(): void {
    const count = this.dom.paragraphs.length;
    let next: { lo: number; hi: number } | null;
    this.paintAll = this.index.size <= PAINT_ALL_UP_TO;
    if (this.paintAll) next = count > 0 ? { lo: 0, hi: count - 1 } : null;
    else {
      // Not laid out (a hidden column): keep what is registered until it is shown.
      if (this.dom.root.getClientRects().length === 0) return;
      const margin = window.innerHeight;
      next = paragraphsBetween(this.dom, -margin, window.innerHeight + margin);
    }
    const prev = this.window;
    if (prev && next && prev.lo === next.lo && prev.hi === next.hi && this.shown.size > 0) return;
    this.window = next;
    const wanted = next ? this.index.idsIn(next.lo, next.hi) : new Set<string>();
    for (const id of [...this.shown.keys()]) if (!wanted.has(id)) this.hide(id);
    for (const id of wanted) if (!this.shown.has(id)) this.show(this.index.get(id)!);
    this.scheduleOverlap();
  }

  /**
   * Overlaps of the registered annotations are recomputed at most once a frame, so that a burst
   * of changes (undo of a bulk operation, first paint, scrolling) costs one pass.
   */
  private scheduleOverlap(): void {
    cancelAnimationFrame(this.overlapFrame);
    this.overlapFrame = requestAnimationFrame(() => this.paintOverlap());
  }

  private paintOverlap(): void {
    const spans: Placed[] = [];
    for (const id of this.shown.keys()) spans.push(this.index.get(id)!);
    const overlaps = overlapSpans(spans);
    // Unchanged (most edits): leave the highlight alone, so that nothing is repainted.
    const key = overlaps.map((o) => `${o.start}-${o.end}`).join(',');
    if (key === this.overlapKey) return;
    this.overlapKey = key;
    this.overlap.clear();
    for (const o of overlaps) {
      const range = this.makeRange(o.start, o.end);
      if (range) this.overlap.add(range);
    }
  }
}
