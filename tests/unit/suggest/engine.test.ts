/**
 * The suggester's engine and rule patterns: gaps and anchors, both scripts, pinyin glosses,
 * headings not coded, inheritance from sections and items (unless the sentence's own cues say
 * otherwise), numbered items as one unit, code-point offsets outside the BMP.
 */
import { describe, expect, it } from 'vitest';
import { suggestText, type EngineRule } from '../../../electron/core/suggest/engine';
import { compilePattern, contentStart, matchText, matches } from '../../../electron/core/suggest/pattern';
import { normalizeText } from '../../../shared/text/normalize';

const m = (pattern: string, text: string) => {
  const t = matchText(normalizeText(text));
  return matches(compilePattern(pattern), t, contentStart(t));
};

const RULES: EngineRule[] = [
  { id: 'h-a', codeId: 'A', kind: 'heading', pattern: '成效', weight: 2 },
  { id: 'h-p', codeId: 'P', kind: 'heading', pattern: '问题', weight: 2 },
  { id: 'h-r', codeId: 'R', kind: 'heading', pattern: '建议', weight: 2 },
  { id: 'c-a', codeId: 'A', kind: 'cue', pattern: '取得…成效', weight: 1.5 },
  { id: 'c-p', codeId: 'P', kind: 'cue', pattern: '压力较大', weight: 1.2 },
  { id: 'c-p2', codeId: 'P', kind: 'cue', pattern: '不足', weight: 1 },
  { id: 'c-r', codeId: 'R', kind: 'cue', pattern: '^要', weight: 1.2 },
  { id: 'c-r2', codeId: 'R', kind: 'cue', pattern: '进一步', weight: 1 },
];

const cut = (text: string, s: { start: number; end: number }) => [...text].slice(s.start, s.end).join('');

describe('patterns', () => {
  it('match literally with … gaps of at most 12 characters', () => {
    expect(m('取得…成效', '今年取得了明显成效')).toBe(true);
    expect(m('取得…成效', '取得一二三四五六七八九十一二三成效')).toBe(false);
    expect(m('取得...成效', '取得显著成效')).toBe(true);
  });
  it('are script- and width-insensitive and skip pinyin glosses', () => {
    expect(m('进一步', '進一步加強')).toBe(true);
    expect(m('進一步', '进一步加强')).toBe(true);
    expect(m('进一步', '進(jìn)一步加強(qiáng)')).toBe(true);
    expect(m('压力较大，', '壓力較大,')).toBe(true);
  });
  it('anchor ^ at the content start, after item markers and sequence words', () => {
    expect(m('^要', '二是要加强培训')).toBe(true);
    expect(m('^要', '（三）要加强培训')).toBe(true);
    expect(m('^要', '首先，要加强培训')).toBe(true);
    expect(m('^要', '主要任务是培训')).toBe(false);
  });
});

describe('suggestText', () => {
  const text = [
    '一、工作成效',
    '今年取得了明显成效。𠀋𪚥收入稳定。',
    '二、存在的问题',
    '资金压力较大。有的部门进一步压缩了开支。',
    '三、建议',
    '（一）要加强培训。培训内容很多。',
    '（二）完善制度。',
    '',
  ].join('\n');

  it('codes sentences, not headings, with scores and the rules that fired', () => {
    const out = suggestText(text, RULES);
    const got = out.map((s) => [cut(text, s), s.codeId, s.unit]);
    expect(got).toEqual([
      ['今年取得了明显成效。', 'A', 'sentence'],
      ['𠀋𪚥收入稳定。', 'A', 'sentence'],
      ['资金压力较大。', 'P', 'sentence'],
      // Its own cue (进一步) says recommendation: that overrides the section's 问题.
      ['有的部门进一步压缩了开支。', 'R', 'sentence'],
      // The item (一) argues 建议 as a whole: one suggestion for its two sentences.
      ['（一）要加强培训。培训内容很多。', 'R', 'item'],
      // (二) has no cue of its own: it inherits its section's code.
      ['（二）完善制度。', 'R', 'sentence'],
    ]);
    const first = out[0]!;
    expect(first.score).toBe(3.5);
    expect(first.reasons.map((r) => [r.ruleId, r.source])).toEqual([
      ['c-a', 'own'],
      ['h-a', 'section'],
    ]);
    const inherited = out[1]!;
    expect(inherited.score).toBe(2);
    expect(inherited.reasons).toEqual([
      { ruleId: 'h-a', kind: 'heading', pattern: '成效', weight: 2, source: 'section' },
    ]);
  });

  it('gives Traditional text the same suggestions at the same offsets', () => {
    const trad = text
      .replace('问题', '問題')
      .replace('资金压力较大', '資金壓力較大')
      .replace('进一步', '進一步')
      .replace('建议', '建議');
    const strip = (list: ReturnType<typeof suggestText>) =>
      list.map((s) => [s.start, s.end, s.codeId, s.unit]);
    expect(strip(suggestText(trad, RULES))).toEqual(strip(suggestText(text, RULES)));
  });

  it('lets the paragraphs after an item inherit its code only when they have a cue for it', () => {
    const rules: EngineRule[] = [
      { id: 'a', codeId: 'R', kind: 'cue', pattern: '^要', weight: 1.2 },
      { id: 'b', codeId: 'R', kind: 'cue', pattern: '加强', weight: 0.5 },
    ];
    const t = '第一，要加强培训。\n培训是基础。\n培训必须加强。\n第二，要完善制度。\n';
    const got = suggestText(t, rules).map((s) => [cut(t, s), s.score]);
    expect(got).toEqual([
      ['第一，要加强培训。', 1.7],
      // 培训是基础。 (background, no cue) inherits nothing.
      ['培训必须加强。', 2.2],
      ['第二，要完善制度。', 1.2],
    ]);
  });

  it('breaks a tie by the order of the codes in the rule set, not by their ids', () => {
    const tie = (first: string, second: string): EngineRule[] => [
      { id: 'x', codeId: first, kind: 'cue', pattern: '压力', weight: 1 },
      { id: 'y', codeId: second, kind: 'cue', pattern: '加快', weight: 1 },
    ];
    expect(suggestText('要加快缓解压力。', tie('zz', 'aa'))[0]!.codeId).toBe('zz');
    expect(suggestText('要加快缓解压力。', tie('aa', 'zz'))[0]!.codeId).toBe('aa');
  });

  it('honours the threshold and ignores disabled (absent) rules', () => {
    expect(suggestText(text, RULES, 100)).toEqual([]);
    expect(
      suggestText(
        '资金压力较大。',
        RULES.filter((r) => r.id !== 'c-p'),
      ),
    ).toEqual([]);
  });
});
