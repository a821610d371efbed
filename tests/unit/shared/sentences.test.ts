// Chinese sentence boundaries on real seed text and on the tricky cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expandToSpans,
  sentenceAt,
  splitParagraphSpans,
  splitSentences,
} from '../../../shared/text/sentences';

const slice = (text: string, s: { start: number; end: number }) => [...text].slice(s.start, s.end).join('');

describe('splitSentences', () => {
  it('ends sentences at Chinese and half-width marks, keeping closing quotes', () => {
    const text = '扩权强县取得成效。但问题不少！怎么办？他说：“要放权。”然后;继续';
    expect(splitSentences(text).map((s) => slice(text, s))).toEqual([
      '扩权强县取得成效。',
      '但问题不少！',
      '怎么办？',
      '他说：“要放权。”',
      '然后;',
      '继续',
    ]);
  });

  it('keeps decimals whole and splits at line ends and numbered items', () => {
    const text = '收入3.22亿元,增长32.4%\n一、工作成效\n(一)审批更快捷。项目更直接\n一是放权 二是监管';
    expect(splitSentences(text).map((s) => slice(text, s))).toEqual([
      '收入3.22亿元,增长32.4%',
      '一、工作成效',
      '(一)审批更快捷。',
      '项目更直接',
      '一是放权 二是监管',
    ]);
  });

  it('counts code points, not UTF-16 units', () => {
    const text = '𠀋𪚥好。再见。';
    expect(splitSentences(text)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 7 },
    ]);
  });

  it('covers every non-blank character of every seed exactly once', () => {
    for (const name of ['001_2c852fd3700b2b3d.txt', '003_420914586818b301.txt']) {
      const text = readFileSync(join(import.meta.dirname, '../../../seeds', name), 'utf8');
      const spans = splitSentences(text);
      const cps = [...text];
      let prevEnd = 0;
      for (const s of spans) {
        expect(s.start).toBeGreaterThanOrEqual(prevEnd);
        expect(cps.slice(prevEnd, s.start).join('').trim()).toBe('');
        prevEnd = s.end;
      }
      expect(cps.slice(prevEnd).join('').trim()).toBe('');
      expect(spans.length).toBeGreaterThan(100);
    }
  });
});

describe('expanding', () => {
  const text = '第一句。第二句很长。\n第二段。';
  const sentences = splitSentences(text);

  it('expands a hit to its sentence, a crossing range to both', () => {
    expect(slice(text, expandToSpans(sentences, { start: 5, end: 6 }))).toBe('第二句很长。');
    expect(slice(text, expandToSpans(sentences, { start: 2, end: 6 }))).toBe('第一句。第二句很长。');
    expect(sentenceAt(sentences, 0)).toEqual({ start: 0, end: 4 });
  });

  it('expands to paragraphs', () => {
    const paras = splitParagraphSpans(text);
    expect(paras.map((p) => slice(text, p))).toEqual(['第一句。第二句很长。', '第二段。']);
    expect(slice(text, expandToSpans(paras, { start: 1, end: 2 }))).toBe('第一句。第二句很长。');
  });
});
