/**
 * Two coders in Chromium: the default coder codes a passage, a second coder (added in the coders
 * view, made current from the header) codes an overlapping one; the document view shows one coder
 * and both side by side; the agreement view shows the κ, α and percent agreement this test
 * computes from the annotations; a disagreement is opened, resolved into the consensus coder, and
 * undone. Screenshots at 1280×720 in zh-CN, zh-TW and en.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningApp } from './harness';
import { useSession } from './session';
import { type AppPage } from './pages/app-page';

const TITLE = '调研报告';
const TEXT = `${TITLE}\n\n一、存在的问题。财政压力很大，𠀋𪚥基层负担重。放权不到位，审批仍然繁琐。\n\n二、政策建议。加强统筹，优化考核。\n`;
const FIRST = '财政压力很大';
const SECOND = '财政压力很大，𠀋𪚥基层负担重';

describe('several coders and agreement', () => {
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;

  useSession(
    {
      start: () => {
        const seeds = mkdtempSync(join(tmpdir(), 'pizhu-coders-seeds-'));
        writeFileSync(join(seeds, 'report.txt'), TEXT);
        return { seeds };
      },
      context: { viewport: { width: 1280, height: 720 } },
    },
    (s) => ({ app, page, ui } = s),
  );

  const coders = () => app.api('coders-list', {});
  const docId = async () => (await app.api('documents-list', {}))[0]!.id;

  it('two coders code the same passage differently', async () => {
    await ui.openLibrary(app.url);
    await ui.openDocument(TITLE);
    await ui.selectPhrase(FIRST);
    await page.locator('.pz-selection-toolbar').waitFor();
    await page.keyboard.press('2');
    await expect
      .poll(async () => (await app.api('annotations-list', { documentId: await docId() })).length)
      .toBe(1);
    const first = (await coders()).find((c) => c.isCurrent)!;
    await expect(page.getByTestId('coder-switch').textContent()).resolves.toContain(first.name);

    // Add 李四 in the coders view, make them current from the header.
    await page.getByTestId('coder-switch').click();
    await page.getByRole('menuitem', { name: '管理编码员…' }).click();
    await page.getByLabel('新编码员名称').fill('李四');
    await page.getByRole('button', { name: '添加编码员' }).click();
    await expect.poll(async () => (await coders()).map((c) => c.name)).toContain('李四');
    await page.getByTestId('coder-switch').click();
    await page.getByRole('menuitemradio', { name: /李四/ }).click();
    await expect.poll(async () => (await coders()).find((c) => c.isCurrent)?.name).toBe('李四');
    await expect.poll(() => page.getByTestId('coder-switch').textContent()).toContain('李四');

    await page.goBack();
    await ui.waitForText();
    await ui.selectPhrase(SECOND);
    await page.locator('.pz-selection-toolbar').waitFor();
    await page.keyboard.press('2');
    await expect
      .poll(async () => (await app.api('annotations-list', { documentId: await docId() })).length)
      .toBe(2);
    const list = await app.api('annotations-list', { documentId: await docId() });
    const li = (await coders()).find((c) => c.name === '李四')!;
    expect(list.find((a) => a.coderId === li.id)?.text).toBe(SECOND);
    expect(list.find((a) => a.coderId === first.id)?.text).toBe(FIRST);
  });

  it('the document view shows one coder, or two side by side with the difference marked', async () => {
    await expect.poll(async () => (await ui.paintedRanges()).length).toBeGreaterThanOrEqual(2);
    await page.getByLabel('显示哪些编码员的批注').selectOption({ label: '仅 李四' });
    await expect.poll(async () => (await ui.paintedRanges()).map((r) => r.text)).toEqual([SECOND]);
    await page.getByLabel('显示哪些编码员的批注').selectOption({ label: '两人并排比较' });
    await page.getByTestId('compare-columns').waitFor();
    // The stretch only 李四 coded is marked as a difference in both columns.
    const diffs = await page.locator('.pz-cmp-diff').allTextContents();
    expect(diffs).toEqual(['，𠀋𪚥基层负担重', '，𠀋𪚥基层负担重']);
    await page.screenshot({ path: '/tmp/pizhu-compare-zh-CN.png' });
    await page.getByLabel('显示哪些编码员的批注').selectOption({ label: '全部编码员' });
  });

  it('the agreement view shows the values computed from the annotations', async () => {
    const id = await docId();
    const text = [...(await app.api('documents-get', { id })).text];
    const all = await app.api('annotations-list', { documentId: id });
    const ids = (await coders()).map((c) => c.id);
    const bits = ids.map((coder) => {
      const v = new Array<number>(text.length).fill(0);
      for (const a of all.filter((x) => x.coderId === coder)) v.fill(1, a.start, a.end);
      return v;
    });
    const n = text.length;
    const [a, b] = bits as [number[], number[]];
    const n11 = a.filter((x, i) => x && b[i]).length;
    const n10 = a.filter((x, i) => x && !b[i]).length;
    const n01 = a.filter((x, i) => !x && b[i]).length;
    const po = (n - n10 - n01) / n;
    const pa = (n11 + n10) / n;
    const pb = (n11 + n01) / n;
    const pe = pa * pb + (1 - pa) * (1 - pb);
    const kappa = (po - pe) / (1 - pe);
    const ones = 2 * n11 + n10 + n01;
    const alpha = 1 - ((2 * n - 1) * 2 * (n10 + n01)) / (2 * ones * (2 * n - ones));

    await ui.openView('一致性');
    await page.getByTestId('agreement-compute').click();
    const row = page.locator('[data-testid="agreement-table"] tr[data-code="问题"]');
    await row.waitFor();
    const cell = (stat: string) => row.locator(`td[data-stat="${stat}"]`).textContent();
    await expect(cell('percent_agreement')).resolves.toBe(po.toFixed(3));
    await expect(cell('cohen_kappa')).resolves.toBe(kappa.toFixed(3));
    await expect(cell('krippendorff_alpha')).resolves.toBe(alpha.toFixed(3));
    await expect(cell('fleiss_kappa')).resolves.toBe('—');
    await expect(page.getByTestId('agreement-reasons').textContent()).resolves.toContain(
      'Fleiss κ 用于三位及以上编码员',
    );
    await page.screenshot({ path: '/tmp/pizhu-agreement-zh-CN.png' });
  });

  it('opens a disagreement, resolves it into the consensus coder, and undo takes it back', async () => {
    const items = page.getByTestId('disagreement');
    await expect.poll(() => items.count()).toBe(1);
    await items.first().locator('.pz-dis-row').click();
    const detail = page.getByTestId('disagreement-detail');
    await detail.waitFor();
    // Both codings visible: one line per coder with their marked text.
    await expect.poll(() => detail.locator('.pz-dis-line').count()).toBe(2);
    await expect(detail.locator('.pz-dis-line[data-coder="李四"]').textContent()).resolves.toContain(SECOND);
    await page.screenshot({ path: '/tmp/pizhu-disagreement-zh-CN.png' });
    await detail.getByRole('button', { name: '采用 李四 的' }).click();

    const consensusTexts = async () => {
      const c = (await coders()).find((x) => x.name === '共识');
      if (!c) return [];
      return (await app.api('annotations-list', { documentId: await docId() }))
        .filter((a) => a.coderId === c.id)
        .map((a) => a.text);
    };
    await expect.poll(consensusTexts).toEqual([SECOND]);
    expect((await app.api('history-state', {})).undoKind).toBe('agreement-resolve');
    await expect.poll(() => items.first().locator('.pz-dis-ok').count()).toBe(1);

    await page.getByRole('button', { name: /撤销/ }).first().click();
    await expect.poll(consensusTexts).toEqual([]);
    await expect.poll(() => items.first().locator('.pz-dis-ok').count()).toBe(0);
  });

  it('imports a span file as a coder from the coders view; a bad line changes nothing; undo', async () => {
    await ui.openView('编码员');
    const file = (content: string) => ({
      name: 'spans.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(content),
    });
    const good = JSON.stringify({ document: TITLE, start: 29, end: 34, code: '问题' });
    await page.getByLabel('导入为编码员').fill('王五');
    await page
      .getByLabel('跨度文件（.jsonl）')
      .setInputFiles(file(`${good}\n{"document": "${TITLE}", "start": 1}\n`));
    await page.locator('.pz-coders').getByRole('button', { name: '导入', exact: true }).click();
    await expect
      .poll(() => page.locator('.pz-toast').allTextContents())
      .toContainEqual(expect.stringContaining('第 2 行'));
    expect((await coders()).map((c) => c.name)).not.toContain('王五');

    await page.getByLabel('跨度文件（.jsonl）').setInputFiles(file(`${good}\n${good}\n`));
    await page.locator('.pz-coders').getByRole('button', { name: '导入', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('spans-summary').textContent())
      .toContain('已为「王五」添加 1 条批注');
    const wang = (await coders()).find((c) => c.name === '王五')!;
    const mine = (await app.api('annotations-list', { documentId: await docId() })).filter(
      (a) => a.coderId === wang.id,
    );
    expect(mine.map((a) => a.text)).toEqual(['放权不到位']);
    await expect.poll(() => page.getByTestId('coder-row').count()).toBe(3);
    await page.screenshot({ path: '/tmp/pizhu-coders-zh-CN.png' });
    await page.getByRole('button', { name: /撤销/ }).first().click();
    await expect.poll(async () => (await coders()).map((c) => c.name)).not.toContain('王五');
    await ui.openView('一致性');
  });

  it('looks right in zh-TW and en', async () => {
    for (const [locale, label] of [
      ['zh-TW', '繁體中文'],
      ['en', 'English'],
    ] as const) {
      await page.locator('.pz-locale select').selectOption({ label });
      await page.screenshot({ path: `/tmp/pizhu-agreement-${locale}.png` });
    }
    await page.locator('.pz-locale select').selectOption({ label: '简体中文' });
  });
});
