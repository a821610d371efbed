/**
 * Codebook export and import, on their own (without coding): JSON (the tree with every field)
 * and CSV (one row per code, `path` = names from the root joined with ` > `, plus `parent_path`).
 *
 * Import mode `merge`: a code is identified by its path. Codes the project lacks are created
 * (with their colour; a shortcut already used in the project is dropped); codes it has keep
 * name, colour and shortcut, and get the file's description and memo fields where the file's
 * are non-empty and differ. The whole file is validated before anything is written: a malformed
 * file → `codebook-invalid` with the line (CSV; `—` for JSON) and field, and nothing changes.
 * One import = one undoable command.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportFile } from '../../../shared/domain';
import { CODE_MEMO_FIELDS } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import type { Db } from '../db/database';
import type { ChangeSet } from '../history/log';
import { CsvSyntaxError, parseCsv } from './csv';
import { createCode, updateCode } from './operations';
import { codePaths, codeRows, type CodeRow } from './rows';

export const CODEBOOK_FORMAT = 'pizhu-codebook';
export const PATH_SEPARATOR = ' > ';

const TEXT_FIELDS = ['description', ...CODE_MEMO_FIELDS] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export const CODEBOOK_CSV_COLUMNS = [
  'path',
  'parent_path',
  'name',
  'color',
  'shortcut',
  ...TEXT_FIELDS,
] as const;

export interface JsonCode {
  name: string;
  color: string;
  shortcut: string | null;
  description: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  children: JsonCode[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function codebookFileName(at: Date, ext: 'json' | 'csv'): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `pizhu-codebook-${date}-${time}.${ext}`;
}

/** The tree in pre-order (parents before children, siblings in sort order). */
function preorder(rows: readonly CodeRow[]): { row: CodeRow; path: string[] }[] {
  const byParent = new Map<string | null, CodeRow[]>();
  for (const r of rows) byParent.set(r.parent_id, [...(byParent.get(r.parent_id) ?? []), r]);
  const out: { row: CodeRow; path: string[] }[] = [];
  const walk = (parent: string | null, path: string[]) => {
    for (const r of byParent.get(parent) ?? []) {
      out.push({ row: r, path: [...path, r.name] });
      walk(r.id, [...path, r.name]);
    }
  };
  walk(null, []);
  return out;
}

export function exportCodebook(db: Db, format: 'json' | 'csv', at: Date): ExportFile {
  const rows = codeRows(db);
  const ordered = preorder(rows);
  if (format === 'csv') {
    const records = ordered.map(({ row, path }) => ({
      path: path.join(PATH_SEPARATOR),
      parent_path: path.slice(0, -1).join(PATH_SEPARATOR),
      name: row.name,
      color: row.color,
      shortcut: row.shortcut ?? '',
      description: row.description,
      definition: row.definition,
      inclusion: row.inclusion,
      exclusion: row.exclusion,
      example: row.example,
    }));
    return {
      fileName: codebookFileName(at, 'csv'),
      mimeType: 'text/csv;charset=utf-8',
      content: stringify(records, {
        bom: true,
        header: true,
        columns: [...CODEBOOK_CSV_COLUMNS],
        record_delimiter: '\r\n',
        quoted_match: /^\s|\s$|[\r\n]/,
      }),
      rowCount: records.length,
    };
  }
  const build = (parent: string | null): JsonCode[] =>
    rows
      .filter((r) => r.parent_id === parent)
      .map((r) => ({
        name: r.name,
        color: r.color,
        shortcut: r.shortcut,
        description: r.description,
        definition: r.definition,
        inclusion: r.inclusion,
        exclusion: r.exclusion,
        example: r.example,
        children: build(r.id),
      }));
  const doc = { format: CODEBOOK_FORMAT, version: 1, exportedAt: at.toISOString(), codes: build(null) };
  return {
    fileName: codebookFileName(at, 'json'),
    mimeType: 'application/json;charset=utf-8',
    content: `${JSON.stringify(doc, null, 2)}\n`,
    rowCount: rows.length,
  };
}

/** One code of an import file, validated, with its full path. */
interface Entry {
  path: string[];
  color: string | null;
  shortcut: string | null;
  fields: Record<TextField, string>;
}

function invalid(line: number | null, field: string, detail: string): PizhuError {
  return new PizhuError('codebook-invalid', `Codebook file invalid at ${line ?? '-'} ${field}: ${detail}`, {
    line: line ?? '—',
    field,
    detail,
  });
}

const COLOR = /^#[0-9a-fA-F]{6}$/;
const SHORTCUT = /^[1-9]$/;

function checkCommon(
  line: number | null,
  where: string,
  name: string,
  color: string,
  shortcut: string,
): { name: string; color: string | null; shortcut: string | null } {
  const trimmed = name.trim();
  if (trimmed === '') throw invalid(line, `${where}name`, 'empty name');
  if (color !== '' && !COLOR.test(color)) throw invalid(line, `${where}color`, 'colour must be #rrggbb');
  if (shortcut !== '' && !SHORTCUT.test(shortcut))
    throw invalid(line, `${where}shortcut`, 'shortcut must be 1–9');
  return { name: trimmed, color: color === '' ? null : color, shortcut: shortcut === '' ? null : shortcut };
}

function parseJsonFile(content: string): Entry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(content.startsWith('\ufeff') ? content.slice(1) : content);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = /line (\d+)/.exec(message);
    throw invalid(line ? Number(line[1]) : null, 'JSON', message);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw invalid(null, '$', 'expected an object with "codes"');
  const top = doc as Record<string, unknown>;
  if (top.format !== undefined && top.format !== CODEBOOK_FORMAT)
    throw invalid(null, 'format', `expected "${CODEBOOK_FORMAT}"`);
  if (!Array.isArray(top.codes)) throw invalid(null, 'codes', 'expected an array');
  const entries: Entry[] = [];
  const walk = (list: unknown[], parent: string[], where: string) => {
    list.forEach((node, i) => {
      const at = `${where}[${i}]`;
      if (typeof node !== 'object' || node === null || Array.isArray(node))
        throw invalid(null, at, 'expected an object');
      const o = node as Record<string, unknown>;
      const str = (key: string): string => {
        const v = o[key];
        if (v === undefined || v === null) return '';
        if (typeof v !== 'string') throw invalid(null, `${at}.${key}`, 'expected a string');
        return v;
      };
      const common = checkCommon(null, `${at}.`, str('name'), str('color'), str('shortcut'));
      const fields = Object.fromEntries(TEXT_FIELDS.map((f) => [f, str(f)])) as Record<TextField, string>;
      const path = [...parent, common.name];
      entries.push({ path, color: common.color, shortcut: common.shortcut, fields });
      if (o.children !== undefined) {
        if (!Array.isArray(o.children)) throw invalid(null, `${at}.children`, 'expected an array');
        walk(o.children, path, `${at}.children`);
      }
    });
  };
  walk(top.codes, [], 'codes');
  return entries;
}

function parseCsvFile(content: string): Entry[] {
  let records;
  try {
    records = parseCsv(content);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw invalid(err.line, 'CSV', err.message);
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) throw invalid(1, 'header', 'empty file');
  const columns = header.fields.map((f) => f.trim());
  for (const c of columns)
    if (!(CODEBOOK_CSV_COLUMNS as readonly string[]).includes(c)) throw invalid(1, c, 'unknown column');
  if (new Set(columns).size !== columns.length) throw invalid(1, 'header', 'a column appears twice');
  for (const required of ['path', 'name'])
    if (!columns.includes(required)) throw invalid(1, required, 'required column missing');
  return rows.map(({ line, fields }) => {
    if (fields.length !== columns.length)
      throw invalid(line, 'row', `${fields.length} fields, the header has ${columns.length}`);
    const get = (c: string) => {
      const i = columns.indexOf(c);
      return i === -1 ? '' : fields[i]!;
    };
    const common = checkCommon(line, '', get('name'), get('color'), get('shortcut'));
    const parentPath = get('parent_path');
    const expected = parentPath === '' ? common.name : `${parentPath}${PATH_SEPARATOR}${common.name}`;
    if (get('path') !== expected) throw invalid(line, 'path', `expected "${expected}"`);
    const parent = parentPath === '' ? [] : parentPath.split(PATH_SEPARATOR);
    const fieldsOut = Object.fromEntries(TEXT_FIELDS.map((f) => [f, get(f)])) as Record<TextField, string>;
    return {
      path: [...parent, common.name],
      color: common.color,
      shortcut: common.shortcut,
      fields: fieldsOut,
    };
  });
}

export function parseCodebook(format: 'json' | 'csv', content: string): Entry[] {
  const entries = format === 'json' ? parseJsonFile(content) : parseCsvFile(content);
  const seen = new Set<string>();
  const shortcuts = new Set<string>();
  entries.forEach((e, i) => {
    const key = e.path.join('\u0000');
    if (seen.has(key))
      throw invalid(null, `#${i + 1}`, `code "${e.path.join(PATH_SEPARATOR)}" appears twice`);
    seen.add(key);
    if (e.shortcut !== null) {
      if (shortcuts.has(e.shortcut))
        throw invalid(null, `#${i + 1}.shortcut`, `key ${e.shortcut} used twice`);
      shortcuts.add(e.shortcut);
    }
  });
  return entries;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Validates everything, then applies the merge through `changes` (the caller records it). */
export function importCodebook(
  db: Db,
  changes: ChangeSet,
  format: 'json' | 'csv',
  content: string,
  now: string,
): ImportCounts {
  const entries = parseCodebook(format, content);
  const rows = codeRows(db);
  const paths = codePaths(rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name })));
  const byPath = new Map<string, string>();
  for (const [id, names] of paths) byPath.set(names.join('\u0000'), id);
  // Parents must exist in the project or come earlier in the file (checked before any write).
  const defined = new Set(byPath.keys());
  entries.forEach((e, i) => {
    const parent = e.path.slice(0, -1).join('\u0000');
    if (e.path.length > 1 && !defined.has(parent))
      throw invalid(
        null,
        `#${i + 1}`,
        `parent "${e.path.slice(0, -1).join(PATH_SEPARATOR)}" is not defined before it`,
      );
    defined.add(e.path.join('\u0000'));
  });
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const usedShortcuts = new Set(rows.map((r) => r.shortcut).filter((s): s is string => s !== null));
  for (const e of entries) {
    const key = e.path.join('\u0000');
    const existing = byPath.get(key);
    if (existing !== undefined) {
      const patch = Object.fromEntries(
        TEXT_FIELDS.filter((f) => e.fields[f] !== '').map((f) => [f, e.fields[f]]),
      );
      const before = changes.changes.length;
      updateCode(db, changes, existing, patch, now);
      if (changes.changes.length > before) counts.updated++;
      else counts.unchanged++;
      continue;
    }
    const parentId = e.path.length > 1 ? byPath.get(e.path.slice(0, -1).join('\u0000'))! : null;
    const shortcut = e.shortcut !== null && !usedShortcuts.has(e.shortcut) ? e.shortcut : null;
    if (shortcut !== null) usedShortcuts.add(shortcut);
    const row = createCode(
      db,
      changes,
      {
        name: e.path.at(-1)!,
        parentId,
        ...(e.color !== null ? { color: e.color } : {}),
        shortcut,
        ...e.fields,
      },
      now,
    );
    byPath.set(key, row.id);
    counts.created++;
  }
  return counts;
}
