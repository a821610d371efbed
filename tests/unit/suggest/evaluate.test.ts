/**
 * evaluate-suggestions: the sentence-level precision / recall / F1 arithmetic checked exactly on
 * a tiny hand-made gold file, both on the pure scorer (hand-written predictions) and through the
 * CLI over a real project (the rules' predictions on a text whose outcome is known).
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/index';
import { run } from '../../../electron/core/cli/commands';
import {
  occurrences,
  parseGold,
  scoreDocuments,
  type CodedSpan,
} from '../../../electron/core/suggest/evaluate';
import { expectCode, tempDir, textFolder } from '../core/helpers';

// Nine sentences: three headings, then two per section. 𠀋 and 𪚥 sit outside the BMP.
const TEXT = [
  '一、工作成效',
  '今年取得了明显成效。收入同比增长5%。',
  '二、存在的问题',
  '𠀋𪚥资金压力较大。人员不足。',
  '三、建议',
  '要加快改革。今天天气很好。',
  '',
].join('\n');

function span(text: string, quote: string, code: CodedSpan['code']): CodedSpan {
  const [o] = occurrences(text, quote);
  if (!o) throw new Error(`no ${quote}`);
  return { code, ...o };
}

describe('sentence-level scores', () => {
  it('counts TP/FP/FN per code and averages P, R and F1 over the three codes', () => {
    const gold = [
      span(TEXT, '取得了明显成效', 'achievement'),
      span(TEXT, '资金压力', 'problem'),
      span(TEXT, '同比增长', 'problem'),
      span(TEXT, '要加快改革。', 'recommendation'),
    ];
    const predicted = [
      span(TEXT, '今年取得了明显成效。收入同比增长5%。', 'achievement'), // two sentences
      span(TEXT, '人员不足', 'problem'),
      span(TEXT, '大。人', 'problem'), // touches two sentences
      span(TEXT, '今天天气很好。', 'recommendation'),
    ];
    const r = scoreDocuments([{ text: TEXT, gold, predicted }]);
    expect(r.sentences).toBe(9);
    expect(r.perCode.map(({ code, tp, fp, fn }) => [code, tp, fp, fn])).toEqual([
      ['achievement', 1, 1, 0],
      ['problem', 1, 1, 1],
      ['recommendation', 0, 1, 1],
    ]);
    const [a, p, rec] = r.perCode;
    expect([a!.precision, a!.recall, a!.f1]).toEqual([0.5, 1, 2 / 3]);
    expect([p!.precision, p!.recall, p!.f1]).toEqual([0.5, 0.5, 0.5]);
    expect([rec!.precision, rec!.recall, rec!.f1]).toEqual([0, 0, 0]);
    expect(r.macro.precision).toBeCloseTo(1 / 3, 12);
    expect(r.macro.recall).toBeCloseTo(0.5, 12);
    expect(r.macro.f1).toBeCloseTo((2 / 3 + 0.5) / 3, 12);
  });

  it('finds every occurrence of a quote, in code points', () => {
    expect(occurrences('𠀋甲乙𪚥甲乙', '甲乙')).toEqual([
      { start: 1, end: 3 },
      { start: 4, end: 6 },
    ]);
  });

  it('rejects a malformed gold line with its number', async () => {
    const err = await expectCode(
      () =>
        parseGold(
          '{"file":"a.txt","code":"problem","quote":"x"}\n\n{"file":"a.txt","code":"issue","quote":"x"}',
        ),
      'invalid-input',
    );
    expect(err.params).toEqual({ line: 3 });
    await expectCode(() => parseGold('not json'), 'invalid-input');
  });
});

describe('npm run cli -- evaluate-suggestions', () => {
  it('prints per-code and macro scores of the rules on the gold documents', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.pizhu');
    openCore({ file, seedsDir: textFolder({ 'report.txt': TEXT, 'other.txt': '无关的文件。' }) }).close();
    const gold = join(dir, 'gold.jsonl');
    writeFileSync(
      gold,
      [
        { file: 'report.txt', code: 'achievement', quote: '今年取得了明显成效。' },
        { file: 'report.txt', code: 'problem', quote: '资金压力较大' },
        { file: 'report.txt', code: 'problem', quote: '收入同比增长5%' },
        { file: 'report.txt', code: 'recommendation', quote: '要加快改革。' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    let out = '';
    let err = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
    expect(await run(['evaluate-suggestions', '--project', file, '--gold', gold], io)).toBe(0);
    expect(err).toBe('');
    // Rules: 成效 section → both of its sentences achievement; 问题 section → both problem;
    // 建议 section → 要加快改革 by its cue, 今天天气很好 by inheritance.
    expect(out).toContain('documents 1, sentences 9');
    expect(out).toMatch(/achievement\s+1\s+1\s+0\s+0\.500\s+1\.000\s+0\.667/);
    expect(out).toMatch(/problem\s+1\s+1\s+1\s+0\.500\s+0\.500\s+0\.500/);
    expect(out).toMatch(/recommendation\s+1\s+1\s+0\s+0\.500\s+1\.000\s+0\.667/);
    expect(out).toContain('macro precision 0.500');
    expect(out).toContain('macro recall 0.833');
    expect(out).toContain('macro F1 0.611');

    writeFileSync(gold, '{"file":"report.txt","code":"problem","quote":"不在文中"}\n');
    err = '';
    expect(await run(['evaluate-suggestions', '--project', file, '--gold', gold], io)).toBe(1);
    expect(err).toMatch(/Gold line 1: quote not found/);
    writeFileSync(gold, '{"file":"missing.txt","code":"problem","quote":"x"}\n');
    err = '';
    expect(await run(['evaluate-suggestions', '--project', file, '--gold', gold], io)).toBe(1);
    expect(err).toMatch(/^document-not-found/);
  });
});
