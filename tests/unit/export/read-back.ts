/**
 * Reading annotated exports back for the tests, independently of the writers: a DOCX is unzipped
 * (fflate) and its XML parsed (fast-xml-parser), the body's text rebuilt with paragraphs joined by
 * "\n" and the positions of every comment's range start and end recorded; an HTML export's rows are
 * tokenised into the displayed text and the highlighted runs of each annotation number.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

export interface DocxReadBack {
  /** Body text, paragraphs joined with "\n" (each paragraph followed by one). */
  text: string;
  /** Comment id → [start, end) in `text` (UTF-16). */
  ranges: Map<number, [number, number]>;
  /** Comment id → the comment's text (paragraphs joined with "\n"), and its author. */
  comments: Map<number, { text: string; author: string }>;
  /** Every w:shd fill used on a run (shading colours). */
  fills: Set<string>;
  files: string[];
}

function childrenOf(node: XNode): XNode[] {
  for (const [k, v] of Object.entries(node)) if (k !== ':@' && Array.isArray(v)) return v as XNode[];
  return [];
}

function tagOf(node: XNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function attrs(node: XNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

function textOf(nodes: XNode[], out: { s: string }, on?: (tag: string, node: XNode) => void): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') {
      continue;
    }
    on?.(tag, node);
    if (tag === 'w:t') {
      for (const c of childrenOf(node)) if (typeof c['#text'] === 'string') out.s += c['#text'];
      continue;
    }
    if (tag === 'w:tab') out.s += '\t';
    textOf(childrenOf(node), out, on);
    if (tag === 'w:p') out.s += '\n';
  }
}

export function readDocx(bytes: Uint8Array): DocxReadBack {
  const zip = unzipSync(bytes);
  const doc = parser.parse(strFromU8(zip['word/document.xml']!)) as XNode[];
  const out = { s: '' };
  const starts = new Map<number, number>();
  const ranges = new Map<number, [number, number]>();
  const fills = new Set<string>();
  textOf(doc, out, (tag, node) => {
    if (tag === 'w:commentRangeStart') starts.set(Number(attrs(node)['w:id']), out.s.length);
    if (tag === 'w:commentRangeEnd') {
      const id = Number(attrs(node)['w:id']);
      ranges.set(id, [starts.get(id) ?? -1, out.s.length]);
    }
    if (tag === 'w:shd') fills.add(attrs(node)['w:fill'] ?? '');
  });
  const comments = new Map<number, { text: string; author: string }>();
  if (zip['word/comments.xml']) {
    const c = parser.parse(strFromU8(zip['word/comments.xml'])) as XNode[];
    const walk = (nodes: XNode[]) => {
      for (const node of nodes) {
        if (tagOf(node) === 'w:comment') {
          const o = { s: '' };
          textOf(childrenOf(node), o);
          comments.set(Number(attrs(node)['w:id']), { text: o.s, author: attrs(node)['w:author'] ?? '' });
        } else walk(childrenOf(node));
      }
    };
    walk(c);
  }
  return { text: out.s, ranges, comments, fills, files: Object.keys(zip) };
}

function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e]!);
}

export interface HtmlDocReadBack {
  documentId: string;
  /** The displayed text: rows joined with "\n". */
  text: string;
  /** Annotation number → [start, end) of its highlighted runs in `text` (UTF-16). */
  ranges: Map<number, [number, number]>;
  /** Characters highlighted per annotation number. */
  covered: Map<number, number>;
}

export function readHtml(html: string): HtmlDocReadBack[] {
  const docs: HtmlDocReadBack[] = [];
  const articleRe = /<article class="doc" id="d\d+" data-document-id="([^"]*)">([\s\S]*?)<\/article>/g;
  for (const m of html.matchAll(articleRe)) {
    const rows = [...m[2]!.matchAll(/<p class="t">([\s\S]*?)<\/p>/g)].map((r) => r[1]!);
    let text = '';
    const ranges = new Map<number, [number, number]>();
    const covered = new Map<number, number>();
    rows.forEach((row, i) => {
      if (i > 0) text += '\n';
      const tokenRe =
        /<span class="h[^"]*" data-a="([^"]*)"[^>]*>([^<]*)<\/span>|<a class="ref"[^>]*><\/a>|([^<]+)/g;
      for (const t of row.matchAll(tokenRe)) {
        if (t[3] !== undefined) text += unescape(t[3]);
        else if (t[2] !== undefined) {
          const piece = unescape(t[2]);
          for (const n of t[1]!.split(' ').map(Number)) {
            const r = ranges.get(n);
            ranges.set(n, [r ? r[0] : text.length, text.length + piece.length]);
            covered.set(n, (covered.get(n) ?? 0) + [...piece].length);
          }
          text += piece;
        }
      }
    });
    docs.push({ documentId: unescape(m[1]!), text, ranges, covered });
  }
  return docs;
}
