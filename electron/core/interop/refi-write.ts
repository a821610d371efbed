/**
 * Writes a `ProjectModel` as REFI-QDA 1.5 QDA-XML: a `.qdpx` archive (`project.qde` plus
 * `sources/<GUID>.txt`, UTF-8 without BOM, exactly the canonical text, so positions — code points,
 * end exclusive — count over exactly the text written) or a `.qdc` codebook. Coders → Users, codes
 * (nested, colours, definition as Description), documents → TextSources with one
 * PlainTextSelection + Coding per annotation, memos → Notes (annotation, document and project
 * memos, referenced with NoteRef), attributes → Variables, document sets → Sets. Written as text
 * directly (string pieces joined once, attribute and text values escaped here) — an object tree
 * for a general XML builder cost most of a 100k-annotation export; the output validates against
 * the official Project.xsd and Codebook.xsd (tests/unit/interop/xsd.test.ts).
 */
import { hash } from 'node:crypto';
import type { ModelAttribute, ModelCode, ProjectModel } from './model';
import { writeZip } from './zip';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our ids are UUIDs; anything else (or a derived element) gets a stable name-based UUID: the
 * SHA-1 of `${salt}\u0000${id}` (UTF-8). One-shot `crypto.hash`: half the cost of a Hash object
 * per GUID, and there are two per annotation.
 */
export function toGuid(id: string, salt = ''): string {
  if (!salt && UUID.test(id)) return id.toUpperCase();
  const h = hash('sha1', `${salt}\u0000${id}`, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

/** XML 1.0 cannot carry most control characters or lone surrogates: replace them visibly. */
export function xmlSafe(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- these control characters are exactly what is matched
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  );
}

/** The five XML entities, escaped in text and attribute values alike. */
const ESCAPE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
};
const NEEDS_ESCAPE = /[&<>'"]/;

function esc(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(/[&<>'"]/g, (c) => ESCAPE[c]!) : value;
}

/** ` name="value"` for each defined value, in order. */
function attrs(pairs: readonly (readonly [string, string | undefined])[]): string {
  let out = '';
  for (const [name, value] of pairs) if (value !== undefined) out += ` ${name}="${esc(value)}"`;
  return out;
}

/**
 * The document as indented lines: `open` starts an element that gets children, `leaf` writes
 * one without children (self-closing) and `text` one holding text (self-closing when empty).
 */
class XmlWriter {
  private parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  /** Open elements: name, attributes and the index of their start tag in `parts` (or GONE). */
  private readonly stack: { name: string; attributes: string; at: number }[] = [];
  /** UTF-16 code units in `parts`. */
  size = 0;

  private readonly indents: string[] = [''];

  private get indent(): string {
    return this.indentFor(0);
  }

  private push(part: string): void {
    this.parts.push(part);
    this.size += part.length;
  }

  open(name: string, attributes = ''): void {
    this.push(`${this.indent}<${name}${attributes}>\n`);
    this.stack.push({ name, attributes, at: this.parts.length - 1 });
  }

  /** Ends the innermost open element; one that got no children becomes self-closing. */
  close(): void {
    const { name, attributes, at } = this.stack.pop()!;
    if (at === this.parts.length - 1) {
      this.size -= this.parts[at]!.length;
      this.parts[at] = `${this.indent}<${name}${attributes}/>\n`;
      this.size += this.parts[at].length;
    } else this.push(`${this.indent}</${name}>\n`);
  }

  /** The indentation of a child `extra` levels below the current element's children. */
  indentFor(extra: number): string {
    const depth = this.stack.length + extra;
    return (this.indents[depth] ??= '  '.repeat(depth));
  }

  /** Already indented and escaped elements, children of the current element. */
  raw(text: string): void {
    this.push(text);
  }

  leaf(name: string, attributes = ''): void {
    this.push(`${this.indent}<${name}${attributes}/>\n`);
  }

  text(name: string, value: string, attributes = ''): void {
    if (value === '') this.leaf(name, attributes);
    else this.push(`${this.indent}<${name}${attributes}>${esc(value)}</${name}>\n`);
  }

  /**
   * The text written so far that can no longer change, removed from the writer: everything but
   * the start tag of an innermost element without children yet (it may still become `<x/>`).
   */
  drain(): string {
    const top = this.stack.at(-1);
    const keep = top && top.at === this.parts.length - 1 ? 1 : 0;
    const done = this.parts.slice(0, this.parts.length - keep);
    this.parts = this.parts.slice(this.parts.length - keep);
    for (const element of this.stack) element.at = GONE;
    if (keep) top!.at = 0;
    this.size = keep ? this.parts[0]!.length : 0;
    return done.join('');
  }
}

/** The position of a start tag already drained (never `parts.length - 1`). */
const GONE = -2;

/** UTF-16 code units of QDA-XML handed on at a time when it is streamed (`qdeChunks`). */
const CHUNK = 1 << 18;

const ISO_UTC = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d{1,3})?Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An ISO date-time as xsd:dateTime in UTC without milliseconds; undefined when unreadable. */
function dateTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  // Fast path for what we store (`toISOString()`): already canonical when every field is in
  // range; anything else (out-of-range fields roll over, offsets, other forms) goes through Date.
  const m = ISO_UTC.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    if (days !== undefined && day >= 1 && day <= days && m[4]! < '24' && m[5]! < '60' && m[6]! < '60')
      return `${value.slice(0, 19)}Z`;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `toGuid` for keys that recur (codes, coders): computed once per key. */
function guidCache(): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let guid = cache.get(key);
    if (guid === undefined) cache.set(key, (guid = toGuid(key)));
    return guid;
  };
}

function writeCodes(w: XmlWriter, codes: readonly ModelCode[]): void {
  const byParent = new Map<string | null, ModelCode[]>();
  for (const c of codes) {
    const list = byParent.get(c.parentKey);
    if (list) list.push(c);
    else byParent.set(c.parentKey, [c]);
  }
  const write = (c: ModelCode): void => {
    const a = attrs([
      ['guid', toGuid(c.key)],
      ['name', xmlSafe(c.name)],
      ['isCodable', 'true'],
      ['color', c.color && /^#[0-9a-fA-F]{6}$/.test(c.color) ? c.color.toUpperCase() : undefined],
    ]);
    const description = c.definition || c.description;
    const kids = byParent.get(c.key) ?? [];
    if (!description && kids.length === 0) return w.leaf('Code', a);
    w.open('Code', a);
    if (description) w.text('Description', xmlSafe(description));
    for (const k of kids) write(k);
    w.close();
  };
  for (const c of byParent.get(null) ?? []) write(c);
}

const VARIABLE_TYPE: Record<ModelAttribute['type'], string> = {
  text: 'Text',
  number: 'Float',
  date: 'Text',
  choice: 'Text',
};

interface NoteEl {
  guid: string;
  name: string;
  text: string;
}

export function buildQde(model: ProjectModel, origin: string, createdAt: string): string {
  return [...qdeChunks(model, origin, createdAt)].join('');
}

/**
 * The QDA-XML of `buildQde` in pieces of about `CHUNK` code units, so that an archive can
 * deflate each piece while the next is written and no string holds the whole document (~45 MB
 * for 100,000 annotations).
 */
function* qdeChunks(model: ProjectModel, origin: string, createdAt: string): Generator<string> {
  const created = dateTime(createdAt);
  const guidOf = guidCache();
  const notes: NoteEl[] = [];
  const note = (key: string, name: string, text: string): string => {
    const guid = toGuid(key, 'note');
    notes.push({ guid, name, text });
    return guid;
  };
  const attributes = new Map(model.attributes.map((a) => [a.key, a]));
  const valuesByDoc = new Map<string, [string, string][]>();
  for (const [doc, attr, value] of model.values) {
    const list = valuesByDoc.get(doc);
    if (list) list.push([attr, value]);
    else valuesByDoc.set(doc, [[attr, value]]);
  }
  const annotationsByDoc = new Map<string, ProjectModel['annotations']>();
  for (const a of model.annotations) {
    const list = annotationsByDoc.get(a.documentKey);
    if (list) list.push(a);
    else annotationsByDoc.set(a.documentKey, [a]);
  }

  const w = new XmlWriter();
  w.open(
    'Project',
    attrs([
      ['xmlns', PROJECT_NS],
      ['name', xmlSafe(model.name || 'Pizhu project')],
      ['origin', origin],
      ['creationDateTime', created],
    ]),
  );
  if (model.coders.length > 0) {
    w.open('Users');
    for (const c of model.coders)
      w.leaf(
        'User',
        attrs([
          ['guid', guidOf(c.key)],
          ['name', xmlSafe(c.name)],
        ]),
      );
    w.close();
  }
  if (model.codes.length > 0) {
    w.open('CodeBook');
    w.open('Codes');
    writeCodes(w, model.codes);
    w.close();
    w.close();
  }
  if (model.attributes.length > 0) {
    w.open('Variables');
    for (const a of model.attributes) {
      const at = attrs([
        ['guid', toGuid(a.key)],
        ['name', xmlSafe(a.name)],
        ['typeOfVariable', VARIABLE_TYPE[a.type]],
      ]);
      if (a.type === 'choice' && a.choices.length > 0) {
        w.open('Variable', at);
        w.text('Description', xmlSafe(a.choices.join(' | ')));
        w.close();
      } else w.leaf('Variable', at);
    }
    w.close();
  }
  if (model.documents.length > 0) {
    w.open('Sources');
    for (const d of model.documents) {
      const guid = toGuid(d.key);
      const selections = annotationsByDoc.get(d.key) ?? [];
      const values = (valuesByDoc.get(d.key) ?? []).filter(([attrKey]) => attributes.has(attrKey));
      const source = attrs([
        ['guid', guid],
        ['name', xmlSafe(d.title)],
        ['plainTextPath', `internal://${guid}.txt`],
        ['creationDateTime', created],
      ]);
      if (selections.length === 0 && !d.memo && values.length === 0) {
        w.leaf('TextSource', source);
        continue;
      }
      w.open('TextSource', source);
      // The hot path (one per annotation): written as one piece. GUIDs (hex digits and dashes),
      // positions and ISO dates never need escaping.
      const i0 = w.indentFor(0);
      const i1 = w.indentFor(1);
      const i2 = w.indentFor(2);
      for (const [i, a] of selections.entries()) {
        const key = `${d.key}/${i}/${a.start}/${a.end}/${a.codeKey}/${a.coderKey ?? ''}`;
        const when = dateTime(a.createdAt);
        const meta =
          (a.coderKey ? ` creatingUser="${guidOf(a.coderKey)}"` : '') +
          (when ? ` creationDateTime="${when}"` : '');
        const memo = a.memo ? `${i1}<NoteRef targetGUID="${note(key, 'Memo', a.memo)}"/>\n` : '';
        w.raw(
          `${i0}<PlainTextSelection guid="${toGuid(key, 'selection')}" startPosition="${a.start}" endPosition="${a.end}"${meta}>\n` +
            `${i1}<Coding guid="${toGuid(key, 'coding')}"${meta}>\n` +
            `${i2}<CodeRef targetGUID="${guidOf(a.codeKey)}"/>\n` +
            `${i1}</Coding>\n${memo}${i0}</PlainTextSelection>\n`,
        );
        if (w.size >= CHUNK) yield w.drain();
      }
      if (d.memo) w.leaf('NoteRef', attrs([['targetGUID', note(d.key, d.title, d.memo)]]));
      for (const [attrKey, value] of values) {
        const attribute = attributes.get(attrKey)!;
        w.open('VariableValue');
        w.leaf('VariableRef', attrs([['targetGUID', toGuid(attribute.key)]]));
        if (attribute.type === 'number' && /^-?\d+(\.\d+)?$/.test(value)) w.text('FloatValue', value);
        else w.text('TextValue', xmlSafe(value));
        w.close();
      }
      w.close();
      if (w.size >= CHUNK) yield w.drain();
    }
    w.close();
  }
  const projectNote = model.projectMemo ? note('project', 'Project memo', model.projectMemo) : null;
  if (notes.length > 0) {
    w.open('Notes');
    for (const n of notes) {
      w.open(
        'Note',
        attrs([
          ['guid', n.guid],
          ['name', xmlSafe(n.name)],
          ['creationDateTime', created],
        ]),
      );
      w.text('PlainTextContent', xmlSafe(n.text));
      w.close();
      if (w.size >= CHUNK) yield w.drain();
    }
    w.close();
  }
  const sets = model.sets.filter((s) => s.documentKeys.length > 0 || s.name);
  if (sets.length > 0) {
    w.open('Sets');
    for (const s of sets) {
      const at = attrs([
        ['guid', toGuid(s.key)],
        ['name', xmlSafe(s.name)],
      ]);
      if (!s.description && s.documentKeys.length === 0) {
        w.leaf('Set', at);
        continue;
      }
      w.open('Set', at);
      if (s.description) w.text('Description', xmlSafe(s.description));
      for (const k of s.documentKeys) w.leaf('MemberSource', attrs([['targetGUID', toGuid(k)]]));
      w.close();
    }
    w.close();
  }
  if (projectNote) w.leaf('NoteRef', attrs([['targetGUID', projectNote]]));
  w.close();
  yield w.drain();
}

export function buildQdc(model: ProjectModel, origin: string): string {
  const w = new XmlWriter();
  w.open(
    'CodeBook',
    attrs([
      ['xmlns', CODEBOOK_NS],
      ['origin', origin],
    ]),
  );
  if (model.codes.length > 0) {
    w.open('Codes');
    writeCodes(w, model.codes);
    w.close();
  } else w.leaf('Codes');
  w.close();
  return w.drain();
}

/**
 * The `.qdpx` archive: project.qde, one UTF-8 text file per source, and extra files (README.md).
 * The QDA-XML is deflated piece by piece as it is written (zip.ts).
 */
export function buildQdpx(
  model: ProjectModel,
  origin: string,
  createdAt: string,
  extra: Record<string, string> = {},
): Promise<Uint8Array> {
  const files = new Map<string, Iterable<string>>([['project.qde', qdeChunks(model, origin, createdAt)]]);
  for (const d of model.documents) files.set(`sources/${toGuid(d.key)}.txt`, [d.text]);
  for (const [name, text] of Object.entries(extra)) files.set(name, [text]);
  return writeZip(files);
}
