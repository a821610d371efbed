/**
 * Which annotations the highlight painter registers, pure and DOM-free. Chromium rebuilds the
 * markers of every range of every registered highlight after each change to any of them (and
 * updates every live Range on each DOM mutation), so a change costs in proportion to all that is
 * registered, not to what changed. The painter therefore registers only the annotations that
 * touch the paragraphs around the viewport (the "window"); this index answers "which annotations
 * touch paragraphs lo..hi" from per-paragraph buckets, and computes overlaps among a few.
 */

/** One annotation placed on the rendered paragraphs (indices of its first and last paragraph). */
export interface Placed {
  id: string;
  codeId: string;
  /** Canonical code points, end exclusive. */
  start: number;
  end: number;
  /** First and last paragraph touched, and the UTF-16 offsets inside them (end exclusive). */
  first: number;
  firstOffset: number;
  last: number;
  lastOffset: number;
}

/** Annotations by the paragraphs they touch. */
export class ParagraphIndex {
  private readonly buckets: (Set<string> | undefined)[];
  private readonly placed = new Map<string, Placed>();

  constructor(readonly paragraphCount: number) {
    this.buckets = new Array<Set<string> | undefined>(paragraphCount);
  }

  get size(): number {
    return this.placed.size;
  }

  get(id: string): Placed | undefined {
    return this.placed.get(id);
  }

  values(): IterableIterator<Placed> {
    return this.placed.values();
  }

  add(p: Placed): void {
    this.delete(p.id);
    this.placed.set(p.id, p);
    for (let i = p.first; i <= p.last; i++) (this.buckets[i] ??= new Set()).add(p.id);
  }

  delete(id: string): Placed | undefined {
    const p = this.placed.get(id);
    if (!p) return undefined;
    this.placed.delete(id);
    for (let i = p.first; i <= p.last; i++) this.buckets[i]?.delete(id);
    return p;
  }

  /** Ids of the annotations touching paragraphs lo..hi (inclusive). */
  idsIn(lo: number, hi: number): Set<string> {
    const out = new Set<string>();
    for (let i = Math.max(0, lo); i <= Math.min(hi, this.paragraphCount - 1); i++) {
      const bucket = this.buckets[i];
      if (bucket) for (const id of bucket) out.add(id);
    }
    return out;
  }
}

/**
 * Canonical spans covered by two or more of `spans` (a sweep over their ends; ends before starts
 * at the same offset, so touching annotations do not overlap).
 */
export function overlapSpans(
  spans: Iterable<{ start: number; end: number }>,
): { start: number; end: number }[] {
  const events: [number, number][] = [];
  for (const s of spans) events.push([s.start, 1], [s.end, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let from = -1;
  for (const [at, delta] of events) {
    const before = depth;
    depth += delta;
    if (before < 2 && depth >= 2) from = at;
    else if (before >= 2 && depth < 2 && at > from) out.push({ start: from, end: at });
  }
  return out;
}

/**
 * The window of paragraphs to paint: those within `margin` pixels of the viewport band
 * [top, bottom], found by binary search over paragraph boxes (`box(i)` gives paragraph i's top and
 * bottom in the same coordinates; boxes are in document order). Null when nothing is laid out.
 */
export function paragraphWindow(
  count: number,
  box: (i: number) => { top: number; bottom: number },
  top: number,
  bottom: number,
): { lo: number; hi: number } | null {
  if (count === 0) return null;
  // First paragraph whose bottom is below `top`.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (box(mid).bottom > top) hi = mid;
    else lo = mid + 1;
  }
  const first = Math.min(lo, count - 1);
  // Last paragraph whose top is above `bottom`.
  lo = first;
  hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (box(mid).top < bottom) lo = mid + 1;
    else hi = mid;
  }
  const last = Math.max(first, lo - 1);
  return { lo: first, hi: last };
}
