/**
 * What a new user stumbled on (issue 16), part 2: the document view and search. The code toolbar
 * hides no coded text; 简体/繁體 converts the heading, the side panel's quote and the list
 * excerpts; after M, Esc leaves the memo box; with the sub-code menu open 1 codes its first entry
 * (key hints shown); a bad regular expression is explained in the UI language; switching the UI
 * language keeps the search; the extent and hit positions are labelled.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, Code, DocumentSummary } from '../../shared/domain';
import { type RunningApp } from './harness';
import { useSession } from './session';
import type { AppPage } from './pages/app-page';

const SEEDS = resolve(import.meta.dirname, '../../seeds');
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const cp = (s: string) => [...s].length;

describe('new user, part 2', () => {
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;
  let doc: DocumentSummary;
  let text = '';
  let codes: Code[];
  const code = (name: string) => codes.find((c) => c.name === name)!;
  let paragraph: Annotation;

  useSession(
    {
      start: { seeds: SEEDS },
      context: { viewport: { width: 1280, height: 720 } },
      open: { library: true },
      seed: async (started) => {
        app = started;
        doc = (await app.api('documents-list', {})).find((d) => d.sourceFile?.startsWith('000_'))!;
        text = (await app.api('documents-get', { id: doc.id })).text;
        codes = await app.api('codes-list', {});
        // The whole paragraph 我們召開… is coded: the line above the next heading is coded text.
        const at = text.indexOf('我們召開');
        const end = text.indexOf('\n', at);
        paragraph = (
          await app.api('annotations-create', {
            documentId: doc.id,
            codeId: code('问题').id,
            start: cp(text.slice(0, at)),
            end: cp(text.slice(0, end)),
          })
        ).annotation;
      },
    },
    (s) => ({ app, page, ui } = s),
  );

  const open = async () => {
    await page.evaluate((id) => (location.hash = `#/doc/${id}`), doc.id);
    await ui.waitForText();
  };

  it('8: the code toolbar covers no coded text', async () => {
    await open();
    await ui.selectPhrase('我省擴權強縣工作已取得了階段性的成果');
    const toolbar = page.locator('.pz-selection-toolbar');
    await toolbar.waitFor();
    await poll(() => toolbar.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    const covered = await toolbar.evaluate((el) => {
      const box = el.getBoundingClientRect();
      let area = 0;
      CSS.highlights.forEach((h, name) => {
        if (!name.startsWith('pz-code-')) return;
        h.forEach((range) => {
          for (const r of (range as Range).getClientRects()) {
            const w = Math.min(r.right, box.right) - Math.max(r.left, box.left);
            const hgt = Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top);
            if (w > 0 && hgt > 0) area += w * hgt;
          }
        });
      });
      return area;
    });
    expect(covered).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('11: with the sub-code menu open, 1 codes its first sub-code; the menu shows the keys', async () => {
    const sub = (await app.api('codes-create', { name: '财政压力', parentId: code('问题').id })).code;
    await page.reload();
    await ui.waitForText();
    await ui.selectPhrase('在全省擴權強縣座談會上的講話');
    await page.getByRole('button', { name: '问题 ▾' }).click();
    const menu = page.locator('.pz-toolbar-sub');
    await poll(() => menu.locator('kbd.pz-menu-key').first().textContent()).toBe('1');
    await page.keyboard.press('1');
    await poll(async () =>
      (await app.api('annotations-list', { documentId: doc.id })).some((a) => a.codeId === sub.id),
    ).toBe(true);
    expect(
      (await app.api('annotations-list', { documentId: doc.id })).filter((a) => a.codeId === code('问题').id),
    ).toHaveLength(1);
  });

  it('11: after M, Esc leaves the memo box and J moves on', async () => {
    await open();
    await page.locator('.pz-ann-item').first().click();
    await page.getByTestId('annotation-detail').waitFor();
    const first = await page.getByTestId('annotation-detail').locator('.pz-quote').textContent();
    await page.locator('.pz-doc-text').focus();
    await page.keyboard.press('m');
    const memo = page.locator('.pz-detail-card textarea');
    await poll(() => memo.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await poll(() => page.getByTestId('annotation-detail').locator('.pz-quote').textContent()).not.toBe(
      first,
    );
    expect(await memo.inputValue()).not.toContain('j');
  });

  it('9: 简体 converts the heading, the quote and the list excerpts too', async () => {
    await open();
    await page.locator('.pz-ann-item').first().click();
    await ui.switchScript('简体', 'simplified');
    await poll(() => page.locator('.pz-doc-title').textContent()).toContain('当前位置:简历模板馆');
    await poll(() => page.locator('.pz-ann-list').textContent()).toContain('我们召开这次座谈会');
    expect(await page.locator('.pz-ann-list').textContent()).not.toContain('我們召開');
    await poll(() =>
      page.getByTestId('annotation-detail').locator('.pz-quote').first().textContent(),
    ).not.toMatch(/[們為這會區]/);
    await ui.switchScript('原文', 'original');
    await poll(() => page.locator('.pz-doc-title').textContent()).toContain('當前位置');
    expect(paragraph.text.startsWith('我們召開')).toBe(true);
  });

  it('10 and 19: search errors are explained; language switch keeps the search; labels are distinct', async () => {
    await page.evaluate(() => (location.hash = '#/view/search'));
    const input = page.locator('.pz-search-input');
    await input.fill('/(问题/');
    await input.press('Enter');
    const error = page.getByTestId('search-error');
    await poll(() => error.textContent()).toContain('括号');
    expect(await error.textContent()).not.toMatch(/Invalid|Unterminated|regular expression/i);

    await input.fill('问题');
    await input.press('Enter');
    await page.getByTestId('search-summary').waitFor();
    await page.getByTestId('search-select-all').check();
    const summary = await page.getByTestId('search-summary').textContent();
    await page.getByLabel('界面语言').selectOption('en');
    await poll(() => page.getByTestId('search-summary').textContent()).toMatch(/hits? in/);
    expect(await input.inputValue()).toBe('问题');
    expect(summary).toMatch(/共 \d+ 处/);
    await page.getByLabel('Language').selectOption('zh-CN');
    await poll(() => page.locator('.pz-search').getByText('范围', { exact: true }).count()).toBe(1);
    const offset = page.locator('.pz-kwic-offset').first();
    expect(await offset.getAttribute('aria-label')).toMatch(/^位置/);
  });
});
