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
  /** Detected script of the canonical text (shared/text/script-detect.ts). */
  script: 'simplified' | 'traditional' | 'mixed' | 'unknown';
  /** Number of annotations per code id (codes without annotations are absent). */
  annotationCounts: Record<string, number>;
  annotationTotal: number;
  /** The researcher's memo on the whole document ('' when none). */
  memo: string;
  /** When the memo last changed, or null if it was never written. */
  memoUpdatedAt: IsoTime | null;
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
  /** `txt`, `md`, `docx`, `html`, `pdf`, or `qdpx`/`qde` (REFI-QDA import). */
  format: string;
  /** SHA-256 (hex) of the canonical text in UTF-8: equal for duplicates. */
  textSha256: string | null;
  /** The decoded text before optional cleaning, when a cleaning step changed it (else null). */
  rawText: string | null;
  /** Per cleaning step: its count and edits (code points into that step's input). */
  removedSpans: {
    step: string;
    count: number;
    edits: { start: number; end: number; removed: string; inserted: string }[];
  }[];
  /** Detection, invalid bytes (count, first byte positions), suspected mojibake runs. */
  importReport: Record<string, unknown>;
  /** When this document is a part of a split: where it came from. */
  splitFrom: Record<string, unknown> | null;
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
  /** Code memo: what the code means, when to apply it, when not to, and a typical passage. */
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  /** When a memo field last changed, or null if never written. */
  memoUpdatedAt: IsoTime | null;
  /** Live counts: annotations with this code, and with this code or any code below it. */
  annotationCount: number;
  totalCount: number;
}

/** The four memo fields of a code, in the order the UI and exports show them. */
export const CODE_MEMO_FIELDS = ['definition', 'inclusion', 'exclusion', 'example'] as const;
export type CodeMemoField = (typeof CODE_MEMO_FIELDS)[number];

/** Whose memo: the project, a document, a code (its definition etc.) or an annotation. */
export type MemoKind = 'project' | 'document' | 'code' | 'annotation';

/** One memo as listed by `memos-list`. */
export interface MemoEntry {
  kind: MemoKind;
  /** Id of the owner: 'project', a document, code or annotation id. */
  ownerId: string;
  /** What to show as the owner: the document title, the code path (`问题 > 财政压力`), the quote. */
  ownerLabel: string;
  /** The document an annotation or document memo belongs to (null for project and code memos). */
  documentId: string | null;
  /** The memo text. For a code, its definition; the other fields are in `fields`. */
  text: string;
  /** Code memos only: all four fields. */
  fields?: Record<CodeMemoField, string>;
  /** Annotation memos only: the annotation's coder. */
  coderId?: string;
  updatedAt: IsoTime | null;
}

export interface Coder {
  id: string;
  name: string;
  color: string;
  isCurrent: boolean;
  /** Archived coders keep their annotations but are not offered as the current coder. */
  archived: boolean;
  /** Annotations this coder made. */
  annotationCount: number;
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
  /** Why the project is open read-only (the UI shows a banner), or null. */
  readOnly: 'requested' | 'file' | 'folder' | null;
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
  /** The memo of the annotation's document. */
  document_memo: string;
  /** The definition (code memo) of the annotation's code. */
  code_memo: string;
  /** Names of the document sets the annotation's document belongs to, in set order, joined with `; `. */
  document_sets: string;
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
  'document_memo',
  'code_memo',
  'document_sets',
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
