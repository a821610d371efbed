/**
 * The document view beyond the basic loop: coding with the floating toolbar, overlapping
 * annotations (painted in both colours, marked as overlap, both listed on click), the side list
 * in text order with click-to-scroll, Escape, the language switch, and a visible, translated
 * error when a write cannot be saved.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, startApp, type RunningApp, SEEDS_DIR } from './harness';
import { AppPage } from './pages/app-page';

const TITLE = '广安市武胜县“扩权强县”试点工作初步成效及政策建议';
const A = '(一)行政审批更快捷。部分行政审批权力直接下放到县';
const B = '部分行政审批权力直接下放到县,大大简化了审批程序';
const OVERLAP = '部分行政审批权力直接下放到县';
const C = '听取基层意见、指导基层发展较少';

describe('document view', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let ui: AppPage;

  beforeAll(async () => {
    app = await startApp({ seeds: SEEDS_DIR });
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    ui = new AppPage(page);
    await ui.openLibrary(app.url);
    await ui.openDocument(TITLE);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('codes with the floating toolbar and with keys, and marks the overlap', async () => {
    await ui.selectPhrase(A);
    await page.locator('.pz-selection-toolbar').getByRole('button', { name: /成效/ }).click();
    await expect.poll(() => ui.listItems().count()).toBe(1);
    await ui.selectPhrase(B);
    await page.keyboard.press('3');
    await expect.poll(() => ui.listItems().count()).toBe(2);
    await ui.selectPhrase(C);
    await page.keyboard.press('2');
    await expect.poll(() => ui.listItems().count()).toBe(3);

    const painted = await ui.paintedRanges();
    expect(painted).toEqual(
      expect.arrayContaining([
        { name: 'pz-code-0', text: A },
        { name: 'pz-code-2', text: B },
        { name: 'pz-code-1', text: C },
      ]),
    );
    expect(painted).toHaveLength(3);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...(CSS.highlights.get('pz-overlap') ?? [])].map((r) => (r as Range).toString()),
        ),
      )
      .toEqual([OVERLAP]);
  });

  it('lists both annotations when the overlap is clicked', async () => {
    await page.keyboard.press('Escape');
    await ui.clickPhrase(OVERLAP);
    await expect.poll(() => ui.detail().count()).toBe(2);
    await expect(page.locator('.pz-detail-head').textContent()).resolves.toContain('此处有 2 条标注');
    // Innermost first: B (24 characters) is shorter than A (25).
    await expect(ui.detail().first().locator('.pz-quote').textContent()).resolves.toBe(B);
  });

  it('keeps the side list in text order and scrolls to an item on click', async () => {
    const quotes = await ui.listItems().locator('.pz-ann-quote').allTextContents();
    expect(quotes).toEqual([A, B, C].map((q) => (q.length > 80 ? `${q.slice(0, 80)}…` : q)));
    await page.locator('.pz-text-scroll').evaluate((el) => el.scrollTo(0, 0));
    await ui.listItems().nth(2).click();
    await expect.poll(() => ui.activeRangeTexts()).toEqual([C]);
    const visible = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('pz-active') ?? [])][0] as Range;
      const rect = range.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    });
    expect(visible).toBe(true);
  });

  it('Escape clears the selection; a number key without a text selection codes nothing', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => ui.detail().count()).toBe(0);
    await page.keyboard.press('1');
    await page.waitForTimeout(300);
    expect(await ui.listItems().count()).toBe(3);
    await page.locator('.pz-text-scroll').evaluate((el) => el.scrollTo(0, 0));
    await ui.clickPhrase('(一)行政审批更快捷');
    await page.keyboard.press('Escape');
    // The README's picture of the document view: three codes, one overlap, nothing selected.
    await page.locator('.pz-toast').first().waitFor({ state: 'detached' });
    // Into test-results/ on every run; into the README only when asked, so a test run leaves the
    // work tree clean: PIZHU_UPDATE_SCREENSHOTS=1 npm run test:e2e
    const target = process.env.PIZHU_UPDATE_SCREENSHOTS === '1' ? 'docs/images' : 'test-results';
    mkdirSync(target, { recursive: true });
    await page.screenshot({ path: `${target}/document-view.png` });
  });

  it('switches the UI to English and Traditional Chinese, and remembers the choice', async () => {
    await page.getByRole('combobox', { name: '界面语言' }).selectOption('en');
    await expect(page.locator('.pz-side-title').textContent()).resolves.toContain('Annotations');
    await page.reload();
    await ui.waitForText();
    await expect(page.locator('.pz-nav-title').textContent()).resolves.toBe('Library');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-TW');
    await expect(page.locator('.pz-nav-title').textContent()).resolves.toBe('文件庫');
    await page.getByRole('combobox', { name: '介面語言' }).selectOption('zh-CN');
    await expect(page.locator('.pz-nav-title').textContent()).resolves.toBe('文档库');
  });

  it('reloaded on its URL, asks the core once for its text and once for its annotations', async () => {
    // The document is opened before the first render (boot.tsx), and again by the route's
    // effect: the second open must not ask again.
    const asked: string[] = [];
    const onRequest = (r: { url: () => string }) => {
      const m = /^\/api\/([a-z-]+)$/.exec(new URL(r.url()).pathname);
      if (m) asked.push(m[1]!);
    };
    page.on('request', onRequest);
    try {
      await page.reload();
      await page.locator('.pz-doc-text[data-painted="true"]').waitFor();
      await expect.poll(() => ui.listItems().count()).toBe(3);
      expect(asked.filter((m) => m === 'documents-get')).toHaveLength(1);
      expect(asked.filter((m) => m === 'annotations-spans')).toHaveLength(1);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('shows a translated error, and no false "saved", when the core cannot be reached', async () => {
    await app.stop();
    await ui.selectPhrase('相关行政审批时间由原来平均7天缩减为3天');
    await page.keyboard.press('1');
    await page.locator('.pz-toast-error', { hasText: '无法连接到批注核心服务，更改未保存。' }).waitFor();
    await expect(ui.saveStatus().textContent()).resolves.toMatch(/^保存失败/);
    expect(await ui.listItems().count()).toBe(3);
  });
});
