// The import preview marks what cleaning removed (renderer/src/views/import/diff.ts).
import { describe, expect, test } from 'vitest';
import { removedPieces } from '../../../renderer/src/views/import/diff';

const removed = (before: string, after: string) =>
  removedPieces(before, after)
    .filter((p) => p.removed)
    .map((p) => p.text);

describe('removedPieces', () => {
  test('pinyin glosses and boilerplate are marked, the rest kept', () => {
    expect(removed('標(biāo)題(祕書家園 歡迎您)正文', '標題正文')).toEqual(['(biāo)', '(祕書家園 歡迎您)']);
  });
  test('pieces rebuild the before text; nothing removed gives one kept piece', () => {
    const before = '𠀋一、工作成效\n\n(快文網)𪚥二、存在的問题';
    const pieces = removedPieces(before, before.replace('(快文網)', ''));
    expect(pieces.map((p) => p.text).join('')).toBe(before);
    expect(pieces.filter((p) => p.removed).map((p) => p.text)).toEqual(['(快文網)']);
    expect(removedPieces('不变', '不变')).toEqual([{ text: '不变', removed: false }]);
  });
  test('a removed tail and a rewritten character', () => {
    expect(removed('正文……省略1012字', '正文')).toEqual(['……省略1012字']);
    expect(removed('甲　乙丙丁戊己庚', '甲 乙丙丁戊己庚')).toEqual(['　']);
  });
});
