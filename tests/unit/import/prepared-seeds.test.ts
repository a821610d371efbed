/**
 * The default first run's sample corpus arrives prepared (issue 9, "Also"): boilerplate and
 * pinyin glosses cleaned with provenance, compilations split into articles, titles taken from
 * the text, 年份/地区/体裁 set where the text says them. An explicit seeds folder stays raw.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../../electron/core/import/cleaning/edits';
import { openCore, type Core } from '../../../electron/core/index';
import { cleanTitle, genreOf, regionIn, yearOf } from '../../../electron/core/project/prepared-seeds';
import type { AttributeTable } from '../../../shared/attributes';
import type { DocumentDetail, DocumentSummary } from '../../../shared/domain';
import { SEEDS_DIR, tempDir } from '../core/helpers';

async function docs(core: Core): Promise<DocumentDetail[]> {
  const list = (await core.dispatch('documents-list', {})) as DocumentSummary[];
  return Promise.all(
    list.map(async (d) => (await core.dispatch('documents-get', { id: d.id })) as DocumentDetail),
  );
}

describe('the prepared sample corpus', () => {
  it('is split, cleaned with provenance, titled from the text and has attributes', async () => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR, prepareSeeds: true });
    try {
      const all = await docs(core);
      // 000, 002, 004 whole; 001 in its articles (a repeated one left out); 003 in five speeches.
      expect(all.length).toBeGreaterThanOrEqual(25);
      const titles = all.map((d) => d.title);
      expect(titles[0]).toBe('在全省擴權強縣座談會上的講話');
      expect(titles).toContain('崔杰市長在民生工作會議上的講話');
      expect(titles).toContain('区委书记在全市简政放权改革乡镇试点工作推进会上的交流发言');
      expect(new Set(titles.filter((t) => t.startsWith('广安市武胜县'))).size).toBe(1);
      for (const t of titles) {
        expect(t).not.toMatch(/當前位置|导航|^第[一二三四五]篇|\.doc$/u);
      }
      for (const d of all) {
        expect(d.text).not.toMatch(/\p{Script=Han}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,6}[)）]/u);
        expect(d.text).not.toMatch(/歡迎您|欢迎您|當前位置|三味园范文网/u);
      }
      // Provenance: the raw text and each step's edits rebuild the canonical text of a whole file.
      const d000 = all[0]!;
      expect(d000.provenance.rawText).toContain('當前位置');
      let text = d000.provenance.rawText!;
      for (const step of d000.provenance.removedSpans) text = replay(text, step.edits);
      expect(text).toBe(d000.text);
      const d002 = all.find((d) => d.title === '縣長在縣政府機構改革工作動員會上的講話')!;
      expect(d002.provenance.cleaning).toEqual(expect.arrayContaining(['pinyin', 'boilerplate']));

      const table = (await core.dispatch('attributes-list', {})) as AttributeTable;
      expect(table.attributes.map((a) => a.name)).toEqual(['年份', '地区', '体裁']);
      const [year, region, genre] = table.attributes.map((a) => a.id);
      const valuesOf = (title: string) => {
        const d = all.find((x) => x.title === title)!;
        const v = (id: string | undefined) =>
          table.values.find((x) => x.documentId === d.id && x.attributeId === id)?.value ?? null;
        return [v(year), v(region), v(genre)];
      };
      expect(valuesOf('广汉市商务局2011年扩权强县试点改革工作总结')).toEqual(['2011', '广汉市', '工作总结']);
      expect(valuesOf('在全省擴權強縣座談會上的講話')).toEqual([null, null, '讲话']);
      expect(valuesOf('崔杰市長在民生工作會議上的講話')[2]).toBe('讲话');
    } finally {
      core.close();
    }
  });

  it('an explicit seeds folder is imported raw, as before', async () => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: SEEDS_DIR });
    try {
      const all = await docs(core);
      expect(all).toHaveLength(5);
      expect(all[0]!.title).toMatch(/^當前位置/u);
    } finally {
      core.close();
    }
  });
});

describe('title, year, region and genre rules', () => {
  it.each([
    ['第一篇:崔杰市長在民生工作會議上的講話', '崔杰市長在民生工作會議上的講話'],
    ['《凤阳县推进扩权强镇试点工作情况汇报》', '凤阳县推进扩权强镇试点工作情况汇报'],
    ['扩权强县试点推进工作存在的问题和建议.doc', '扩权强县试点推进工作存在的问题和建议'],
    ['1关于扩权强镇试点工作实施方案(修改.)', '关于扩权强镇试点工作实施方案(修改.)'],
  ])('cleanTitle(%s)', (raw, title) => expect(cleanTitle(raw)).toBe(title));

  it.each([
    ['广安市武胜县“扩权强县”试点工作初步成效及政策建议', '广安市武胜县', '政策建议'],
    ['广汉市商务局2011年扩权强县试点改革工作总结', '广汉市', '工作总结'],
    ['崔杰市長在民生工作會議上的講話', null, '讲话'],
    ['在全省擴權強縣座談會上的講話', null, '讲话'],
    ['凤阳县推进扩权强镇试点工作情况汇报', '凤阳县', '工作汇报'],
    ['关于我省扩权强县改革试点情况的调研报告', null, '调研报告'],
  ])('%s → region %s, genre %s', (title, region, genre) => {
    expect(regionIn(title)).toBe(region);
    expect(genreOf(title)).toBe(genre);
  });

  it('year: from the title, else from the opening lines', () => {
    expect(yearOf('2019年某县开展扩权强县试点工作总结', '')).toBe('2019');
    expect(yearOf('工作总结', '某某网 2021年3月15日\n正文')).toBe('2021');
    expect(yearOf('工作总结', '正文没有年份')).toBeNull();
  });
});
