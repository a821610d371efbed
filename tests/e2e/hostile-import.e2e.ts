/**
 * Issue 9 in the import dialog (Chromium), in zh-CN, zh-TW and en: a random binary named .txt and
 * an empty file fail with a clear, translated message and add nothing; a short GBK file is
 * decoded right (会议纪要, not 頗祜槨猁); a file mixing UTF-8 and GB18030 lines imports right and
 * says which lines; the app keeps answering. Screenshots at 1280×720 in each language.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from './harness';

/**
 * How long a preview may take to show: the background previews of the other files (200 KB of
 * random bytes among them) go first on a loaded machine; expect.poll's default is 1 s.
 */
const PREVIEW_WAIT = 10_000;
const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile');

const LOCALES = [
  { locale: 'zh-CN', tab: '导入', notText: '这不是文本文件', noText: '文件里没有文字', mixed: '第 2 行' },
  { locale: 'zh-TW', tab: '匯入', notText: '這不是文字檔', noText: '檔案裡沒有文字', mixed: '第 2 行' },
  {
    locale: 'en',
    tab: 'Import',
    notText: 'This is not a text file',
    noText: 'holds no text',
    mixed: 'lines 2',
  },
] as const;

describe('hostile files in the import dialog', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-hostile-'));
  const random = join(dir, 'random-binary.txt');

  beforeAll(async () => {
    const bytes = Buffer.alloc(200 * 1024);
    let s = 42;
    for (let i = 0; i < bytes.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      bytes[i] = s >>> 24;
    }
    writeFileSync(random, bytes);
    // The mixed file gets a name of its own per run (the dialog skips duplicates by default).
    writeFileSync(join(dir, 'mixed.txt'), readFileSync(join(HOSTILE, 'mixed-utf8-gb18030.txt')));
    // B0 B2 is 安 in GBK and 假 in Big5: a weak guess the preview must flag.
    writeFileSync(join(dir, 'weak.txt'), Buffer.from([0xb0, 0xb2]));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const l of LOCALES) {
    it(`${l.locale}: refuses, decodes and reports`, async () => {
      const app: RunningApp = await startApp({ empty: true });
      const context = await browser.newContext({ locale: l.locale, viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      try {
        await page.goto(app.url);
        await page.locator('.pz-library').waitFor();
        // The UI language is a setting (zh-CN by default), chosen in the header.
        if (l.locale !== 'zh-CN')
          await page.getByRole('combobox', { name: '界面语言' }).selectOption(l.locale);
        await page.locator('.pz-tab', { hasText: l.tab }).click();
        await page.locator('.pz-import').waitFor();
        await page
          .locator('[data-testid="import-files"]')
          .setInputFiles([
            random,
            join(HOSTILE, 'empty.txt'),
            join(HOSTILE, 'gbk-short.txt'),
            join(dir, 'mixed.txt'),
            join(dir, 'weak.txt'),
          ]);
        const row = (name: string) => page.locator(`.pz-import-file[data-file="${name}"]`);
        // The preview of the mixed file names the UTF-8 lines.
        await row('mixed.txt').locator('.pz-link').first().click();
        await expect
          .poll(() => page.locator('.pz-import-warnings li[data-warning="mixed-encoding"]').textContent(), {
            timeout: PREVIEW_WAIT,
          })
          .toContain(l.mixed.split(' ')[0]);
        // A weak guess is flagged in the preview; the file is then removed from the list.
        await row('weak.txt').locator('.pz-link').first().click();
        await expect
          .poll(() => page.locator('.pz-import-warnings li[data-warning="encoding-guess"]').count(), {
            timeout: PREVIEW_WAIT,
          })
          .toBe(1);
        await row('weak.txt').locator('.pz-import-file-status button').click();
        await expect.poll(() => row('weak.txt').count()).toBe(0);
        await page.locator('.pz-import-start').click();
        const status = (name: string) => row(name).locator('.pz-import-file-status').textContent();
        await expect.poll(() => status('random-binary.txt'), { timeout: 20_000 }).toContain(l.notText);
        await expect.poll(() => status('empty.txt')).toContain(l.noText);
        await expect.poll(() => row('gbk-short.txt').locator('.pz-ok').count()).toBe(1);
        await expect.poll(() => row('mixed.txt').locator('.pz-ok').count()).toBe(1);
        await page.screenshot({ path: join(dir, `hostile-${l.locale}.png`) });
        if (process.env.PIZHU_SCREENSHOT_DIR)
          await page.screenshot({ path: join(process.env.PIZHU_SCREENSHOT_DIR, `hostile-${l.locale}.png`) });

        // Only the two text files were imported, with the right text; the app still answers.
        const docs = await app.api('documents-list', {});
        expect(docs.map((d) => d.title).sort()).toEqual(['会议纪要', '第一行是UTF-8编码的文字']);
        await page.locator('.pz-tab').first().click();
        await expect.poll(() => page.locator('.pz-library tbody tr').count()).toBe(2);
      } finally {
        await context.close();
        await app.stop();
      }
    });
  }
});
