// The segments list layout: positions → group headers and rows, checked against a flat expansion.
import { describe, expect, test } from 'vitest';
import { listLayout, type ListItem } from '../../../renderer/src/views/segments/layout';

describe('listLayout', () => {
  test('without groups, positions are rows', () => {
    const l = listLayout(5, null);
    expect(l.count).toBe(5);
    expect(l.itemAt(3)).toEqual({ kind: 'row', index: 3 });
  });

  test('with groups, equals the expanded list', () => {
    const groups = [
      { id: 'a', label: 'A', count: 3 },
      { id: 'b', label: 'B', count: 1 },
      { id: 'c', label: 'C', count: 4 },
    ];
    const expected: ListItem[] = [];
    let row = 0;
    for (const g of groups) {
      expected.push({ kind: 'header', group: g });
      for (let i = 0; i < g.count; i++) expected.push({ kind: 'row', index: row++ });
    }
    const l = listLayout(8, groups);
    expect(l.count).toBe(expected.length);
    expect(expected.map((_, p) => l.itemAt(p))).toEqual(expected);
  });
});
