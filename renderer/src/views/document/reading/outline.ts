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
