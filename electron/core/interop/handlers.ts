/**
 * API handlers of project exchange: `interop-preview` (read a file, say what it holds and which
 * codes have no match) and `interop-import` (merge it into the open project: one transaction, one
 * undo step, a report). A `.pizhu` file (or any SQLite file) is another Pizhu project; anything
 * else is read as REFI-QDA. Nothing is written when reading fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiHandlers } from '../../../shared/api';
import { PizhuError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { historyState } from '../history/log';
import type { ProjectModel } from './model';
import { mergeModel, previewMerge } from './merge';
import { readPizhuFile } from './pizhu-read';
import { parseIsolated } from '../import/isolated';

type InteropHandlers = Pick<ApiHandlers, 'interop-preview' | 'interop-import'>;

/** Largest exchange file accepted (bytes). */
export const MAX_INTEROP_BYTES = 200 * 1024 * 1024;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && Buffer.from(bytes.subarray(0, 16)).toString('latin1') === SQLITE_MAGIC;
}

/**
 * Reads an exchange file's bytes into a model: REFI-QDA in the isolation worker (heap and time
 * limits, so a hostile archive or XML fails alone), a Pizhu project via a temporary copy.
 */
export async function readExchangeBytes(
  ctx: CoreContext,
  fileName: string,
  bytes: Uint8Array,
): Promise<ProjectModel> {
  if (bytes.length > MAX_INTEROP_BYTES)
    throw new PizhuError('import-too-large', `${fileName} is larger than ${MAX_INTEROP_BYTES} bytes`, {
      size: bytes.length,
      limit: MAX_INTEROP_BYTES,
    });
  if (!isSqlite(bytes)) return parseIsolated('refi', { bytes, fileName }, fileName);
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-merge-'));
  try {
    const file = join(dir, 'incoming.pizhu');
    writeFileSync(file, bytes);
    const model = readPizhuFile(ctx.db, file);
    model.name = fileName.split(/[/\\]/).pop() ?? fileName;
    return model;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function historyKindOf(model: ProjectModel): string {
  return model.format === 'pizhu' ? 'project-merge' : 'refi-import';
}

export function interopHandlers(ctx: CoreContext): InteropHandlers {
  const decode = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
  return {
    'interop-preview': async ({ fileName, contentBase64 }) => {
      const model = await readExchangeBytes(ctx, fileName, decode(contentBase64));
      const { unmatched, matchedDocuments } = previewMerge(ctx.db, model);
      return {
        format: model.format,
        origin: model.origin,
        documents: model.documents.length,
        matchedDocuments,
        codes: model.codes.length,
        annotations: model.annotations.length,
        coders: model.coders.map((c) => c.name),
        unmatchedCodes: unmatched,
        warnings: model.warnings,
      };
    },
    'interop-import': async ({ fileName, contentBase64, codeMap }) => {
      const model = await readExchangeBytes(ctx, fileName, decode(contentBase64));
      const report = mergeModel(ctx, model, { codeMap, historyKind: historyKindOf(model) });
      return { report, history: historyState(ctx.db) };
    },
  };
}
