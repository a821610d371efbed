/**
 * Maps positions of the virtual list to group headers and segment rows. Without grouping the list
 * is the rows; with grouping each group is a header followed by its rows, so list position
 * p → header of group g or row (g's first row + offset). Binary search: 100,000 rows, any scroll.
 */
import type { SegmentGroup } from '../../../../shared/contracts/segments';

export type ListItem = { kind: 'header'; group: SegmentGroup } | { kind: 'row'; index: number };

export interface ListLayout {
  count: number;
  itemAt(position: number): ListItem;
}

export function listLayout(total: number, groups: readonly SegmentGroup[] | null): ListLayout {
  if (!groups) return { count: total, itemAt: (p) => ({ kind: 'row', index: p }) };
  // starts[g] = list position of group g's header; firstRow[g] = row index of its first segment.
  const starts: number[] = [];
  const firstRow: number[] = [];
  let position = 0;
  let row = 0;
  for (const g of groups) {
    starts.push(position);
    firstRow.push(row);
    position += g.count + 1;
    row += g.count;
  }
  return {
    count: position,
    itemAt(p) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= p) lo = mid;
        else hi = mid - 1;
      }
      const offset = p - starts[lo]!;
      return offset === 0
        ? { kind: 'header', group: groups[lo]! }
        : { kind: 'row', index: firstRow[lo]! + offset - 1 };
    },
  };
}
