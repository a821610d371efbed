// Structure detection (shared/text/structure.ts): headings and numbered items of Chinese policy
// texts, their nesting and their code-point extents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectStructure, nodeAt, numeralValue, type StructureNode } from '../../../shared/text/structure';
import { sliceCodePoints } from '../../../shared/text/offsets';

const SEEDS = join(import.meta.dirname, '../../../seeds');
const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

function outline(nodes: StructureNode[]): string[] {
  return nodes.map((n) => `${'  '.repeat(n.level - 1)}${n.marker}${n.heading ? '#' : ''} ${n.title}`);
}

function checkInvariants(text: string, nodes: StructureNode[]): void {
  const length = [...text].length;
  for (const n of nodes) {
    expect(n.start).toBeLessThan(n.headEnd);
    expect(n.headEnd).toBeLessThanOrEqual(n.end);
    expect(n.end).toBeLessThanOrEqual(length);
    expect(sliceCodePoints(text, n.start, n.start + [...n.marker].length)).toBe(n.marker);
    if (n.parent !== null) {
      const p = nodes[n.parent]!;
      expect(p.level).toBe(n.level - 1);
      expect(n.start).toBeGreaterThanOrEqual(p.start);
      expect(n.end).toBeLessThanOrEqual(p.end);
    } else expect(n.level).toBe(1);
  }
  for (let i = 1; i < nodes.length; i++) expect(nodes[i]!.start).toBeGreaterThan(nodes[i - 1]!.start);
}

describe('detectStructure', () => {
  it('nests headings, numbered paragraphs and inline items, with titles', () => {
    const text = [
      '关于扩权强县的调研报告',
      '',
      '一、工作成效',
      '（一）审批更快。部分事项下放到县。',
      '（二）财政更强。一是收入增加；二是支出结构优化。',
      '二、存在的问题',
      '统一是前提。最后还要看落实。',
      '(一)扩权不够充分。',
      '三、政策建议',
      '首先，明晰职能。其次，扩大放权。最后，强化保障。',
    ].join('\n');
    const nodes = detectStructure(text);
    expect(outline(nodes)).toEqual([
      '一、# 工作成效',
      '  （一） 审批更快',
      '  （二） 财政更强',
      '    一是 收入增加',
      '    二是 支出结构优化',
      '二、# 存在的问题',
      '  (一) 扩权不够充分',
      '三、# 政策建议',
      '  首先 明晰职能',
      '  其次 扩大放权',
      '  最后 强化保障',
    ]);
    checkInvariants(text, nodes);
    // A section runs to the next sibling; an inline item to the next item or its line's end.
    const first = nodes[0]!;
    expect(sliceCodePoints(text, first.start, first.end)).toBe(
      '一、工作成效\n（一）审批更快。部分事项下放到县。\n（二）财政更强。一是收入增加；二是支出结构优化。\n',
    );
    expect(sliceCodePoints(text, nodes[3]!.start, nodes[3]!.end)).toBe('一是收入增加；');
    expect(sliceCodePoints(text, nodes[4]!.start, nodes[4]!.end)).toBe('二是支出结构优化。');
    expect(sliceCodePoints(text, nodes[1]!.start, nodes[1]!.headEnd)).toBe('（一）审批更快。');
    expect(nodes.at(-1)!.end).toBe([...text].length);
  });

  it('counts code points: characters outside the BMP before and inside headings', () => {
    const text = '𠀋𪚥序言\n一、𠀋工作\n内容𪚥。一是𠀋好；二是𪚥坏。\n二、问题';
    const nodes = detectStructure(text);
    checkInvariants(text, nodes);
    expect(nodes.map((n) => [n.marker, n.title])).toEqual([
      ['一、', '𠀋工作'],
      ['一是', '𠀋好'],
      ['二是', '𪚥坏'],
      ['二、', '问题'],
    ]);
    expect(sliceCodePoints(text, nodes[1]!.start, nodes[1]!.end)).toBe('一是𠀋好；');
    expect(sliceCodePoints(text, nodes[0]!.start, nodes[0]!.headEnd)).toBe('一、𠀋工作');
  });

  it('reads chapter markers in both scripts and full-width digits', () => {
    const text =
      '第一篇：總論\n第一章 總則\n第一條 為了規範管理，制定本辦法。\n第二條 適用範圍。\n第二章 附則\n１．附件說明\n（1）細則';
    const nodes = detectStructure(text);
    checkInvariants(text, nodes);
    expect(nodes.map((n) => `${n.kind}@${n.level}:${n.title}`)).toEqual([
      'pian@1:總論',
      'zhang@2:總則',
      'tiao@3:為了規範管理，制定本辦法',
      'tiao@3:適用範圍',
      'zhang@2:附則',
      'arabic@3:附件說明',
      'arabic-paren@4:細則',
    ]);
    expect(nodes[2]!.heading).toBe(false);
    expect(nodes[0]!.heading).toBe(true);
  });

  it('does not take ordinary words, numbers or dates for markers', () => {
    const text = [
      '统一是前提，唯一是关键。',
      '第一、二、三产业比由29.9∶38.6∶31.5变为20∶45∶35。',
      '2021.3.15 开会',
      '3.22亿元投入。',
      '最后，大家鼓掌。',
      '三是重点。',
    ].join('\n');
    expect(detectStructure(text)).toEqual([]);
  });

  it('finds the structure of the sample documents in well under a second', () => {
    const policy = seed('004_b75bf08094182ff0.txt');
    const nodes = detectStructure(policy);
    checkInvariants(policy, nodes);
    expect(outline(nodes).map((l) => /^\s*\S+/u.exec(l)![0])).toEqual([
      '一、',
      '二、',
      '  首先',
      '  其次',
      '  再次',
      '  最后',
      '三、',
      '  一是',
      '  二是',
      '  三是',
      '  四是',
      '  五是',
    ]);
    const report = seed('001_2c852fd3700b2b3d.txt');
    const reportNodes = detectStructure(report);
    checkInvariants(report, reportNodes);
    expect(
      reportNodes
        .filter((n) => n.level === 1 && n.heading)
        .slice(0, 3)
        .map((n) => n.title),
    ).toEqual(['工作成效', '存在的问题', '政策建议']);
    const speeches = seed('003_420914586818b301.txt');
    const speechNodes = detectStructure(speeches);
    checkInvariants(speeches, speechNodes);
    expect(speechNodes.filter((n) => n.kind === 'pian').map((n) => n.marker)).toEqual([
      '第一篇',
      '第二篇',
      '第三篇',
      '第四篇',
      '第五篇',
    ]);
  });
});

describe('nodeAt', () => {
  it('returns the innermost node containing an offset', () => {
    const text = '前言\n一、成效\n（一）快。一是好；二是省。\n二、问题';
    const nodes = detectStructure(text);
    const at = (s: string) => nodeAt(nodes, [...text.slice(0, text.indexOf(s))].length)?.marker ?? null;
    expect(at('前言')).toBeNull();
    expect(at('成效')).toBe('一、');
    expect(at('快')).toBe('（一）');
    expect(at('好')).toBe('一是');
    expect(at('省')).toBe('二是');
    expect(at('问题')).toBe('二、');
  });
});

describe('numeralValue', () => {
  it('reads Chinese and Arabic numerals', () => {
    expect([
      numeralValue('一'),
      numeralValue('十'),
      numeralValue('十二'),
      numeralValue('二十'),
      numeralValue('九十九'),
    ]).toEqual([1, 10, 12, 20, 99]);
    expect(numeralValue('１２')).toBe(12);
    expect(numeralValue('百')).toBe(100);
    expect(numeralValue('甲')).toBeNaN();
  });
});
