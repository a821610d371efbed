// The outline's pure logic (views/document/reading/outline.ts) and the reading settings parser.
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../../shared/domain';
import { detectStructure } from '../../../shared/text/structure';
import {
  buildOutline,
  currentItem,
  outlineCounter,
  stepHeading,
} from '../../../renderer/src/views/document/reading/outline';
import { DEFAULT_READING, parseSettings } from '../../../renderer/src/views/document/reading/settings-values';

const TEXT = [
  '一、工作成效',
  '（一）审批更快𠀋。一是效率提高，二是成本下降。',
  '（二）项目更多。',
  '二、存在的问题',
  '财政压力较大。',
  '三、政策建议',
  '扩权强县。',
].join('\n');

function at(needle: string): number {
  return [...TEXT.slice(0, TEXT.indexOf(needle))].length;
}

function ann(id: string, codeId: string, needle: string): Annotation {
  const start = at(needle);
  return {
    id,
    documentId: 'd',
    codeId,
    coderId: 'c',
    start,
    end: start + [...needle].length,
    text: needle,
    memo: '',
    createdAt: '',
    updatedAt: '',
  };
}

describe('outline', () => {
  const nodes = detectStructure(TEXT);
  const annotations = [
    ann('a', 'achieve', '审批更快𠀋'),
    ann('b', 'achieve', '项目更多'),
    ann('c', 'problem', '财政压力'),
    ann('d', 'recommend', '扩权强县'),
    ann('e', 'problem', '成本下降'),
  ];

  test('lists headings and numbered paragraphs, items only when asked, with counts by code per section', () => {
    const items = buildOutline(nodes, annotations, false);
    expect(items.map((i) => i.node.marker)).toEqual(['一、', '（一）', '（二）', '二、', '三、']);
    expect(items.map((i) => i.depth)).toEqual([1, 2, 2, 1, 1]);
    expect(items[3]!.node.title).toBe('存在的问题');
    expect(Object.fromEntries(items[0]!.counts)).toEqual({ achieve: 2, problem: 1 });
    expect(items[0]!.total).toBe(3);
    expect(Object.fromEntries(items[1]!.counts)).toEqual({ achieve: 1, problem: 1 });
    expect(Object.fromEntries(items[3]!.counts)).toEqual({ problem: 1 });
    expect(Object.fromEntries(items[4]!.counts)).toEqual({ recommend: 1 });
    const withItems = buildOutline(nodes, annotations, true);
    expect(withItems.length).toBeGreaterThan(items.length);
    expect(withItems.some((i) => i.node.marker === '一是')).toBe(true);
  });

  test('an edit recounts only the sections it touches, with the same counts as a full build', () => {
    const sorted = (list: Annotation[]) => [...list].sort((x, y) => x.start - y.start);
    const counts = (items: ReturnType<typeof buildOutline>) =>
      items.map((i) => [Object.fromEntries(i.counts), i.total]);
    for (const withItems of [false, true]) {
      const count = outlineCounter(nodes, withItems);
      const first = sorted(annotations);
      const built = count(first);
      expect(counts(built)).toEqual(counts(buildOutline(nodes, first, withItems)));
      // Add one (a copy of the list with one more object, the others the same objects).
      const added = sorted([...first, ann('p', 'problem', '效率提高')]);
      const afterAdd = count(added);
      expect(counts(afterAdd)).toEqual(counts(buildOutline(nodes, added, withItems)));
      // Sections that do not hold it keep their item objects.
      const untouched = afterAdd.filter((item, i) => item === built[i]);
      expect(untouched.map((i) => i.node.marker)).toContain('二、');
      expect(untouched.map((i) => i.node.marker)).not.toContain('一、');
      // The provisional annotation swapped for the core's row (same code and start): nothing to recount.
      const swapped = added.map((a) => (a.id === 'p' ? { ...a, id: 'p2' } : a));
      expect(count(swapped)).toBe(afterAdd);
      // Remove one, then one of another code at the end: back to full-build counts each time.
      const removed = swapped.filter((a) => a.id !== 'c');
      expect(counts(count(removed))).toEqual(counts(buildOutline(nodes, removed, withItems)));
      const more = [...removed, ann('q', 'recommend', '扩权强县')];
      expect(counts(count(more))).toEqual(counts(buildOutline(nodes, more, withItems)));
      // A list that shares nothing with the last one is built afresh.
      const other = sorted([ann('x', 'achieve', '财政压力')]);
      expect(counts(count(other))).toEqual(counts(buildOutline(nodes, other, withItems)));
    }
  });

  test('the current section is the innermost one holding the offset; ] and [ step between items', () => {
    const items = buildOutline(nodes, annotations, false);
    expect(currentItem(items, 0)).toBe(0);
    expect(currentItem(items, at('项目更多'))).toBe(2);
    expect(currentItem(items, at('财政压力'))).toBe(3);
    expect(currentItem(items, at('扩权强县'))).toBe(4);
    expect(stepHeading(items, at('审批'), 1)?.node.marker).toBe('（二）');
    expect(stepHeading(items, items[3]!.node.start, -1)?.node.marker).toBe('（二）');
    expect(stepHeading(items, at('扩权强县'), 1)).toBeNull();
    expect(currentItem([], 10)).toBe(-1);
  });
});

describe('reading settings', () => {
  test('bad or missing values fall back to the defaults; numbers are clamped', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_READING);
    // A never-toggled outline starts closed on a narrow window, open on a wide one; a stored
    // choice wins either way.
    expect(parseSettings(null, 1280).outline).toBe(false);
    expect(parseSettings(null, 1600).outline).toBe(true);
    expect(parseSettings(JSON.stringify({ outline: true }), 1280).outline).toBe(true);
    expect(parseSettings('not json')).toEqual(DEFAULT_READING);
    expect(
      parseSettings(JSON.stringify({ fontSize: 99, lineHeight: 'x', width: 40, theme: 'neon', focus: true })),
    ).toEqual({
      ...DEFAULT_READING,
      fontSize: 28,
      width: 40,
      focus: true,
    });
  });
});
