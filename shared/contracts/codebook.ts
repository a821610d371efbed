/**
 * API contract of the codebook (codes tree, code memos, codebook import/export) and memos
 * features. Spread into `apiContract` in shared/api.ts. See docs/api.md "Codebook" and "Memos".
 */
import { z } from 'zod';
import type { Code, DocumentSummary, ExportFile, HistoryState, MemoEntry } from '../domain';
import { hasNoControlCharacters, id, method, NO_CONTROL_CHARACTERS } from './method';

/** `#rrggbb`, as stored (the `codes.color` CHECK accepts exactly this). */
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb');
/** A code's shortcut key in the document view: one digit 1–9, or null for none. */
export const shortcutSchema = z
  .string()
  .regex(/^[1-9]$/, 'shortcut must be one digit 1–9')
  .nullable();
const name = z.string().max(200).refine(hasNoControlCharacters, NO_CONTROL_CHARACTERS);
const text = z.string().max(100_000);

const codeFields = {
  name,
  color: colorSchema,
  description: text,
  shortcut: shortcutSchema,
  definition: text,
  inclusion: text,
  exclusion: text,
  example: text,
};

const createInput = z
  .object({
    name,
    parentId: id.nullable().optional(),
    color: colorSchema.optional(),
    description: text.optional(),
    shortcut: shortcutSchema.optional(),
    definition: text.optional(),
    inclusion: text.optional(),
    exclusion: text.optional(),
    example: text.optional(),
  })
  .strict();

const updateInput = z
  .object({
    id,
    name: codeFields.name.optional(),
    color: codeFields.color.optional(),
    description: codeFields.description.optional(),
    shortcut: codeFields.shortcut.optional(),
    definition: codeFields.definition.optional(),
    inclusion: codeFields.inclusion.optional(),
    exclusion: codeFields.exclusion.optional(),
    example: codeFields.example.optional(),
  })
  .strict();

const moveInput = z.object({ id, parentId: id.nullable(), index: z.number().int().min(0) }).strict();
const mergeInput = z.object({ sourceId: id, targetId: id }).strict();
const deleteInput = z
  .object({
    id,
    annotations: z.enum(['delete', 'move-to-parent']),
    children: z.enum(['delete', 'move-to-parent']),
  })
  .strict();

const exportInput = z.object({ format: z.enum(['json', 'csv']) }).strict();
const importInput = z
  .object({
    format: z.enum(['json', 'csv']),
    content: z.string().max(20_000_000),
    mode: z.literal('merge').default('merge'),
  })
  .strict();

const memoKind = z.enum(['project', 'document', 'code', 'annotation']);
const memosListInput = z
  .object({ query: z.string().max(1000).optional(), kinds: z.array(memoKind).optional() })
  .strict();

type Mutation<T> = T & { history: HistoryState };

/** What a merge or delete did, for the UI's confirmation. */
export interface CodeChangeSummary {
  /** Annotations that now carry another code. */
  movedAnnotations: number;
  /** Annotations deleted (merge: exact duplicates whose memo went into the kept one). */
  deletedAnnotations: number;
  /** Codes deleted (the merged source and merged sub-codes, or the deleted subtree). */
  deletedCodes: number;
}

export interface CodebookImportResult {
  created: number;
  updated: number;
  unchanged: number;
  history: HistoryState;
}

export const codebookContract = {
  'codes-create': method<typeof createInput, Mutation<{ code: Code }>>(createInput),
  'codes-update': method<typeof updateInput, Mutation<{ code: Code }>>(updateInput),
  'codes-move': method<typeof moveInput, Mutation<{ code: Code }>>(moveInput),
  'codes-merge': method<typeof mergeInput, Mutation<{ code: Code; summary: CodeChangeSummary }>>(mergeInput),
  'codes-delete': method<typeof deleteInput, Mutation<{ summary: CodeChangeSummary }>>(deleteInput),
  'codebook-export': method<typeof exportInput, ExportFile>(exportInput),
  'codebook-import': method<typeof importInput, CodebookImportResult>(importInput),

  'memos-list': method<typeof memosListInput, MemoEntry[]>(memosListInput),
  'memos-update-project': method<z.ZodObject<{ memo: z.ZodString }>, Mutation<{ memo: MemoEntry }>>(
    z.object({ memo: z.string() }).strict(),
  ),
  'documents-update-memo': method<
    z.ZodObject<{ id: typeof id; memo: z.ZodString }>,
    Mutation<{ document: DocumentSummary }>
  >(z.object({ id, memo: z.string() }).strict()),
};
