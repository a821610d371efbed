/**
 * Coding is painted before the durable write returns (issue 13): with the core's answer held
 * back, the new highlight is already there and the save status says "saving"; when the core
 * refuses the write, the highlight goes away again (or comes back, for a delete) and an error
 * toast says why. The core's answers are delayed or replaced with Playwright's request routing.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from './harness';
import { AppPage } from './pages/app-page';

const SEEDS = join(resolve(import.meta.dirname, '../..'), 'seeds');
const TITLE = '广安市武胜县“扩权强县”试点工作初步成效及政策建议';
const PHRASE = '扩权试点改革在“发展由市统筹、工作由市领导、干部由市管理、稳定由市负责”框架下';

describe('optimistic coding', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let ui: AppPage;

  beforeAll(async () => {
    app = await startApp({ seeds: SEEDS });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    ui = new AppPage(page);
    await ui.openLibrary(app.url);
    await ui.openDocument(TITLE);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** Holds the next call of `method` until `release()`; `refuse` answers it with an error instead. */
  async function hold(method: string, refuse: boolean): Promise<() => Promise<void>> {
    let route: Route | null = null;
    let done = () => {};
    const arrived = new Promise<void>((resolve) => (done = resolve));
    // Installed before the key press that makes the call (not raced against it).
    await page.route(`**/api/${method}`, (r) => {
      route = r;
      done();
    });
    return async () => {
      await arrived;
      if (refuse)
        await route!.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'annotation-not-found', message: 'refused by the test' } }),
        });
      else await route!.continue();
      await page.unroute(`**/api/${method}`);
    };
  }

  it('paints a new annotation before the core answers', async () => {
    const release = await hold('annotations-create', false);
    await ui.selectPhrase(PHRASE);
    await page.keyboard.press('2');
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-1', text: PHRASE }]);
    await expect(ui.saveStatus().textContent()).resolves.toMatch(/保存中|正在保存/);
    // The provisional highlight's Range, to check that the core's row takes it over unrepainted.
    await page.evaluate(() => {
      (window as unknown as { provisional: AbstractRange }).provisional = [
        ...CSS.highlights.get('pz-code-1')!,
      ][0]!;
    });
    await release();
    await expect.poll(() => ui.saveStatus().textContent()).toMatch(/^已保存/);
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-1', text: PHRASE }]);
    expect(
      await page.evaluate(() => {
        const r = (window as unknown as { provisional: AbstractRange }).provisional;
        return [CSS.highlights.get('pz-code-1')!.has(r), CSS.highlights.get('pz-active')!.has(r)];
      }),
    ).toEqual([true, true]);
    const doc = (await app.api('documents-list', {})).find((d) => d.title === TITLE)!;
    expect(await app.api('annotations-list', { documentId: doc.id })).toHaveLength(1);
  });

  it('removes an annotation at once and puts it back when the core refuses', async () => {
    const release = await hold('annotations-delete', true);
    await page.keyboard.press('Delete');
    await expect.poll(() => ui.paintedRanges()).toEqual([]);
    await release();
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-1', text: PHRASE }]);
    await expect.poll(() => page.locator('.pz-toast-error').count()).toBeGreaterThan(0);
  });

  it('takes a new highlight away again when the core refuses it', async () => {
    await page.locator('.pz-toast-error').first().waitFor();
    const release = await hold('annotations-create', true);
    await ui.selectPhrase('干部由市管理');
    await page.keyboard.press('1');
    await expect.poll(async () => (await ui.paintedRanges()).length).toBe(2);
    await release();
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-1', text: PHRASE }]);
    const doc = (await app.api('documents-list', {})).find((d) => d.title === TITLE)!;
    expect(await app.api('annotations-list', { documentId: doc.id })).toHaveLength(1);
  });
});
