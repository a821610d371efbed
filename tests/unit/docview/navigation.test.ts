/**
 * The document view's pure keyboard and find logic (renderer/src/views/document/navigation.ts) and
 * the display ⇄ canonical mapping of its text model (model.ts) over a converted seed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/domain';
import { foldForSearch, loadConverter } from '../../../shared/text/script-convert';
import { splitSentences } from '../../../shared/text/sentences';
import { sliceCodePoints } from '../../../shared/text/offsets';
import {
  findMatches,
  firstMatchFrom,
  readingOrder,
  snapToSentences,
  stepAnnotation,
  stepSentence,
} from '../../../renderer/src/views/document/navigation';
import {
  canonicalOffsetAt,
  makeViewText,
  rangeToPoints,
  toCanonicalRange,
  toDisplayUtf16,
} from '../../../renderer/src/views/document/model';

const ann = (id: string, start: number, end: number): Annotation =>
  ({
    id,
    start,
    end,
    codeId: 'c',
    coderId: 'x',
    documentId: 'd',
    text: '',
    memo: '',
  }) as unknown as Annotation;

describe('stepAnnotation', () => {
  const ordered = readingOrder([ann('c', 30, 40), ann('a', 0, 5), ann('b', 0, 10), ann('d', 50, 60)]);

  it('orders by start, longer first', () => {
    expect(ordered.map((a) => a.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('steps from the current annotation and stops at the ends', () => {
    expect(stepAnnotation(ordered, 'a', 1)?.id).toBe('c');
    expect(stepAnnotation(ordered, 'a', -1)?.id).toBe('b');
    expect(stepAnnotation(ordered, 'd', 1)).toBeNull();
    expect(stepAnnotation(ordered, 'b', -1)).toBeNull();
  });

  it('starts from the visible position without a current one', () => {
    expect(stepAnnotation(ordered, null, 1, 0)?.id).toBe('b');
    expect(stepAnnotation(ordered, null, 1, 20)?.id).toBe('c');
    expect(stepAnnotation(ordered, null, -1, 45)?.id).toBe('c');
    expect(stepAnnotation(ordered, null, 1, 70)).toBeNull();
    expect(stepAnnotation([], null, 1)).toBeNull();
  });
});

describe('stepSentence and snapping', () => {
  const text = '第一句。第二句话！\n一、第三句\n第四句？';
  const s = splitSentences(text);

  it('steps sentence by sentence from a selection', () => {
    expect(s.map((x) => sliceCodePoints(text, x.start, x.end))).toEqual([
      '第一句。',
      '第二句话！',
      '一、第三句',
      '第四句？',
    ]);
    expect(stepSentence(s, s[0]!, 1)).toEqual(s[1]);
    expect(stepSentence(s, s[1]!, -1)).toEqual(s[0]);
    // A selection inside sentence 2: N goes to sentence 3, P to sentence 1.
    expect(stepSentence(s, { start: 5, end: 6 }, 1)).toEqual(s[2]);
    expect(stepSentence(s, { start: 5, end: 6 }, -1)).toEqual(s[0]);
    expect(stepSentence(s, s[3]!, 1)).toBeNull();
    expect(stepSentence(s, s[0]!, -1)).toBeNull();
  });

  it('starts at the first visible sentence without a selection', () => {
    expect(stepSentence(s, null, 1, 0)).toEqual(s[0]);
    expect(stepSentence(s, null, 1, 3)).toEqual(s[1]);
    expect(stepSentence(s, null, -1, 10)).toEqual(s[1]);
  });

  it('snaps a selection to the whole sentences it touches', () => {
    expect(snapToSentences(s, { start: 1, end: 2 })).toEqual(s[0]);
    expect(snapToSentences(s, { start: 2, end: 6 })).toEqual({ start: s[0]!.start, end: s[1]!.end });
    expect(snapToSentences(s, s[2]!)).toEqual(s[2]);
  });
});

describe('findMatches', () => {
  it('matches across scripts at code-point offsets, including after astral characters', () => {
    const text = '𠀋問題与问题，問题。ABC abc';
    const folded = foldForSearch(text);
    expect(findMatches(folded, '问题')).toEqual([
      { start: 1, end: 3 },
      { start: 4, end: 6 },
      { start: 7, end: 9 },
    ]);
    expect(findMatches(folded, '問題')).toHaveLength(3);
    expect(findMatches(folded, 'abc')).toEqual([
      { start: 10, end: 13 },
      { start: 14, end: 17 },
    ]);
    expect(findMatches(folded, '  ')).toEqual([]);
    expect(findMatches(folded, '没有')).toEqual([]);
  });

  it('counts every 問題 of seed 003', () => {
    const text = readFileSync(
      resolve(import.meta.dirname, '../../../seeds/003_420914586818b301.txt'),
      'utf8',
    );
    const matches = findMatches(foldForSearch(text), '问题');
    expect(matches.length).toBe(text.match(/[問问][題题]/g)!.length);
    for (const m of matches) expect(sliceCodePoints(text, m.start, m.end)).toMatch(/^[問问][題题]$/);
    expect(firstMatchFrom(matches, matches[3]!.start)).toBe(3);
    expect(firstMatchFrom(matches, text.length)).toBe(0);
  });
});

describe('view text', () => {
  it('maps displayed UTF-16 ranges to canonical code points and back (twp, astral)', async () => {
    const canonical = '𠀋下放管理权限，\n\n优化环境。';
    const converted = (await loadConverter('twp')).convert(canonical);
    const view = makeViewText(canonical, converted);
    expect(view.display).toBe('𠀋下放管理許可權，\n\n最佳化環境。');
    expect(view.paragraphs.map((p) => p.text)).toEqual(['𠀋下放管理許可權，', '最佳化環境。']);
    // 权限 (canonical 5–7) is 許可權: UTF-16 6–9 in the display (𠀋 takes two units).
    expect(toDisplayUtf16(view, 5, 7)).toEqual([6, 9]);
    expect(toCanonicalRange(view, 6, 9)).toEqual({ start: 5, end: 7 });
    // A selection inside 許可權 widens to the canonical phrase; trailing white space is trimmed.
    expect(toCanonicalRange(view, 7, 8)).toEqual({ start: 5, end: 7 });
    expect(toCanonicalRange(view, 2, 12)).toEqual({ start: 1, end: 8 });
    expect(toCanonicalRange(view, 2, 13)).toEqual({ start: 1, end: 12 });
    expect(canonicalOffsetAt(view, view.display.indexOf('環'))).toBe([...canonical].indexOf('环'));
    const [s, e] = toDisplayUtf16(view, 10, 12);
    expect(rangeToPoints(view.paragraphs, s, e)).toEqual({
      from: { paragraph: 1, offset: 0 },
      to: { paragraph: 1, offset: 3 },
    });
  });

  it('is the identity for the original script', () => {
    const view = makeViewText('甲乙\n丙', null);
    expect(view.display).toBe('甲乙\n丙');
    expect(toDisplayUtf16(view, 1, 4)).toEqual([1, 4]);
    expect(toCanonicalRange(view, 0, 4)).toEqual({ start: 0, end: 4 });
  });
});
