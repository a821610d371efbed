/** Split suggestions and cutting on small texts: the rules of electron/core/import/split.ts. */
import { describe, expect, it } from 'vitest';
import { cutParts } from '../../../electron/core/import/parts';
import { suggestSplits } from '../../../electron/core/import/split';
import { expectCode } from '../core/helpers';

const BODY = '这是正文，内容足够长，用来说明这一段是文章的主体而不是标题。'.repeat(3);

describe('suggestSplits', () => {
  it('numbered parts win; a preamble before the first becomes part 1', () => {
    const text = `汇编说明\n第一篇:甲\n${BODY}\n第二篇：乙\n${BODY}`;
    const s = suggestSplits(text);
    expect(s.map((x) => [x.at, x.reason, x.title])).toEqual([
      [0, 'numbered-part', '汇编说明'],
      [5, 'numbered-part', '第一篇:甲'],
      [5 + 6 + BODY.length + 1, 'numbered-part', '第二篇：乙'],
    ]);
    expect(s.reduce((n, x) => n + x.length, 0)).toBe([...text].length);
  });

  it('title lines need blank lines around and body text since the last boundary', () => {
    const text = `\n\n第一份报告\n\n${BODY}\n\n一、工作成效\n\n${BODY}\n\n第二份报告\n\n第二份报告\n\n${BODY}\n`;
    const s = suggestSplits(text);
    expect(s.map((x) => x.title)).toEqual(['第一份报告', '第二份报告']);
    expect(s[0]!.at).toBe(0); // leading blank lines join the first part
  });

  it('nothing to suggest in a single article', () => {
    expect(suggestSplits(`标题\n\n${BODY}`)).toEqual([]);
  });
});

describe('cutParts', () => {
  it('cuts exact slices (code points, astral characters count one)', () => {
    expect(cutParts('𠀋一\n𪚥二', [3])).toEqual([
      { start: 0, end: 3, text: '𠀋一\n' },
      { start: 3, end: 5, text: '𪚥二' },
    ]);
  });
  it('refuses bad points and white-space parts', async () => {
    await expectCode(() => cutParts('abc', [0]), 'split-invalid');
    await expectCode(() => cutParts('abc', [2, 1]), 'split-invalid');
    await expectCode(() => cutParts('abc', [3]), 'split-invalid');
    await expectCode(() => cutParts('a\n\nb', [1, 2]), 'split-invalid');
  });
});
