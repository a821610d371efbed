/**
 * Keyboard-first coding and sentence snapping in the document view (issue 5 item 4): snapping on
 * and off (remembered), Alt+click selects one sentence, N/P step through sentences as a pending
 * selection that 1–9 code, J/K step through annotations, M focuses the memo, `?` opens and Esc
 * closes the shortcut sheet, and no shortcut fires while typing. Expected ranges come from the
 * canonical text (through the API) and shared/text/sentences.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type RunningApp, SEEDS_DIR } from './harness';
import { useSession } from './session';
import type { AppPage } from './pages/app-page';
import { sliceCodePoints } from '../../shared/text/offsets';
import { expandToSpans, sentenceAt, splitSentences, type Span } from '../../shared/text/sentences';
import type { DocumentDetail } from '../../shared/domain';

const TITLE = '广安市武胜县“扩权强县”试点工作初步成效及政策建议';
const MID = '试点改革在“发展由市统筹';
const EXACT = '行政审批时间由原来平均7天缩减为3天';
const CLICKED = '听取基层意见';

describe('keyboard-first coding', () => {
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;
  let doc: DocumentDetail;
  let sentences: Span[];

  const rangeOf = (phrase: string): Span => {
    const at = doc.text.indexOf(phrase);
    expect(at).toBeGreaterThanOrEqual(0);
    const start = [...doc.text.slice(0, at)].length;
    return { start, end: start + [...phrase].length };
  };
  const textOf = (r: Span) => sliceCodePoints(doc.text, r.start, r.end);
  const annotations = () => app.api('annotations-list', { documentId: doc.id });
  const snapBox = () => page.getByRole('checkbox', { name: '按整句选择' });

  useSession(
    {
      start: { seeds: SEEDS_DIR },
      open: { document: TITLE },
      seed: async (started) => {
        app = started;
        const summary = (await app.api('documents-list', {})).find((d) => d.title === TITLE)!;
        doc = await app.api('documents-get', { id: summary.id });
        sentences = splitSentences(doc.text);
      },
    },
    (s) => ({ app, page, ui } = s),
  );

  it('snaps a selection to whole sentences when the setting is on, and remembers it', async () => {
    await snapBox().check();
    await ui.selectPhrase(MID);
    const expected = expandToSpans(sentences, rangeOf(MID));
    expect(textOf(expected).length).toBeGreaterThan(MID.length + 10);
    await expect.poll(() => ui.selectionText()).toBe(textOf(expected));
    await page.keyboard.press('1');
    await expect.poll(async () => (await annotations()).length).toBe(1);
    const [a] = await annotations();
    expect({ start: a!.start, end: a!.end }).toEqual(expected);

    await page.reload();
    await ui.waitForText();
    await expect(snapBox().isChecked()).resolves.toBe(true);
    await snapBox().uncheck();
    await ui.selectPhrase(EXACT);
    await expect.poll(() => ui.selectionText()).toBe(EXACT);
    await page.keyboard.press('2');
    await expect.poll(async () => (await annotations()).length).toBe(2);
    const b = (await annotations()).find((x) => x.codeId !== a!.codeId)!;
    expect({ start: b.start, end: b.end }).toEqual(rangeOf(EXACT));
    await expect.poll(() => ui.activeRangeTexts()).toEqual([EXACT]);
  });

  it('Alt+click selects exactly the clicked sentence, ready for a code key', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.down('Alt');
    await ui.clickPhrase(CLICKED);
    await page.keyboard.up('Alt');
    const expected = sentenceAt(sentences, rangeOf(CLICKED).start + 2)!;
    await expect.poll(() => ui.selectionText()).toBe(textOf(expected));
    await expect(page.locator('.pz-selection-toolbar').count()).resolves.toBe(1);
    await page.keyboard.press('3');
    await expect.poll(async () => (await annotations()).length).toBe(3);
    expect((await annotations()).map((x) => textOf(x))).toContain(textOf(expected));
    // The new annotation ends up selected once the UI has its reply.
    await expect.poll(() => ui.activeRangeTexts()).toEqual([textOf(expected)]);
  });

  it('J/K step through the annotations in text order, selecting and scrolling', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.pz-text-scroll').evaluate((el) => el.scrollTo(0, 0));
    const ordered = (await annotations()).sort((x, y) => x.start - y.start);
    await page.keyboard.press('j');
    await expect.poll(() => ui.activeRangeTexts()).toEqual([textOf(ordered[0]!)]);
    await page.keyboard.press('j');
    await expect.poll(() => ui.activeRangeTexts()).toEqual([textOf(ordered[1]!)]);
    await page.keyboard.press('j');
    await expect.poll(() => ui.activeRangeTexts()).toEqual([textOf(ordered[2]!)]);
    const visible = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('pz-active') ?? [])][0] as Range;
      const rect = range.getBoundingClientRect();
      const view = document.querySelector('.pz-text-scroll')!.getBoundingClientRect();
      return rect.top >= view.top && rect.bottom <= view.bottom;
    });
    expect(visible).toBe(true);
    await page.keyboard.press('j'); // at the end: stays
    await expect.poll(() => ui.activeRangeTexts()).toEqual([textOf(ordered[2]!)]);
    await page.keyboard.press('k');
    await expect.poll(() => ui.activeRangeTexts()).toEqual([textOf(ordered[1]!)]);
    // The side panel follows in a render of its own, after the highlight's frame.
    await expect.poll(() => ui.detail().first().locator('.pz-quote').textContent()).toBe(textOf(ordered[1]!));
  });

  it('M focuses the memo of the selected annotation; keys type there instead of navigating', async () => {
    await page.keyboard.press('m');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('pz-memo') ?? false))
      .toBe(true);
    await page.keyboard.type('jkn1 备忘');
    await expect(page.locator('.pz-detail-card textarea').inputValue()).resolves.toBe('jkn1 备忘');
    const selected = (await ui.activeRangeTexts())[0]!;
    await expect
      .poll(async () => (await annotations()).find((x) => textOf(x) === selected)?.memo)
      .toBe('jkn1 备忘');
    expect(await annotations()).toHaveLength(3);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('N/P select the next/previous sentence as a pending selection that 1–9 code', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.pz-text-scroll').evaluate((el) => el.scrollTo(0, 0));
    await page.keyboard.press('n');
    await expect.poll(() => ui.selectionText()).toBe(textOf(sentences[0]!));
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await expect.poll(() => ui.selectionText()).toBe(textOf(sentences[2]!));
    await page.keyboard.press('p');
    await expect.poll(() => ui.selectionText()).toBe(textOf(sentences[1]!));
    await page.keyboard.press('1');
    await expect.poll(async () => (await annotations()).length).toBe(4);
    expect(
      (await annotations()).some((x) => x.start === sentences[1]!.start && x.end === sentences[1]!.end),
    ).toBe(true);
  });

  it('? opens the shortcut sheet, which lists every key and closes with Esc', async () => {
    await page.keyboard.press('Shift+Slash');
    const dialog = page.getByRole('dialog', { name: '文档视图快捷键' });
    await dialog.waitFor();
    // 13 keys of the document view + 2 headings (] [) + 3 of the suggestion review (A, X, J/K).
    await expect(dialog.locator('tr').count()).resolves.toBe(18);
    await expect(dialog.textContent()).resolves.toContain('下一条标注');
    await expect(dialog.textContent()).resolves.toContain('下一个标题');
    await expect(dialog.textContent()).resolves.toContain('接受当前建议');
    await page.screenshot({ path: '/tmp/shortcut-sheet.png' });
    // Keys do nothing behind the sheet (the new annotation stays selected; J would move on).
    await expect.poll(() => ui.activeRangeTexts()).toEqual([textOf(sentences[1]!)]);
    const before = await ui.activeRangeTexts();
    await page.keyboard.press('j');
    await page.waitForTimeout(200);
    expect(await ui.activeRangeTexts()).toEqual(before);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '快捷键' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '关闭', exact: true }).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
  });

  it('no shortcut fires while typing in the find field', async () => {
    const before = await ui.activeRangeTexts();
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: '在本文中查找' }).pressSequentially('jkn?1');
    await expect(page.getByRole('searchbox', { name: '在本文中查找' }).inputValue()).resolves.toBe('jkn?1');
    expect(await ui.activeRangeTexts()).toEqual(before);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await annotations()).toHaveLength(4);
  });
});
