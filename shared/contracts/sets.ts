/**
 * API methods of document sets (`sets-*`): named, overlapping groups of documents (a document may
 * be in several sets), used to filter the library and exported as `document_sets`. See docs/api.md.
 */
import { z } from 'zod';
import { empty, hasNoControlCharacters, id, method, NO_CONTROL_CHARACTERS } from './method';
import type { HistoryState } from '../domain';

/** A document set with its members (document ids in library order). */
export interface DocumentSet {
  id: string;
  name: string;
  /** `#rrggbb` or null. */
  color: string | null;
  sortOrder: number;
  createdAt: string;
  documentIds: string[];
  documentCount: number;
}

const name = z.string().trim().min(1).max(100).refine(hasNoControlCharacters, NO_CONTROL_CHARACTERS);
const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .nullable();
const createInput = z.object({ name, color: color.optional() }).strict();
const renameInput = z.object({ id, name }).strict();
const deleteInput = z.object({ id }).strict();
const membersInput = z.object({ id, documentIds: z.array(id).min(1).max(100_000) }).strict();
const reorderInput = z.object({ ids: z.array(id).min(1).max(10_000) }).strict();

type SetChange = { set: DocumentSet; history: HistoryState };

export const setsContract = {
  'sets-list': method<typeof empty, DocumentSet[]>(empty),
  'sets-create': method<typeof createInput, SetChange>(createInput),
  'sets-rename': method<typeof renameInput, SetChange>(renameInput),
  'sets-delete': method<typeof deleteInput, { deleted: DocumentSet; history: HistoryState }>(deleteInput),
  'sets-add-documents': method<typeof membersInput, SetChange & { changed: number }>(membersInput),
  'sets-remove-documents': method<typeof membersInput, SetChange & { changed: number }>(membersInput),
  'sets-reorder': method<typeof reorderInput, { sets: DocumentSet[]; history: HistoryState }>(reorderInput),
};
