/**
 * The header's "More" menu: the occasional views (suggestion rules, export, coders, agreement,
 * backups) are reached from one button, by mouse and by keyboard; Escape closes it and gives the
 * focus back; the button carries the current view's name; the everyday views stay tabs.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './harness';
import { useSession } from './session';
import type { AppPage } from './pages/app-page';

const SEEDS = resolve(import.meta.dirname, '../../seeds');

describe('header More menu', () => {
  let page: Page;
  let ui: AppPage;

  useSession(
    {
      start: { seeds: SEEDS },
      context: { viewport: { width: 1280, height: 720 } },
      open: { library: true },
    },
    (s) => ({ page, ui } = s),
  );

  const more = () => ui.viewNav().getByRole('button', { name: /^更多(:|$)/ });
  const tabNames = () => ui.viewNav().locator(':scope > button').allTextContents();

  it('keeps the everyday views as tabs and the occasional ones in the menu', async () => {
    expect(await tabNames()).toEqual([
      '文档库',
      '代码本',
      '备忘',
      '导入',
      '文档属性',
      '编码片段',
      '分析',
      '搜索',
    ]);
    await more().click();
    const items = page.getByRole('menu').getByRole('menuitem');
    expect(await items.allTextContents()).toEqual(['建议规则', '导出', '编码员', '一致性', '备份']);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
  });

  it('opens with the keyboard, moves with the arrows, opens a view, and names it on the button', async () => {
    await more().focus();
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toBe('建议规则');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('编码员');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('备份');
    await page.keyboard.press('Enter');
    await page.locator('.pz-backups').waitFor();
    expect(page.url()).toContain('#/view/backups');
    await expect.poll(() => more().getAttribute('aria-label')).toBe('更多: 备份');
    expect(await more().textContent()).toContain('备份');
    expect(await more().getAttribute('class')).toContain('is-current');
    await page.screenshot({ path: join(RESULTS_DIR, 'header-more-current.png') });
  });

  it('closes with Escape and gives the focus back to its button; the menu marks the current view', async () => {
    await more().click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current') ?? ''))
      .toBe('page');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('pz-more-button'))).toBe(
      true,
    );
    expect(await more().getAttribute('aria-expanded')).toBe('false');
  });

  it('leaves the button plain again on an everyday view', async () => {
    await ui.openView('代码本');
    await expect.poll(() => more().textContent()).toContain('更多');
    expect(await more().getAttribute('class')).not.toContain('is-current');
    await ui.openView('一致性');
    await page.getByTestId('agreement-compute').waitFor();
    expect(await more().textContent()).toContain('一致性');
  });
});
