/**
 * The API contract: every method the UI (and scripts, and tests) can call on the core.
 *
 * One entry per method: `input` is a zod schema that the core validates every call against (an
 * argument is `unknown` until checked), `result` carries only the result type. Both transports
 * (Electron IPC and loopback HTTP) carry exactly these methods; names are `feature-verb` and are
 * listed in docs/api.md. Keep them stable: scripts depend on them. Later features define their
 * methods in shared/contracts/<feature>.ts with the same `method()` helper.
 */
import { z } from 'zod';
import type {
  Annotation,
  Code,
  Coder,
  DocumentDetail,
  DocumentSummary,
  ExportFile,
  FileEncoding,
  HistoryEffect,
  HistoryState,
  ProjectInfo,
} from './domain';

/** Longest memo accepted, in code points. */
export const MEMO_MAX_LENGTH = 100_000;

import { empty, id, method, offset } from './contracts/method';
import { codebookContract } from './contracts/codebook';
import { importContract } from './contracts/import';
import { attributesContract } from './contracts/attributes';
import { segmentsContract } from './contracts/segments';
import { analysisContract } from './contracts/analysis';
import { searchContract } from './contracts/search';
import { setsContract } from './contracts/sets';
import { annotatedExportContract } from './contracts/annotated-export';
import { suggestContract } from './contracts/suggest';
import { interopContract } from './contracts/interop';
import { codersContract } from './contracts/coders';
import { agreementContract } from './contracts/agreement';
import { backupsContract } from './contracts/backups';
import { annotationSpansContract } from './contracts/annotation-spans';

export const apiContract = {
  'project-info': method<typeof empty, ProjectInfo>(empty),

  'documents-list': method<typeof empty, DocumentSummary[]>(empty),
  'documents-get': method<z.ZodObject<{ id: typeof id }>, DocumentDetail>(z.object({ id }).strict()),

  'codes-list': method<typeof empty, Code[]>(empty),
  'coders-list': method<typeof empty, Coder[]>(empty),

  'annotations-list': method<z.ZodObject<{ documentId: typeof id }>, Annotation[]>(
    z.object({ documentId: id }).strict(),
  ),
  'annotations-create': method<
    z.ZodObject<{
      documentId: typeof id;
      codeId: typeof id;
      start: typeof offset;
      end: typeof offset;
      memo: z.ZodOptional<z.ZodString>;
    }>,
    { annotation: Annotation; history: HistoryState }
  >(
    z
      .object({ documentId: id, codeId: id, start: offset, end: offset, memo: z.string().optional() })
      .strict(),
  ),
  'annotations-delete': method<
    z.ZodObject<{ id: typeof id }>,
    { deleted: Annotation; history: HistoryState }
  >(z.object({ id }).strict()),
  'annotations-update-memo': method<
    z.ZodObject<{ id: typeof id; memo: z.ZodString }>,
    { annotation: Annotation; history: HistoryState }
  >(z.object({ id, memo: z.string() }).strict()),

  'history-state': method<typeof empty, HistoryState>(empty),
  'history-undo': method<typeof empty, { effect: HistoryEffect; history: HistoryState }>(empty),
  'history-redo': method<typeof empty, { effect: HistoryEffect; history: HistoryState }>(empty),

  'export-dataset': method<
    z.ZodObject<{
      format: z.ZodEnum<{ csv: 'csv'; jsonl: 'jsonl' }>;
      formulaGuard: z.ZodOptional<z.ZodBoolean>;
    }>,
    ExportFile
  >(z.object({ format: z.enum(['csv', 'jsonl']), formulaGuard: z.boolean().optional() }).strict()),

  // Feature contracts (shared/contracts/<feature>.ts) are spread here, one line each:
  ...codebookContract,
  ...importContract,
  ...attributesContract,
  ...segmentsContract,
  ...analysisContract,
  ...searchContract,
  ...setsContract,
  ...annotatedExportContract,
  ...suggestContract,
  ...interopContract,
  ...codersContract,
  ...agreementContract,
  ...backupsContract,
  ...annotationSpansContract,
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
/** What a caller passes (before validation and defaults). */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
/** What a handler receives (after validation). */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiResult<M extends ApiMethod> = ApiContract[M]['result'];

export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
}

/** The core's side: one plain function per method. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiResult<M> | Promise<ApiResult<M>>;
};

/** The renderer's side: one typed call, whatever carries it. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
}

/** Electron preload bridge exposed on `window.pizhu` (checked with `satisfies` in the preload). */
export interface PizhuBridge {
  /** Calls one API method over IPC; rejects with a `WireError`-shaped value. */
  invoke(method: ApiMethod, input: unknown): Promise<unknown>;
  /** The absolute path of a file the user picked or dropped (import provenance), or null. */
  pathForFile(file: File): string | null;
  /**
   * Shows a native save dialog and writes `content` to the chosen file: UTF-8 text, or bytes
   * given as base64 when `encoding` is `'base64'` (XLSX, PNG).
   */
  saveFile(
    suggestedName: string,
    content: string,
    encoding?: FileEncoding,
  ): Promise<{ saved: boolean; path: string | null }>;
  readonly platform: string;
}
