/**
 * Document structure written into Chinese policy texts: numbered headings and items
 * (`第一篇` `第一章` `第一条`, `一、`, `（一）`, `1.`, `（1）`, inline `一是…二是…`, `第一，…`,
 * `首先…其次…最后`), nested into a tree. Shared by the outline panel, the suggester (a sentence
 * inherits its section's code) and the annotated exports.
 *
 * How nesting works: a stack of open nodes. A marker of a kind already open closes everything down
 * to (and including) that node and becomes its sibling; a kind not open yet becomes a child of the
 * innermost open node. So levels follow the order in which kinds first appear in a document, as a
 * reader would nest them. Line-start markers (headings, numbered paragraphs) stay open until a
 * sibling or an ancestor's sibling arrives; inline items (`一是` `第一，` `首先`) close at the end of
 * their line (paragraph). Inline items are accepted only in sequence (`一是` first, then `二是` …,
 * `其次` only after `首先`), so ordinary words such as 统一是 or a lone 最后 are not items.
 *
 * All offsets are Unicode code points into the given text, end exclusive. Linear time.
 */
import { codePointLength, countCodePoints } from './offsets';

export type MarkerKind =
  | 'pian' // 第一篇
  | 'zhang' // 第一章
  | 'jie' // 第一节
  | 'tiao' // 第一条
  | 'cn-comma' // 一、
  | 'cn-paren' // （一）
  | 'arabic' // 1. 1、
  | 'arabic-paren' // （1） 1）
  | 'shi' // 一是
  | 'di' // 第一，
  | 'sequence'; // 首先 其次 再次 最后

export interface StructureNode {
  /** Position in the returned array (document order). */
  index: number;
  kind: MarkerKind;
  /** The marker as written: `一、` `（一）` `第一篇` `一是` `第一，` `首先`. */
  marker: string;
  /** 1 = outermost in this document. */
  level: number;
  /** Index of the enclosing node. */
  parent: number | null;
  /** Code point where the marker begins. */
  start: number;
  /** End of the heading line (stand-alone heading) or of the item's first sentence. */
  headEnd: number;
  /** End of the node's extent: the next node at the same or a higher level, or the text end. */
  end: number;
  /** Text after the marker up to `headEnd`, trimmed, at most 80 code points. */
  title: string;
  /** A stand-alone heading line (not content); false for an item whose text is content. */
  heading: boolean;
}

const TITLE_MAX = 80;
/** A stand-alone heading is at most this many code points long (after the marker). */
const HEADING_MAX = 50;

const CN = '一二三四五六七八九十百零〇两';
const DIGITS = '0-9０-９';

/** Line-start markers, tried in order; group 1 is the number, group 2 (chapter kinds) the unit. */
const LINE_MARKERS: readonly { kind: MarkerKind; re: RegExp }[] = [
  { kind: 'pian', re: new RegExp(`^第([${CN}${DIGITS}]+)(篇|章|节|節|条|條)`, 'u') },
  { kind: 'di', re: new RegExp(`^第([一二三四五六七八九十]+)[，,、:：](?![一二三四五六七八九十])`, 'u') },
  { kind: 'cn-comma', re: new RegExp(`^([一二三四五六七八九十百]+)(?:、|[.．](?![${DIGITS}]))`, 'u') },
  { kind: 'cn-paren', re: new RegExp(`^[（(]([一二三四五六七八九十百]+)[)）]`, 'u') },
  { kind: 'arabic-paren', re: new RegExp(`^(?:[（(]([${DIGITS}]{1,3})[)）]|([${DIGITS}]{1,3})[)）])`, 'u') },
  { kind: 'arabic', re: new RegExp(`^([${DIGITS}]{1,3})(?:、|[.．](?![${DIGITS}]))`, 'u') },
];

const CHAPTER_UNITS: Record<string, MarkerKind> = {
  篇: 'pian',
  章: 'zhang',
  节: 'jie',
  節: 'jie',
  条: 'tiao',
  條: 'tiao',
};

/** Inline items: `一是`, `第一，`, `首先` at a line start or after punctuation. */
const INLINE =
  /(^|[：:；;。，,！？!?、\s\u3000])(?:([一二三四五六七八九十]+)是|(第([一二三四五六七八九十]+)[，,、:：](?![一二三四五六七八九十]))|(首先|其次|再次|其三|最后|最後))/gu;

const SEQUENCE_ORDER: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 其三: 3, 最后: 99, 最後: 99 };

const SENTENCE_END = /[。！？；!?;]/u;
const SPACE = /[\s\u3000]/u;

/** Value of a Chinese (一 … 九十九, 百) or Arabic (half- or full-width) numeral, or NaN. */
export function numeralValue(s: string): number {
  const ascii = s.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/u.test(ascii)) return Number(ascii);
  const digit: Record<string, number> = {
    零: 0,
    〇: 0,
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c in digit) current = digit[c]!;
    else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return Number.NaN;
  }
  return total + current;
}

interface Open {
  node: StructureNode;
  inline: boolean;
}

/** The numbered structure of `text`, in document order. */
export function detectStructure(text: string): StructureNode[] {
  const nodes: StructureNode[] = [];
  const stack: Open[] = [];
  /** Last accepted number per (parent, inline kind), for sequence checks. */
  const lastNumber = new Map<string, number>();

  const close = (open: Open, end: number) => {
    open.node.end = Math.max(open.node.headEnd, end);
  };
  const add = (
    kind: MarkerKind,
    marker: string,
    start: number,
    headEnd: number,
    title: string,
    heading: boolean,
    inline: boolean,
    lineStartCp: number,
  ) => {
    // A kind already open: close down to it (siblings); else nest under the innermost open node.
    const same = stack.findLastIndex((o) => o.node.kind === kind);
    if (same !== -1) while (stack.length > same) close(stack.pop()!, inline ? start : lineStartCp);
    const parent = stack.at(-1)?.node ?? null;
    const node: StructureNode = {
      index: nodes.length,
      kind,
      marker,
      level: stack.length + 1,
      parent: parent ? parent.index : null,
      start,
      headEnd,
      end: headEnd,
      title,
      heading,
    };
    nodes.push(node);
    stack.push({ node, inline });
    return node;
  };

  let lineStartCp = 0;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd16 = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd16);
    const astral = /[\uD800-\uDBFF]/.test(line); // no u flag: match the surrogate itself
    const cp = (i: number) => lineStartCp + (astral ? countCodePoints(line, 0, i) : i);
    const lineLengthCp = astral ? countCodePoints(line, 0, line.length) : line.length;

    // Inline items close at the end of their line.
    while (stack.length > 0 && stack.at(-1)!.inline) close(stack.pop()!, lineStartCp);

    let lead = 0;
    while (lead < line.length && SPACE.test(line[lead]!)) lead++;
    let trimmedEnd = line.length;
    while (trimmedEnd > lead && SPACE.test(line[trimmedEnd - 1]!)) trimmedEnd--;
    const body = line.slice(lead, trimmedEnd);
    let scanFrom = 0;

    if (body.length > 0) {
      for (const { kind: baseKind, re } of LINE_MARKERS) {
        const m = re.exec(body);
        if (!m) continue;
        const kind = baseKind === 'pian' ? CHAPTER_UNITS[m[2]!]! : baseKind;
        if (kind === 'di') break; // inline kind: handled by the inline scan below
        const marker = m[0];
        const rest = body.slice(marker.length).replace(/^[\s\u3000:：、，,.．]+/u, '');
        const sentence = SENTENCE_END.exec(rest);
        const restCp = [...rest].length;
        const heading = !sentence && restCp <= HEADING_MAX;
        const restStart = body.length - rest.length;
        const headEnd16 = sentence ? lead + restStart + sentence.index + 1 : trimmedEnd;
        const title = [...(sentence ? rest.slice(0, sentence.index) : rest)]
          .slice(0, TITLE_MAX)
          .join('')
          .trim();
        add(kind, marker, cp(lead), cp(headEnd16), title, heading, false, lineStartCp);
        scanFrom = lead + marker.length;
        break;
      }

      INLINE.lastIndex = scanFrom;
      for (let m = INLINE.exec(line); m; m = INLINE.exec(line)) {
        const markerStart = m.index + m[1]!.length;
        const kind: MarkerKind = m[2] ? 'shi' : m[3] ? 'di' : 'sequence';
        const marker = m[2] ? `${m[2]}是` : (m[3] ?? m[5]!);
        const value = m[2] ? numeralValue(m[2]) : m[4] ? numeralValue(m[4]) : SEQUENCE_ORDER[m[5]!]!;
        // Sequence check within the enclosing (non-inline) node.
        const enclosing = stack.findLast((o) => !o.inline)?.node.index ?? -1;
        const key = `${enclosing}:${kind}`;
        const last = lastNumber.get(key);
        const ok =
          value === 1 ||
          (last !== undefined && (value === last + 1 || (kind === 'sequence' && value > last)));
        if (!ok) continue;
        lastNumber.set(key, value);
        const after = line.slice(markerStart + marker.length);
        const sentence = SENTENCE_END.exec(after);
        const headEnd16 = sentence ? markerStart + marker.length + sentence.index + 1 : trimmedEnd;
        const title = [
          ...after.slice(0, sentence ? sentence.index : after.length).replace(/^[，,:：\s]+/u, ''),
        ]
          .slice(0, TITLE_MAX)
          .join('')
          .trim();
        add(
          kind,
          marker,
          cp(markerStart),
          cp(Math.max(headEnd16, markerStart + marker.length)),
          title,
          false,
          true,
          lineStartCp,
        );
      }
    }

    // Inline items end where their line ends (trailing space excluded).
    const lineEndCp = cp(trimmedEnd);
    while (stack.length > 0 && stack.at(-1)!.inline) close(stack.pop()!, lineEndCp);

    if (nl === -1) break;
    lineStartCp += lineLengthCp + 1;
    pos = nl + 1;
  }
  const textEnd = codePointLength(text);
  while (stack.length > 0) close(stack.pop()!, textEnd);
  return nodes;
}

/** The innermost node whose extent [start, end) contains `offset`, or null. */
export function nodeAt(nodes: readonly StructureNode[], offset: number): StructureNode | null {
  let lo = 0;
  let hi = nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (nodes[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let n = found === -1 ? null : nodes[found]!; n; n = n.parent === null ? null : nodes[n.parent]!) {
    if (offset < n.end) return n;
  }
  return null;
}
