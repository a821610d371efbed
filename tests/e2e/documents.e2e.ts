/**
 * The 文档属性 view in Chromium: create a choice attribute, set it in bulk on two documents, type
 * a number into a cell, rename a document, move one down, delete one after confirming, and undo
 * the delete — each checked through the API.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningApp, SEEDS_DIR } from './harness';
import { useSession } from './session';

describe('documents view', () => {
  let app: RunningApp;
  let page: Page;

  useSession(
    {
      start: { seeds: SEEDS_DIR },
      context: { viewport: { width: 1440, height: 1000 } },
      open: { library: true },
    },
    (s) => ({ app, page } = s),
  );
  beforeAll(async () => {
    await page.locator('.pz-tab', { hasText: '文档属性' }).click();
    await page.locator('.pz-docs-table').waitFor();
  });

  const row = (id: string) => page.locator(`.pz-docs-table tr[data-document-id="${id}"]`);

  it('creates attributes and sets values in bulk and per cell', async () => {
    const docs = await app.api('documents-list', {});
    await page.getByPlaceholder('名称').fill('文种');
    await page.getByLabel('类型').selectOption('choice');
    await page.getByPlaceholder('选项（用逗号分隔）').fill('讲话，报告');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.locator('th[data-attribute="文种"]').waitFor();
    await page.getByPlaceholder('名称').fill('年份');
    await page.getByLabel('类型').selectOption('number');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.locator('th[data-attribute="年份"]').waitFor();

    await row(docs[0]!.id).locator('input[type="checkbox"]').check();
    await row(docs[2]!.id).locator('input[type="checkbox"]').check();
    await page.locator('.pz-docs-bulk-attr').selectOption({ label: '文种' });
    await page.locator('.pz-docs-bulk-value').fill('讲话');
    await page.getByRole('button', { name: '应用到所选 2 篇' }).click();
    await expect
      .poll(async () => (await app.api('attributes-list', {})).values.map((v) => v.documentId).sort())
      .toEqual([docs[0]!.id, docs[2]!.id].sort());
    expect((await app.api('history-state', {})).undoKind).toBe('attribute-set');

    const cell = row(docs[1]!.id).locator('td[data-attribute="年份"] input');
    await cell.fill('２０１１');
    await cell.press('Enter');
    await expect
      .poll(
        async () =>
          (await app.api('attributes-list', {})).values.find((v) => v.documentId === docs[1]!.id)?.value,
      )
      .toBe('2011');
    await expect.poll(() => cell.inputValue()).toBe('2011');
    await page.screenshot({ path: '/tmp/pizhu-documents-view.png' });
  });

  it('renames, reorders, deletes after confirmation, and undo brings the document back', async () => {
    const docs = await app.api('documents-list', {});
    const title = row(docs[4]!.id).locator('td').nth(1).locator('input');
    await title.fill('三味园交流发言');
    await title.press('Enter');
    await expect.poll(async () => (await app.api('documents-list', {}))[4]!.title).toBe('三味园交流发言');

    await row(docs[0]!.id).getByRole('button', { name: '下移' }).click();
    await expect
      .poll(async () => (await app.api('documents-list', {})).map((d) => d.id)[1])
      .toBe(docs[0]!.id);

    await row(docs[3]!.id).locator('.pz-docs-delete').click();
    await row(docs[3]!.id).locator('.pz-docs-confirm').waitFor();
    expect(await app.api('documents-list', {})).toHaveLength(5);
    await row(docs[3]!.id).locator('.pz-docs-confirm .pz-danger').click();
    await expect.poll(async () => (await app.api('documents-list', {})).length).toBe(4);
    await expect.poll(() => page.locator('.pz-docs-table tbody tr').count()).toBe(4);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await app.api('documents-list', {})).length).toBe(5);
    await expect.poll(() => page.locator('.pz-docs-table tbody tr').count()).toBe(5);
  });
});
