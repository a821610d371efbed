/**
 * Readable text of an HTML page (and of a .docx, which mammoth turns into HTML): one block
 * element, one line; `<br>` a line break; table cells separated by a tab and rows by a line
 * break; `<pre>` verbatim (leading spaces and blank lines kept); white space elsewhere collapsed.
 * Scripts, styles, navigation, headers, footers, asides, images and the title are skipped.
 * A plain function over htmlparser2's DOM, walked with an explicit stack (no recursion depth).
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'img',
  'title',
  'head',
  'template',
  'iframe',
  'svg',
  'object',
  'select',
  'button',
]);

const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'main',
  'blockquote',
  'figure',
  'figcaption',
  'address',
  'hr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'form',
  'fieldset',
  'details',
  'summary',
  'body',
  'html',
]);

interface Line {
  text: string;
  verbatim: boolean;
}

class Builder {
  readonly lines: Line[] = [];
  private current = '';
  private verbatim = false;
  /** Whether the current line was opened by a block (so an empty block leaves an empty line). */
  private opened = false;

  text(s: string, verbatim: boolean): void {
    if (verbatim) this.verbatim = true;
    this.current += s;
  }

  /**
   * Ends the current line if it holds anything but white space (block boundaries never add blank
   * lines); at the end of an empty paragraph, `keepEmpty` leaves an empty line…
   */
  block(keepEmpty = false): void {
    const blank = this.current === '' || (!this.verbatim && this.current.trim() === '');
    if (!blank) this.flush();
    else {
      this.current = '';
      if (keepEmpty && this.opened) this.flush();
    }
    this.opened = true;
  }

  /** …while a `<br>` (or a newline in `<pre>`) always does. */
  get length(): number {
    return this.current.length;
  }

  lineBreak(): void {
    this.flush();
  }

  private flush(): void {
    this.lines.push({ text: this.current, verbatim: this.verbatim });
    this.current = '';
    this.verbatim = false;
    this.opened = false;
  }

  finish(): Line[] {
    if (this.current !== '') this.flush();
    return this.lines;
  }
}

type Step = { node: ChildNode; pre: boolean; cell: boolean } | { end: Element; pre: boolean; cell: boolean };

export interface HtmlTextOptions {
  /**
   * .docx (mammoth's HTML): keep empty paragraphs as empty lines and every space as written
   * (Word's spaces are content, e.g. indentation; the HTML has no layout white space).
   */
  docx?: boolean;
}

export function htmlText(html: string, options: HtmlTextOptions = {}): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const out = new Builder();
  const keepEmpty = options.docx === true;
  const stack: Step[] = [...doc.children].reverse().map((node) => ({ node, pre: keepEmpty, cell: false }));
  // Cells already seen in the current row: the first cell gets no tab before it.
  const rowCells: number[] = [];
  // Where the current cell's text starts in the line (paragraphs in a cell are joined by a space).
  const cellStarts: number[] = [];
  const cellSpace = () => {
    if (out.length > (cellStarts[cellStarts.length - 1] ?? 0)) out.text(' ', false);
  };
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('end' in step) {
      const name = step.end.name;
      if (name === 'tr') {
        rowCells.pop();
        out.block();
      } else if (name === 'td' || name === 'th') {
        cellStarts.pop();
      } else if ((BLOCK.has(name) || name === 'pre') && !step.cell) out.block(keepEmpty && name === 'p');
      continue;
    }
    const { node, pre, cell } = step;
    if (isText(node)) {
      const t = node.data;
      if (pre) {
        const parts = t.split('\n');
        parts.forEach((p, i) => {
          if (i > 0) out.lineBreak();
          out.text(p, true);
        });
      } else out.text(t.replace(/[ \t\n\r\f]+/g, ' '), false);
      continue;
    }
    if (!isTag(node)) continue;
    const el = node;
    const name = el.name.toLowerCase();
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      if (cell) cellSpace();
      else out.lineBreak();
      continue;
    }
    let inPre = pre;
    let inCell = cell;
    if (name === 'tr') {
      out.block();
      rowCells.push(0);
    } else if (name === 'td' || name === 'th') {
      const n = rowCells.length > 0 ? rowCells[rowCells.length - 1]! : 0;
      if (n > 0) out.text('\t', false);
      if (rowCells.length > 0) rowCells[rowCells.length - 1] = n + 1;
      cellStarts.push(out.length);
      inCell = true;
    } else if (name === 'pre') {
      if (cell) cellSpace();
      else out.block();
      inPre = true;
      // HTML drops one newline right after <pre>.
      const first = el.children[0];
      if (first && isText(first) && first.data.startsWith('\n')) first.data = first.data.slice(1);
    } else if (BLOCK.has(name)) {
      if (cell) cellSpace();
      else out.block();
    }
    stack.push({ end: el, pre, cell });
    for (let i = el.children.length - 1; i >= 0; i--)
      stack.push({ node: el.children[i]!, pre: inPre, cell: inCell });
  }
  const lines = out.finish().map((l) =>
    l.verbatim
      ? l.text
      : l.text
          .replace(/ +/g, ' ')
          .replace(/ ?\t ?/g, '\t')
          .trim(),
  );
  // Blocks never add blank lines: the ones left come from <br>, <pre> and empty .docx paragraphs.
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}
