/**
 * Memos in Chromium: write a document memo (library), an annotation memo (document view) and the
 * project memo (备忘 view); the 备忘 view lists all three, filters them by kind and by text
 * (a Traditional query finds Simplified text), links to the owner; the CSV export carries the
 * document and code memos in its last two columns.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningApp, SEEDS_DIR } from './harness';
import { useSession } from './session';
import type { AppPage } from './pages/app-page';
import { parseCsvStrict } from '../unit/core/helpers';

const TITLE = '广安市武胜县“扩权强县”试点工作初步成效及政策建议';
const PHRASE = '财政资金运转周期缩短';
const PROJECT_MEMO = '总体思路：财政压力是主线';
const DOCUMENT_MEMO = '武胜县的材料较完整,\n可作对照';
const ANNOTATION_MEMO = '放权不到位的典型表述';
const DEFINITION = '存在的问题与困难';

describe('memos', () => {
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;
  useSession({ start: { seeds: SEEDS_DIR } }, (s) => ({ app, page, ui } = s));

  const items = () => page.locator('.pz-memo-item');
  const kinds = () => items().evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  const docId = async () => (await app.api('documents-list', {})).find((d) => d.title === TITLE)!.id;

  it('writes a document memo from the library', async () => {
    await ui.openLibrary(app.url);
    await page
      .getByRole('button', { name: `「${TITLE}」的文档备忘` })
      .first()
      .click();
    await page.locator('.pz-docmemo-pop textarea').fill(DOCUMENT_MEMO);
    await page.locator('.pz-docmemo-pop').getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => (await app.api('documents-list', {})).find((d) => d.title === TITLE)?.memo)
      .toBe(DOCUMENT_MEMO);
    await expect.poll(() => page.locator('.pz-docmemo-btn.has-memo').count()).toBe(1);
  });

  it('writes an annotation memo in the document view', async () => {
    await ui.openDocument(TITLE);
    await ui.selectPhrase(PHRASE);
    await page.locator('.pz-selection-toolbar').waitFor();
    await page.keyboard.press('2');
    await ui.detail().waitFor();
    const memo = ui.detail().locator('textarea');
    await memo.fill(ANNOTATION_MEMO);
    await memo.blur();
    await expect
      .poll(async () => (await app.api('annotations-list', { documentId: await docId() }))[0]?.memo)
      .toBe(ANNOTATION_MEMO);
  });

  it('writes the project memo in the 备忘 view, which lists all three', async () => {
    await page.getByRole('button', { name: '备忘', exact: true }).click();
    const project = page.getByLabel('项目备忘');
    await project.fill(PROJECT_MEMO);
    await project.blur();
    await expect
      .poll(async () => (await app.api('memos-list', { kinds: ['project'] }))[0]?.text)
      .toBe(PROJECT_MEMO);
    await expect.poll(() => items().count()).toBe(3);
    await expect(items().evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).resolves.toEqual([
      'project',
      'document',
      'annotation',
    ]);
    await expect(items().nth(1).textContent()).resolves.toContain(TITLE);
    await expect(items().nth(2).textContent()).resolves.toContain(PHRASE);
  });

  it('filters by kind and by text across scripts', async () => {
    await page.getByRole('radio', { name: '文档' }).click();
    await expect.poll(kinds).toEqual(['document']);
    await page.getByRole('radio', { name: '全部' }).click();
    await expect.poll(kinds).toEqual(['project', 'document', 'annotation']);
    // Traditional query, Simplified memo.
    await page.getByRole('searchbox').fill('財政壓力');
    await expect.poll(kinds).toEqual(['project']);
    await page.getByRole('searchbox').fill('放權');
    await expect.poll(kinds).toEqual(['annotation']);
    await page.getByRole('searchbox').fill('没有这个词');
    await expect.poll(kinds).toEqual([]);
    await expect(page.locator('.pz-memos').textContent()).resolves.toContain('没有符合条件的备忘');
    await page.getByRole('searchbox').fill('');
    await expect.poll(kinds).toEqual(['project', 'document', 'annotation']);
  });

  it('links an annotation memo to its annotation in the document', async () => {
    await items().nth(2).getByRole('button').click();
    await ui.waitForText();
    const [annotation] = await app.api('annotations-list', { documentId: await docId() });
    expect(decodeURIComponent(page.url())).toContain(`ann=${annotation!.id}`);
    await expect.poll(() => ui.activeRangeTexts()).toEqual([PHRASE]);
  });

  it('exports the document and code memos with the dataset', async () => {
    const problem = (await app.api('codes-list', {})).find((c) => c.name === '问题')!;
    await app.api('codes-update', { id: problem.id, definition: DEFINITION });
    await page.getByRole('button', { name: /导出数据/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: /导出 CSV/ }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    const [header, row] = parseCsvStrict(csv.slice(1));
    expect(header!.slice(-3)).toEqual(['document_memo', 'code_memo', 'document_sets']);
    const get = (col: string) => row![header!.indexOf(col)];
    expect(get('text')).toBe(PHRASE);
    expect(get('memo')).toBe(ANNOTATION_MEMO);
    expect(get('document_memo')).toBe(DOCUMENT_MEMO);
    expect(get('code_memo')).toBe(DEFINITION);
  });
});
