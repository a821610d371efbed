/**
 * What a new user stumbled on (issue 16), part 1: data and dialogs. The codebook form follows a
 * rename in the tree; analysis totals count each annotation once; the document memo saves as you
 * type and Esc closes it; red buttons are readable; times follow the UI language; new codes get
 * colours far from their neighbours; refused input is explained and leaves nothing half-made;
 * the memo popover stays out of the sidebar; 拆分… opens over the library and allows hand-picked
 * split points; dialogs fit 1280×720, trap focus and close with Esc; attribute cells look
 * editable and mark refused values; the library legend and ✎ stay on one line; English plurals;
 * import marks duplicates, keeps its cleaning ticks and strikes through removals. Browser locale
 * en-US, UI zh-CN: what a Chinese researcher gets on an English system.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Code, DocumentSummary } from '../../shared/domain';
import { colorDistance } from '../../shared/colors';
import { type RunningApp } from './harness';
import { useSession } from './session';

const SEEDS = resolve(import.meta.dirname, '../../seeds');
/** A shared 2-core machine: give the UI time to answer. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

describe('new user, part 1', () => {
  let app: RunningApp;
  let context: BrowserContext;
  let page: Page;
  let docs: DocumentSummary[];
  let codes: Code[];
  const code = (name: string) => codes.find((c) => c.name === name)!;

  useSession(
    {
      start: { seeds: SEEDS },
      context: { locale: 'en-US', viewport: { width: 1280, height: 720 } },
      open: { library: true },
      seed: async (started) => {
        app = started;
        docs = await app.api('documents-list', {});
        codes = await app.api('codes-list', {});
      },
    },
    (s) => ({ app, context, page } = s),
  );

  const go = async (hash: string, ready: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.locator(ready).first().waitFor();
  };
  const row = (name: string) => page.locator(`.pz-coderow[data-code-name="${name}"]`);

  it('1: a rename in the tree reaches the detail form; leaving the form does not rename it back', async () => {
    await go('#/view/codebook', '.pz-codetree');
    await row('成效').click();
    await poll(() => page.locator('#pz-code-name').inputValue()).toBe('成效');
    await row('成效').press('F2');
    await page.locator('.pz-coderename').fill('主要成效');
    await page.locator('.pz-coderename').press('Enter');
    await row('主要成效').waitFor();
    await poll(() => page.locator('#pz-code-name').inputValue()).toBe('主要成效');
    await page.locator('#pz-code-name').focus();
    await page.locator('#pz-code-description').focus();
    await page.waitForTimeout(300);
    expect((await app.api('codes-list', {})).find((c) => c.id === code('成效').id)?.name).toBe('主要成效');
    await app.api('history-undo', {});
  });

  it('10: a duplicate code name is explained, the header does not say 保存失败, Esc leaves no stray code', async () => {
    await go('#/view/codebook', '.pz-codetree');
    await page.reload();
    await page.locator('.pz-codetree').waitFor();
    const before = (await app.api('codes-list', {})).length;
    await page.getByRole('button', { name: /新建顶层代码/ }).click();
    const input = page.locator('.pz-coderename');
    await input.fill('问题');
    await input.press('Enter');
    await page.locator('.pz-toast-error', { hasText: '请换一个名称' }).waitFor();
    await poll(() => page.getByTestId('save-status').textContent()).not.toContain('保存失败');
    // The editor stays open with what was typed, marked invalid.
    await poll(() => page.locator('.pz-coderename').getAttribute('aria-invalid')).toBe('true');
    await poll(() => page.locator('.pz-coderename').inputValue()).toBe('问题');
    await page.locator('.pz-coderename').press('Escape');
    await poll(async () => (await app.api('codes-list', {})).length).toBe(before);
    await poll(() => page.locator('.pz-coderow[data-code-name="新代码"]').count()).toBe(0);
    // Error toasts do not follow the user to another view.
    await page.locator('.pz-toast-error').count();
    await go('#/', '.pz-library');
    await poll(() => page.locator('.pz-toast-error').count()).toBe(0);
  });

  it('2: with sub-codes counted under parents, totals count each annotation once and say so', async () => {
    const sub = (await app.api('codes-create', { name: '财政压力', parentId: code('问题').id })).code;
    const doc = docs[0]!.id;
    const made = [];
    for (const [codeId, start] of [
      [sub.id, 10],
      [sub.id, 50],
      [code('问题').id, 90],
      [code('成效').id, 130],
      [code('建议').id, 170],
      [code('建议').id, 210],
    ] as const)
      made.push(
        (await app.api('annotations-create', { documentId: doc, codeId, start, end: start + 20 })).annotation,
      );
    await go('#/view/analysis', '[data-testid="matrix"]');
    await page.locator('[data-testid="totals-note"]').waitFor();
    const grand = page.locator('[data-testid="matrix"] tfoot td').last();
    await poll(() => grand.textContent()).toBe('6');
    // Colours: the new sub-code looks nothing like 问题 (item 7).
    expect(colorDistance(sub.color, code('问题').color)).toBeGreaterThan(0.12);
    const selection = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--pz-selection').trim(),
    );
    for (const c of await app.api('codes-list', {}))
      expect(colorDistance(selection, c.color)).toBeGreaterThan(0.1);
    for (const a of made) await app.api('annotations-delete', { id: a.id });
  });

  it('20: the code column stays in view when the matrix scrolls sideways', async () => {
    await page.setViewportSize({ width: 900, height: 720 });
    await go('#/view/analysis', '[data-testid="matrix"] tbody th');
    const wrap = page.locator('.pz-heat-wrap').first();
    const cell = page.locator('[data-testid="matrix"] tbody th').first();
    const x0 = (await cell.boundingBox())!.x;
    await wrap.evaluate((el) => (el.scrollLeft = 400));
    await poll(async () => (await wrap.evaluate((el) => el.scrollLeft)) > 0).toBe(true);
    expect(Math.abs((await cell.boundingBox())!.x - x0)).toBeLessThan(2);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('6: times and numbers follow the UI language, not the browser', async () => {
    await go('#/view/codebook', '.pz-codetree');
    await row('建议').click();
    await page.locator('#pz-code-description').fill('建议与对策');
    await page.locator('#pz-code-name').focus();
    await expect
      .poll(() => page.getByTestId('save-status').textContent())
      .toMatch(/^已保存 \d{1,2}:\d{2}:\d{2}$/);
    const { annotation } = await app.api('annotations-create', {
      documentId: docs[0]!.id,
      codeId: code('建议').id,
      start: 300,
      end: 320,
    });
    await go(`#/doc/${docs[0]!.id}?ann=${annotation.id}`, '[data-testid="annotation-detail"]');
    const created = await page.locator('.pz-detail-grid dd').nth(2).textContent();
    expect(created).not.toMatch(/AM|PM/);
    expect(created).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
    await app.api('annotations-delete', { id: annotation.id });
  });

  it('5: red buttons have readable labels (detail, codebook, confirm dialogs)', async () => {
    const readable = async (selector: string) => {
      const { color, background } = await page
        .locator(selector)
        .first()
        .evaluate((el) => {
          let bg = 'rgba(0, 0, 0, 0)';
          for (let p: Element | null = el; p && /rgba\(.*, 0\)|transparent/.test(bg); p = p.parentElement)
            bg = getComputedStyle(p).backgroundColor;
          return { color: getComputedStyle(el).color, background: bg };
        });
      expect(color, selector).not.toBe(background);
    };
    await go('#/view/codebook', '.pz-codetree');
    await row('建议').click();
    await readable('.pz-codeactions .pz-danger');
    await page.locator('.pz-codeactions .pz-danger').click();
    await readable('dialog[open] .pz-danger');
    await page.keyboard.press('Escape');
    await poll(() => page.locator('dialog[open]').count()).toBe(0);
  });

  it('14: the delete-document confirm fits 1280×720, traps focus and Esc cancels', async () => {
    await go('#/view/documents', '.pz-docs-table');
    await page.locator('.pz-docs-delete').first().click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    for (const b of await dialog.locator('button').all()) {
      const box = (await b.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    expect((await app.api('documents-list', {})).length).toBe(docs.length);
  });

  it('15: attribute cells look editable; an invalid number is marked and the last good value kept', async () => {
    await app.api('attributes-create', { name: '年份', type: 'number' });
    await go('#/view/documents', '.pz-docs-table');
    await page.reload();
    await page.locator('th[data-attribute="年份"]').waitFor();
    const cell = page.locator(
      `.pz-docs-table tr[data-document-id="${docs[1]!.id}"] td[data-attribute="年份"] input`,
    );
    const border = await cell.evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(border).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await cell.fill('2009');
    await cell.press('Enter');
    await poll(async () => (await app.api('attributes-list', {})).values.length).toBe(1);
    await cell.fill('二〇〇九');
    await cell.press('Enter');
    await poll(() => cell.getAttribute('aria-invalid')).toBe('true');
    await poll(() => cell.inputValue()).toBe('2009');
    await page.locator('.pz-attr-invalid').waitFor();
    expect((await app.api('attributes-list', {})).values[0]!.value).toBe('2009');
  });

  it('15: typing in a cell while its last save is still reloading keeps what is typed', async () => {
    // A loaded machine: the table's reload after a save arrives after the user typed again.
    const slow = '**/api/attributes-list';
    await page.route(slow, async (r) => {
      await new Promise((done) => setTimeout(done, 700));
      await r.continue();
    });
    const cell = page.locator(
      `.pz-docs-table tr[data-document-id="${docs[2]!.id}"] td[data-attribute="年份"] input`,
    );
    await cell.fill('2010');
    await cell.press('Enter');
    await poll(async () => (await app.api('attributes-list', {})).values.length).toBe(2);
    await cell.fill('二〇一〇');
    await page.waitForTimeout(1200);
    expect(await cell.inputValue()).toBe('二〇一〇');
    await cell.press('Enter');
    await poll(() => cell.getAttribute('aria-invalid')).toBe('true');
    await poll(() => cell.inputValue()).toBe('2010');
    await page.unroute(slow);
  });

  it('15: a refused value stays marked when the previous save finishes after it', async () => {
    // A loaded machine: the first save's reload is still on its way when the second value is
    // refused; its late success must not clear the mark of the newer, refused value.
    const slow = '**/api/attributes-list';
    await page.route(slow, async (r) => {
      await new Promise((done) => setTimeout(done, 1500));
      await r.continue();
    });
    const cell = page.locator(
      `.pz-docs-table tr[data-document-id="${docs[3]!.id}"] td[data-attribute="年份"] input`,
    );
    await cell.fill('2011');
    await cell.press('Enter');
    await poll(async () => (await app.api('attributes-list', {})).values.length).toBe(3);
    await cell.fill('二〇一一');
    await cell.press('Enter');
    await poll(() => cell.getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(2500); // the first save's reload has arrived
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    await poll(() => cell.inputValue()).toBe('2011');
    await page.unroute(slow);
  });

  it('4 and 12: the document memo saves as you type, Esc closes it, and it opens beside the sidebar', async () => {
    await go('#/', '.pz-library');
    const button = page.locator(`.pz-library tr[data-document-id="${docs[2]!.id}"] .pz-docmemo-btn`);
    await button.click();
    const pop = page.locator('.pz-docmemo-pop');
    await pop.waitFor();
    const sidebar = (await page.locator('.pz-nav').boundingBox())!;
    await expect
      .poll(async () => (await pop.boundingBox())!.x)
      .toBeGreaterThanOrEqual(sidebar.x + sidebar.width);
    await pop.locator('textarea').fill('来源：省政府网站');
    await pop.locator('textarea').press('Escape');
    await poll(() => pop.count()).toBe(0);
    await expect
      .poll(async () => (await app.api('documents-list', {})).find((d) => d.id === docs[2]!.id)?.memo)
      .toBe('来源：省政府网站');
  });

  it('16: the library legend and ✎ do not wrap onto lines of their own', async () => {
    await go('#/', '.pz-library');
    // 7: the sidebar's colour swatches say what they count.
    expect(await page.locator('.pz-nav .pz-count[data-code="问题"]').first().getAttribute('title')).toMatch(
      /^「问题」：\d+ 条标注$/,
    );
    for (const span of await page.locator('.pz-legend > span').all())
      expect((await span.boundingBox())!.height).toBeLessThan(24);
    for (const cell of await page.locator('.pz-library tbody tr').all()) {
      const title = (await cell.locator('.pz-doc-link').boundingBox())!;
      const pen = (await cell.locator('.pz-docmemo-btn').boundingBox())!;
      expect(Math.abs(pen.y - title.y)).toBeLessThan(8);
    }
  });

  it('13: 拆分… opens over the library; with nothing suggested, split points are picked by hand', async () => {
    await go('#/', '.pz-library');
    await page.locator(`.pz-library tr[data-document-id="${docs[0]!.id}"] .pz-split-open`).click();
    const dialog = page.locator('dialog.pz-split-dialog[open]');
    await dialog.locator('.pz-split-line').first().waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    expect(await page.locator('.pz-library').isVisible()).toBe(true);
    await expect
      .poll(() => dialog.locator('.pz-split-none').textContent())
      .toContain('没有找到建议的拆分位置');
    expect(await dialog.locator('text=以下是建议的拆分位置').count()).toBe(0);
    const confirm = dialog.locator('button.pz-primary');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('.pz-split-line').nth(3).click();
    await poll(() => confirm.textContent()).toBe('拆分为 2 篇');
    expect(await confirm.isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
  });

  it('18: a duplicate file is not counted, ticks survive 清空列表, removals are struck through', async () => {
    await go('#/view/import', '.pz-import');
    const step = page.locator('.pz-import-step[data-step="pinyin"] input');
    // The seeds were imported raw: the same file, uncleaned, is a duplicate.
    await page.locator('[data-testid="import-files"]').setInputFiles(join(SEEDS, '002_9032dc97340b3db0.txt'));
    await page.locator('[data-duplicate="true"]').waitFor();
    await poll(() => page.locator('.pz-import-start').textContent()).toBe('导入 0 个文件');
    await step.check();
    await page.locator('.pz-import-before del.pz-removed').first().waitFor();
    expect(await page.locator('.pz-import-before del.pz-removed').first().textContent()).toMatch(/\(\w*/);
    await page.getByRole('button', { name: '清空列表' }).click();
    expect(await step.isChecked()).toBe(true);
  });

  it('17: English plural forms', async () => {
    await context.addInitScript(() => localStorage.setItem('pizhu.locale', 'en'));
    const { annotation } = await app.api('annotations-create', {
      documentId: docs[0]!.id,
      codeId: code('问题').id,
      start: 400,
      end: 420,
      memo: '一条备忘',
    });
    await page.reload();
    await go('#/view/memos', '.pz-memos-filters');
    // One annotation memo and the document memo written above.
    await poll(() => page.locator('.pz-memos-head .pz-muted').textContent()).toBe('2 memos');
    await page.locator('.pz-memos-head .pz-muted', { hasText: 'memos' }).waitFor();
    await go('#/view/segments', '.pz-seg-row');
    await poll(() => page.locator('text=/^1 segment$/').count()).toBeGreaterThan(0);
    await app.api('annotations-delete', { id: annotation.id });
    await page.evaluate(() => localStorage.setItem('pizhu.locale', 'zh-CN'));
  });
});
