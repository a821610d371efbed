/**
 * A linear pre-scan of an HTML page's element nesting before it reaches the HTML parser, whose
 * tree walk is recursive (100,000 nested <div> overflow the stack) and slows down quadratically
 * with depth. Deeper than HTML_MAX_DEPTH is refused with `import-too-deep`.
 *
 * The count is deliberately simple and never under-counts real nesting: an opening tag adds one
 * level and a closing tag removes one; void elements, `<… />`, comments, doctype and
 * processing instructions add nothing; the content of script/style/textarea/title is skipped;
 * elements the parser closes implicitly (p, li, td, option, …) add nothing, so a list of a
 * thousand unclosed <li> is not "deep".
 */
import { PizhuError } from '../../../shared/errors';

export const HTML_MAX_DEPTH = 1_000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'bgsound',
  'frame',
  'keygen',
]);
const IMPLIED_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'rb',
  'rt',
  'rp',
  'rtc',
  'colgroup',
  'caption',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext', 'noscript']);

/** Deepest nesting found; stops (returns early) as soon as `limit` is exceeded. */
export function htmlNestingDepth(html: string, limit = HTML_MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const next = html.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const closing = next === 47; /* / */
    let j = lt + (closing ? 2 : 1);
    const nameStart = j;
    while (j < n && /[A-Za-z0-9:-]/.test(html[j]!)) j++;
    if (j === nameStart) {
      i = lt + 1; // a bare "<" in text
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    // Find the tag's end, stepping over quoted attribute values (which may contain ">").
    let quote = 0;
    let selfClosing = false;
    for (; j < n; j++) {
      const c = html.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62 /* > */) {
        selfClosing = html.charCodeAt(j - 1) === 47;
        break;
      }
    }
    i = j + 1;
    if (closing) {
      if (!VOID.has(name) && !IMPLIED_END.has(name) && depth > 0) depth--;
      continue;
    }
    if (RAW_TEXT.has(name) && !selfClosing) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = i;
      i = endTag.exec(html)?.index ?? n;
      continue;
    }
    if (selfClosing || VOID.has(name) || IMPLIED_END.has(name)) continue;
    depth++;
    if (depth > max) {
      max = depth;
      if (max > limit) return max;
    }
  }
  return max;
}

export function checkHtmlDepth(html: string, fileName: string, limit = HTML_MAX_DEPTH): void {
  if (htmlNestingDepth(html, limit) > limit) {
    throw new PizhuError('import-too-deep', `${fileName}: elements nested deeper than ${limit}`, {
      file: fileName,
      max: limit,
    });
  }
}
