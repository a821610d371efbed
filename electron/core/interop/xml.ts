/**
 * Safe XML parsing for QDA-XML with fast-xml-parser. A document type declaration is refused
 * before parsing (QDA-XML has none; a DTD is how entity-expansion bombs and external entities
 * get in), entities other than the five predefined ones and character references are never
 * expanded, and nesting is bounded (codes hundreds deep are fine, millions are not).
 * Namespace prefixes are dropped so that the older codebook namespace and prefixed files read
 * the same.
 */
import { XMLParser } from 'fast-xml-parser';
import { PizhuError } from '../../../shared/errors';

export type XmlNode = Record<string, unknown>;

/** Elements that may repeat: always arrays, even when the file has one. */
const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'VariableValue',
  'Note',
  'Set',
  'MemberCode',
  'MemberSource',
  'MemberNote',
  'Link',
  'Graph',
  'PictureSelection',
  'PDFSelection',
  'AudioSelection',
  'VideoSelection',
  'Transcript',
  'SourceRef',
  'SelectionRef',
  'CodeRef',
]);

export function decodeXml(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = new TextDecoder('utf-8').decode(bytes);
  return text.replace(/^\uFEFF/, '');
}

export function parseXml(text: string): XmlNode {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new PizhuError('interop-unsafe', 'The XML declares a document type or entities', {
      reason: 'xml-entities',
      detail: 'DOCTYPE',
    });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: 5_000,
    isArray: (name) => REPEATED.has(name),
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (err) {
    throw new PizhuError(
      'interop-invalid',
      `Malformed XML: ${err instanceof Error ? err.message : String(err)}`,
      {
        detail: 'xml',
      },
    );
  }
}

/** Child elements of a node (always an array). */
export function children(node: unknown, name: string): XmlNode[] {
  if (typeof node !== 'object' || node === null) return [];
  const v = (node as XmlNode)[name];
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (typeof x === 'object' && x !== null ? (x as XmlNode) : { '#text': String(x) }));
}

export function child(node: unknown, name: string): XmlNode | null {
  return children(node, name)[0] ?? null;
}

export function attr(node: XmlNode | null, name: string): string | null {
  const v = node?.[`@${name}`];
  return typeof v === 'string' ? v : null;
}

/** Text content of an element (`<Description>text</Description>`), '' when absent. */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  const t = (node as XmlNode)['#text'];
  return typeof t === 'string' || typeof t === 'number' ? String(t) : '';
}

export function childText(node: XmlNode | null, name: string): string {
  const v = node?.[name];
  if (Array.isArray(v)) return textOf(v[0]);
  return textOf(v);
}
