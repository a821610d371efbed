/**
 * Hostile files in the import dialog (issue 12, findings 1–3): a .docx that unpacks to 400 MB,
 * 100,000 nested <div> and a catastrophic user pattern each show a translated error in the
 * preview within seconds, the app keeps answering, and nothing is imported.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, type RunningApp } from './harness';
import { useSession } from './session';
import { CATASTROPHIC_PATTERN, CATASTROPHIC_TEXT, deepHtml, paragraphDocx } from '../unit/harden/hostile';

describe('oversized and pathological files in the import dialog', () => {
  let app: RunningApp;
  let page: Page;
  let dir: string;

  useSession(
    {
      start: () => {
        dir = mkdtempSync(join(tmpdir(), 'pizhu-hostile-'));
        writeFileSync(join(dir, 'crafted.docx'), paragraphDocx(400));
        writeFileSync(join(dir, 'deep.html'), deepHtml(100_000));
        writeFileSync(join(dir, 'aaaa.txt'), CATASTROPHIC_TEXT);
        return { empty: true };
      },
      context: { viewport: { width: 1280, height: 720 } },
      open: { library: true },
    },
    (s) => ({ app, page } = s),
  );
  beforeAll(async () => {
    await page.locator('.pz-tab', { hasText: '导入' }).click();
    await page.locator('.pz-import').waitFor();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const fileRow = (name: string) => page.locator(`.pz-import-file[data-file="${name}"]`);
  const previewError = () => page.locator('.pz-import-preview .pz-error');

  it('a zip bomb and deep HTML show their own message; the app keeps answering', async () => {
    await page
      .locator('[data-testid="import-files"]')
      .setInputFiles([join(dir, 'crafted.docx'), join(dir, 'deep.html')]);
    await fileRow('crafted.docx').locator('button.pz-link').first().click();
    await expect.poll(() => previewError().textContent(), { timeout: 10_000 }).toContain('解压后过大');
    await fileRow('deep.html').locator('button.pz-link').first().click();
    await expect.poll(() => previewError().textContent(), { timeout: 10_000 }).toContain('嵌套过深');
    await page.screenshot({ path: join(RESULTS_DIR, 'hostile-import-zh-CN.png') });
    const t0 = Date.now();
    expect(await app.api('documents-list', {})).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('a catastrophic pattern stops after 3 s with a message', async () => {
    await page.locator('[data-testid="import-files"]').setInputFiles(join(dir, 'aaaa.txt'));
    await fileRow('aaaa.txt').locator('button.pz-link').first().click();
    await page.locator('.pz-import-step[data-step="boilerplate"] input').check();
    await page.locator('.pz-import-patterns textarea').fill(CATASTROPHIC_PATTERN);
    await expect
      .poll(() => previewError().textContent(), { timeout: 15_000 })
      .toContain('自定义清理规则运行超过 3 秒');
    expect(await app.api('documents-list', {})).toEqual([]);
  });
});
