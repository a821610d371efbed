/**
 * Domain types of importing documents (formats, encodings, cleaning, splitting), shared by the
 * core, the CLI and the import dialog. Offsets are code points, like everywhere in the API.
 */
import type { HistoryState } from './domain';
import type { Script } from './text/script-detect';

export type ImportFormat = 'txt' | 'md' | 'docx' | 'html' | 'pdf';

/** Encodings the importer can decode (text formats only; .docx/.pdf/.html carry their own). */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/**
 * Largest file accepted, in bytes. Chosen so that the base64 upload (4/3 of it, plus JSON)
 * stays under the loopback server's 50 MB request limit.
 */
export const IMPORT_MAX_BYTES = 36 * 1024 * 1024;

/** Optional cleaning steps, applied in this order and only when selected. */
export const CLEANING_STEPS = ['pinyin', 'boilerplate', 'whitespace', 'punctuation'] as const;
export type CleaningStep = (typeof CLEANING_STEPS)[number];

/** One change made by a cleaning step: code points [start, end) of the step's input text. */
export interface TextEdit {
  start: number;
  end: number;
  removed: string;
  inserted: string;
}

/** What one step did (stored as provenance: apply the edits of each step in order to raw_text). */
export interface CleaningRecord {
  step: CleaningStep;
  count: number;
  edits: TextEdit[];
}

export interface EncodingDetection {
  encoding: ImportEncoding | 'embedded';
  /**
   * How it was chosen. `embedded`: .docx/.pdf carry their own; `declared`: an HTML/XML charset
   * declaration; `frequency`: the decoding that reads most like Chinese (common characters);
   * `chardet`: older projects' records.
   */
  method:
    'bom' | 'declared' | 'utf-16-pattern' | 'utf-8-valid' | 'frequency' | 'chardet' | 'override' | 'embedded';
  /** The winning decoding's readability (0–100) when it was scored, else null. */
  confidence: number | null;
  /** A guess without a clear margin over `alternative`: the user should look at the preview. */
  weak?: boolean;
  alternative?: ImportEncoding;
}

export type ImportWarning =
  | { kind: 'invalid-bytes'; count: number; positions: number[]; lines?: number[] }
  | { kind: 'mixed-encoding'; encoding: ImportEncoding; count: number; lines: number[] }
  | { kind: 'encoding-guess'; encoding: ImportEncoding; alternative: ImportEncoding }
  | { kind: 'mojibake'; count: number; samples: { start: number; end: number; text: string }[] }
  | { kind: 'duplicate'; documentId: string; title: string };

export interface SplitSuggestion {
  /** Code point where a new document starts (a line start). */
  at: number;
  reason: 'numbered-part' | 'title-line';
  /** The line that starts the part. */
  title: string;
  /** Length of the part in code points. */
  length: number;
}

export interface ImportPreview {
  fileName: string;
  format: ImportFormat;
  detection: EncodingDetection;
  script: Script;
  title: string;
  /** Lengths (code points) of the decoded text and of the text after cleaning. */
  rawLength: number;
  length: number;
  /** First ~2,000 code points before and after cleaning. */
  before: string;
  after: string;
  steps: { step: CleaningStep; count: number }[];
  warnings: ImportWarning[];
  splits: SplitSuggestion[];
  textSha256: string;
}

export interface ImportedDocument {
  id: string;
  title: string;
  length: number;
  script: Script;
}

export interface ImportCommitResult {
  status: 'imported' | 'skipped-duplicate';
  documents: ImportedDocument[];
  /** The existing document with the same canonical text, if any. */
  duplicateOf: { id: string; title: string } | null;
  preview: Pick<ImportPreview, 'detection' | 'script' | 'steps' | 'warnings'>;
  history: HistoryState;
}

export interface SplitResult {
  documents: ImportedDocument[];
  history: HistoryState;
}
