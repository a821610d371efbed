/**
 * Each cleaning step on the real seeds: exact counts, nothing lost that should stay, and edits
 * that rebuild the output from the input (the provenance is complete).
 */
import { describe, expect, it } from 'vitest';
import { clean } from '../../../electron/core/import/cleaning';
import { removeBoilerplate } from '../../../electron/core/import/cleaning/boilerplate';
import { replay } from '../../../electron/core/import/cleaning/edits';
import { findMojibake } from '../../../electron/core/import/cleaning/mojibake';
import { removePinyin } from '../../../electron/core/import/cleaning/pinyin';
import { normalisePunctuation } from '../../../electron/core/import/cleaning/punctuation';
import { normaliseWhitespace } from '../../../electron/core/import/cleaning/whitespace';
import { expectCode } from '../core/helpers';
import { hanCount, seedText } from './helpers';

describe('pinyin glosses', () => {
  it('removes the 397 glosses of seed 002 and keeps every Han character', () => {
    const raw = seedText('002');
    const r = removePinyin(raw);
    expect(r.count).toBe(397);
    expect(hanCount(r.text)).toBe(hanCount(raw));
    expect(r.text.startsWith('標題:縣長在縣政府機構改革工作動員會上的講話')).toBe(true);
    // No gloss is left; ordinary brackets stay.
    expect(r.text).not.toMatch(/\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/u);
    expect(r.text).toContain('(一)');
    expect(replay(raw, r.edits)).toBe(r.text);
  });

  it('removes the 1,602 glosses of seed 003', () => {
    const raw = seedText('003');
    const r = removePinyin(raw);
    expect(r.count).toBe(1602);
    expect(hanCount(r.text)).toBe(hanCount(raw));
  });

  it('needs a Han character before and a toned syllable inside', () => {
    expect(removePinyin('標(biāo)題 a(b) 第(a)条 面积(cm) 中(zhong1)').text).toBe(
      '標題 a(b) 第(a)条 面积(cm) 中',
    );
    expect(removePinyin('𠀋(lǜ)字').edits).toEqual([{ start: 1, end: 5, removed: '(lǜ)', inserted: '' }]);
  });
});

describe('boilerplate', () => {
  it('seed 000: the breadcrumb, the read counter and the four watermarks (one joins a sentence)', () => {
    const raw = seedText('000');
    const r = removeBoilerplate(raw);
    expect(r.edits.map((e) => e.removed)).toEqual([
      '當前位置:簡歷模板館>實用文>發言稿>\n',
      '發言稿 閱讀(2.72W)\n',
      '(祕書家園 歡迎您)',
      '(祕書家園\n歡迎您)',
      '(祕書家園\n歡迎您)',
      '(祕書家園\n歡迎您)',
    ]);
    expect(r.text).toContain('推進縣域經濟');
    expect(r.text).not.toContain('歡迎您');
    expect(replay(raw, r.edits)).toBe(r.text);
  });

  it('seed 002: the members-only notice; 001: the page marker and link lines; 004: site lines', () => {
    // The notice holds glossed characters (網(wǎng)): it is found once the glosses are gone, which
    // is why pinyin runs before boilerplate.
    expect(removeBoilerplate(seedText('002')).count).toBe(0);
    expect(removeBoilerplate(removePinyin(seedText('002')).text).edits.map((e) => e.removed)).toEqual([
      '……(快文網http://www.hancun.net省略1012字,正式會員可完整閱讀)……',
    ]);
    const r001 = removeBoilerplate(seedText('001'));
    expect(r001.edits.map((e) => e.removed)).toEqual([' 第2页共6页', '相关文档\n', '最新文档']);
    expect(r001.text).toContain('如期承接到位。 3.规范运行');
    expect(removeBoilerplate(seedText('004')).count).toBe(5);
    expect(removeBoilerplate('正文\n—1—\n正文二\n- 12 -\n').text).toBe('正文\n正文二\n');
  });

  it('applies user patterns (regular expressions), refuses invalid ones', async () => {
    const r = removeBoilerplate('第一段\n本文来自某某网\n第二段', ['^本文来自.*$']);
    expect(r.text).toBe('第一段\n第二段');
    await expectCode(() => removeBoilerplate('x', ['(']), 'import-pattern-invalid');
  });
});

describe('white space and punctuation', () => {
  it('trims lines and collapses blank lines, keeps inner spaces', () => {
    const r = normaliseWhitespace('\n\n  标题  \n\n\n\n　　正文 一段\n \n\n结尾\n\n');
    expect(r.text).toBe('标题\n\n正文 一段\n\n结尾');
    expect(replay('\n\n  标题  \n\n\n\n　　正文 一段\n \n\n结尾\n\n', r.edits)).toBe(r.text);
  });

  it('full-width letters and digits to half-width, half-width punctuation after Han to full-width', () => {
    expect(normalisePunctuation('第１２条,规定(试行):ＡＢ 3.5,x').text).toBe(
      '第12条，规定（试行）：AB 3.5,x',
    );
    // `?` before a Han character is left for the mojibake check.
    expect(normalisePunctuation('工作?;仡櫼').text).toBe('工作?;仡櫼');
  });
});

describe('mojibake', () => {
  it('flags the 11 suspected runs of seed 003 without changing anything', () => {
    const text = removePinyin(seedText('003')).text;
    const runs = findMojibake(text);
    expect(runs).toHaveLength(11);
    expect(runs[0]!.text).toBe('?;仡櫼荒甑墓ぷ?');
    const chars = Array.from(text);
    for (const r of runs) expect(chars.slice(r.start, r.end).join('')).toBe(r.text);
    expect(findMojibake(seedText('001'))).toEqual([]);
  });
});

describe('pipeline', () => {
  it('runs only the selected steps, in the fixed order, recording each', () => {
    const raw = seedText('002');
    expect(clean(raw, [])).toEqual({ text: raw, records: [] });
    const r = clean(raw, ['boilerplate', 'pinyin']);
    expect(r.records.map((x) => [x.step, x.count])).toEqual([
      ['pinyin', 397],
      ['boilerplate', 1],
    ]);
    expect(r.text).not.toContain('快文網');
    let text = raw;
    for (const rec of r.records) text = replay(text, rec.edits);
    expect(text).toBe(r.text);
  });
});
