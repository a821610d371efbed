/**
 * API methods of document attributes (`attributes-*`) and of managing documents in the library
 * (`documents-rename`, `documents-delete`, `documents-reorder`). See docs/api.md.
 */
import { z } from 'zod';
import { hasNoControlCharacters, id, method, NO_CONTROL_CHARACTERS } from './method';
import type { DocumentSummary, HistoryState } from '../domain';
import {
  ATTRIBUTE_TYPES,
  type Attribute,
  type AttributeChange,
  type AttributeSuggestion,
  type AttributeTable,
} from '../attributes';

const empty = z.object({}).strict();
const createInput = z
  .object({
    name: z.string().trim().min(1).max(100).refine(hasNoControlCharacters, NO_CONTROL_CHARACTERS),
    type: z.enum(ATTRIBUTE_TYPES),
    choices: z
      .array(z.string().trim().min(1).max(200).refine(hasNoControlCharacters, NO_CONTROL_CHARACTERS))
      .max(500)
      .default([]),
  })
  .strict();
const deleteInput = z.object({ id }).strict();
const setInput = z
  .object({
    attributeId: id,
    documentIds: z.array(id).min(1).max(100_000),
    /** null or '' clears the value. */
    value: z.string().max(10_000).nullable(),
  })
  .strict();
const renameInput = z
  .object({
    id,
    title: z.string().trim().min(1).max(500).refine(hasNoControlCharacters, NO_CONTROL_CHARACTERS),
  })
  .strict();
const reorderInput = z.object({ ids: z.array(id).min(1).max(1_000_000) }).strict();

export const attributesContract = {
  'attributes-list': method<typeof empty, AttributeTable>(empty),
  'attributes-create': method<typeof createInput, AttributeChange>(createInput),
  'attributes-delete': method<typeof deleteInput, { deleted: Attribute; history: HistoryState }>(deleteInput),
  'attributes-set': method<typeof setInput, { changed: number; history: HistoryState }>(setInput),
  'attributes-suggest': method<typeof empty, AttributeSuggestion[]>(empty),
  'documents-rename': method<typeof renameInput, { document: DocumentSummary; history: HistoryState }>(
    renameInput,
  ),
  'documents-delete': method<
    typeof deleteInput,
    { deleted: { id: string; title: string; annotations: number }; history: HistoryState }
  >(deleteInput),
  'documents-reorder': method<typeof reorderInput, { history: HistoryState }>(reorderInput),
};
