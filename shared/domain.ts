/**
 * Domain types shared by the core and the renderer.
 *
 * Offsets (`start`, `end`, `length`) are always Unicode code points into a document's canonical
 * text, so that Python's `text[start:end]` and R's `substr()` on the exported text give the quote.
 * The renderer converts to and from UTF-16 with `shared/text/offsets.ts`.
 */

/** Timestamps are ISO 8601 strings in UTC with milliseconds, e.g. `2026-11-23T11:40:00.000Z`. */
export type IsoTime = string;

export interface DocumentSummary {
  id: string;
  title: string;
  /** File name the document was imported from (no directory), or null when typed in. */
  sourceFile: string | null;
  /** Length of the canonical text in code points. */
  length: number;
  importedAt: IsoTime;
  /** Number of annotations per code id (codes without annotations are absent). */
  annotationCounts: Record<string, number>;
  annotationTotal: number;
}

export interface DocumentDetail extends DocumentSummary {
  /** The canonical text: immutable once imported. */
  text: string;
  /** Provenance of the import. */
  provenance: DocumentProvenance;
}

export interface DocumentProvenance {
  /** SHA-256 (hex) of the raw bytes read from the source file. */
  sha256: string;
  /** Encoding the raw bytes were decoded with, e.g. `utf-8`. */
  encoding: string;
  /** Absolute path of the source at import time, when known. */
  sourcePath: string | null;
  /** Cleaning steps applied to the raw text before it became canonical (empty: none). */
  cleaning: string[];
}

export interface Code {
  id: string;
  parentId: string | null;
  name: string;
  /** CSS colour, `#rrggbb`. */
  color: string;
  description: string;
  /** A single key (`1`–`9`) that applies this code in the document view, or null. */
  shortcut: string | null;
  sortOrder: number;
}

export interface Coder {
  id: string;
  name: string;
  color: string;
  isCurrent: boolean;
}

export interface Annotation {
  id: string;
  documentId: string;
  codeId: string;
  coderId: string;
  /** Code-point offsets into the canonical text, `start < end`. */
  start: number;
  end: number;
  /** The quoted text: exactly the canonical text between `start` and `end`. */
  text: string;
  memo: string;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

/** What the undo/redo log can undo or redo next. */
export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** Kind of the command that undo would revert, for labels such as "Undo delete". */
  undoKind: HistoryKind | null;
  redoKind: HistoryKind | null;
}

/**
 * What kind of command an undo/redo step is, e.g. `annotation-create`, `annotation-delete`,
 * `annotation-memo`; features add their own (`code-merge`, `search-code`, …). The UI shows
 * `history.<kind>` from its message tables, with a generic label for kinds it does not know.
 */
export type HistoryKind = string;

/** What an undo or redo changed, so that the UI can refresh the right views. */
export interface HistoryEffect {
  kind: HistoryKind;
  direction: 'undo' | 'redo';
  /** Documents whose row or annotations changed. */
  documentIds: string[];
  annotationIds: string[];
  /** Tables the command touched (`annotations`, `codes`, `documents`, …). */
  tables: string[];
}

export interface ProjectInfo {
  /** Absolute path of the project file. */
  file: string;
  schemaVersion: number;
  documentCount: number;
  annotationCount: number;
  currentCoderId: string;
  history: HistoryState;
}

export type ExportFormat = 'csv' | 'jsonl';

/** One row of the coded dataset (CSV columns / JSONL keys, in this order). */
export interface DatasetRow {
  annotation_id: string;
  document_id: string;
  document_title: string;
  source_file: string;
  code: string;
  /** Names from the root code down, joined with ` > `. */
  code_path: string;
  coder: string;
  start: number;
  end: number;
  text: string;
  memo: string;
  created_at: IsoTime;
  updated_at: IsoTime;
}

export const DATASET_COLUMNS = [
  'annotation_id',
  'document_id',
  'document_title',
  'source_file',
  'code',
  'code_path',
  'coder',
  'start',
  'end',
  'text',
  'memo',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof DatasetRow)[];

/** How `ExportFile.content` is encoded: text as is, or binary (XLSX, PNG) as base64. */
export type FileEncoding = 'utf-8' | 'base64';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  /** The file: text, or base64 of the bytes when `encoding` is `'base64'`. */
  content: string;
  /** Absent means `'utf-8'` (text exports). */
  encoding?: FileEncoding;
  rowCount: number;
}
