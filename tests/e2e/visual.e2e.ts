/**
 * Visual check: every view in zh-CN, zh-TW and en at 1280×720 (a small laptop). Each view is
 * screenshotted into test-results/visual/ (a test artifact, ignored by git) and checked for two
 * things a person notices at once: something sticking out of the window on the right (the page
 * scrolls sideways or a control is cut off), and a button whose text has the colour of its own
 * background (an unreadable label).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, RESULTS_DIR, startApp, type RunningApp } from './harness';
import { AppPage } from './pages/app-page';

const SEEDS = resolve(import.meta.dirname, '../../seeds');
const OUT = join(RESULTS_DIR, 'visual');
const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const VIEWS = [
  'library',
  'document',
  'codebook',
  'memos',
  'import',
  'documents',
  'segments',
  'analysis',
  'search',
];
/** The occasional views, reached from the header's "More" menu. */
const MORE_VIEWS = ['suggest', 'export', 'coders', 'agreement', 'backups'];
/** States on top of a view: a selected annotation, a selected code, and the dialogs. */
const STATES: { name: string; view: string; act: (page: Page) => Promise<void> }[] = [
  {
    name: 'document-annotation',
    view: 'document',
    act: async (page) => {
      await page.locator('.pz-ann-item').first().click();
      await page.getByTestId('annotation-detail').waitFor();
    },
  },
  {
    // The header's save status with its time ("已保存 21:17:53", "已儲存 晚上9:17:53", "Saved 9:17:53 PM").
    name: 'document-saved',
    view: 'document',
    act: async (page) => {
      await page.locator('.pz-ann-item').first().click();
      const memo = page.getByTestId('annotation-detail').locator('textarea');
      await memo.fill(`memo ${Date.now()}`);
      await memo.blur();
      await new AppPage(page).waitSaved();
    },
  },
  {
    name: 'codebook-code',
    view: 'codebook',
    act: async (page) => {
      await page.locator('.pz-coderow').first().click();
      await page.locator('.pz-codedetail .pz-danger, .pz-codeactions .pz-danger').first().waitFor();
    },
  },
  {
    name: 'codebook-delete',
    view: 'codebook',
    act: async (page) => {
      await page.locator('.pz-coderow').first().click();
      await page.locator('.pz-codeactions .pz-danger').click();
      await page.locator('dialog.pz-dialog[open]').waitFor();
    },
  },
  {
    name: 'documents-delete',
    view: 'documents',
    act: async (page) => {
      await page.locator('.pz-docs-delete').first().click();
      await page.locator('dialog.pz-dialog[open]').waitFor();
    },
  },
  {
    name: 'header-more',
    view: 'backups',
    act: async (page) => {
      await new AppPage(page)
        .viewNav()
        .getByRole('button', { name: /^(更多|More)(:|$)/ })
        .click();
      await page.getByRole('menu').waitFor();
    },
  },
  {
    name: 'library-split',
    view: 'library',
    act: async (page) => {
      await page.locator('.pz-split-open').first().click();
      await page.locator('dialog.pz-split-dialog[open] .pz-dialog-actions').waitFor();
    },
  },
];

interface Problem {
  what: string;
  element: string;
}

/** Runs in the page: elements sticking out on the right, and buttons with invisible labels. */
function findProblems(): Problem[] {
  const problems: Problem[] = [];
  const width = document.documentElement.clientWidth;
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push({
      what: `page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`,
      element: 'html',
    });
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  /** True when an ancestor clips or scrolls this element inside the window (a table in a scroller). */
  const clippedInside = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('button, select, input, label, h1, h2, th, a, [role="tab"]')) {
    if (!visible(el) || el.closest('.pz-visually-hidden')) continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && !clippedInside(el))
      problems.push({
        what: `sticks out on the right (${Math.round(r.right)} > ${width})`,
        element: describe(el),
      });
  }
  const background = (el: Element | null): string => {
    for (let p = el; p; p = p.parentElement) {
      const bg = getComputedStyle(p).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\(.*, 0\)$/.test(bg)) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  for (const button of document.querySelectorAll('button')) {
    if (!visible(button) || !(button.textContent ?? '').trim()) continue;
    const color = getComputedStyle(button).color;
    if (color === background(button))
      problems.push({ what: `label colour equals background (${color})`, element: describe(button) });
  }
  // The header: one line of controls, with room left for one more compact control (~120 px).
  const header = document.querySelector('.pz-header');
  if (header) {
    for (const el of header.querySelectorAll('button, select')) {
      if (visible(el) && el.getBoundingClientRect().height > 40)
        problems.push({ what: 'header control wraps onto two lines', element: describe(el) });
    }
    const status = header.querySelector('.pz-save');
    if (status && visible(status) && status.scrollWidth > status.clientWidth + 1)
      problems.push({ what: 'save status cut off', element: describe(status) });
    const tabs = header.querySelector('.pz-tabs')?.getBoundingClientRect();
    const actions = header.querySelector('.pz-header-actions')?.getBoundingClientRect();
    if (tabs && actions && actions.left - tabs.right < 120)
      problems.push({
        what: `header has only ${Math.round(actions.left - tabs.right)} px to spare`,
        element: 'header',
      });
  }
  return problems;
}

describe('visual check at 1280×720', () => {
  let app: RunningApp;
  let browser: Browser;
  let documentId = '';

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    app = await startApp({ seeds: SEEDS });
    browser = await launchBrowser();
    const docs = await app.api('documents-list', {});
    const codes = await app.api('codes-list', {});
    documentId = docs[0]!.id;
    // A few annotations so the document, segments and analysis views have something to show.
    for (const [i, code] of codes.slice(0, 3).entries()) {
      await app.api('annotations-create', {
        documentId,
        codeId: code.id,
        start: 40 + i * 60,
        end: 70 + i * 60,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function show(page: Page, view: string): Promise<void> {
    const hash = view === 'library' ? '#/' : view === 'document' ? `#/doc/${documentId}` : `#/view/${view}`;
    await page.evaluate((h) => (location.hash = h), hash);
    if (view === 'document') await new AppPage(page).waitForText();
    else if (view === 'library') await page.locator('.pz-library').waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
  }

  for (const locale of LOCALES) {
    it(`every view fits and is readable in ${locale}`, async () => {
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 720 } });
      await context.addInitScript((l) => localStorage.setItem('pizhu.locale', l), locale);
      const page = await context.newPage();
      const found: string[] = [];
      try {
        await page.goto(app.url);
        await page.locator('.pz-library').waitFor();
        for (const view of [...VIEWS, ...MORE_VIEWS]) {
          await show(page, view);
          await page.screenshot({ path: join(OUT, `${locale}-${view}.png`) });
          for (const p of await page.evaluate(findProblems)) found.push(`${view}: ${p.element}: ${p.what}`);
        }
        for (const state of STATES) {
          await show(page, state.view);
          await state.act(page);
          await page.waitForTimeout(200);
          await page.screenshot({ path: join(OUT, `${locale}-${state.name}.png`) });
          for (const p of await page.evaluate(findProblems))
            found.push(`${state.name}: ${p.element}: ${p.what}`);
          await page.keyboard.press('Escape');
        }
      } finally {
        await context.close();
      }
      expect(found).toEqual([]);
    });
  }
});
