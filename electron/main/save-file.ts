/**
 * Saving an exported file: native save dialog, then an atomic write.
 *
 * The renderer asks with a suggested file name and the content: text written as UTF-8 (a CSV
 * already carries its BOM so Excel reads the Chinese text as UTF-8), or, with
 * `encoding: 'base64'`, the base64 of binary bytes (XLSX, PNG) written as those bytes. Main never lets the renderer pick a path: the user
 * picks it in the OS dialog. The write goes to a temporary file in the same folder, is flushed,
 * then renamed over the target, so an existing file is either fully replaced or left untouched —
 * never half written (a crash mid-export must not destroy an earlier export).
 *
 * Pure at run time (Node `fs` only); the dialog is injected by index.ts.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { FileFilter, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { PizhuError } from '../../shared/errors';
import type { FileEncoding } from '../../shared/domain';

export interface SaveFileRequest {
  suggestedName: string;
  content: string;
  encoding: FileEncoding;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface SaveFileResult {
  saved: boolean;
  path: string | null;
}

const MAX_NAME_LENGTH = 200;
const FALLBACK_NAME = 'export.txt';

/**
 * Makes a renderer-supplied name safe as a *default* name: no folders, no characters Windows
 * refuses, no control characters, not empty, not only dots, bounded length.
 */
export function sanitizeFileName(name: unknown): string {
  if (typeof name !== 'string') return FALLBACK_NAME;
  const base = basename(name.replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  let clean = base.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').trim();
  if (clean.length > MAX_NAME_LENGTH) {
    const ext = extname(clean).slice(0, 20);
    clean = clean.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
  }
  if (clean === '' || /^\.+$/.test(clean)) return FALLBACK_NAME;
  return clean;
}

/** Checks the IPC argument (it is `unknown` until checked). */
export function parseSaveFileRequest(input: unknown): SaveFileRequest {
  if (typeof input !== 'object' || input === null) {
    throw new PizhuError('invalid-input', 'saveFile expects { suggestedName, content }');
  }
  const { suggestedName, content, encoding = 'utf-8' } = input as Record<string, unknown>;
  if (typeof suggestedName !== 'string')
    throw new PizhuError('invalid-input', 'suggestedName must be a string');
  if (typeof content !== 'string') throw new PizhuError('invalid-input', 'content must be a string');
  if (encoding !== 'utf-8' && encoding !== 'base64')
    throw new PizhuError('invalid-input', "encoding must be 'utf-8' or 'base64'");
  // Node's decoder skips invalid characters silently: check first, so a corrupt file is never written.
  if (encoding === 'base64' && (content.length % 4 !== 0 || !BASE64.test(content)))
    throw new PizhuError('invalid-input', 'content is not valid base64');
  return { suggestedName: sanitizeFileName(suggestedName), content, encoding };
}

/** Filters for the dialog, the file's own type first. */
export function dialogFilters(fileName: string): FileFilter[] {
  const ext = extname(fileName).slice(1).toLowerCase();
  const known: Record<string, FileFilter> = {
    csv: { name: 'CSV (UTF-8)', extensions: ['csv'] },
    jsonl: { name: 'JSON Lines', extensions: ['jsonl'] },
    xlsx: { name: 'Excel', extensions: ['xlsx'] },
    png: { name: 'PNG', extensions: ['png'] },
    svg: { name: 'SVG', extensions: ['svg'] },
    json: { name: 'JSON', extensions: ['json'] },
    qdpx: { name: 'REFI-QDA Project', extensions: ['qdpx'] },
    txt: { name: 'Text', extensions: ['txt'] },
  };
  const own = known[ext];
  const all: FileFilter = { name: 'All Files', extensions: ['*'] };
  return own ? [own, all] : [all];
}

/** Writes `content` (a string as UTF-8, or bytes) to `target` through a temp file + fsync + rename. */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx');
  try {
    try {
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      else await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

export interface SaveFileDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  /** Folder the dialog opens in (the user's Documents). */
  defaultDir: string;
}

/** The whole flow: validate, ask the user where, write. Cancel → `{ saved: false }`. */
export async function saveFileWithDialog(deps: SaveFileDeps, input: unknown): Promise<SaveFileResult> {
  const request = parseSaveFileRequest(input);
  const choice = await deps.showSaveDialog({
    defaultPath: join(deps.defaultDir, request.suggestedName),
    filters: dialogFilters(request.suggestedName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { saved: false, path: null };
  await writeFileAtomic(
    choice.filePath,
    request.encoding === 'base64' ? Buffer.from(request.content, 'base64') : request.content,
  );
  return { saved: true, path: choice.filePath };
}
