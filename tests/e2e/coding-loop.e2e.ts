/**
 * The first coding loop, as a researcher does it in Chromium: open a seed, select a passage with
 * the mouse, press 2 (问题), see the highlight, reload (still there), write a memo, delete,
 * undo, and export the coded dataset as CSV — checked against the document text.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp, SEEDS_DIR } from './harness';
import { AppPage } from './pages/app-page';

const TITLE = '广安市武胜县“扩权强县”试点工作初步成效及政策建议';
const PHRASE = '扩权试点改革在“发展由市统筹、工作由市领导、干部由市管理、稳定由市负责”框架下';
const MEMO = '放权不到位：市级仍"统筹"一切, 见第二部分\n第二行';

describe('coding loop', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ui: AppPage;

  beforeAll(async () => {
    app = await startApp({ seeds: SEEDS_DIR });
    browser = await launchBrowser();
    context = await browser.newContext({
      acceptDownloads: true,
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    });
    page = await context.newPage();
    ui = new AppPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the library with the five seeds, in Chinese', async () => {
    await ui.openLibrary(app.url);
    await expect.poll(() => page.locator('.pz-library tbody tr').count()).toBe(5);
    await expect(page.locator('.pz-library h1').textContent()).resolves.toBe('文档库');
    // The token left the address bar.
    expect(page.url()).not.toContain('token=');
  });

  it('codes a selected passage with key 2 and paints it in the 问题 colour', async () => {
    await ui.openDocument(TITLE);
    await ui.selectPhrase(PHRASE);
    await page.locator('.pz-selection-toolbar').waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-1', text: PHRASE }]);
    await expect.poll(() => ui.listItems().count()).toBe(1);
    await expect.poll(() => ui.saveStatus().textContent()).toMatch(/^已保存/);

    const doc = (await app.api('documents-list', {})).find((d) => d.title === TITLE)!;
    const [annotation] = await app.api('annotations-list', { documentId: doc.id });
    const detail = await app.api('documents-get', { id: doc.id });
    const expectedStart = [...detail.text].join('').indexOf(PHRASE); // all-BMP: UTF-16 index = code point
    expect(annotation).toMatchObject({
      start: expectedStart,
      end: expectedStart + [...PHRASE].length,
      text: PHRASE,
    });
    const codes = await app.api('codes-list', {});
    expect(codes.find((c) => c.id === annotation!.codeId)?.name).toBe('问题');
  });

  it('keeps the annotation across a reload', async () => {
    await page.reload();
    await ui.waitForText();
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-1', text: PHRASE }]);
    await expect(ui.listItems().count()).resolves.toBe(1);
  });

  it('opens the annotation by clicking its highlight and saves a memo', async () => {
    await ui.clickPhrase(PHRASE);
    await ui.detail().waitFor();
    await expect.poll(() => ui.activeRangeTexts()).toEqual([PHRASE]);
    const memo = ui.detail().locator('textarea');
    await memo.fill(MEMO);
    await memo.blur();
    const doc = (await app.api('documents-list', {})).find((d) => d.title === TITLE)!;
    await expect
      .poll(async () => (await app.api('annotations-list', { documentId: doc.id }))[0]?.memo)
      .toBe(MEMO);
    await expect.poll(() => ui.saveStatus().textContent()).toMatch(/^已保存/);
  });

  it('deletes it, and Ctrl+Z brings back the same annotation with its memo', async () => {
    const doc = (await app.api('documents-list', {})).find((d) => d.title === TITLE)!;
    const [before] = await app.api('annotations-list', { documentId: doc.id });
    await ui.detail().getByRole('button', { name: '删除标注' }).click();
    await expect.poll(() => ui.paintedRanges()).toEqual([]);
    await expect.poll(async () => (await app.api('annotations-list', { documentId: doc.id })).length).toBe(0);

    await page.keyboard.press('Control+z');
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-1', text: PHRASE }]);
    const [after] = await app.api('annotations-list', { documentId: doc.id });
    expect(after).toEqual(before);
    expect(after!.memo).toBe(MEMO);
  });

  it('exports a CSV that Excel reads as UTF-8 with the exact quote and memo', async () => {
    await page.getByRole('button', { name: /导出数据/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /导出 CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pizhu-dataset-\d{8}-\d{6}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const [header, ...rest] = csv.split('\r\n');
    expect(header).toBe(
      'annotation_id,document_id,document_title,source_file,code,code_path,coder,start,end,text,memo,created_at,updated_at,document_memo,code_memo,document_sets',
    );
    const body = rest.join('\r\n');
    // The memo has a comma, ASCII quotes and a newline: quoted, quotes doubled.
    expect(body).toContain(`"${MEMO.replace(/"/g, '""')}"`);
    expect(body).toContain(`,${PHRASE},`);
    expect(body).toContain(',问题,问题,');
    await page.locator('.pz-toast', { hasText: /已导出 1 条标注/ }).waitFor();
  });
});
