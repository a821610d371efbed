/**
 * Grouping of the document's paragraphs into `content-visibility` blocks
 * (renderer/src/views/document/model.ts `textBlocks`).
 */
import { describe, expect, it } from 'vitest';
import { splitParagraphs, textBlocks } from '../../../renderer/src/views/document/model';

describe('textBlocks', () => {
  it('closes a block after the paragraph limit and keeps every paragraph, in order', () => {
    const paragraphs = splitParagraphs(Array.from({ length: 70 }, (_, i) => `第${i}段`).join('\n'));
    const counts = textBlocks(paragraphs, 32, 4000);
    expect(counts).toEqual([32, 32, 6]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(paragraphs.length);
  });

  it('closes a block once it holds the character limit (long paragraphs make short blocks)', () => {
    const long = '𠀋'.repeat(1500); // 3,000 UTF-16 units
    const paragraphs = splitParagraphs([long, long, '短', long, long].join('\n\n'));
    expect(textBlocks(paragraphs, 32, 4000)).toEqual([2, 3]);
  });

  it('gives a small text one block, and no text no block', () => {
    expect(textBlocks(splitParagraphs('一\n二\n\n三'))).toEqual([3]);
    expect(textBlocks(splitParagraphs(''))).toEqual([]);
    expect(textBlocks(splitParagraphs('\n \n'))).toEqual([]);
  });
});
