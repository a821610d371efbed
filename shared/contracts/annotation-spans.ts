/**
 * API method `annotations-spans`: a document's annotations without their quotes, column by
 * column, for a caller that has the document's text already (the document view cuts each quote
 * from it). With 10,000 annotations this is about a fifth of `annotations-list`'s bytes to read,
 * send and parse: no quotes, no key repeated per annotation, each code and coder id once.
 * See docs/api.md.
 */
import { z } from 'zod';
import { id, method } from './method';

/**
 * The annotations of one document in `annotations-list`'s order; annotation `i` is the `i`-th
 * entry of every per-annotation array.
 */
export interface AnnotationSpans {
  /** Distinct code ids and coder ids, referred to by index in `code` and `coder`. */
  codeIds: string[];
  coderIds: string[];
  id: string[];
  code: number[];
  coder: number[];
  /** Code points, end exclusive. */
  start: number[];
  end: number[];
  createdAt: string[];
  /** null where it equals `createdAt` (never changed since created). */
  updatedAt: (string | null)[];
  /** `[i, memo]` for each annotation whose memo is not empty. */
  memos: [number, string][];
}

const spansInput = z.object({ documentId: id }).strict();

export const annotationSpansContract = {
  'annotations-spans': method<typeof spansInput, AnnotationSpans>(spansInput),
};
