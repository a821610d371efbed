/**
 * Page object for the Pizhu UI in Chromium: the moves a researcher makes (open a document,
 * select a passage with the mouse, press a key) and what the tests read back (painted highlights,
 * side list, save status). Highlights are read from `CSS.highlights`, the same registry the
 * browser paints from.
 */
import type { Page } from 'playwright-core';

export interface PaintedRange {
  name: string;
  text: string;
}

export class AppPage {
  constructor(readonly page: Page) {}

  async openLibrary(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.pz-library').waitFor();
  }

  /** The header's view tabs (everyday views) and its "More" menu button (occasional views). */
  viewNav() {
    return this.page.locator('.pz-header').getByRole('navigation');
  }

  /** Opens a view by its visible name: its header tab, or else its item in the "More" menu. */
  async openView(name: string): Promise<void> {
    const tab = this.viewNav().getByRole('button', { name, exact: true });
    if ((await tab.count()) > 0) {
      await tab.click();
      return;
    }
    await this.viewNav()
      .getByRole('button', { name: /^(更多|More)(:|$)/ })
      .click();
    await this.page.getByRole('menu').getByRole('menuitem', { name, exact: true }).click();
  }

  /** The header's export menu button (CSV, JSONL, more formats). */
  exportMenuButton() {
    return this.page.locator('.pz-header').getByRole('button', { name: /^(导出数据|匯出資料|Export)$/ });
  }

  async openDocument(title: string): Promise<void> {
    await this.page.locator('.pz-library .pz-doc-link', { hasText: title }).first().click();
    await this.waitForText();
  }

  /** Waits until Lexical has rendered the text and the painter has run. */
  async waitForText(): Promise<void> {
    await this.page.locator('.pz-doc-text[data-painted="true"]').waitFor();
    // One frame for the overlap pass and the paint itself.
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /** Selects `phrase` (its first occurrence) by dragging the mouse across it, like a person. */
  async selectPhrase(phrase: string, occurrence = 0): Promise<void> {
    const box = await this.page.evaluate(
      ({ phrase, occurrence }) => {
        const root = document.querySelector('.pz-doc-text')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n as Text;
          let at = text.data.indexOf(phrase);
          while (at !== -1) {
            if (seen++ === occurrence) {
              const first = document.createRange();
              first.setStart(text, at);
              first.setEnd(text, at + 1);
              // Scroll the phrase itself into view, not its paragraph: a paragraph taller than
              // the text pane, centred, would leave the phrase's first line out of sight.
              const scroller = root.closest<HTMLElement>('.pz-text-scroll');
              if (scroller) {
                const pane = scroller.getBoundingClientRect();
                scroller.scrollTop += first.getBoundingClientRect().top - (pane.top + pane.height / 4);
              } else first.startContainer.parentElement!.scrollIntoView({ block: 'center' });
              const a = first.getClientRects()[0]!;
              const last = document.createRange();
              last.setStart(text, at + phrase.length - 1);
              last.setEnd(text, at + phrase.length);
              const rects = last.getClientRects();
              const b = rects[rects.length - 1]!;
              return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
            }
            at = text.data.indexOf(phrase, at + 1);
          }
        }
        return null;
      },
      { phrase, occurrence },
    );
    if (!box) throw new Error(`phrase not found in the document view: ${phrase}`);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
    await this.page.mouse.move(box.x2, box.y2, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Clicks the middle character of the first occurrence of `phrase`. */
  async clickPhrase(phrase: string): Promise<void> {
    const point = await this.page.evaluate((phrase) => {
      const root = document.querySelector('.pz-doc-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n as Text;
        const at = text.data.indexOf(phrase);
        if (at === -1) continue;
        const r = document.createRange();
        const mid = at + Math.floor(phrase.length / 2);
        r.setStart(text, mid);
        r.setEnd(text, mid + 1);
        text.parentElement!.scrollIntoView({ block: 'center' });
        const rect = r.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    }, phrase);
    if (!point) throw new Error(`phrase not found: ${phrase}`);
    await this.page.mouse.click(point.x, point.y);
  }

  /** Every range painted by the code highlights (`pz-code-*`), with its text. */
  async paintedRanges(): Promise<PaintedRange[]> {
    return this.page.evaluate(() => {
      const out: { name: string; text: string }[] = [];
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith('pz-code-')) return;
        highlight.forEach((range) => out.push({ name, text: (range as Range).toString() }));
      });
      return out;
    });
  }

  async activeRangeTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      CSS.highlights.get('pz-active')?.forEach((range) => out.push((range as Range).toString()));
      return out;
    });
  }

  /** Texts of the ranges of any highlight (`pz-find`, `pz-find-current`, `pz-active`…). */
  async highlightTexts(name: string): Promise<string[]> {
    return this.page.evaluate((name) => {
      const out: string[] = [];
      CSS.highlights.get(name)?.forEach((range) => out.push((range as Range).toString()));
      return out;
    }, name);
  }

  /** Switches the document view's script (原文 / 简体 / 繁體) and waits until it is painted. */
  async switchScript(label: string, view: 'original' | 'simplified' | 'traditional'): Promise<void> {
    await this.page.getByRole('radio', { name: label, exact: true }).click();
    await this.page
      .locator(`.pz-document[data-script="${view}"] .pz-doc-text[data-painted="true"]`)
      .waitFor();
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  /** The browser's current text selection. */
  async selectionText(): Promise<string> {
    return this.page.evaluate(() => window.getSelection()?.toString() ?? '');
  }

  listItems() {
    return this.page.locator('.pz-ann-item');
  }

  saveStatus() {
    return this.page.getByTestId('save-status');
  }

  /**
   * Waits until every write has been saved (the header's status). Coding paints before its write
   * is sent, so a test that reads the core after coding through the UI waits here first.
   */
  async waitSaved(): Promise<void> {
    await this.page.locator('[data-testid="save-status"].pz-save-saved').waitFor({ timeout: 10_000 });
  }

  detail() {
    return this.page.getByTestId('annotation-detail');
  }
}
