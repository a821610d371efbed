/**
 * Issue 9 items 7 and 8: cleaning must not eat content. A corpus of real content lines that must
 * survive boilerplate removal, next to real boilerplate lines that must go; pinyin cleaning keeps
 * bracketed codes such as (a4), (e1), (o2) and removes only real syllables after Han characters.
 */
import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from '../../../electron/core/import/cleaning/boilerplate';
import { removePinyin } from '../../../electron/core/import/cleaning/pinyin';

/** Lines of real documents (policy texts, reports, minutes) that look a little like boilerplate. */
const CONTENT = [
  '(c) 完善转移支付制度，提高县级财力保障水平。',
  '(C)加强财政资金监管',
  '二、加强规划导航',
  '(三)发挥规划的导航作用',
  '请登录县政府网站首页',
  '点击首页右上角的“政务公开”栏目查看',
  '污水处理站 2021年3月15日',
  '镇卫生院、文化站 2022年6月1日起实行新标准',
  '全年累计阅读 12万次',
  '组织干部集中阅读学习 3 次',
  '上一篇文章中我们讨论了财政问题',
  '版权意识有待加强，知识产权保护不够',
  '县政府门户网站全年发布信息 1200 条',
  '第三，建设“智慧县城”导航系统',
];

/** Boilerplate lines from real web copies (the seeds and similar sites). */
const BOILERPLATE = [
  '當前位置:簡歷模板館>實用文>發言稿>',
  '三味园范文网 导航',
  '首页 | 范文 | 工作总结 | 登录 | 注册',
  '首页 > 工作报告 > 正文',
  '發言稿 閱讀(2.72W)',
  '阅读：1234',
  '三味园范文网 2024-12-21 09:40:19',
  '人民網 2021年3月15日',
  '© 三味园范文网 m.sanweiyuan.com',
  'Copyright 2020 某某网 All rights reserved',
  '版权所有：某某县人民政府',
  '(c) 2019 某某网',
  '相关文档',
  '上一篇：关于加强财政管理的通知',
  '—3—',
];

describe('boilerplate keeps content and removes boilerplate', () => {
  it.each(CONTENT)('keeps: %s', (line) => {
    const text = `正文第一段。\n${line}\n正文第二段。`;
    expect(removeBoilerplate(text).text).toBe(text);
  });

  it.each(BOILERPLATE)('removes: %s', (line) => {
    expect(removeBoilerplate(`正文第一段。\n${line}\n正文第二段。`).text).toBe('正文第一段。\n正文第二段。');
  });

  it('both kinds mixed in one text', () => {
    const text = [...CONTENT, ...BOILERPLATE].join('\n');
    expect(removeBoilerplate(text).text).toBe(CONTENT.join('\n') + '\n');
  });
});

describe('pinyin cleaning keeps codes', () => {
  it.each(['图(a4)', '表(e1)', '式(o2)', '附件(b)', '方案(A3)', '项目(i)'])('keeps %s', (s) => {
    expect(removePinyin(`${s}所示`).text).toBe(`${s}所示`);
  });

  it.each([
    ['標(biāo)題', '標題'],
    ['县(xian4)域', '县域'],
    ['啊(ā)呀', '啊呀'],
    ['二(er4)是', '二是'],
    ['爱(ai4)国', '爱国'],
  ])('removes the gloss in %s', (s, out) => {
    expect(removePinyin(s).text).toBe(out);
  });
});
