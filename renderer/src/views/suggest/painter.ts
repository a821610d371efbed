/**
 * Paints code suggestions over the document text with the CSS Custom Highlight API, distinct
 * from annotations: a dashed underline in the code's colour (no fill), and the focused one with a
 * solid underline and a light fill. Suggestions are not annotations: they live only here until
 * accepted. Offsets are canonical code points, placed with the view's script map (dom.ts).
 */
import type { Code } from '../../../../shared/domain';
import type { Suggestion } from '../../../../shared/contracts/suggest';
import { canonicalToDomRange } from '../document/dom';
import type { TextDom } from '../document/DocumentText';
import { withAlpha } from '../document/highlights';
import type { ViewText } from '../document/model';

const STYLE_ID = 'pz-suggest-styles';
const FOCUS = 'pz-suggest-focus';

export class SuggestionPainter {
  private readonly names: string[] = [];
  private readonly focus = new Highlight();

  constructor(
    private readonly dom: TextDom,
    private readonly view: ViewText,
  ) {
    this.focus.priority = 97;
    CSS.highlights.set(FOCUS, this.focus);
  }

  range(start: number, end: number): Range | null {
    return canonicalToDomRange(this.view, this.dom, start, end);
  }

  /** Paints `list`; `focused` is the index of the focused suggestion (or -1). */
  paint(list: readonly Suggestion[], focused: number, codes: readonly Code[]): Range | null {
    this.clearCodes();
    this.focus.clear();
    const byCode = new Map<string, Highlight>();
    const rules: string[] = [];
    codes.forEach((code, i) => {
      const name = `pz-suggest-${i}`;
      const h = new Highlight();
      h.priority = 60 + i;
      byCode.set(code.id, h);
      this.names.push(name);
      CSS.highlights.set(name, h);
      rules.push(
        `::highlight(${name}) { text-decoration: underline dashed ${code.color} 2px; text-underline-offset: 4px; }`,
      );
    });
    const focusColor = codes.find((c) => c.id === list[focused]?.codeId)?.color ?? '#888888';
    rules.push(
      `::highlight(${FOCUS}) { background-color: ${withAlpha(focusColor, 0.18)}; text-decoration: underline solid ${focusColor} 3px; text-underline-offset: 4px; }`,
    );
    let style = document.getElementById(STYLE_ID);
    if (!style) {
      style = document.createElement('style');
      style.id = STYLE_ID;
      document.head.append(style);
    }
    style.textContent = rules.join('\n');
    let focusRange: Range | null = null;
    list.forEach((s, i) => {
      const r = this.range(s.start, s.end);
      if (!r) return;
      if (i === focused) {
        this.focus.add(r);
        focusRange = r;
      } else byCode.get(s.codeId)?.add(r);
    });
    return focusRange;
  }

  private clearCodes(): void {
    for (const name of this.names) CSS.highlights.delete(name);
    this.names.length = 0;
  }

  dispose(): void {
    this.clearCodes();
    CSS.highlights.delete(FOCUS);
    document.getElementById(STYLE_ID)?.remove();
  }
}
