/**
 * API methods of project exchange (REFI-QDA `.qdpx` / `.qde` / `.qdc`, another Pizhu project file)
 * and of the research exports (`export-file`). Importing is merging: whatever the source, an
 * incoming project is merged into the open one by the same engine (documents by text hash, codes
 * by path, coders by name), in one transaction and one undo step, and a report says what was
 * imported and what could not be carried over. See docs/api.md and docs/interop.md.
 */
import { z } from 'zod';
import { id, method } from './method';
import type { ExportFile, HistoryState } from '../domain';

/** Files the exchange import reads. */
export const INTEROP_EXTENSIONS = ['.qdpx', '.qde', '.qdc', '.pizhu'] as const;
export type InteropFormat = 'qdpx' | 'qde' | 'qdc' | 'pizhu';

/**
 * What could not be carried over (or was carried over differently), by kind. The UI translates
 * `interop.warn.<kind>` with `count`; `items` names the first few things concerned.
 */
export const INTEROP_WARNING_KINDS = [
  'selection-without-coding',
  'missing-source',
  'unsupported-source',
  'invalid-position',
  'unknown-code',
  'unknown-source',
  'cases-skipped',
  'links-skipped',
  'graphs-skipped',
  'code-sets-skipped',
  'value-conflict',
  'positions-converted',
  'rich-text-ignored',
  'empty-text',
] as const;
export type InteropWarningKind = (typeof INTEROP_WARNING_KINDS)[number];

export interface InteropWarning {
  kind: InteropWarningKind;
  count: number;
  /** The first few names concerned (source names, code paths, …), at most 20. */
  items: string[];
}

/** Counts of what an import added, found already present, or could not use. */
export interface InteropReport {
  format: InteropFormat;
  /** The producing software as the file names it (`origin`), or 'Pizhu'. */
  origin: string;
  documents: { added: number; matched: number };
  codes: { added: number; matched: number; mapped: number };
  coders: { added: number; matched: number };
  annotations: { added: number; duplicates: number };
  memos: { added: number };
  attributes: { added: number; values: number };
  sets: { added: number; members: number };
  warnings: InteropWarning[];
}

/** An incoming code whose path matches no code of the project: create it, or map it to one. */
export interface UnmatchedCode {
  /** Names from the root down, joined with ` > ` (the dataset's `code_path`). */
  path: string;
  annotationCount: number;
}

export interface InteropPreview {
  format: InteropFormat;
  origin: string;
  documents: number;
  matchedDocuments: number;
  codes: number;
  annotations: number;
  coders: string[];
  unmatchedCodes: UnmatchedCode[];
  warnings: InteropWarning[];
}

const fileInput = {
  fileName: z.string().min(1).max(1000),
  /** The file's bytes, base64 (at most 200 MB decoded; checked again by the reader's limits). */
  contentBase64: z.string().max(280_000_000),
};
const previewInput = z.object(fileInput).strict();
/** `codeMap`: incoming code path → id of an existing code to use instead of creating it. */
const importInput = z
  .object({ ...fileInput, codeMap: z.record(z.string().max(10_000), id).optional() })
  .strict();

/** Formats of `export-file`. `spans` (coders), `docx`/`html` (reading view) are added by their features. */
export const EXPORT_FILE_FORMATS = [
  'csv',
  'jsonl',
  'xlsx',
  'qdpx',
  'qdc',
  'sentences-csv',
  'sentences-jsonl',
  'parquet',
] as const;
export type ExportFileFormat = (typeof EXPORT_FILE_FORMATS)[number];

const exportInput = z
  .object({
    format: z.enum(EXPORT_FILE_FORMATS),
    /** Prefix cells starting with = + - @ (and tab/CR) with `'` for Excel (CSV/XLSX). Default true. */
    formulaGuard: z.boolean().optional(),
  })
  .strict();

/** An export and its dataset card (README.md), which goes beside it (or inside the zip). */
export interface ExportBundle extends ExportFile {
  /** The dataset card; null when it is already inside the file (QDPX). */
  card: { fileName: string; content: string } | null;
}

export const interopContract = {
  'interop-preview': method<typeof previewInput, InteropPreview>(previewInput),
  'interop-import': method<typeof importInput, { report: InteropReport; history: HistoryState }>(importInput),
  'export-file': method<typeof exportInput, ExportBundle>(exportInput),
};
