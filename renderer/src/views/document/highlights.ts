/**
 * Paints annotations over the document text with the CSS Custom Highlight API: one `Range` per
 * annotation kept in an id → Range map, one `Highlight` per code (its colour), plus one for
 * overlaps (two or more annotations) and one for the selected annotation(s). Adding or removing
 * an annotation touches one Range; nothing in Lexical's DOM changes, so 10,000 annotations cost
 * about what the plain text costs (see DESIGN.md, "The document view"). Annotations keep
 * canonical offsets; the view's script map places them over the displayed (converted) characters.
 * In-document find matches have their own highlights (`pz-find`, `pz-find-current`).
 */
import type { Annotation, Code } from '../../../../shared/domain';
import type { Span } from '../../../../shared/text/script-convert';
import { canonicalToDomRange } from './dom';
import type { ViewText } from './model';
import type { TextDom } from './DocumentText';

const STYLE_ID = 'pz-highlight-styles';
const OVERLAP = 'pz-overlap';
const ACTIVE = 'pz-active';
const FOCUS = 'pz-focus';
const FIND = 'pz-find';
const FIND_CURRENT = 'pz-find-current';

interface Painted {
  range: Range;
  codeId: string;
  start: number;
  end: number;
}

export function highlightSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** `#rrggbb` → `rgba(r, g, b, alpha)`. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return `rgba(128, 128, 128, ${alpha})`;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

export class HighlightPainter {
  private readonly painted = new Map<string, Painted>();
  private readonly byCode = new Map<string, Highlight>();
  private readonly names: string[] = [];
  private readonly overlap = new Highlight();
  private readonly active = new Highlight();
  private readonly focus = new Highlight();
  private readonly find = new Highlight();
  private readonly findCurrent = new Highlight();
  private overlapFrame = 0;

  constructor(
    private readonly dom: TextDom,
    private readonly view: ViewText,
  ) {
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
    const rules: string[] = [];
    codes.forEach((code, i) => {
      const name = `pz-code-${i}`;
      const highlight = new Highlight();
      highlight.priority = 10 + i;
      this.byCode.set(code.id, highlight);
      this.names.push(name);
      CSS.highlights.set(name, highlight);
      rules.push(`::highlight(${name}) { background-color: ${withAlpha(code.color, 0.3)}; }`);
    });
    let style = document.getElementById(STYLE_ID);
    if (!style) {
      style = document.createElement('style');
      style.id = STYLE_ID;
      document.head.append(style);
    }
    style.textContent = rules.join('\n');
    // Re-add what was painted under the new highlights.
    for (const p of this.painted.values()) this.byCode.get(p.codeId)?.add(p.range);
  }

  /** Makes the painted set equal to `annotations` (added, removed or changed ones only). */
  sync(annotations: readonly Annotation[]): void {
    const keep = new Set<string>();
    for (const a of annotations) {
      keep.add(a.id);
      const p = this.painted.get(a.id);
      if (p && p.codeId === a.codeId && p.start === a.start && p.end === a.end) continue;
      if (p) this.remove(a.id);
      this.add(a);
    }
    for (const id of [...this.painted.keys()]) if (!keep.has(id)) this.remove(id);
    this.scheduleOverlap();
  }

  setActive(ids: readonly string[]): void {
    this.active.clear();
    for (const id of ids) {
      const p = this.painted.get(id);
      if (p) this.active.add(p.range);
    }
  }

  /** Marks the text as painted (`data-painted`), for tests and benchmarks to wait on. */
  markPainted(): void {
    this.dom.root.dataset.painted = 'true';
  }

  rangeOf(id: string): Range | undefined {
    return this.painted.get(id)?.range;
  }

  count(): number {
    return this.painted.size;
  }

  dispose(): void {
    cancelAnimationFrame(this.overlapFrame);
    for (const name of this.names) CSS.highlights.delete(name);
    CSS.highlights.delete(OVERLAP);
    CSS.highlights.delete(ACTIVE);
    CSS.highlights.delete(FOCUS);
    CSS.highlights.delete(FIND);
    CSS.highlights.delete(FIND_CURRENT);
    this.painted.clear();
  }

  private add(a: Annotation): void {
    const range = this.makeRange(a.start, a.end);
    if (!range) return;
    this.painted.set(a.id, { range, codeId: a.codeId, start: a.start, end: a.end });
    this.byCode.get(a.codeId)?.add(range);
  }

  private remove(id: string): void {
    const p = this.painted.get(id);
    if (!p) return;
    this.byCode.get(p.codeId)?.delete(p.range);
    this.active.delete(p.range);
    this.painted.delete(id);
  }

  /** Canonical code-point range → DOM Range over the displayed characters. */
  makeRange(startCp: number, endCp: number): Range | null {
    return canonicalToDomRange(this.view, this.dom, startCp, endCp);
  }

  /**
   * Overlaps are recomputed at most once a frame with a sweep over all intervals, so that a burst
   * of changes (undo of a bulk operation, first paint) costs one pass.
   */
  private scheduleOverlap(): void {
    cancelAnimationFrame(this.overlapFrame);
    this.overlapFrame = requestAnimationFrame(() => this.paintOverlap());
  }

  private paintOverlap(): void {
    this.overlap.clear();
    const events: [number, number][] = [];
    for (const p of this.painted.values()) events.push([p.start, 1], [p.end, -1]);
    // Ends before starts at the same offset: touching annotations do not overlap.
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let depth = 0;
    let from = -1;
    for (const [at, delta] of events) {
      const before = depth;
      depth += delta;
      if (before < 2 && depth >= 2) from = at;
      else if (before >= 2 && depth < 2 && at > from) {
        const range = this.makeRange(from, at);
        if (range) this.overlap.add(range);
      }
    }
  }
}
