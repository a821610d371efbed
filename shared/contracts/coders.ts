/**
 * API methods of coders and span files (`coders-*`, `spans-*`): create, rename/recolour, archive,
 * choose the current coder (remembered in the project), import a span file as a coder and export
 * annotations as spans (shared/spans.ts). See docs/api.md.
 */
import { z } from 'zod';
import { id, method } from './method';
import type { Coder, ExportFile, HistoryState } from '../domain';

const name = z.string().trim().min(1).max(100);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);

const createInput = z.object({ name, color: color.optional() }).strict();
const updateInput = z.object({ id, name: name.optional(), color: color.optional() }).strict();
const archiveInput = z.object({ id, archived: z.boolean() }).strict();
const currentInput = z.object({ id }).strict();
const importInput = z
  .object({ coder: name, content: z.string().max(200_000_000), createCodes: z.boolean().default(false) })
  .strict();
const exportInput = z.object({ coderIds: z.array(id).max(1000).optional() }).strict();

/** What an import of a span file did. */
export interface SpansImportSummary {
  coder: Coder;
  coderCreated: boolean;
  lines: number;
  created: number;
  /** Spans already present for this coder (same document, code, start, end), or repeated in the file. */
  duplicates: number;
  /** Code paths created because of `createCodes`. */
  codesCreated: string[];
  documents: number;
}

type CoderChange = { coder: Coder; history: HistoryState };

export const codersContract = {
  'coders-create': method<typeof createInput, CoderChange>(createInput),
  'coders-update': method<typeof updateInput, CoderChange>(updateInput),
  'coders-archive': method<typeof archiveInput, CoderChange>(archiveInput),
  'coders-set-current': method<typeof currentInput, Coder[]>(currentInput),
  'spans-import': method<typeof importInput, SpansImportSummary & { history: HistoryState }>(importInput),
  'spans-export': method<typeof exportInput, ExportFile>(exportInput),
};
