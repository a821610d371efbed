/**
 * Writes a `ProjectModel` as REFI-QDA 1.5 QDA-XML: a `.qdpx` archive (`project.qde` plus
 * `sources/<GUID>.txt`, UTF-8 without BOM, exactly the canonical text, so positions — code points,
 * end exclusive — count over exactly the text written) or a `.qdc` codebook. Coders → Users, codes
 * (nested, colours, definition as Description), documents → TextSources with one
 * PlainTextSelection + Coding per annotation, memos → Notes (annotation, document and project
 * memos, referenced with NoteRef), attributes → Variables, document sets → Sets. Built with
 * fast-xml-parser's XMLBuilder; the output validates against the official Project.xsd and
 * Codebook.xsd (tests/unit/interop/xsd.test.ts).
 */
import { createHash } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import type { ModelAttribute, ModelCode, ProjectModel } from './model';
import { writeZip } from './zip';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our ids are UUIDs; anything else (or a derived element) gets a stable name-based UUID. */
export function toGuid(id: string, salt = ''): string {
  if (!salt && UUID.test(id)) return id.toUpperCase();
  const h = createHash('sha1').update(`${salt}\u0000${id}`).digest('hex');
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

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});

type El = Record<string, unknown>;

function dateTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function codeElements(codes: readonly ModelCode[], withNotes: boolean): El[] {
  const byParent = new Map<string | null, ModelCode[]>();
  for (const c of codes) {
    const list = byParent.get(c.parentKey);
    if (list) list.push(c);
    else byParent.set(c.parentKey, [c]);
  }
  const build = (parent: string | null): El[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const el: El = {
        '@guid': toGuid(c.key),
        '@name': xmlSafe(c.name),
        '@isCodable': 'true',
      };
      if (c.color && /^#[0-9a-fA-F]{6}$/.test(c.color)) el['@color'] = c.color.toUpperCase();
      const description = c.definition || c.description;
      if (description) el.Description = xmlSafe(description);
      void withNotes;
      const kids = build(c.key);
      if (kids.length > 0) el.Code = kids;
      return el;
    });
  return build(null);
}

const VARIABLE_TYPE: Record<ModelAttribute['type'], string> = {
  text: 'Text',
  number: 'Float',
  date: 'Text',
  choice: 'Text',
};

function variableValue(attribute: ModelAttribute, value: string): El {
  const el: El = { VariableRef: { '@targetGUID': toGuid(attribute.key) } };
  if (attribute.type === 'number' && /^-?\d+(\.\d+)?$/.test(value)) el.FloatValue = value;
  else el.TextValue = xmlSafe(value);
  return el;
}

export function buildQde(model: ProjectModel, origin: string, createdAt: string): string {
  const notes: El[] = [];
  const note = (key: string, name: string, text: string): El => {
    const guid = toGuid(key, 'note');
    notes.push({
      '@guid': guid,
      '@name': xmlSafe(name),
      '@creationDateTime': dateTime(createdAt),
      PlainTextContent: xmlSafe(text),
    });
    return { '@targetGUID': guid };
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

  const project: El = {
    '@xmlns': PROJECT_NS,
    '@name': xmlSafe(model.name || 'Pizhu project'),
    '@origin': origin,
    '@creationDateTime': dateTime(createdAt),
  };
  if (model.coders.length > 0)
    project.Users = { User: model.coders.map((c) => ({ '@guid': toGuid(c.key), '@name': xmlSafe(c.name) })) };
  if (model.codes.length > 0) project.CodeBook = { Codes: { Code: codeElements(model.codes, true) } };
  if (model.attributes.length > 0)
    project.Variables = {
      Variable: model.attributes.map((a) => ({
        '@guid': toGuid(a.key),
        '@name': xmlSafe(a.name),
        '@typeOfVariable': VARIABLE_TYPE[a.type],
        ...(a.type === 'choice' && a.choices.length > 0
          ? { Description: xmlSafe(a.choices.join(' | ')) }
          : {}),
      })),
    };
  if (model.documents.length > 0) {
    project.Sources = {
      TextSource: model.documents.map((d) => {
        const guid = toGuid(d.key);
        const selections = (annotationsByDoc.get(d.key) ?? []).map((a, i) => {
          const key = `${d.key}/${i}/${a.start}/${a.end}/${a.codeKey}/${a.coderKey ?? ''}`;
          const sel: El = {
            '@guid': toGuid(key, 'selection'),
            '@startPosition': String(a.start),
            '@endPosition': String(a.end),
            '@creatingUser': a.coderKey ? toGuid(a.coderKey) : undefined,
            '@creationDateTime': dateTime(a.createdAt),
            Coding: [
              {
                '@guid': toGuid(key, 'coding'),
                '@creatingUser': a.coderKey ? toGuid(a.coderKey) : undefined,
                '@creationDateTime': dateTime(a.createdAt),
                CodeRef: { '@targetGUID': toGuid(a.codeKey) },
              },
            ],
          };
          if (a.memo) sel.NoteRef = [note(key, 'Memo', a.memo)];
          return sel;
        });
        const source: El = {
          '@guid': guid,
          '@name': xmlSafe(d.title),
          '@plainTextPath': `internal://${guid}.txt`,
          '@creationDateTime': dateTime(createdAt),
        };
        if (selections.length > 0) source.PlainTextSelection = selections;
        if (d.memo) source.NoteRef = [note(d.key, d.title, d.memo)];
        const values = (valuesByDoc.get(d.key) ?? []).flatMap(([attrKey, value]) => {
          const attribute = attributes.get(attrKey);
          return attribute ? [variableValue(attribute, value)] : [];
        });
        if (values.length > 0) source.VariableValue = values;
        return source;
      }),
    };
  }
  const projectNote = model.projectMemo ? note('project', 'Project memo', model.projectMemo) : null;
  if (notes.length > 0) project.Notes = { Note: notes };
  const sets = model.sets.filter((s) => s.documentKeys.length > 0 || s.name);
  if (sets.length > 0)
    project.Sets = {
      Set: sets.map((s) => ({
        '@guid': toGuid(s.key),
        '@name': xmlSafe(s.name),
        ...(s.description ? { Description: xmlSafe(s.description) } : {}),
        ...(s.documentKeys.length > 0
          ? { MemberSource: s.documentKeys.map((k) => ({ '@targetGUID': toGuid(k) })) }
          : {}),
      })),
    };
  if (projectNote) project.NoteRef = [projectNote];
  return builder.build({ '?xml': { '@version': '1.0', '@encoding': 'utf-8' }, Project: project });
}

export function buildQdc(model: ProjectModel, origin: string): string {
  const codebook: El = { '@xmlns': CODEBOOK_NS, '@origin': origin };
  codebook.Codes = { Code: codeElements(model.codes, false) };
  return builder.build({ '?xml': { '@version': '1.0', '@encoding': 'utf-8' }, CodeBook: codebook });
}

/** The `.qdpx` archive: project.qde, one UTF-8 text file per source, and extra files (README.md). */
export function buildQdpx(
  model: ProjectModel,
  origin: string,
  createdAt: string,
  extra: Record<string, string> = {},
): Uint8Array {
  const files: Record<string, string> = { 'project.qde': buildQde(model, origin, createdAt) };
  for (const d of model.documents) files[`sources/${toGuid(d.key)}.txt`] = d.text;
  return writeZip({ ...files, ...extra });
}
