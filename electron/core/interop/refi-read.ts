/**
 * Reads a REFI-QDA file — a `.qdpx` archive, a bare `.qde` project or a `.qdc` codebook — into a
 * `ProjectModel`. A plain function of bytes (no database, no file system), so that it can run in a
 * worker. Tolerates what real producers write: the root `.qde` under any name, `Sources/` or
 * `sources/`, `plainTextPath` or inline `PlainTextContent`, the older codebook namespace, `A::B`
 * hierarchy in flat names, deep code trees, selections without coding (kept as document memos),
 * CRLF and UTF-16 counting (positions.ts), a BOM, an empty `<Sets/>`, users with an `id`, sources
 * missing from the archive. Everything it cannot carry over is a warning in the model.
 */
import { createHash } from 'node:crypto';
import { PizhuError } from '../../../shared/errors';
import { sliceCodePoints } from '../../../shared/text/offsets';
import { chooseConvention, canonicalText, type RawSelection } from './positions';
import { attr, child, childText, children, decodeXml, parseXml, textOf, type XmlNode } from './xml';
import { emptyModel, warn, type ModelAttribute, type ProjectModel } from './model';
import { DEFAULT_ZIP_LIMITS, isZip, readZip, type ZipLimits } from './zip';

const UNSUPPORTED_SOURCES = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'] as const;

/** Accepts `#rrggbb` and `#rgb`, returns `#rrggbb` (lower case) or null. */
export function normalizeColor(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return null;
}

interface Archive {
  qde: Uint8Array;
  /** Source files by lower-cased base name. */
  sources: Map<string, Uint8Array>;
}

function openArchive(bytes: Uint8Array, limits: ZipLimits): Archive {
  const files = readZip(bytes, (name) => !name.startsWith('__MACOSX/'), limits);
  const qdes = [...files.keys()].filter((n) => n.toLowerCase().endsWith('.qde'));
  // The root .qde under any name; prefer project.qde and the shallowest one.
  qdes.sort((a, b) => {
    const pa = a.toLowerCase().endsWith('project.qde') ? 0 : 1;
    const pb = b.toLowerCase().endsWith('project.qde') ? 0 : 1;
    return pa - pb || a.split('/').length - b.split('/').length;
  });
  const qde = qdes[0] ? files.get(qdes[0]) : undefined;
  if (!qde)
    throw new PizhuError('interop-invalid', 'The archive holds no .qde project', { detail: 'no-qde' });
  const sources = new Map<string, Uint8Array>();
  for (const [name, data] of files) {
    if (name === qdes[0]) continue;
    sources.set(baseName(name).toLowerCase(), data);
  }
  return { qde, sources };
}

function baseName(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

function decodeSource(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes); // keeps a UTF-8 BOM as U+FEFF; canonicalText removes it
}

const VARIABLE_TYPES: Record<string, ModelAttribute['type']> = {
  text: 'text',
  integer: 'number',
  float: 'number',
  date: 'date',
  datetime: 'date',
  boolean: 'choice',
};

const VALUE_ELEMENTS = [
  'TextValue',
  'IntegerValue',
  'FloatValue',
  'DateValue',
  'DateTimeValue',
  'BooleanValue',
];

export function readRefi(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ProjectModel {
  const archive: Archive = isZip(bytes) ? openArchive(bytes, limits) : { qde: bytes, sources: new Map() };
  const root = parseXml(decodeXml(archive.qde));
  const project = child(root, 'Project');
  const codebook = child(root, 'CodeBook');
  if (!project && !codebook)
    throw new PizhuError('interop-invalid', 'Neither a QDA-XML project nor a codebook', { detail: 'root' });
  const isZipped = isZip(bytes);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const format = isZipped ? 'qdpx' : project ? 'qde' : 'qdc';
  const top = (project ?? codebook)!;
  const model = emptyModel(
    format === 'qde' && ext === 'qdc' ? 'qdc' : format,
    attr(top, 'origin') ?? '',
    attr(top, 'name') ?? baseName(fileName),
  );

  // Users (coders). Some producers write `id` as well as or instead of `name`.
  for (const u of children(child(project, 'Users'), 'User')) {
    const guid = attr(u, 'guid');
    if (!guid) continue;
    const name = (attr(u, 'name') ?? '').trim() || (attr(u, 'id') ?? '').trim() || `user-${guid.slice(0, 8)}`;
    model.coders.push({ key: guid.toLowerCase(), name, color: null });
  }
  const coderKeys = new Set(model.coders.map((c) => c.key));
  const coderOf = (guid: string | null): string | null =>
    guid && coderKeys.has(guid.toLowerCase()) ? guid.toLowerCase() : null;

  readCodes(model, project ? child(project, 'CodeBook') : codebook);
  const codeKeys = new Set(model.codes.map((c) => c.key));
  if (!project) {
    if (children(child(codebook, 'Sets'), 'Set').length > 0)
      warn(model.warnings, 'code-sets-skipped', undefined, children(child(codebook, 'Sets'), 'Set').length);
    return model;
  }

  // Notes: by guid; those nobody refers to become the project memo.
  const notes = new Map<string, { name: string; text: string }>();
  for (const n of children(child(project, 'Notes'), 'Note')) {
    const guid = attr(n, 'guid');
    if (!guid) continue;
    let text = childText(n, 'PlainTextContent');
    const path = attr(n, 'plainTextPath');
    if (!text && path) {
      const data = archive.sources.get(baseName(path).toLowerCase());
      if (data) text = canonicalText(decodeSource(data)).text;
    }
    notes.set(guid.toLowerCase(), { name: attr(n, 'name') ?? '', text: canonicalText(text).text });
  }
  const usedNotes = new Set<string>();
  const noteText = (node: XmlNode): string[] =>
    children(node, 'NoteRef').flatMap((r) => {
      const key = (attr(r, 'targetGUID') ?? '').toLowerCase();
      const note = notes.get(key);
      if (!note) return [];
      usedNotes.add(key);
      return note.text ? [note.text] : [];
    });

  // Variables → attributes.
  for (const v of children(child(project, 'Variables'), 'Variable')) {
    const guid = attr(v, 'guid');
    const name = (attr(v, 'name') ?? '').trim();
    if (!guid || !name) continue;
    const type = VARIABLE_TYPES[(attr(v, 'typeOfVariable') ?? 'Text').toLowerCase()] ?? 'text';
    model.attributes.push({
      key: guid.toLowerCase(),
      name,
      type,
      choices: type === 'choice' ? ['true', 'false'] : [],
    });
  }
  const attributeKeys = new Set(model.attributes.map((a) => a.key));

  const sources = child(project, 'Sources');
  for (const kind of UNSUPPORTED_SOURCES) {
    for (const s of children(sources, kind))
      warn(model.warnings, 'unsupported-source', attr(s, 'name') ?? kind);
  }
  const documentKeys = new Set<string>();
  children(sources, 'TextSource').forEach((source, index) => {
    const guid = (attr(source, 'guid') ?? `source-${index}`).toLowerCase();
    const name = (attr(source, 'name') ?? '').trim() || `Source ${index + 1}`;
    let raw: string | null = null;
    let sha256: string | null = null;
    const inline = source['PlainTextContent'];
    const path = attr(source, 'plainTextPath');
    if (path) {
      const data = archive.sources.get(baseName(path.replace(/^internal:\/\//, '')).toLowerCase());
      if (data) {
        raw = decodeSource(data);
        sha256 = createHash('sha256').update(data).digest('hex');
      }
    }
    if (raw === null && inline !== undefined) raw = textOf(Array.isArray(inline) ? inline[0] : inline);
    if (raw === null) {
      warn(
        model.warnings,
        attr(source, 'richTextPath') && !path ? 'rich-text-ignored' : 'missing-source',
        name,
      );
      return;
    }
    const canon = canonicalText(raw);
    const body = canon.hadBom ? raw.slice(1) : raw;
    const selections = children(source, 'PlainTextSelection');
    const rawSelections: RawSelection[] = selections.map((s) => ({
      start: Number(attr(s, 'startPosition')),
      end: Number(attr(s, 'endPosition')),
      name: attr(s, 'name'),
    }));
    const { convention, map } = chooseConvention(body, canon.text, rawSelections);
    if (convention.unit !== 'code-point' || (convention.crlf === 1 && body.includes('\r\n')))
      warn(model.warnings, 'positions-converted', `${name} (${convention.unit}, CRLF = ${convention.crlf})`);
    const cleaning = [...(canon.hadBom ? ['strip-bom'] : []), ...(canon.hadCr ? ['crlf-to-lf'] : [])];
    const memo: string[] = [childText(source, 'Description'), ...noteText(source)].filter((s) => s !== '');
    const length = map[map.length - 1]!;

    selections.forEach((sel, i) => {
      const r = rawSelections[i]!;
      const valid = Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end > r.start;
      const start = valid && r.start < map.length ? map[r.start]! : -1;
      const end = valid && r.end < map.length ? map[r.end]! : -1;
      if (start < 0 || end <= start) {
        warn(
          model.warnings,
          'invalid-position',
          `${name} [${attr(sel, 'startPosition')}, ${attr(sel, 'endPosition')}]`,
        );
        return;
      }
      const selMemo = [childText(sel, 'Description'), ...noteText(sel)].filter((s) => s !== '').join('\n\n');
      const codings = children(sel, 'Coding');
      if (codings.length === 0) {
        warn(model.warnings, 'selection-without-coding', name);
        const quote = sliceCodePoints(canon.text, start, end);
        memo.push(`[${start}–${end}] «${quote}»${selMemo ? `: ${selMemo}` : ''}`);
        return;
      }
      for (const coding of codings) {
        const codeKey = (attr(child(coding, 'CodeRef'), 'targetGUID') ?? '').toLowerCase();
        if (!codeKeys.has(codeKey)) {
          warn(model.warnings, 'unknown-code', codeKey || name);
          continue;
        }
        model.annotations.push({
          documentKey: guid,
          codeKey,
          coderKey: coderOf(attr(coding, 'creatingUser')) ?? coderOf(attr(sel, 'creatingUser')),
          start,
          end,
          memo: selMemo,
          createdAt: attr(coding, 'creationDateTime') ?? attr(sel, 'creationDateTime'),
        });
      }
    });
    // Codings of the whole source.
    for (const coding of children(source, 'Coding')) {
      const codeKey = (attr(child(coding, 'CodeRef'), 'targetGUID') ?? '').toLowerCase();
      if (!codeKeys.has(codeKey) || length === 0) continue;
      model.annotations.push({
        documentKey: guid,
        codeKey,
        coderKey: coderOf(attr(coding, 'creatingUser')),
        start: 0,
        end: length,
        memo: '',
        createdAt: attr(coding, 'creationDateTime'),
      });
    }
    for (const vv of children(source, 'VariableValue')) {
      const key = (attr(child(vv, 'VariableRef'), 'targetGUID') ?? '').toLowerCase();
      if (!attributeKeys.has(key)) continue;
      const value = VALUE_ELEMENTS.map((e) => childText(vv, e)).find((v) => v.trim() !== '');
      if (value !== undefined) model.values.push([guid, key, value.trim()]);
    }
    if (canon.text.length === 0) warn(model.warnings, 'empty-text', name);
    documentKeys.add(guid);
    model.documents.push({
      key: guid,
      title: name,
      text: canon.text,
      sourceFile: path ? baseName(path.replace(/^internal:\/\//, '')) : null,
      memo: memo.join('\n\n'),
      encoding: 'utf-8',
      cleaning,
      sourceFormat: format,
      sha256,
    });
  });

  // Sets of sources → document sets; sets of codes have no counterpart.
  for (const set of children(child(project, 'Sets'), 'Set')) {
    const name = (attr(set, 'name') ?? '').trim();
    const members = children(set, 'MemberSource')
      .map((m) => (attr(m, 'targetGUID') ?? '').toLowerCase())
      .filter((k) => documentKeys.has(k));
    if (children(set, 'MemberCode').length > 0) warn(model.warnings, 'code-sets-skipped', name);
    if (!name || (members.length === 0 && children(set, 'MemberCode').length > 0)) continue;
    model.sets.push({
      key: (attr(set, 'guid') ?? name).toLowerCase(),
      name,
      color: null,
      description: childText(set, 'Description'),
      documentKeys: members,
    });
  }

  const cases = children(child(project, 'Cases'), 'Case').length;
  if (cases > 0) warn(model.warnings, 'cases-skipped', undefined, cases);
  const links = children(child(project, 'Links'), 'Link').length;
  if (links > 0) warn(model.warnings, 'links-skipped', undefined, links);
  const graphs = children(child(project, 'Graphs'), 'Graph').length;
  if (graphs > 0) warn(model.warnings, 'graphs-skipped', undefined, graphs);

  const projectNotes = [childText(project, 'Description'), ...noteText(project)];
  for (const [key, note] of notes) {
    if (!usedNotes.has(key) && note.text)
      projectNotes.push(note.name ? `${note.name}\n${note.text}` : note.text);
  }
  model.projectMemo = projectNotes.filter((s) => s !== '').join('\n\n');
  return model;
}

/** Codes, depth first; `A::B` in a name is hierarchy (intermediate codes created once). */
function readCodes(model: ProjectModel, codebook: XmlNode | null): void {
  const byPath = new Map<string, string>();
  const visit = (nodes: XmlNode[], parentKey: string | null) => {
    for (const node of nodes) {
      const guid = (attr(node, 'guid') ?? '').toLowerCase();
      const fullName = (attr(node, 'name') ?? '').trim();
      const parts = fullName
        .split('::')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      if (!guid || parts.length === 0) {
        visit(children(node, 'Code'), parentKey);
        continue;
      }
      let parent = parentKey;
      for (const part of parts.slice(0, -1)) {
        const pathKey = `${parent ?? ''}\u0000${part}`;
        let key = byPath.get(pathKey);
        if (!key) {
          key = `path:${model.codes.length}:${part}`;
          byPath.set(pathKey, key);
          model.codes.push(blankCode(key, parent, part));
        }
        parent = key;
      }
      const description = childText(node, 'Description');
      model.codes.push({
        ...blankCode(guid, parent, parts.at(-1)!),
        color: normalizeColor(attr(node, 'color')),
        definition: description,
      });
      byPath.set(`${parent ?? ''}\u0000${parts.at(-1)!}`, guid);
      visit(children(node, 'Code'), guid);
    }
  };
  visit(children(child(codebook, 'Codes'), 'Code'), null);
}

function blankCode(key: string, parentKey: string | null, name: string) {
  return {
    key,
    parentKey,
    name,
    color: null,
    description: '',
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
  };
}
