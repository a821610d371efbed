/**
 * The import dialog in Chromium, as a researcher uses it: upload a GBK file and see the detected
 * encoding, override it (the preview changes) and go back to auto; tick pinyin cleaning on seed
 * 002 and see the count; import both files; find them in the library with the right length and
 * script; then split seed 003 into its five speeches from the library, with confirmation.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningApp, SEEDS_DIR } from './harness';
import { useSession } from './session';

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURES = join(REPO, 'tests/fixtures/import');
const SEED_002 = join(REPO, 'seeds/002_9032dc97340b3db0.txt');
const TITLE_002 = '縣長在縣政府機構改革工作動員會上的講話';

describe('import dialog', () => {
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

  const fileRow = (name: string) => page.locator(`.pz-import-file[data-file="${name}"]`);
  const after = () => page.locator('.pz-import-after').textContent();

  it('opens from the header tab and detects GBK as gb18030', async () => {
    await page.locator('.pz-tab', { hasText: '导入' }).click();
    await page.locator('.pz-import').waitFor();
    await page.locator('[data-testid="import-files"]').setInputFiles(join(FIXTURES, '001.gbk.txt'));
    await expect
      .poll(() => fileRow('001.gbk.txt').locator('.pz-import-detected').getAttribute('data-encoding'))
      .toBe('gb18030');
    await expect.poll(after).toContain('广安市武胜县“扩权强县”试点工作初步成效及政策建议');
  });

  it('an encoding override changes the preview; auto restores it', async () => {
    const select = fileRow('001.gbk.txt').locator('select.pz-import-encoding');
    await select.selectOption('big5');
    await expect
      .poll(() => fileRow('001.gbk.txt').locator('.pz-import-detected').getAttribute('data-encoding'))
      .toBe('big5');
    await expect.poll(after).not.toContain('广安市武胜县');
    await select.selectOption('auto');
    await expect
      .poll(() => fileRow('001.gbk.txt').locator('.pz-import-detected').getAttribute('data-encoding'))
      .toBe('gb18030');
    await expect.poll(after).toContain('广安市武胜县“扩权强县”试点工作初步成效及政策建议');
  });

  it('pinyin cleaning on seed 002 shows its count and the cleaned preview', async () => {
    await page.locator('[data-testid="import-files"]').setInputFiles(SEED_002);
    await fileRow('002_9032dc97340b3db0.txt').locator('.pz-link').first().click();
    await expect.poll(after).toContain('標(biāo)題');
    await page.locator('.pz-import-step[data-step="pinyin"] input').check();
    await expect
      .poll(() => page.locator('.pz-import-step[data-step="pinyin"] .pz-import-count').textContent())
      .toBe(' 397 处');
    await expect.poll(after).toContain('標題:縣長在縣政府機構改革工作動員會上的講話');
    await expect
      .poll(() => page.locator('.pz-import-summary [data-encoding]').getAttribute('data-encoding'))
      .toBe('utf-8');
    await page.screenshot({ path: '/tmp/pizhu-import-dialog.png' });
  });

  it('imports both files with per-file results; the library shows length and script', async () => {
    await page.locator('.pz-import-start').click();
    await expect
      .poll(() => fileRow('002_9032dc97340b3db0.txt').locator('.pz-ok').textContent())
      .toBe('已导入 1 篇');
    await expect
      .poll(() => fileRow('001.gbk.txt').locator('.pz-import-file-status').textContent())
      .toContain('已跳过');

    const docs = await app.api('documents-list', {});
    expect(docs).toHaveLength(6);
    const doc = docs.find((d) => d.title === TITLE_002)!;
    const raw = readFileSync(SEED_002, 'utf8');
    const glossChars = (raw.match(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/gu) ?? []).join('').length;
    expect(doc.length).toBe([...raw].length - glossChars);
    expect(doc.script).toBe('traditional');

    await page.locator('.pz-tab', { hasText: '文档库' }).click();
    const row = page.locator(`.pz-library tr[data-document-id="${doc.id}"]`);
    await expect.poll(() => row.locator('td.pz-num').textContent()).toBe(doc.length.toLocaleString('zh-CN'));
    await expect.poll(() => row.locator('td.pz-script').getAttribute('data-script')).toBe('traditional');
    await expect.poll(() => row.locator('td.pz-script').textContent()).toContain('繁体');
  });

  it('splits seed 003 into its five speeches after confirmation', async () => {
    const docs = await app.api('documents-list', {});
    const seed003 = docs.find((d) => d.sourceFile?.startsWith('003_'))!;
    await page.locator(`.pz-library tr[data-document-id="${seed003.id}"] .pz-split-open`).click();
    const dialog = page.locator('.pz-split-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('.pz-split-list li').count()).toBe(5);
    await expect
      .poll(() => dialog.locator('.pz-split-title').first().textContent())
      .toBe('第一篇:崔杰市長在民生工作會議上的講話');
    await page.screenshot({ path: '/tmp/pizhu-split-dialog.png' });
    await dialog.locator('button.pz-primary').click();
    await expect.poll(async () => (await app.api('documents-list', {})).length).toBe(6 - 1 + 5);
    await page.locator('.pz-library').waitFor();
    await expect.poll(() => page.locator('.pz-library tbody tr').count()).toBe(10);
    const titles = (await app.api('documents-list', {})).map((d) => d.title);
    expect(titles.filter((t) => /^第[一二三四五]篇/.test(t))).toHaveLength(5);
    expect((await app.api('history-state', {})).undoKind).toBe('document-split');
  });

  it('a file dropped anywhere on the window opens the import view with it; a typed title is used', async () => {
    await page.locator('.pz-tab', { hasText: '文档库' }).click();
    await page.locator('.pz-library').waitFor();
    const html = readFileSync(join(FIXTURES, '004.html'), 'utf8');
    await page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], '004.html', { type: 'text/html' }));
      const init = { dataTransfer: dt, bubbles: true, cancelable: true };
      document.body.dispatchEvent(new DragEvent('dragover', init));
      document.body.dispatchEvent(new DragEvent('drop', init));
    }, html);
    await fileRow('004.html').waitFor();
    await expect
      .poll(() => fileRow('004.html').locator('.pz-import-detected').getAttribute('data-encoding'))
      .toBe('embedded');
    await fileRow('004.html').locator('.pz-import-title').fill('三味园：简政放权交流发言');
    await page.locator('.pz-import-start').click();
    await expect.poll(() => fileRow('004.html').locator('.pz-ok').count()).toBe(1);
    const doc = (await app.api('documents-list', {})).find((d) => d.title === '三味园：简政放权交流发言');
    expect(doc).toBeDefined();
    expect((await app.api('documents-get', { id: doc!.id })).provenance.format).toBe('html');
  });

  it('cancel stops between files: the file in flight finishes, the rest are marked cancelled', async () => {
    const before = (await app.api('documents-list', {})).length;
    // Slow each commit down so that the cancel click lands while the first file is in flight.
    await page.route('**/api/import-commit', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page
      .locator('[data-testid="import-files"]')
      .setInputFiles([
        join(FIXTURES, '003.utf16be.txt'),
        join(FIXTURES, '000.big5.txt'),
        join(FIXTURES, '004.docx'),
      ]);
    await fileRow('004.docx').waitFor();
    await page.locator('.pz-import-step[data-step="pinyin"] input').uncheck();
    await page.locator('.pz-import-start').click();
    await page.locator('.pz-import-run progress').waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.locator('.pz-import-start').count()).toBe(1);
    await page.unroute('**/api/import-commit');
    const status = (name: string) => fileRow(name).locator('.pz-import-file-status').textContent();
    // The file in flight completes: seed 003 in UTF-16 BE, a duplicate of the parts it was split
    // into above, so it is skipped.
    expect(await status('003.utf16be.txt')).toContain('已跳过');
    expect(await status('000.big5.txt')).toContain('已取消');
    expect(await status('004.docx')).toContain('已取消');
    expect((await app.api('documents-list', {})).length).toBe(before);
  });
});
