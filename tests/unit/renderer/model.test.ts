// The document view's paragraph model: what Lexical renders and how ranges map onto it.
import { describe, expect, it } from 'vitest';
import {
  paragraphIndexAt,
  rangeToPoints,
  splitParagraphs,
  trimRange,
} from '../../../renderer/src/views/document/model';

describe('splitParagraphs', () => {
  const text = '标题\n\n第一段。\n　　\n第二段𠀋。\n';
  const paras = splitParagraphs(text);

  it('renders one paragraph per non-blank line, aligned with the canonical text', () => {
    expect(paras.map((p) => p.text)).toEqual(['标题', '第一段。', '第二段𠀋。']);
    for (const p of paras) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('finds the paragraph of an offset', () => {
    expect(paragraphIndexAt(paras, 0)).toBe(0);
    expect(paragraphIndexAt(paras, 3)).toBe(0); // the blank gap after the title
    expect(paragraphIndexAt(paras, 4)).toBe(1);
    expect(paragraphIndexAt(paras, text.length)).toBe(2);
  });

  it('maps ranges to paragraph points, moving ends out of gaps', () => {
    expect(rangeToPoints(paras, 4, 7)).toEqual({
      from: { paragraph: 1, offset: 0 },
      to: { paragraph: 1, offset: 3 },
    });
    // From the gap after the title to the middle of the last paragraph.
    const second = paras[2]!;
    expect(rangeToPoints(paras, 2, second.start + 2)).toEqual({
      from: { paragraph: 1, offset: 0 },
      to: { paragraph: 2, offset: 2 },
    });
    // Only blank lines: nothing to paint.
    expect(rangeToPoints(paras, 2, 4)).toBeNull();
    expect(rangeToPoints(paras, 5, 5)).toBeNull();
  });

  it('trims white space, including the ideographic space', () => {
    const t = '　　问题 \n';
    expect(trimRange(t, 0, t.length)).toEqual([2, 4]);
    expect(trimRange('   ', 0, 3)).toEqual([3, 3]);
  });
});
