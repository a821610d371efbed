/**
 * The outline of a document, pure and DOM-free: the numbered headings and items that
 * shared/text/structure.ts detects, with per-section annotation counts by code (annotations that
 * start inside the section's extent), and the section a canonical offset is in. Inline items
 * (一是…, 第一，…, 首先…) are optional: a long report has hundreds of them.
 * Counting is one binary search pair per section and code over each code's sorted starts, so a
 * 300,000-character document with thousands of sections and annotations costs milliseconds.
 */
import type { Annotation } from '../../../../../shared/domain';
import { detectStructure, type MarkerKind, type StructureNode } from '../../../../../shared/text/structure';

const INLINE: ReadonlySet<MarkerKind> = new Set(['shi', 'di', 'sequence']);

export interface OutlineItem {
  node: StructureNode;
  /** Indent depth in the outline (the node's level, 1 = outermost). */
  depth: number;
  /** Code id → annotations starting inside [node.start, node.end). */
  counts: Map<string, number>;
  total: number;
}

export function isInline(node: StructureNode): boolean {
  return INLINE.has(node.kind);
}

/** Index of the first element of sorted `xs` that is >= x. */
function lowerBound(xs: Int32Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function outlineNodes(text: string): StructureNode[] {
  return detectStructure(text);
}

export function buildOutline(
  nodes: readonly StructureNode[],
  annotations: readonly Annotation[],
  withItems: boolean,
): OutlineItem[] {
  const byCode = new Map<string, number[]>();
  for (const a of annotations) {
    const list = byCode.get(a.codeId);
    if (list) list.push(a.start);
    else byCode.set(a.codeId, [a.start]);
  }
  const starts = [...byCode].map(([code, list]) => [code, Int32Array.from(list).sort()] as const);
  const out: OutlineItem[] = [];
  for (const node of nodes) {
    if (!withItems && isInline(node)) continue;
    const counts = new Map<string, number>();
    let total = 0;
    for (const [code, xs] of starts) {
      const n = lowerBound(xs, node.end) - lowerBound(xs, node.start);
      if (n > 0) {
        counts.set(code, n);
        total += n;
      }
    }
    out.push({ node, depth: node.level, counts, total });
  }
  return out;
}

/**
 * Outline counting that follows a list of annotations as it is edited: the first call builds the
 * outline; after that, when the list differs from the previous one by a few annotations (the
 * store replaces only the objects it changes, so both share a prefix and a suffix of the same
 * objects), only the sections holding the starts of those annotations get new counts and every
 * other item stays the same object. An edit that changes no count (a provisional annotation
 * swapped for the core's row: same code, same start) returns the previous outline itself.
 */
export function outlineCounter(
  nodes: readonly StructureNode[],
  withItems: boolean,
): (annotations: readonly Annotation[]) => OutlineItem[] {
  let last: { annotations: readonly Annotation[]; items: OutlineItem[] } | null = null;
  return (annotations) => {
    if (last?.annotations === annotations) return last.items;
    const items =
      (last && recount(last.items, last.annotations, annotations)) ??
      buildOutline(nodes, annotations, withItems);
    last = { annotations, items };
    return items;
  };
}

/** At most this many changed annotations are counted one by one; more rebuild the outline. */
const RECOUNT_LIMIT = 32;

function recount(
  items: OutlineItem[],
  before: readonly Annotation[],
  after: readonly Annotation[],
): OutlineItem[] | null {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const removed = before.length - tail - head;
  const added = after.length - tail - head;
  if (removed + added > RECOUNT_LIMIT) return null;
  // Net change per (code, start): a swap of equal ones cancels out.
  const delta = new Map<string, { codeId: string; start: number; d: number }>();
  const note = (a: Annotation, d: number) => {
    const key = `${a.codeId}\u0000${a.start}`;
    const entry = delta.get(key);
    if (entry) entry.d += d;
    else delta.set(key, { codeId: a.codeId, start: a.start, d });
  };
  for (let i = head; i < before.length - tail; i++) note(before[i]!, -1);
  for (let i = head; i < after.length - tail; i++) note(after[i]!, +1);
  const changes = [...delta.values()].filter((c) => c.d !== 0);
  if (changes.length === 0) return items;
  return items.map((item) => {
    const inside = changes.filter((c) => item.node.start <= c.start && c.start < item.node.end);
    if (inside.length === 0) return item;
    const counts = new Map(item.counts);
    let total = item.total;
    for (const c of inside) {
      const n = (counts.get(c.codeId) ?? 0) + c.d;
      if (n > 0) counts.set(c.codeId, n);
      else counts.delete(c.codeId);
      total += c.d;
    }
    return { ...item, counts, total };
  });
}

/**
 * The outline item whose section holds canonical offset `offset`: the innermost one containing
 * it, or the last one starting before it; -1 before the first.
 */
export function currentItem(items: readonly OutlineItem[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.node.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Walk back out of sections that ended before `offset` (a child's extent is inside its parent's).
  let i = found;
  while (i > 0 && items[i]!.node.end <= offset) {
    const parentStart = items[i]!.node.parent;
    if (parentStart === null) break;
    let j = i - 1;
    while (j >= 0 && items[j]!.node.index !== parentStart) j--;
    if (j < 0) break;
    i = j;
  }
  return found === -1 ? -1 : i;
}

/** The item after (`step` 1) or before (-1) the one at `offset` (for ] and [). */
export function stepHeading(items: readonly OutlineItem[], offset: number, step: 1 | -1): OutlineItem | null {
  if (step === 1) return items.find((it) => it.node.start > offset) ?? null;
  for (let i = items.length - 1; i >= 0; i--) if (items[i]!.node.start < offset) return items[i]!;
  return null;
}
