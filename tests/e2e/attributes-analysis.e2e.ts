/**
 * Document attributes in the analysis and coded segments views, in Chromium (issue 6 items 2–3):
 * an attribute 年份 (number) is set on three of the five seeds through the API, passages are coded
 * through the API; the analysis view's chart by attribute value shows the counts computed here
 * (documents without a year as （未设置）), a bar click opens the segments behind it, the table
 * exports as CSV, and the segments view's attribute filter (values, 未设置, range) lists exactly
 * the matching rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, Code, DocumentSummary } from '../../shared/domain';
import { type RunningApp, SEEDS_DIR } from './harness';
import { codePlan, useSession, type PlannedAnnotation } from './session';
import { parseCsvStrict } from '../unit/core/helpers';

/** [document index, code name, start, end] in code points. */
const PLAN: PlannedAnnotation[] = [
  [0, '问题', 10, 30],
  [0, '建议', 50, 80],
  [0, '问题', 100, 120],
  [1, '问题', 20, 40],
  [1, '成效', 60, 90],
  [2, '问题', 5, 25],
  [2, '成效', 200, 230],
  [3, '问题', 30, 50],
  [3, '建议', 70, 90],
  [4, '成效', 10, 20],
];
/** 年份 by document index; documents 3 and 4 have none. */
const YEARS: Record<number, string> = { 0: '2019', 1: '2021', 2: '2019' };
const NONE = '（未设置）';

describe('document attributes in analysis and segments', () => {
  let app: RunningApp;
  let page: Page;
  let docs: DocumentSummary[];
  let codes: Code[];
  const created: Annotation[] = [];
  const code = (name: string) => codes.find((c) => c.name === name)!;
  const yearOf = (a: Annotation) => YEARS[docs.findIndex((d) => d.id === a.documentId)] ?? '';

  useSession(
    {
      start: { seeds: SEEDS_DIR },
      open: { library: true },
      seed: async (started) => {
        app = started;
        docs = await app.api('documents-list', {});
        codes = await app.api('codes-list', {});
        const year = (await app.api('attributes-create', { name: '年份', type: 'number', choices: [] }))
          .attribute;
        for (const [i, value] of Object.entries(YEARS))
          await app.api('attributes-set', {
            attributeId: year.id,
            documentIds: [docs[Number(i)]!.id],
            value,
          });
        created.push(...(await codePlan(app, docs, codes, PLAN)));
      },
    },
    (s) => ({ app, page } = s),
  );

  const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);
  const rows = () => page.locator('.pz-seg-row[data-annotation-id]');
  const shownIds = async () =>
    (await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-id')!))).sort();
  const ids = (list: Annotation[]) => list.map((a) => a.id).sort();
  const expectRows = async (expected: Annotation[]) => {
    await expect
      .poll(() => page.getByTestId('segments-count').textContent())
      .toBe(`共 ${expected.length} 个片段`);
    await expect.poll(() => rows().count()).toBe(expected.length);
    expect(await shownIds()).toEqual(ids(expected));
  };

  it('charts code frequencies per 年份 value, （未设置） last', async () => {
    await go('#/view/analysis');
    const block = page.getByTestId('attribute-block');
    await block.locator('select[name="attribute"]').selectOption({ label: '年份' });
    const chart = page.getByTestId('attribute-chart');
    await chart.locator('svg').first().waitFor();
    const groups = ['2019', '2021', ''];
    await expect
      .poll(async () => JSON.parse((await chart.getAttribute('data-categories'))!) as string[])
      .toEqual(['2019', '2021', NONE]);
    const data = JSON.parse((await chart.getAttribute('data-chart'))!) as {
      code: string;
      values: number[];
    }[];
    expect(data.map((s) => s.code)).toEqual(['成效', '问题', '建议']);
    for (const s of data)
      expect(s.values).toEqual(
        groups.map((g) => created.filter((a) => a.codeId === code(s.code).id && yearOf(a) === g).length),
      );
    // The table behind it: row total of the （未设置） group.
    const table = page.getByTestId('attribute-table');
    await expect(table.locator('tbody tr').last().locator('th').first().textContent()).resolves.toContain(
      NONE,
    );
    await page.screenshot({ path: '/tmp/attributes-analysis.png', fullPage: true });
  });

  it('a bar opens the segments of that code and year', async () => {
    const chart = page.getByTestId('attribute-chart');
    await chart.scrollIntoViewIfNeeded();
    const color = code('问题').color.toLowerCase();
    // Bars of 问题 (the legend icon ends above the grid's top at 40 px), left to right:
    // 2019, 2021, （未设置） — all non-empty.
    const top = (await chart.locator('svg').first().boundingBox())!.y;
    const boxes = await chart.locator('svg path').evaluateAll(
      (els, [c, top]) => {
        return els
          .filter((e) => (e.getAttribute('fill') ?? '').toLowerCase() === c)
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.bottom - top > 40 && r.height > 0 && r.width > 0)
          .map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 }))
          .sort((a, b) => a.x - b.x);
      },
      [color, top] as const,
    );
    expect(boxes).toHaveLength(3);
    await page.mouse.click(boxes[0]!.x, boxes[0]!.y);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/view\/segments\?/);
    await expectRows(created.filter((a) => a.codeId === code('问题').id && yearOf(a) === '2019'));
    // The condition shows in the segments view's attribute filter.
    await expect(page.getByTestId('attr-condition').getAttribute('data-attribute')).resolves.toBe('年份');
    await page.screenshot({ path: '/tmp/attributes-segments.png', fullPage: true });
  });

  it('the （未设置） cell leads to the segments of documents without a year', async () => {
    await go('#/view/analysis');
    const table = page.getByTestId('attribute-table');
    const cell = table
      .locator(`tbody tr`)
      .last()
      .locator(`td[data-column-id="${code('问题').id}"]`);
    await expect.poll(() => cell.textContent()).toBe('1');
    await cell.locator('button').click();
    await expectRows(created.filter((a) => a.codeId === code('问题').id && yearOf(a) === ''));
  });

  it('exports the attribute table as CSV', async () => {
    await go('#/view/analysis');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[name="export-attribute"]').click(),
    ]);
    const records = parseCsvStrict(
      readFileSync(await download.path())
        .subarray(3)
        .toString('utf8')
        .replace(/\r\n$/, ''),
    );
    expect(records[0]).toEqual(['年份', '成效', '问题', '建议', '合计']);
    expect(records.slice(1, 4).map((r) => r[0])).toEqual(['2019', '2021', NONE]);
    for (const [i, g] of ['2019', '2021', ''].entries()) {
      const counts = ['成效', '问题', '建议'].map(
        (n) => created.filter((a) => a.codeId === code(n).id && yearOf(a) === g).length,
      );
      expect(records[i + 1]).toEqual([
        records[i + 1]![0],
        ...counts.map(String),
        String(counts.reduce((x, y) => x + y)),
      ]);
    }
    expect(records[4]).toEqual(['合计', '3', '5', '2', String(created.length)]);
  });

  it('filters segments by 年份 in the segments view: range, values, （未设置）', async () => {
    await go('#/view/segments');
    await expectRows(created);
    await page.locator('select[name="add-attribute"]').selectOption({ label: '年份' });
    // A condition left at 任意值 filters nothing: documents without a year stay (issue 16).
    await expectRows(created);
    await page.locator('input[name="attr-min"]').fill('2020');
    await expectRows(created.filter((a) => yearOf(a) !== '' && Number(yearOf(a)) >= 2020));
    await page.locator('input[name="attr-min"]').fill('');
    const condition = page.getByTestId('attr-condition');
    await condition.locator('button[aria-haspopup]').click();
    await condition.locator('input[name="attr-value"][value="2019"]').check();
    await expectRows(created.filter((a) => yearOf(a) === '2019'));
    await condition.locator('input[name="attr-value-none"]').check();
    await expectRows(created.filter((a) => yearOf(a) === '2019' || yearOf(a) === ''));
    // Removing the condition shows everything again.
    await page.keyboard.press('Escape');
    await condition.getByRole('button', { name: '移除此筛选' }).click();
    await expectRows(created);
  });

  it('a link naming a deleted attribute reports it and the condition can be removed', async () => {
    const gone = (await app.api('attributes-create', { name: '省份', type: 'choice', choices: ['河南'] }))
      .attribute;
    await app.api('attributes-delete', { id: gone.id });
    const query = new URLSearchParams([
      ['attr', gone.id],
      ['av', `${gone.id}~河南`],
    ]);
    await go(`#/view/segments?${query.toString()}`);
    await page.reload();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('找不到该属性');
    const condition = page.getByTestId('attr-condition');
    await expect(condition.textContent()).resolves.toContain('已删除的属性');
    await condition.getByRole('button', { name: '移除此筛选' }).click();
    await expectRows(created);
  });
});
