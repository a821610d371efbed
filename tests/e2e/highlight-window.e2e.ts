/**
 * With more than a thousand annotations the document view registers only the highlights of the
 * paragraphs around the viewport (issue 13: Chromium's cost per change grows with every range
 * registered). Scrolling brings the others in, and coding, overlaps and clicking a highlight work
 * there as everywhere.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startApp, type RunningApp } from './harness';
import { AppPage } from './pages/app-page';

const SEEDS = join(resolve(import.meta.dirname, '../..'), 'seeds');
const MANY = 1100;

describe('highlights around the viewport', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let ui: AppPage;
  let overlapText = '';
  let title = '';
  let documentId = '';

  beforeAll(async () => {
    app = await startApp({ seeds: SEEDS });
    const docs = await app.api('documents-list', {});
    const summary = docs.find((d) => d.sourceFile?.startsWith('003_'))!;
    title = summary.title;
    documentId = summary.id;
    const doc = await app.api('documents-get', { id: summary.id });
    const codes = await app.api('codes-list', {});
    const chars = [...doc.text];
    const step = Math.floor((chars.length - 200) / MANY);
    const spans: { start: number; end: number; codeId: string }[] = [];
    for (let i = 0; i < MANY; i++)
      spans.push({ start: i * step, end: i * step + 6, codeId: codes[i % codes.length]!.id });
    // Two overlapping annotations in the last lines, away from the evenly spread ones.
    let at = chars.length - 60;
    while (chars.slice(at, at + 30).includes('\n')) at--;
    spans.push({ start: at, end: at + 20, codeId: codes[0]!.id });
    spans.push({ start: at + 10, end: at + 30, codeId: codes[1]!.id });
    overlapText = chars.slice(at + 10, at + 20).join('');
    for (let i = 0; i < spans.length; i += 50)
      await Promise.all(
        spans.slice(i, i + 50).map((s) => app.api('annotations-create', { documentId: summary.id, ...s })),
      );
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    ui = new AppPage(page);
    await ui.openLibrary(app.url);
    await ui.openDocument(title);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** How many code ranges are registered, and the first/last paragraph they lie in. */
  const registered = () =>
    page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.pz-doc-text .pz-para')];
      const index = new Map(paragraphs.map((p, i) => [p, i]));
      let count = 0;
      let min = Infinity;
      let max = -1;
      CSS.highlights.forEach((h, name) => {
        if (!name.startsWith('pz-code-')) return;
        h.forEach((r) => {
          count++;
          const i = index.get((r as Range).startContainer.parentElement!.closest('.pz-para')!)!;
          min = Math.min(min, i);
          max = Math.max(max, i);
        });
      });
      return { count, min, max, paragraphs: paragraphs.length };
    });

  const frames = () =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  it('registers only the highlights near the top, and the last ones after scrolling to the end', async () => {
    const top = await registered();
    expect(top.count).toBeGreaterThan(0);
    expect(top.count).toBeLessThan(MANY / 2);
    expect(top.min).toBe(0);
    expect(top.max).toBeLessThan(top.paragraphs / 2);
    // Scroll to the last paragraph (as the reader would: the scroll sets the window).
    await page.evaluate(() => {
      const paragraphs = document.querySelectorAll('.pz-doc-text .pz-para');
      paragraphs[paragraphs.length - 1]!.scrollIntoView({ block: 'end' });
    });
    await frames();
    const end = await registered();
    // (The last lines of the document carry no annotations but the overlapping pair.)
    expect(end.max).toBeGreaterThan(end.paragraphs * 0.9);
    expect(end.min).toBeGreaterThan(top.max);
    expect(end.count).toBeLessThan(MANY / 2);
    // The overlap of the two last annotations is marked there.
    await expect.poll(() => ui.highlightTexts('pz-overlap')).toContain(overlapText);
  });

  it('clicking a highlight down there selects both overlapping annotations', async () => {
    await ui.clickPhrase(overlapText);
    await expect.poll(() => ui.activeRangeTexts().then((t) => t.length)).toBe(2);
    await expect.poll(() => page.getByTestId('annotation-detail').count()).toBe(2);
    await page.keyboard.press('Escape');
  });

  it('codes and uncodes a passage in the last paragraph with the keyboard', async () => {
    const phrase = await page.evaluate(() => {
      const paragraphs = document.querySelectorAll('.pz-doc-text .pz-para');
      const text = paragraphs[paragraphs.length - 3]!.textContent;
      return text.slice(2, 8);
    });
    await ui.selectPhrase(phrase);
    await page.locator('.pz-selection-toolbar').waitFor();
    await frames();
    const before = (await registered()).count;
    const stored = (await app.api('annotations-list', { documentId })).length;
    await page.keyboard.press('2');
    await expect.poll(async () => (await registered()).count).toBe(before + 1);
    await expect.poll(() => ui.activeRangeTexts()).toEqual([phrase]);
    await expect.poll(() => ui.saveStatus().textContent()).toMatch(/^已保存/);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await registered()).count).toBe(before);
    // The removal is painted before it is written: the next test counts what the core holds.
    await expect.poll(async () => (await app.api('annotations-list', { documentId })).length).toBe(stored);
  });

  it('codes across two blocks of paragraphs, and from boundary points between blocks', async () => {
    // The paragraphs are grouped into `content-visibility` blocks (TextBlockNode.ts): a selection
    // may cross from one block into the next, or have its ends on a block or the root itself.
    const annotationsNow = () => app.api('annotations-list', { documentId });
    const codeSelection = async (setUp: () => void): Promise<string> => {
      const before = new Set((await annotationsNow()).map((a) => a.id));
      await page.evaluate(setUp);
      await page.locator('.pz-selection-toolbar').waitFor();
      await page.keyboard.press('2');
      await expect.poll(() => ui.saveStatus().textContent()).toMatch(/^已保存/);
      const added = (await annotationsNow()).filter((a) => !before.has(a.id));
      expect(added).toHaveLength(1);
      await page.keyboard.press('Delete');
      await expect.poll(async () => (await annotationsNow()).length).toBe(before.size);
      return added[0]!.text;
    };
    const blockTexts = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('.pz-doc-text > .pz-block')];
      return {
        blocks: blocks.length,
        firstOfFirst: blocks[0]!.firstElementChild!.textContent,
        lastOfFirst: blocks[0]!.lastElementChild!.textContent,
        firstOfSecond: blocks[1]!.firstElementChild!.textContent,
      };
    });
    expect(blockTexts.blocks).toBeGreaterThan(1);

    // Across the boundary: the last characters of block 0 and the first of block 1.
    const across = await codeSelection(() => {
      const blocks = document.querySelectorAll('.pz-doc-text > .pz-block');
      const textIn = (el: Element) => document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const from = textIn(blocks[0]!.lastElementChild!);
      const to = textIn(blocks[1]!.firstElementChild!);
      to.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(from, from.length - 3);
      range.setEnd(to, 3);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      document.querySelector('.pz-text-scroll')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    expect(across.startsWith(blockTexts.lastOfFirst.slice(-3).trimStart())).toBe(true);
    expect(across.endsWith(blockTexts.firstOfSecond.slice(0, 3).trimEnd())).toBe(true);
    expect(across).toContain('\n');

    // From the root (before block 1) to the block (before its second paragraph): exactly the
    // first paragraph of block 1. The root also holds Lexical's zero-size anchors around the
    // blocks, so block 1 need not be the root's child 1.
    const whole = await codeSelection(() => {
      const root = document.querySelector('.pz-doc-text')!;
      const block = root.querySelectorAll(':scope > .pz-block')[1]!;
      const range = document.createRange();
      range.setStart(root, [...root.childNodes].indexOf(block));
      range.setEnd(block, 1);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      document.querySelector('.pz-text-scroll')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    expect(whole).toBe(blockTexts.firstOfSecond.trim());

    // From the very start of the root (before any anchor) to block 0's second paragraph: the
    // document's first paragraph.
    const first = await codeSelection(() => {
      const root = document.querySelector('.pz-doc-text')!;
      root.scrollIntoView({ block: 'start' });
      const range = document.createRange();
      range.setStart(root, 0);
      range.setEnd(root.querySelector(':scope > .pz-block')!, 1);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      document.querySelector('.pz-text-scroll')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    expect(first).toBe(blockTexts.firstOfFirst.trim());
  });

  it('copies exactly the selected text, line breaks included, within and across blocks', async () => {
    const { text } = await app.api('documents-get', { id: documentId });
    const copied = await page.evaluate(() => {
      const blocks = document.querySelectorAll('.pz-doc-text > .pz-block');
      const textIn = (el: Element) => document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const copy = (from: Text, fromOffset: number, to: Text, toOffset: number) => {
        const range = document.createRange();
        range.setStart(from, fromOffset);
        range.setEnd(to, toOffset);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        const data = new DataTransfer();
        const event = new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true });
        from.parentElement!.dispatchEvent(event);
        getSelection()!.removeAllRanges();
        return { text: data.getData('text/plain'), handled: event.defaultPrevented };
      };
      const last = textIn(blocks[0]!.lastElementChild!);
      const first = textIn(blocks[1]!.firstElementChild!);
      const p = textIn(blocks[0]!.firstElementChild!);
      return {
        across: copy(last, last.length - 4, first, 4),
        across4: [last.data.slice(-4), first.data.slice(0, 4)],
        inside: copy(p, 1, p, 6),
        inside5: p.data.slice(1, 6),
      };
    });
    // Across the boundary: the document's own text, with its line break(s) between the lines.
    const at = text.indexOf(copied.across4[0]! + '\n');
    const end = text.indexOf(copied.across4[1]!, at);
    expect(at).toBeGreaterThan(0);
    expect(copied.across).toEqual({ text: text.slice(at, end + 4), handled: true });
    expect(copied.across.text).toMatch(/\n/);
    expect(copied.inside).toEqual({ text: copied.inside5, handled: true });
  });

  it('looks right in zh-CN, zh-TW and en, in the middle of the text after a jump', async () => {
    await page.evaluate(() => {
      const paragraphs = document.querySelectorAll('.pz-doc-text .pz-para');
      paragraphs[Math.floor(paragraphs.length / 2)]!.scrollIntoView({ block: 'start' });
    });
    await frames();
    const middle = await registered();
    expect(middle.min).toBeGreaterThan(0);
    expect(middle.max).toBeLessThan(middle.paragraphs - 1);
    for (const [locale, label] of [
      ['zh-CN', '简体中文'],
      ['zh-TW', '繁體中文'],
      ['en', 'English'],
    ] as const) {
      await page.locator('.pz-locale select').selectOption({ label });
      await frames();
      await page.screenshot({ path: `/tmp/pizhu-highlight-window-${locale}.png` });
    }
    await page.locator('.pz-locale select').selectOption({ label: '简体中文' });
  });
});
