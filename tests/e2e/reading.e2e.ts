/**
 * Reading long documents (issue 15): the outline of a sample document (counts by code), jumping
 * to a section by click and with ] / [, reading settings and the reading position surviving a
 * reload, focus mode, and exporting the document as DOCX and HTML from the UI (the files read
 * back: every annotation anchored to exactly its quote). Screenshots of the view and the exported
 * HTML go to test-results/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { RESULTS_DIR, newContext, type RunningApp } from './harness';
import { useSession } from './session';
import { type AppPage } from './pages/app-page';
import { readDocx, readHtml } from '../unit/export/read-back';
import type { DocumentDetail } from '../../shared/domain';

const SEEDS = resolve(import.meta.dirname, '../../seeds');

function cpIndex(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not found`);
  return [...text.slice(0, at)].length;
}

describe('reading a long document', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let ui: AppPage;
  let doc: DocumentDetail;

  useSession(
    {
      start: { seeds: SEEDS },
      context: { viewport: { width: 1280, height: 720 } },
      seed: async (started) => {
        app = started;
        const summary = (await app.api('documents-list', {})).find((d) => d.sourceFile?.startsWith('001_'))!;
        doc = await app.api('documents-get', { id: summary.id });
        const codes = await app.api('codes-list', {});
        // Two annotations in 二、存在的问题 (one 问题, one 建议) and one in 一、工作成效.
        for (const [needle, len, code] of [
          ['扩权不够充分', 6, 1],
          ['指导发展不够', 6, 2],
          ['行政审批更快捷', 7, 0],
        ] as const) {
          const start = cpIndex(doc.text, needle);
          await app.api('annotations-create', {
            documentId: doc.id,
            codeId: codes[code]!.id,
            start,
            end: start + len,
          });
        }
      },
    },
    (s) => ({ app, browser, page, ui } = s),
  );
  beforeAll(async () => {
    await ui.openLibrary(app.url);
    await ui.openDocument(doc.title);
  });

  const row = (title: string) => page.locator('.pz-outline-row', { hasText: title }).first();
  /** The text of the first paragraph at the top of the text scroller. */
  const topParagraph = () =>
    page.evaluate(() => {
      const top = document.querySelector('.pz-text-scroll')!.getBoundingClientRect().top + 4;
      const p = [...document.querySelectorAll('.pz-para')].find(
        (el) => el.getBoundingClientRect().bottom > top,
      );
      return p?.textContent ?? '';
    });

  it('shows the outline with per-section counts by code, jumps to a section and follows the scroll', async () => {
    // At 1280 px the outline starts closed (the text column keeps its width); the toggle opens it.
    await expect(page.locator('.pz-outline').count()).resolves.toBe(0);
    await page.locator('.pz-outline-toggle').click();
    await expect.poll(() => page.locator('.pz-outline-row').count()).toBeGreaterThan(8);
    await expect(row('存在的问题').textContent()).resolves.toContain('二、');
    // 二、存在的问题 holds one 问题 and one 建议 annotation; its first sub-section only the 问题.
    await expect(row('存在的问题').locator('.pz-outline-count').allTextContents()).resolves.toEqual([
      '1',
      '1',
    ]);
    await expect(row('扩权不够充分').locator('[data-code="问题"]').textContent()).resolves.toBe('1');
    await expect(row('工作成效').locator('[data-code="成效"]').textContent()).resolves.toBe('1');

    await row('存在的问题').locator('button').click();
    await expect.poll(topParagraph).toContain('二、存在的问题');
    await expect.poll(() => row('存在的问题').getAttribute('aria-current')).toBe('location');
    await page.keyboard.press(']');
    await expect.poll(topParagraph).toContain('扩权不够充分');
    await expect.poll(() => row('扩权不够充分').getAttribute('aria-current')).toBe('location');
    await page.keyboard.press(']');
    await expect.poll(topParagraph).toContain('指导发展不够');
    await page.keyboard.press('[');
    await expect.poll(topParagraph).toContain('扩权不够充分');
    await page.screenshot({ path: join(RESULTS_DIR, 'reading-outline-zh-CN.png') });
  });

  it('keeps the section being read in view in an outline shorter than its rows', async () => {
    // Three rows tall: moving through the sections must scroll the outline down, then back up.
    const style = await page.addStyleTag({ content: '.pz-outline-list { flex: none; height: 90px; }' });
    const currentInView = () =>
      page.evaluate(() => {
        const list = document.querySelector('.pz-outline-list')!.getBoundingClientRect();
        const current = document.querySelector('.pz-outline-row[aria-current="location"]');
        if (!current) return false;
        const r = current.getBoundingClientRect();
        return r.top >= list.top - 1 && r.bottom <= list.bottom + 1;
      });
    const listTop = () => page.evaluate(() => document.querySelector('.pz-outline-list')!.scrollTop);
    for (let i = 0; i < 5; i++) await page.keyboard.press(']');
    await expect.poll(currentInView).toBe(true);
    expect(await listTop()).toBeGreaterThan(0);
    await row('工作成效').locator('button').evaluate((b: HTMLElement) => b.click());
    await expect.poll(topParagraph).toContain('工作成效');
    await expect.poll(currentInView).toBe(true);
    await style.evaluate((el: HTMLElement) => el.remove());
    // Back where the next test expects the reader.
    await row('扩权不够充分').locator('button').click();
    await expect.poll(topParagraph).toContain('扩权不够充分');
  });

  it('keeps reading settings and the reading position across a reload', async () => {
    await page.locator('.pz-reading-open').click();
    await page.locator('input[name="fontSize"]').fill('21');
    await page.locator('input[name="lineHeight"]').fill('2.2');
    await page.locator('input[name="width"]').fill('36');
    await page.locator('.pz-reading-panel [role="radio"]', { hasText: '深色' }).click();
    await page.keyboard.press('Escape');
    const style = () =>
      page.evaluate(() => {
        const text = getComputedStyle(document.querySelector('.pz-doc-text')!);
        const column = document.querySelector('.pz-text-column')!.getBoundingClientRect();
        return { size: text.fontSize, leading: text.lineHeight, width: Math.round(column.width) };
      });
    const before = await style();
    expect(before.size).toBe('21px');
    expect(before.leading).toBe(`${21 * 2.2}px`);
    await expect(page.locator('.pz-document').getAttribute('data-theme')).resolves.toBe('dark');
    await page.screenshot({ path: join(RESULTS_DIR, 'reading-dark-zh-CN.png') });
    const place = await topParagraph();
    expect(place).toContain('扩权不够充分');
    await page.waitForTimeout(400); // the position is written a quarter second after scrolling stops

    await page.reload();
    await ui.waitForText();
    await expect.poll(style).toEqual(before);
    await expect(page.locator('.pz-document').getAttribute('data-theme')).resolves.toBe('dark');
    await expect.poll(topParagraph).toBe(place);
    await expect.poll(() => row('扩权不够充分').getAttribute('aria-current')).toBe('location');

    // Focus mode hides the side panels and the library sidebar; the setting is remembered too.
    await page.locator('.pz-focus-toggle').click();
    await expect(page.locator('.pz-side').isVisible()).resolves.toBe(false);
    await expect(page.locator('.pz-nav').isVisible()).resolves.toBe(false);
    await expect(page.locator('.pz-outline').count()).resolves.toBe(0);
    await page.locator('.pz-focus-toggle').click();
    await expect(page.locator('.pz-side').isVisible()).resolves.toBe(true);
    // Back to the light theme for the export screenshots.
    await page.locator('.pz-reading-open').click();
    await page.locator('.pz-reading-panel [role="radio"]', { hasText: '浅色' }).click();
    await page.keyboard.press('Escape');
  });

  it('exports the document as DOCX and HTML from the UI, every annotation on exactly its quote', async () => {
    const annotations = await app.api('annotations-list', { documentId: doc.id });
    const download = async (format: 'docx' | 'html') => {
      await page.locator('.pz-doc-toolbar .pz-export-annotated > button').click();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`.pz-doc-toolbar [role="menuitem"][data-format="${format}"]`).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(new RegExp(`-annotated\\.${format}$`));
      return readFileSync(await file.path());
    };
    const docx = readDocx(await download('docx'));
    expect(docx.text).toContain(doc.text);
    const quotes = [...docx.ranges.values()].map(([s, e]) => docx.text.slice(s, e)).sort();
    expect(quotes).toEqual(annotations.map((a) => a.text).sort());

    const htmlBytes = await download('html');
    const [back] = readHtml(htmlBytes.toString('utf8'));
    expect(back!.text).toBe(doc.text);
    for (const [, [s, e]] of back!.ranges)
      expect(annotations.map((a) => a.text)).toContain(back!.text.slice(s, e));
    expect(back!.ranges.size).toBe(annotations.length);

    // Look at the exported page as a colleague would: offline, in Chromium (and as print).
    const viewer = await (await newContext(browser)).newPage();
    await viewer.setViewportSize({ width: 1280, height: 720 });
    const failed: string[] = [];
    viewer.on('requestfailed', (r) => failed.push(r.url()));
    viewer.on('request', (r) => {
      if (!r.url().startsWith('data:') && !r.url().startsWith('about:')) failed.push(r.url());
    });
    await viewer.setContent(htmlBytes.toString('utf8'));
    await viewer.locator('.outline a', { hasText: '存在的问题' }).click();
    await viewer.screenshot({ path: join(RESULTS_DIR, 'reading-export-html.png') });
    await viewer.emulateMedia({ media: 'print' });
    await viewer.screenshot({ path: join(RESULTS_DIR, 'reading-export-html-print.png'), fullPage: false });
    expect(failed).toEqual([]);
    await viewer.context().close();
  });

  it('exports from the library: the ticked documents', async () => {
    await ui.openLibrary(app.url);
    const ids = (await app.api('documents-list', {})).slice(0, 2).map((d) => d.id);
    for (const id of ids) await page.locator(`tr[data-document-id="${id}"] input[type="checkbox"]`).check();
    const button = page.locator('.pz-library-head .pz-export-annotated > button');
    await expect(button.textContent()).resolves.toContain('2');
    await button.click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.pz-library-head [role="menuitem"][data-format="html"]').click(),
    ]);
    const docs = readHtml(readFileSync(await file.path(), 'utf8'));
    expect(docs.map((d) => d.documentId)).toEqual(ids);
  });
});
