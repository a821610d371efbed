// The codebook view's tree helpers: display order with depths, collapse, keyboard/menu moves and
// drop targets (including refusing a drop into the code's own subtree).
import { describe, expect, test } from 'vitest';
import type { Code } from '../../../shared/domain';
import { codePath, dropTarget, moveTarget, visibleRows } from '../../../renderer/src/views/codebook/tree';

function code(id: string, parentId: string | null, sortOrder: number): Code {
  return {
    id,
    parentId,
    name: id.toUpperCase(),
    color: '#000000',
    description: '',
    shortcut: null,
    sortOrder,
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    memoUpdatedAt: null,
    annotationCount: 0,
    totalCount: 0,
  };
}

// a, b(b1, b2(b2x)), c — given out of order on purpose.
const codes = [
  code('c', null, 2),
  code('b2', 'b', 1),
  code('a', null, 0),
  code('b', null, 1),
  code('b1', 'b', 0),
  code('b2x', 'b2', 0),
];

describe('codebook tree helpers', () => {
  test('pre-order rows with depth; collapsed codes hide their subtree', () => {
    expect(visibleRows(codes).map((r) => `${r.code.id}:${r.depth}${r.hasChildren ? '+' : ''}`)).toEqual([
      'a:0',
      'b:0+',
      'b1:1',
      'b2:1+',
      'b2x:2',
      'c:0',
    ]);
    expect(visibleRows(codes, new Set(['b'])).map((r) => r.code.id)).toEqual(['a', 'b', 'c']);
    expect(codePath(codes, 'b2x')).toBe('B › B2 › B2X');
  });

  test('move up/down/indent/outdent targets, null at the edges', () => {
    expect(moveTarget(codes, 'a', 'up')).toBeNull();
    expect(moveTarget(codes, 'b', 'up')).toEqual({ parentId: null, index: 0 });
    expect(moveTarget(codes, 'c', 'down')).toBeNull();
    expect(moveTarget(codes, 'b1', 'down')).toEqual({ parentId: 'b', index: 1 });
    expect(moveTarget(codes, 'a', 'indent')).toBeNull();
    expect(moveTarget(codes, 'c', 'indent')).toEqual({ parentId: 'b', index: 2 });
    expect(moveTarget(codes, 'a', 'outdent')).toBeNull();
    expect(moveTarget(codes, 'b2x', 'outdent')).toEqual({ parentId: 'b', index: 2 });
  });

  test('drop targets: before/after among siblings, inside at the end, never into its own subtree', () => {
    expect(dropTarget(codes, 'c', 'a', 'before')).toEqual({ parentId: null, index: 0 });
    expect(dropTarget(codes, 'a', 'c', 'after')).toEqual({ parentId: null, index: 2 });
    expect(dropTarget(codes, 'a', 'b', 'inside')).toEqual({ parentId: 'b', index: 2 });
    expect(dropTarget(codes, 'b', 'b2x', 'inside')).toBeNull();
    expect(dropTarget(codes, 'b', 'b', 'before')).toBeNull();
  });
});
