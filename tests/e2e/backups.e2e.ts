/**
 * The restore view and the read-only banner in Chromium (issue 12, findings 4 and 5): a project
 * coded, reopened (a backup of the coded state), then a document deleted; the 备份 view lists
 * the backups with their counts, shows a backup's documents read-only, and restores it after a
 * confirmation (the deleted document and its annotation come back; a "before restore" copy is
 * listed). Then the project file is made read-only: the app opens it with a banner and a write
 * is refused with project-read-only. Screenshots at 1280×720 in zh-CN, zh-TW and en.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, RESULTS_DIR, screenshotOnFailure, startApp, type RunningApp } from './harness';
import { AppPage } from './pages/app-page';

const SEEDS = resolve(import.meta.dirname, '../../seeds');

describe('backups and read-only projects', () => {
  let dir: string;
  let file: string;
  let app: RunningApp | null = null;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pizhu-backups-e2e-'));
    file = join(dir, 'project.pizhu');
    // First run: create the project and code one passage; the reopen below backs that state up.
    const first = await startApp({ project: file, seeds: SEEDS });
    const [doc] = await first.api('documents-list', {});
    const [code] = await first.api('codes-list', {});
    await first.api('annotations-create', { documentId: doc!.id, codeId: code!.id, start: 0, end: 4 });
    await first.stop();
    app = await startApp({ project: file });
    await app.api('documents-delete', { id: doc!.id });
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    mkdirSync(RESULTS_DIR, { recursive: true });
  });
  screenshotOnFailure(() => page);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    chmodSync(file, 0o600);
    rmSync(dir, { recursive: true, force: true });
  });

  const language = () => page.locator('.pz-locale select');
  const shot = async (name: string) => {
    for (const locale of ['zh-CN', 'zh-TW', 'en']) {
      await language().selectOption(locale);
      await page.screenshot({ path: join(RESULTS_DIR, `${name}-${locale}.png`) });
    }
    await language().selectOption('zh-CN');
  };
  const openBackups = () => new AppPage(page).openView('备份');

  it('lists backups with counts, shows one read-only, restores it after a confirmation', async () => {
    const before = await app!.api('documents-list', {});
    await page.goto(app!.url);
    await openBackups();
    const table = page.locator('.pz-backups-table');
    await table.waitFor();
    const coded = table.locator('tr[data-kind="recent"]').first();
    expect(await coded.locator('td').nth(3).textContent()).toBe(String(before.length + 1));
    expect(await coded.locator('td').nth(4).textContent()).toBe('1');
    await shot('backups');
    await coded.getByRole('button', { name: '查看' }).click();
    await expect.poll(() => page.locator('.pz-backups-contents li').count()).toBeGreaterThan(before.length);
    await coded.getByRole('button', { name: '恢复' }).click();
    await page.locator('.pz-backups-confirm').getByRole('button', { name: '恢复' }).click();
    await expect.poll(async () => (await app!.api('documents-list', {})).length).toBe(before.length + 1);
    await expect.poll(() => page.locator('tr[data-kind="pre-restore"]').count()).toBe(1);
    expect((await app!.api('project-info', {})).annotationCount).toBe(1);
  });

  it('a read-only project opens with a banner and refuses writes', async () => {
    await app!.stop();
    chmodSync(file, 0o444);
    app = await startApp({ project: file });
    await page.goto(app.url);
    const banner = page.locator('.pz-readonly-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('只读');
    await shot('readonly');
    const response = await app.request('/api/sets-create', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${app.token}`,
        'Content-Type': 'application/json',
        Host: `127.0.0.1:${app.port}`,
      },
      body: JSON.stringify({ name: '讲话' }),
    });
    expect(response.status).toBe(409);
    expect((response.json as { error: { code: string } }).error.code).toBe('project-read-only');
  });
});
