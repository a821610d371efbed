/**
 * The highlight painter's window (renderer/src/views/document/paintWindow.ts): annotations by the
 * paragraphs they touch, overlaps among a few, and the paragraphs around a viewport band.
 */
import { describe, expect, it } from 'vitest';
import {
  overlapSpans,
  ParagraphIndex,
  paragraphWindow,
  type Placed,
} from '../../../renderer/src/views/document/paintWindow';

const placed = (
  id: string,
  first: number,
  last: number,
  start = first * 10,
  end = last * 10 + 5,
): Placed => ({
  id,
  codeId: 'c',
  start,
  end,
  first,
  firstOffset: 0,
  last,
  lastOffset: 5,
});

describe('ParagraphIndex', () => {
  it('finds the annotations touching a run of paragraphs, including ones spanning it', () => {
    const index = new ParagraphIndex(10);
    index.add(placed('a', 0, 0));
    index.add(placed('b', 2, 6));
    index.add(placed('c', 8, 9));
    expect([...index.idsIn(3, 4)]).toEqual(['b']);
    expect([...index.idsIn(0, 2)].sort()).toEqual(['a', 'b']);
    expect([...index.idsIn(7, 7)]).toEqual([]);
    expect([...index.idsIn(-5, 50)].sort()).toEqual(['a', 'b', 'c']);
  });

  it('moves an annotation that is added again and forgets a deleted one', () => {
    const index = new ParagraphIndex(10);
    index.add(placed('a', 1, 1));
    index.add(placed('a', 5, 5));
    expect([...index.idsIn(1, 1)]).toEqual([]);
    expect([...index.idsIn(5, 5)]).toEqual(['a']);
    expect(index.delete('a')?.first).toBe(5);
    expect(index.size).toBe(0);
    expect([...index.idsIn(0, 9)]).toEqual([]);
  });
});

describe('overlapSpans', () => {
  it('returns what two or more cover; touching spans do not overlap', () => {
    expect(
      overlapSpans([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 15, end: 20 },
        { start: 30, end: 40 },
        { start: 32, end: 34 },
        { start: 33, end: 38 },
      ]),
    ).toEqual([
      { start: 5, end: 10 },
      { start: 32, end: 38 },
    ]);
  });
});

describe('paragraphWindow', () => {
  // Paragraphs 40 px tall, from y = 0 (in client coordinates: minus the scroll position).
  const boxes = (scroll: number) => (i: number) => ({ top: i * 40 - scroll, bottom: i * 40 + 40 - scroll });

  it('takes the paragraphs that intersect the band', () => {
    expect(paragraphWindow(100, boxes(0), -100, 200)).toEqual({ lo: 0, hi: 4 });
    expect(paragraphWindow(100, boxes(2000), -100, 200)).toEqual({ lo: 47, hi: 54 });
  });

  it('stays inside the text at its ends', () => {
    expect(paragraphWindow(100, boxes(10_000), -100, 200)).toEqual({ lo: 99, hi: 99 });
    expect(paragraphWindow(3, boxes(0), -100, 2000)).toEqual({ lo: 0, hi: 2 });
    expect(paragraphWindow(0, boxes(0), 0, 100)).toBeNull();
  });
});
