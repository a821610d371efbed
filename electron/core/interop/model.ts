/**
 * The intermediate "incoming project": what any source (a REFI-QDA file, another Pizhu project)
 * is read into before it is merged into the open project, and what the REFI-QDA writer is fed
 * from the open project. Keys are the source's own identifiers (GUIDs, row ids); they only link
 * the parts together and never become ids in our database. Offsets are code points into `text`,
 * end exclusive, already converted from however the producer counted them.
 */
import type { InteropFormat, InteropWarning, InteropWarningKind } from '../../../shared/contracts/interop';

export interface ModelCoder {
  key: string;
  name: string;
  color: string | null;
}

export interface ModelCode {
  key: string;
  /** null: a root code. Parents always come before their children in `codes`. */
  parentKey: string | null;
  name: string;
  color: string | null;
  description: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
}

export interface ModelDocument {
  key: string;
  title: string;
  /** The canonical text (LF line ends, no BOM). */
  text: string;
  sourceFile: string | null;
  memo: string;
  /** Provenance as the source knows it. */
  encoding: string;
  cleaning: string[];
  sourceFormat: string;
  /** SHA-256 of the bytes the text came from (the source file inside the archive), when known. */
  sha256: string | null;
}

export interface ModelAnnotation {
  documentKey: string;
  codeKey: string;
  /** null: the file does not say who coded it (the current coder takes it). */
  coderKey: string | null;
  start: number;
  end: number;
  memo: string;
  createdAt: string | null;
}

export interface ModelAttribute {
  key: string;
  name: string;
  type: 'text' | 'number' | 'date' | 'choice';
  choices: string[];
}

export interface ModelSet {
  key: string;
  name: string;
  color: string | null;
  description: string;
  documentKeys: string[];
}

export interface ProjectModel {
  format: InteropFormat;
  origin: string;
  name: string;
  coders: ModelCoder[];
  codes: ModelCode[];
  documents: ModelDocument[];
  annotations: ModelAnnotation[];
  attributes: ModelAttribute[];
  /** Attribute values per document: `[documentKey, attributeKey, value]`. */
  values: [string, string, string][];
  sets: ModelSet[];
  /** Project-level memo (REFI: notes attached to nothing else). */
  projectMemo: string;
  /** What the reader could not carry over. */
  warnings: InteropWarning[];
}

export function emptyModel(format: InteropFormat, origin: string, name = ''): ProjectModel {
  return {
    format,
    origin,
    name,
    coders: [],
    codes: [],
    documents: [],
    annotations: [],
    attributes: [],
    values: [],
    sets: [],
    projectMemo: '',
    warnings: [],
  };
}

const MAX_ITEMS = 20;

/** Adds one occurrence of a warning (counts all, names the first few). */
export function warn(warnings: InteropWarning[], kind: InteropWarningKind, item?: string, count = 1): void {
  let w = warnings.find((x) => x.kind === kind);
  if (!w) {
    w = { kind, count: 0, items: [] };
    warnings.push(w);
  }
  w.count += count;
  if (item !== undefined && w.items.length < MAX_ITEMS && !w.items.includes(item)) w.items.push(item);
}

/** Code paths (names from the root down) by key. */
export function modelCodePaths(codes: readonly ModelCode[]): Map<string, string[]> {
  const byKey = new Map(codes.map((c) => [c.key, c]));
  const paths = new Map<string, string[]>();
  const pathOf = (key: string, guard: number): string[] => {
    const known = paths.get(key);
    if (known) return known;
    const code = byKey.get(key);
    if (!code) return [];
    const parent = code.parentKey && guard < 10_000 ? pathOf(code.parentKey, guard + 1) : [];
    const path = [...parent, code.name];
    paths.set(key, path);
    return path;
  };
  for (const c of codes) pathOf(c.key, 0);
  return paths;
}

export const PATH_SEPARATOR = ' > ';
