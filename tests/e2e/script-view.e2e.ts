/**
 * Script views and in-document find (issue 5 item 1, issue 6 item 5): a Traditional seed shown in
 * 简体 and 繁體 keeps every highlight on the same canonical characters, a selection made in a
 * converted view is stored at exact canonical code-point offsets, the choice is remembered, and
 * find is script-insensitive (问题 finds 問題), counted and stepped with Enter / Shift+Enter.
 * Expected texts are computed here with opencc-js itself and from the canonical text via the API.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as OpenCC from 'opencc-js';
import { type RunningApp, SEEDS_DIR } from './harness';
import { useSession } from './session';
import { type AppPage } from './pages/app-page';
import { sliceCodePoints } from '../../shared/text/offsets';
import type { DocumentDetail } from '../../shared/domain';

const TITLE = '第一篇:崔杰市長在民生工作會議上的講話';
/** Canonical (Traditional) passages of seed 003. */
const A = '會議的主題是深入貫徹市委十一屆四次全會精神';
const B = '把重心下移作為民生工作的重要原則';
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

describe('script views', () => {
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;
  let doc: DocumentDetail;

  /** The displayed form of canonical code points [start, end) in a view, from the whole text. */
  const displayed = (convert: (s: string) => string, start: number, end: number) => {
    const whole = convert(doc.text);
    expect([...whole].length).toBe([...doc.text].length);
    return sliceCodePoints(whole, start, end);
  };

  useSession(
    {
      start: { seeds: SEEDS_DIR },
      open: { document: TITLE },
      seed: async (started) => {
        app = started;
        const summary = (await app.api('documents-list', {})).find((d) => d.title === TITLE)!;
        doc = await app.api('documents-get', { id: summary.id });
      },
    },
    (s) => ({ app, page, ui } = s),
  );

  it('codes a passage selected in 简体 at the canonical offsets, and shows it in 原文', async () => {
    await ui.switchScript('简体', 'simplified');
    const shown = toSimplified(A);
    expect(shown).not.toBe(A);
    expect(shown).toBe('会议的主题是深入贯彻市委十一届四次全会精神');
    await ui.selectPhrase(shown);
    await page.keyboard.press('1');
    await expect.poll(() => ui.listItems().count()).toBe(1);
    await ui.waitSaved();

    const [annotation] = await app.api('annotations-list', { documentId: doc.id });
    expect(sliceCodePoints(doc.text, annotation!.start, annotation!.end)).toBe(A);
    expect(annotation!.start).toBe([...doc.text.slice(0, doc.text.indexOf(A))].length);
    expect(annotation!.text).toBe(A);
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-0', text: shown }]);
    // The side panel quotes the text in the script shown (issue 16: the script choice applies to
    // all text of the document); the stored quote stays canonical.
    await expect(ui.listItems().first().locator('.pz-ann-quote').textContent()).resolves.toBe(shown);

    await ui.switchScript('原文', 'original');
    await expect.poll(() => ui.paintedRanges()).toEqual([{ name: 'pz-code-0', text: A }]);
    await page.screenshot({ path: '/tmp/script-original.png' });
  });

  it('paints a highlight made in 原文 over the converted characters in 简体 and 繁體', async () => {
    await page.keyboard.press('Escape');
    await ui.selectPhrase(B);
    await page.keyboard.press('2');
    await expect.poll(() => ui.listItems().count()).toBe(2);
    await ui.waitSaved();
    const annotation = (await app.api('annotations-list', { documentId: doc.id })).find((a) => a.text === B)!;
    expect(annotation).toBeDefined();

    await ui.switchScript('简体', 'simplified');
    const simplified = displayed(toSimplified, annotation.start, annotation.end);
    expect(simplified).toBe('把重心下移作为民生工作的重要原则');
    await expect
      .poll(() => ui.paintedRanges())
      .toEqual(expect.arrayContaining([{ name: 'pz-code-1', text: simplified }]));
    await page.screenshot({ path: '/tmp/script-simplified.png' });

    await ui.switchScript('繁體', 'traditional');
    const traditional = displayed(toTraditional, annotation.start, annotation.end);
    await expect
      .poll(() => ui.paintedRanges())
      .toEqual(
        expect.arrayContaining([
          { name: 'pz-code-1', text: traditional },
          { name: 'pz-code-0', text: displayed(toTraditional, ...startEnd(doc.text, A)) },
        ]),
      );
    // Clicking the converted highlight selects the canonical annotation.
    await ui.clickPhrase(traditional.slice(2, 8));
    await expect.poll(() => ui.detail().count()).toBe(1);
    // The side panel follows in a render of its own, after the highlight's frame.
    await expect.poll(() => ui.detail().first().locator('.pz-quote').textContent()).toBe(traditional);
  });

  it('remembers the script view across a reload', async () => {
    await page.reload();
    await page.locator('.pz-document[data-script="traditional"] .pz-doc-text[data-painted="true"]').waitFor();
    await expect(
      page.getByRole('radio', { name: '繁體', exact: true }).getAttribute('aria-checked'),
    ).resolves.toBe('true');
    await ui.switchScript('原文', 'original');
  });

  it('finds 问题 in a Traditional document (問題), counts and steps through the matches', async () => {
    const expected = doc.text.match(/[問问][題题]/g)?.length ?? 0;
    expect(expected).toBeGreaterThan(10);
    await page.locator('.pz-text-scroll').evaluate((el) => el.scrollTo(0, 0));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: '在本文中查找' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await input.fill('问题');
    const count = page.getByTestId('find-count');
    await expect.poll(() => count.textContent()).toBe(`1/${expected}`);
    await expect.poll(() => ui.highlightTexts('pz-find-current')).toEqual(['問題']);
    await expect.poll(async () => (await ui.highlightTexts('pz-find')).length).toBe(expected - 1);
    expect(new Set(await ui.highlightTexts('pz-find'))).toEqual(new Set(['問題']));

    await input.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`2/${expected}`);
    // The current match is scrolled into view.
    const visible = () =>
      page.evaluate(() => {
        const range = [...(CSS.highlights.get('pz-find-current') ?? [])][0] as Range;
        const rect = range.getBoundingClientRect();
        const view = document.querySelector('.pz-text-scroll')!.getBoundingClientRect();
        return rect.top >= view.top && rect.bottom <= view.bottom;
      });
    await input.press('Enter');
    await input.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`4/${expected}`);
    await expect.poll(visible).toBe(true);
    await input.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`3/${expected}`);
    await input.press('Shift+Enter');
    await input.press('Shift+Enter');
    await input.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe(`${expected}/${expected}`);
    await expect.poll(visible).toBe(true);

    // Same matches in 简体, now over 问题.
    await ui.switchScript('简体', 'simplified');
    await expect.poll(() => ui.highlightTexts('pz-find-current')).toEqual(['问题']);
    await expect.poll(() => count.textContent()).toBe(`${expected}/${expected}`);
    await page.screenshot({ path: '/tmp/script-find.png' });

    await input.press('Escape');
    await expect(page.locator('.pz-find-bar').count()).resolves.toBe(0);
    await expect.poll(() => ui.highlightTexts('pz-find')).toEqual([]);
    await ui.switchScript('原文', 'original');
  });

  it('finds a query typed in Traditional in a Simplified document too', async () => {
    await ui.openLibrary(app.url);
    await ui.openDocument('广安市武胜县“扩权强县”试点工作初步成效及政策建议');
    const summary = (await app.api('documents-list', {})).find((d) => d.title.startsWith('广安市武胜县'))!;
    const text = (await app.api('documents-get', { id: summary.id })).text;
    const expected = text.match(/[問问][題题]/g)?.length ?? 0;
    expect(expected).toBeGreaterThan(0);
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: '在本文中查找' }).fill('問題');
    await expect
      .poll(() => page.getByTestId('find-count').textContent())
      .toMatch(new RegExp(`^\\d+/${expected}$`));
  });
});

function startEnd(text: string, phrase: string): [number, number] {
  const start = [...text.slice(0, text.indexOf(phrase))].length;
  return [start, start + [...phrase].length];
}
