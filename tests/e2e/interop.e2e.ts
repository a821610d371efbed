/**
 * Exchange and exports in Chromium: every format is exported from its card in the export view
 * (the file and its dataset card download; the QDPX opens as a zip with project.qde), and a
 * .qdpx (the NVivo-like fixture) is imported through the import dialog, which shows what it
 * holds and, after importing, the report of what was imported and what could not be.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { type RunningApp } from './harness';
import { useSession } from './session';
import { AppPage } from './pages/app-page';

const REPO = resolve(import.meta.dirname, '../..');
const FORMATS: [string, RegExp, boolean][] = [
  ['csv', /^pizhu-dataset-\d{8}-\d{6}\.csv$/, true],
  ['jsonl', /\.jsonl$/, true],
  ['xlsx', /\.xlsx$/, true],
  ['sentences-csv', /^pizhu-sentences-.*\.csv$/, true],
  ['sentences-jsonl', /^pizhu-sentences-.*\.jsonl$/, true],
  ['parquet', /\.parquet$/, true],
  ['qdpx', /^pizhu-project-.*\.qdpx$/, false],
  ['qdc', /^pizhu-codebook-.*\.qdc$/, true],
];

describe('exchange and exports', () => {
  let app: RunningApp;
  let page: Page;
  const downloads: Download[] = [];

  useSession(
    {
      start: { seeds: join(REPO, 'seeds') },
      context: { viewport: { width: 1280, height: 720 } },
      open: { library: true },
      seed: async (started) => {
        app = started;
        const docs = await app.api('documents-list', {});
        const codes = await app.api('codes-list', {});
        await app.api('annotations-create', {
          documentId: docs[0]!.id,
          codeId: codes[0]!.id,
          start: 0,
          end: 12,
        });
        await app.api('annotations-create', {
          documentId: docs[1]!.id,
          codeId: codes[1]!.id,
          start: 5,
          end: 30,
        });
      },
    },
    (s) => {
      ({ app, page } = s);
      page.on('download', (d) => downloads.push(d));
    },
  );

  it('exports every format from its card, each with its dataset card', async () => {
    // The header's export menu leads to the export view.
    await new AppPage(page).exportMenuButton().click();
    await page.getByRole('menuitem', { name: /更多格式/ }).click();
    await page.locator('.pz-export').waitFor();
    await page.screenshot({ path: '/tmp/pizhu-export-zh-CN.png' });
    for (const [format, name, card] of FORMATS) {
      // Chromium throttles a page's repeated automatic downloads (the card is a second file per
      // click); a fresh load of the view gives each export the state a user's first click has.
      await page.reload();
      await page.locator('.pz-export').waitFor();
      downloads.length = 0;
      await page.locator(`.pz-export-card[data-format="${format}"] button`).click();
      await expect
        .poll(() => downloads.length, { timeout: 15_000 })
        .toBe(card ? 2 : 1)
        .catch((err: unknown) => {
          throw new Error(`${format}: ${downloads.map((d) => d.suggestedFilename()).join(', ')}`, {
            cause: err,
          });
        });
      // The two files are saved one after the other, but Chromium may announce their downloads
      // in either order: find each by its name.
      const names = downloads.map((d) => d.suggestedFilename());
      const data = downloads.find((d) => name.test(d.suggestedFilename()));
      const readme = downloads.find((d) => /\.README\.md$/.test(d.suggestedFilename()));
      expect(data, names.join(', ')).toBeDefined();
      if (card) expect(readme, names.join(', ')).toBeDefined();
      await expect
        .poll(() => page.locator(`.pz-export-card[data-format="${format}"] .pz-export-status`).textContent())
        .toContain('已导出');
      const bytes = readFileSync(await data!.path());
      if (format === 'qdpx') {
        const files = unzipSync(new Uint8Array(bytes));
        expect(Object.keys(files)).toContain('project.qde');
        expect(Object.keys(files)).toContain('README.md');
      }
      if (format === 'csv') expect(bytes.toString('utf8')).toContain('annotation_id');
      if (card) expect(readFileSync(await readme!.path(), 'utf8')).toContain('## Codebook');
    }
  });

  it('imports a .qdpx through the import dialog and shows its report', async () => {
    await page.locator('.pz-tab', { hasText: '导入' }).click();
    await page.locator('.pz-import').waitFor();
    await page
      .locator('[data-testid="interop-file"]')
      .setInputFiles(join(REPO, 'tests/fixtures/refi/nvivo-14.qdpx'));
    const dialog = page.locator('dialog.pz-interop');
    await expect.poll(() => dialog.textContent()).toContain('NVivo 14.23.0 (Windows)：2 篇文档');
    await expect
      .poll(() => dialog.locator('[data-kind="cases-skipped"]').textContent())
      .toContain('1 个个案');
    await dialog.locator('button', { hasText: '导入' }).click();
    const report = dialog.locator('[data-testid="interop-report"]');
    await report.waitFor();
    expect(await report.textContent()).toContain('文档：新增 2，已存在 0');
    expect(await report.textContent()).toContain('编码：新增 4');
    expect(await report.locator('[data-kind="unsupported-source"]').textContent()).toContain('report.pdf');
    for (const [locale, shot] of [
      ['zh-CN', 'zh-CN'],
      ['zh-TW', 'zh-TW'],
      ['en', 'en'],
    ] as const) {
      await page.locator('.pz-locale select').selectOption(locale);
      await page.screenshot({ path: `/tmp/pizhu-interop-report-${shot}.png` });
    }
    await page.locator('.pz-locale select').selectOption('zh-CN');
    await dialog.locator('button', { hasText: '关闭' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    // The new documents are in the library.
    await page.locator('.pz-tab', { hasText: '文档库' }).click();
    await expect.poll(() => page.locator('.pz-library').textContent()).toContain('𠀋𪚥村调研');
    // One undo step takes the whole import back.
    expect((await app.api('history-state', {})).undoKind).toBe('refi-import');
  });

  it('an exchange file chosen with the ordinary file picker opens the same dialog; cancel writes nothing', async () => {
    await page.locator('.pz-tab', { hasText: '导入' }).click();
    const before = (await app.api('codes-list', {})).length;
    await page
      .locator('[data-testid="import-files"]')
      .setInputFiles(join(REPO, 'tests/fixtures/refi/flat-deep.qdc'));
    const dialog = page.locator('dialog.pz-interop');
    await expect.poll(() => dialog.textContent()).toContain('304 个代码');
    expect(await dialog.locator('.pz-interop-map label').count()).toBeGreaterThanOrEqual(301);
    await dialog.locator('button', { hasText: '取消' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await app.api('codes-list', {})).length).toBe(before);
    expect(await page.locator('.pz-import-file').count()).toBe(0);
  });

  it('export view in zh-TW and en', async () => {
    await new AppPage(page).openView('导出');
    for (const locale of ['zh-TW', 'en'] as const) {
      await page.locator('.pz-locale select').selectOption(locale);
      await page.screenshot({ path: `/tmp/pizhu-export-${locale}.png` });
    }
    await page.locator('.pz-locale select').selectOption('zh-CN');
  });
});
