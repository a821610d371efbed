/**
 * API methods of importing and splitting documents: `import-preview`, `import-commit`,
 * `documents-split-suggest`, `documents-split`. See docs/api.md "Import".
 */
import { z } from 'zod';
import { hasNoControlCharacters, id, method, NO_CONTROL_CHARACTERS, offset } from './method';
import {
  CLEANING_STEPS,
  IMPORT_ENCODINGS,
  type ImportCommitResult,
  type ImportPreview,
  type SplitResult,
  type SplitSuggestion,
} from '../import';

/** 50 MB of base64 is the server's body limit anyway; the core refuses > IMPORT_MAX_BYTES. */
const base64 = z.string().max(50 * 1024 * 1024);

const fileInput = {
  fileName: z.string().min(1).max(500),
  contentBase64: base64,
  encoding: z.enum(['auto', ...IMPORT_ENCODINGS]).default('auto'),
  cleaning: z.array(z.enum(CLEANING_STEPS)).max(CLEANING_STEPS.length).default([]),
  /** User-defined boilerplate patterns (JavaScript regular expressions, applied per line). */
  patterns: z.array(z.string().min(1).max(1000)).max(100).default([]),
  /** Absolute path, recorded as provenance (CLI, Electron); the browser cannot know it. */
  sourcePath: z.string().max(4000).nullable().default(null),
};

const previewInput = z.object(fileInput).strict();
const commitInput = z
  .object({
    ...fileInput,
    /** Title of the (first) document; default: the guessed title. */
    title: z.string().trim().min(1).max(500).refine(hasNoControlCharacters, NO_CONTROL_CHARACTERS).optional(),
    /** Split the cleaned text into documents at these code points (strictly increasing). */
    splitAt: z.array(offset).max(10_000).default([]),
    /** Skip the file when a document with the same canonical text exists. */
    skipDuplicates: z.boolean().default(true),
    /** Part of a bulk import: queue the search index, built at the end by `search-index-build`. */
    deferIndex: z.boolean().default(false),
  })
  .strict();

const splitSuggestInput = z.object({ id }).strict();
const splitInput = z.object({ id, at: z.array(offset).min(1).max(10_000) }).strict();

export const importContract = {
  'import-preview': method<typeof previewInput, ImportPreview>(previewInput),
  'import-commit': method<typeof commitInput, ImportCommitResult>(commitInput),
  'documents-split-suggest': method<typeof splitSuggestInput, SplitSuggestion[]>(splitSuggestInput),
  'documents-split': method<typeof splitInput, SplitResult>(splitInput),
};
