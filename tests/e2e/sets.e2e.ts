/**
 * Document sets in Chromium: create 讲话 in the library, tick two seeds and add them, filter the
 * library (2 rows) and the sidebar by the set, rename it, undo the rename with Ctrl+Z, export the CSV (the
 * document_sets column names the set), delete the set (documents remain; export column empty).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningApp, SEEDS_DIR } from './harness';
import { useSession } from './session';
import { parseCsvStrict } from '../unit/core/helpers';

describe('document sets', () => {
  let app: RunningApp;
  let page: Page;
  useSession({ start: { seeds: SEEDS_DIR }, open: { library: true } }, (s) => ({ app, page } = s));

  const rows = () => page.locator('.pz-library .pz-table tbody tr');
  const row = (id: string) => page.locator(`.pz-library .pz-table tr[data-document-id="${id}"]`);
  const setNames = async () => (await app.api('sets-list', {})).map((s) => s.name);

  const exportCsv = async () => {
    await page.getByRole('button', { name: /导出数据/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /导出 CSV/ }).click(),
    ]);
    return parseCsvStrict(readFileSync(await download.path(), 'utf8').slice(1));
  };

  it('creates a set, adds two documents and filters the library by it', async () => {
    const docs = await app.api('documents-list', {});
    expect(docs.length).toBeGreaterThan(2);
    await expect.poll(() => rows().count()).toBe(docs.length);

    await page.getByRole('button', { name: '新建文档集' }).click();
    await page.getByLabel('文档集名称').fill('讲话');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await expect.poll(setNames).toEqual(['讲话']);
    expect((await app.api('history-state', {})).undoKind).toBe('set-create');

    await row(docs[0]!.id).getByRole('checkbox').check();
    await row(docs[2]!.id).getByRole('checkbox').check();
    await expect(page.locator('.pz-sets-selection').textContent()).resolves.toContain('已选 2 篇');
    await page.getByRole('button', { name: '加入文档集' }).click();
    await expect
      .poll(async () => (await app.api('sets-list', {}))[0]!.documentIds)
      .toEqual([docs[0]!.id, docs[2]!.id]);
    expect((await app.api('history-state', {})).undoKind).toBe('set-add-documents');
    await expect(row(docs[0]!.id).locator('.pz-sets-chip').textContent()).resolves.toBe('讲话');

    await page.getByLabel('文档集', { exact: true }).selectOption({ label: '讲话（2）' });
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-document-id')))).toEqual([
      docs[0]!.id,
      docs[2]!.id,
    ]);
    // The sidebar follows the same filter and names it.
    await expect.poll(() => page.locator('.pz-nav .pz-nav-item').count()).toBe(2);
    await expect(page.locator('.pz-sets-nav').textContent()).resolves.toContain('文档集：讲话');
    await page.screenshot({ path: '/tmp/pizhu-sets.png' });
  });

  it('renames the set and Ctrl+Z undoes the rename', async () => {
    await page.getByRole('button', { name: '重命名' }).click();
    await page.getByLabel('文档集名称').fill('领导讲话');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(setNames).toEqual(['领导讲话']);
    await expect
      .poll(() => page.getByLabel('文档集', { exact: true }).locator('option:checked').textContent())
      .toBe('领导讲话（2）');
    await page.locator('.pz-library-head h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(setNames).toEqual(['讲话']);
    await expect
      .poll(() => page.getByLabel('文档集', { exact: true }).locator('option:checked').textContent())
      .toBe('讲话（2）');
    expect(await rows().count()).toBe(2);
  });

  it('exports document_sets and deletes the set, keeping its documents', async () => {
    const docs = await app.api('documents-list', {});
    const [code] = await app.api('codes-list', {});
    for (const d of [docs[0]!, docs[1]!])
      await app.api('annotations-create', { documentId: d.id, codeId: code!.id, start: 0, end: 3 });
    let [header, ...records] = await exportCsv();
    expect(header!.at(-1)).toBe('document_sets');
    const value = (id: string) => records.find((r) => r[header!.indexOf('document_id')] === id)!.at(-1);
    expect(value(docs[0]!.id)).toBe('讲话');
    expect(value(docs[1]!.id)).toBe('');

    await page.getByRole('button', { name: '删除文档集' }).click();
    await expect(page.getByRole('alertdialog').textContent()).resolves.toContain('2 篇文档不会被删除');
    await page.getByRole('alertdialog').getByRole('button', { name: '删除' }).click();
    await expect.poll(setNames).toEqual([]);
    expect((await app.api('history-state', {})).undoKind).toBe('set-delete');
    expect(await app.api('documents-list', {})).toHaveLength(docs.length);
    await expect.poll(() => rows().count()).toBe(docs.length);
    await expect.poll(() => page.locator('.pz-nav .pz-nav-item').count()).toBe(docs.length);
    expect(await page.locator('.pz-sets-nav').count()).toBe(0);

    [header, ...records] = await exportCsv();
    expect(header!.at(-1)).toBe('document_sets');
    expect(records).toHaveLength(2);
    expect(value(docs[0]!.id)).toBe('');
  });
});
