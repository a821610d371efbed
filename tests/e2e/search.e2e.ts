/**
 * Search and coding from search, as a researcher does it in Chromium: search 问题 in the 搜索
 * view, see KWIC results grouped by document with the API's counts, select all, code them as
 * 问题 at sentence level, check the annotations through the API (ranges computed here with
 * splitSentences), undo with Ctrl+Z (all gone), and open a hit in its document (focus highlight).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import type { SearchResult } from '../../shared/contracts/search';
import { SEARCH_FIRST_PAGE } from '../../shared/contracts/search';
import type { Annotation } from '../../shared/domain';
import { expandToSpans, splitSentences } from '../../shared/text/sentences';
import {
  launchBrowser,
  newContext,
  screenshotOnFailure,
  startApp,
  type RunningApp,
  RESULTS_DIR,
  SEEDS_DIR,
} from './harness';
import { AppPage } from './pages/app-page';

describe('search', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let ui: AppPage;
  let api: SearchResult;

  beforeAll(async () => {
    app = await startApp({ seeds: SEEDS_DIR });
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    ui = new AppPage(page);
    api = await app.api('search-run', { query: '问题' });
  });
  screenshotOnFailure(() => page);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function allAnnotations(): Promise<Annotation[]> {
    const out: Annotation[] = [];
    for (const d of await app.api('documents-list', {}))
      out.push(...(await app.api('annotations-list', { documentId: d.id })));
    return out;
  }

  it('finds 问题 in both scripts and shows KWIC lines grouped by document', async () => {
    expect(api.total).toBe(127);
    await ui.openLibrary(app.url);
    await page.locator('.pz-tab', { hasText: '搜索' }).click();
    const box = page.getByRole('searchbox', { name: '搜索' });
    await box.fill('问题');
    await box.press('Enter');
    await expect
      .poll(() => page.getByTestId('search-summary').textContent())
      .toBe(`共 ${api.total} 处，分布在 ${api.documents.length} 篇文档中`);
    const groups = page.getByTestId('search-doc');
    await expect.poll(() => groups.count()).toBeGreaterThan(0);
    // The first group is rendered with the API's count, and its lines show the keyword marked.
    const first = api.documents[0]!;
    await expect(groups.first().getByTestId('search-doc-count').textContent()).resolves.toBe(
      `${first.count} 处`,
    );
    const firstHit = page.getByTestId('search-hit').first();
    await expect(firstHit.locator('mark').textContent()).resolves.toBe(first.hits[0]!.match);
    // Traditional documents show their own characters.
    const marks = await page.locator('.pz-kwic-match').allTextContents();
    expect(marks.some((m) => m === '問題')).toBe(true);
    await page.screenshot({ path: '/tmp/pizhu-search.png' });
  });

  it('codes all hits as 问题 at sentence level, then Ctrl+Z removes them all', async () => {
    await page.getByTestId('search-select-all').check();
    await expect.poll(() => page.getByText(`已选 ${api.total} 处`).count()).toBe(1);
    const codes = await app.api('codes-list', {});
    const problem = codes.find((c) => c.name === '问题')!;
    await page.getByTestId('search-code').selectOption(problem.id);
    await page.getByTestId('search-expand').selectOption('sentence');
    await page.getByTestId('search-apply').click();

    // Expected: every hit expanded to its sentence(s), duplicates once.
    const wanted = new Set<string>();
    for (const group of api.documents) {
      const { text } = await app.api('documents-get', { id: group.documentId });
      const spans = splitSentences(text);
      for (const h of group.hits) {
        const s = expandToSpans(spans, h);
        wanted.add(`${group.documentId}:${s.start}:${s.end}`);
      }
    }
    await expect.poll(async () => (await allAnnotations()).length).toBe(wanted.size);
    const anns = await allAnnotations();
    expect(new Set(anns.map((a) => `${a.documentId}:${a.start}:${a.end}`))).toEqual(wanted);
    expect(anns.every((a) => a.codeId === problem.id)).toBe(true);
    await expect
      .poll(() => page.locator('.pz-toast').allTextContents())
      .toContainEqual(expect.stringContaining(`已添加 ${wanted.size} 条标注`));
    await expect.poll(async () => (await app.api('history-state', {})).undoKind).toBe('search-code');
    await page.screenshot({ path: '/tmp/pizhu-search-coded.png' });

    // Ctrl+Z outside the text box: one undo step removes the whole batch.
    await page.getByTestId('search-summary').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await allAnnotations()).length).toBe(0);
    expect((await app.api('history-state', {})).canUndo).toBe(false);
  });

  it('opens a hit in its document with the focus highlight over it', async () => {
    const hit = api.documents[0]!.hits[1]!;
    await page
      .locator(`[data-testid="search-hit"][data-key="${hit.documentId}:${hit.start}:${hit.end}"] .pz-kwic`)
      .click();
    await ui.waitForText();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const out: string[] = [];
          CSS.highlights.get('pz-focus')?.forEach((r) => out.push((r as Range).toString()));
          return out;
        }),
      )
      .toEqual([hit.match]);
    expect(decodeURIComponent(page.url())).toContain(hit.documentId);
    await page.screenshot({ path: '/tmp/pizhu-search-open.png' });
  });

  it('shows a translated error for a bad regex and a message for no hits', async () => {
    await page.locator('.pz-tab', { hasText: '搜索' }).click();
    const box = page.getByRole('searchbox', { name: '搜索' });
    await box.fill('/[问题/');
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('search-error').textContent()).toMatch(/^正则表达式写法有误/);
    await box.fill('量子计算机');
    await box.press('Enter');
    await expect.poll(() => page.getByTestId('search-none').textContent()).toBe('没有找到“量子计算机”。');
  });

  it('shows the first page at once and the total when it is counted (issue 13)', async () => {
    // 的 has more hits in the seeds than one first page: the counted result follows.
    const counted = await app.api('search-run', { query: '的' });
    expect(counted.total).toBeGreaterThan(SEARCH_FIRST_PAGE);
    const first = await app.api('search-run', { query: '的', limit: SEARCH_FIRST_PAGE, count: false });
    expect([first.counted, first.returned]).toEqual([false, SEARCH_FIRST_PAGE]);
    // Hold the counting request back so that the first page can be seen on its own.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/search-run', async (route) => {
      const body = route.request().postDataJSON() as { count?: boolean };
      if (body.count !== false) await held;
      await route.continue();
    });
    await page.locator('.pz-tab', { hasText: '搜索' }).click();
    const box = page.getByRole('searchbox', { name: '搜索' });
    await box.fill('的');
    await box.press('Enter');
    const summary = () => page.getByTestId('search-summary').textContent();
    await expect.poll(summary).toBe(`已显示前 ${SEARCH_FIRST_PAGE} 处，正在统计总数…`);
    expect(await page.getByTestId('search-doc-count').count()).toBe(0);
    const language = page.locator('.pz-locale select');
    await language.selectOption('zh-TW');
    await expect.poll(summary).toBe(`已顯示前 ${SEARCH_FIRST_PAGE} 處，正在統計總數…`);
    await page.screenshot({ path: join(RESULTS_DIR, 'search-counting-zh-TW.png') });
    await language.selectOption('en');
    await expect.poll(summary).toBe(`first ${SEARCH_FIRST_PAGE} hits shown, counting…`);
    await page.screenshot({ path: join(RESULTS_DIR, 'search-counting-en.png') });
    await language.selectOption('zh-CN');
    await page.screenshot({ path: join(RESULTS_DIR, 'search-counting-zh-CN.png') });
    release();
    await expect
      .poll(summary)
      .toBe(
        `共 ${counted.total} 处，分布在 ${counted.documents.length} 篇文档中${counted.truncated ? ` · 仅显示前 ${counted.returned} 处` : ''}`,
      );
    await expect.poll(() => page.getByTestId('search-doc-count').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'search-counted-zh-CN.png') });
    await page.unroute('**/api/search-run');
  });
});
