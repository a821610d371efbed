/**
 * Code suggestions (issue 14): run the suggester on a sample document, accept some with the
 * keyboard (A), move (J) and reject others (X), undo; accepted ones are annotations of the
 * chosen coder (the 建议器 suggester by default, or one picked in the bar); rejected ones do not
 * return on a re-run; accepting all above a threshold is one undo step. The rules view lists
 * and edits the rule set. Screenshots at 1280×720 in zh-CN, zh-TW and en go to test-results/.
 */
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, type RunningApp } from './harness';
import { useSession } from './session';
import { type AppPage } from './pages/app-page';
import type { DocumentDetail } from '../../shared/domain';
import type { Suggestion } from '../../shared/contracts/suggest';
import { sliceCodePoints } from '../../shared/text/offsets';

const SEEDS = resolve(import.meta.dirname, '../../seeds');
const FILE = '000_e0058bcc9348e81f.txt';

describe('code suggestions', () => {
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;
  let doc: DocumentDetail;
  let first: Suggestion[];

  const annotations = () => app.api('annotations-list', { documentId: doc.id });
  const suggestions = () => app.api('suggest-document', { documentId: doc.id });
  const focusedText = async () => (await ui.highlightTexts('pz-suggest-focus')).join('');
  const textOf = (s: Suggestion) => sliceCodePoints(doc.text, s.start, s.end);
  const same = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start === b.start && a.end === b.end;

  useSession(
    {
      start: { seeds: SEEDS },
      context: { viewport: { width: 1280, height: 720 } },
      open: { library: true },
      seed: async (started) => {
        app = started;
        const summary = (await app.api('documents-list', {})).find((d) => d.sourceFile === FILE)!;
        doc = await app.api('documents-get', { id: summary.id });
        first = await suggestions();
        expect(first.length).toBeGreaterThan(20);
      },
    },
    (s) => ({ app, page, ui } = s),
  );
  beforeAll(async () => {
    await page.evaluate((id) => (location.hash = `#/doc/${id}`), doc.id);
    await ui.waitForText();
  });

  it('shows suggestions distinctly, not as annotations', async () => {
    await page.getByTestId('suggest-run').click();
    await expect.poll(() => page.getByTestId('suggest-count').textContent()).toBe(`${first.length} 条建议`);
    await expect.poll(focusedText).toBe(textOf(first[0]!));
    const dashed = await page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('pz-suggest-') && name !== 'pz-suggest-focus') n += h.size;
      });
      return n;
    });
    expect(dashed).toBe(first.length - 1);
    expect(await annotations()).toEqual([]);
    await expect.poll(() => page.getByTestId('suggest-current').textContent()).toContain('成效');
    await page.screenshot({ path: join(RESULTS_DIR, 'suggest-zh-CN.png') });
  });

  it('accepts with A, moves with J, rejects with X; one undo step each', async () => {
    await page.keyboard.press('a');
    await expect.poll(async () => (await annotations()).length).toBe(1);
    const coders = await app.api('coders-list', {});
    const suggester = coders.find((c) => c.name === '建议器')!;
    expect(suggester).toBeDefined();
    const [a0] = await annotations();
    expect(a0).toMatchObject({
      coderId: suggester.id,
      codeId: first[0]!.codeId,
      start: first[0]!.start,
      end: first[0]!.end,
    });
    // The focus moved on to the next suggestion.
    await expect.poll(focusedText).toBe(textOf(first[1]!));
    await page.keyboard.press('j');
    await expect.poll(focusedText).toBe(textOf(first[2]!));
    await page.keyboard.press('x');
    await expect.poll(focusedText).toBe(textOf(first[3]!));
    await page.keyboard.press('a');
    await expect.poll(async () => (await annotations()).length).toBe(2);
    expect((await annotations()).map((a) => [a.start, a.coderId])).toEqual([
      [first[0]!.start, suggester.id],
      [first[3]!.start, suggester.id],
    ]);

    // Undo the last accept: the annotation goes, its suggestion comes back; the rejection stays.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await annotations()).length).toBe(1);
    const now = await suggestions();
    expect(now.some((s) => same(s, first[3]!))).toBe(true);
    expect(now.some((s) => same(s, first[2]!))).toBe(false);
    expect(now.some((s) => same(s, first[0]!))).toBe(false);
    expect(now.length).toBe(first.length - 2);
  });

  it('a re-run does not bring back rejected or accepted suggestions', async () => {
    await page.getByRole('button', { name: '关闭建议' }).click();
    await page.getByTestId('suggest-run').click();
    await expect
      .poll(() => page.getByTestId('suggest-count').textContent())
      .toBe(`${first.length - 2} 条建议`);
    await expect.poll(focusedText).toBe(textOf(first[1]!));
  });

  it('accepts all above a threshold as the chosen coder, in one undo step', async () => {
    const me = (await app.api('coders-list', {})).find((c) => c.isCurrent)!;
    await page.getByTestId('suggest-coder').selectOption(me.id);
    await page.getByTestId('suggest-threshold').fill('3');
    const expected = (await suggestions()).filter((s) => s.score >= 3);
    expect(expected.length).toBeGreaterThan(0);
    await page.getByTestId('suggest-accept-all').click();
    await expect.poll(async () => (await annotations()).length).toBe(1 + expected.length);
    const mine = (await annotations()).filter((a) => a.coderId === me.id);
    expect(mine.map((a) => [a.start, a.end]).sort((x, y) => x[0]! - y[0]!)).toEqual(
      expected.map((s) => [s.start, s.end]),
    );
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await annotations()).length).toBe(1);
  });

  it('runs over the corpus with progress, then accepts all above the threshold in one undo step', async () => {
    await page.evaluate(() => (location.hash = '#/view/suggest'));
    const docs = await app.api('documents-list', {});
    const total = async () =>
      (await app.api('documents-list', {})).reduce((a, d) => a + d.annotationTotal, 0);
    const before = await total();
    let expected = 0;
    for (const d of docs)
      expected += (await app.api('suggest-document', { documentId: d.id })).filter(
        (s) => s.score >= 3,
      ).length;
    expect(expected).toBeGreaterThan(0);
    await page.getByTestId('suggest-corpus-run').click();
    await expect
      .poll(() => page.getByTestId('suggest-corpus-progress').textContent())
      .toMatch(new RegExp(`已分析 ${docs.length}/${docs.length} 篇文档`));
    await page.getByTestId('suggest-corpus').getByRole('spinbutton').fill('3');
    await page.getByTestId('suggest-corpus-accept').click();
    await expect.poll(total).toBe(before + expected);
    await page.keyboard.press('Control+z');
    await expect.poll(total).toBe(before);
  });

  it('lists the rules; disabling one is an undoable edit; screenshots in three languages', async () => {
    await page.evaluate(() => (location.hash = '#/view/suggest'));
    await expect.poll(() => page.getByTestId('suggest-rule-count').textContent()).toMatch(/共 \d+ 条规则/);
    const row = page.locator('tr[data-rule="压力较大"]');
    // A controlled checkbox: it changes once the core has saved the edit.
    await row.getByRole('checkbox').click();
    await expect.poll(() => row.getByRole('checkbox').isChecked()).toBe(false);
    await expect
      .poll(
        async () => (await app.api('suggest-rules-list', {})).find((r) => r.pattern === '压力较大')!.enabled,
      )
      .toBe(false);
    // Ctrl+Z in a form field is the field's own undo: leave the checkbox first.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect
      .poll(
        async () => (await app.api('suggest-rules-list', {})).find((r) => r.pattern === '压力较大')!.enabled,
      )
      .toBe(true);
    await page.screenshot({ path: join(RESULTS_DIR, 'suggest-rules-zh-CN.png') });
    const languageBox = { 'zh-CN': '界面语言', 'zh-TW': '介面語言', en: 'Language' } as const;
    let current: keyof typeof languageBox = 'zh-CN';
    for (const locale of ['zh-TW', 'en'] as const) {
      await page.getByRole('combobox', { name: languageBox[current] }).selectOption(locale);
      current = locale;
      await page.screenshot({ path: join(RESULTS_DIR, `suggest-rules-${locale}.png`) });
      await page.evaluate((id) => (location.hash = `#/doc/${id}`), doc.id);
      await ui.waitForText();
      await page.getByTestId('suggest-run').click();
      await page.getByTestId('suggest-current').waitFor();
      await page.screenshot({ path: join(RESULTS_DIR, `suggest-${locale}.png`) });
      await page.evaluate(() => (location.hash = '#/view/suggest'));
    }
    await page.getByRole('combobox', { name: languageBox[current] }).selectOption('zh-CN');
  });
});
