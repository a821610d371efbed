/**
 * Characters outside the BMP (𠀋, 𪚥: two UTF-16 units, one code point) in the document view:
 * selecting, coding and clicking must map to exact code-point offsets, so that Python's
 * `text[start:end]` on the exported text returns the quote.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningApp } from './harness';
import { useSession } from './session';
import { type AppPage } from './pages/app-page';

const TEXT =
  '罕用字测试\n\n𠀋𪚥先生在𠀋县调研。县里财政压力大,𪚥镇的问题尤其突出。\n\n第二段:建议省里放权。\n';
const PHRASE = '𪚥镇的问题尤其突出';

describe('characters outside the BMP', () => {
  let dir: string;
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;

  useSession(
    {
      start: () => {
        dir = mkdtempSync(join(tmpdir(), 'pizhu-astral-'));
        mkdirSync(join(dir, 'seeds'));
        writeFileSync(join(dir, 'seeds', 'astral.txt'), TEXT);
        return { seeds: join(dir, 'seeds') };
      },
      open: { document: '罕用字测试' },
    },
    (s) => ({ app, page, ui } = s),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('codes a selection after astral characters at code-point offsets', async () => {
    await ui.selectPhrase(PHRASE);
    await page.keyboard.press('2');
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-1', text: PHRASE }]);
    await ui.waitSaved();
    const [doc] = await app.api('documents-list', {});
    expect(doc!.length).toBe([...TEXT].length);
    const [a] = await app.api('annotations-list', { documentId: doc!.id });
    const cps = [...TEXT];
    const start = cps.join('').indexOf(PHRASE); // UTF-16 index…
    const startCp = [...TEXT.slice(0, start)].length; // …as code points
    expect(startCp).toBeLessThan(start); // the test only means something if they differ
    expect(a).toMatchObject({ start: startCp, end: startCp + [...PHRASE].length, text: PHRASE });
    expect(cps.slice(a!.start, a!.end).join('')).toBe(PHRASE);
  });

  it('selects the annotation when clicked next to an astral character', async () => {
    await page.keyboard.press('Escape');
    await ui.clickPhrase('𪚥镇');
    await expect.poll(() => ui.activeRangeTexts()).toEqual([PHRASE]);
  });

  it('exports the quote and code-point offsets unchanged', async () => {
    const file = await app.api('export-dataset', { format: 'jsonl' });
    const row = JSON.parse(file.content.trim()) as { start: number; end: number; text: string };
    expect([...TEXT].slice(row.start, row.end).join('')).toBe(row.text);
    expect(row.text).toBe(PHRASE);
  });
});
