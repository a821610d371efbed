/**
 * A default first run (no --seeds) shows the sample corpus prepared: articles of the compilations
 * as documents with titles from their text, no navigation-line titles, and the 年份/地区/体裁
 * attributes. Screenshot of the library at 1280×720.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningApp } from './harness';
import { useSession } from './session';

describe('default first run', () => {
  let app: RunningApp;
  let page: Page;

  useSession(
    {
      context: { viewport: { width: 1280, height: 720 } },
      open: { library: true },
    },
    (s) => ({ app, page } = s),
  );

  it('lists real documents with real titles and attributes', async () => {
    const docs = await app.api('documents-list', {});
    expect(docs.length).toBeGreaterThanOrEqual(25);
    const titles = docs.map((d) => d.title);
    expect(titles).toContain('在全省擴權強縣座談會上的講話');
    expect(titles).toContain('崔杰市長在民生工作會議上的講話');
    for (const t of titles) expect(t).not.toMatch(/當前位置|范文网 导航/u);
    await expect
      .poll(() => page.locator('.pz-library').textContent())
      .toContain('在全省擴權強縣座談會上的講話');
    const table = await app.api('attributes-list', {});
    expect(table.attributes.map((a) => a.name)).toEqual(['年份', '地区', '体裁']);
    expect(table.values.length).toBeGreaterThan(20);
    await page.screenshot({
      path: join(process.env.PIZHU_SCREENSHOT_DIR ?? tmpdir(), 'first-run-zh-CN.png'),
    });
  });
});
