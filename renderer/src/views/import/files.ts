/**
 * Browser-side file helpers of the import dialog: which files are importable, reading a File as
 * base64 (in slices, so a 30 MB file does not build one giant intermediate string), and the
 * items of the import queue.
 */
import type { ImportCommitResult, ImportEncoding, ImportPreview } from '../../../../shared/import';
import { IMPORT_MAX_BYTES } from '../../../../shared/import';
import type { PizhuError } from '../../../../shared/errors';

export const IMPORTABLE = ['.txt', '.text', '.md', '.markdown', '.docx', '.html', '.htm', '.pdf'];

export function isImportable(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORTABLE.some((ext) => lower.endsWith(ext));
}

export type ItemStatus =
  | { kind: 'pending' }
  | { kind: 'imported'; result: ImportCommitResult }
  | { kind: 'skipped'; result: ImportCommitResult }
  | { kind: 'failed'; error: PizhuError }
  | { kind: 'cancelled' };

export interface ImportItem {
  key: string;
  file: File;
  /** Path inside a chosen folder (webkitRelativePath) or the file name. */
  label: string;
  encoding: ImportEncoding | 'auto';
  preview: ImportPreview | null;
  previewError: PizhuError | null;
  splitOnImport: boolean;
  /** Title typed by the user; empty = the guessed title (preview.title). */
  title: string;
  status: ItemStatus;
}

let seq = 0;

export function newItem(file: File): ImportItem {
  const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return {
    key: `f${++seq}`,
    file,
    label: rel && rel.length > 0 ? rel : file.name,
    encoding: 'auto',
    preview: null,
    previewError: null,
    splitOnImport: false,
    title: '',
    status: { kind: 'pending' },
  };
}

export function tooLarge(file: File): boolean {
  return file.size > IMPORT_MAX_BYTES;
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // String.fromCharCode takes its arguments on the stack: convert in slices.
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
