/**
 * The tasks the isolation worker can run, by name: plain functions from structured-cloneable
 * data to structured-cloneable data. Adding a parser is one line here plus a caller that maps its
 * failures (see import/isolated.ts).
 */
import type { CleaningStep } from '../../../shared/import';
import { clean } from '../import/cleaning';
import { docxText } from '../import/docx';
import { htmlText } from '../import/html-text';
import { pdfText } from '../import/pdf';
import { readRefi } from '../interop/refi-read';

export const TASKS = {
  docx: ({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) => docxText(bytes, fileName),
  html: ({ html }: { html: string }) => htmlText(html),
  pdf: ({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) => pdfText(bytes, fileName),
  refi: ({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) => readRefi(bytes, fileName),
  clean: ({ raw, steps, patterns }: { raw: string; steps: CleaningStep[]; patterns: string[] }) =>
    clean(raw, steps, patterns),
} satisfies Record<string, (input: never) => unknown>;

export type TaskName = keyof typeof TASKS;
export type TaskInput<K extends TaskName> = Parameters<(typeof TASKS)[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;
