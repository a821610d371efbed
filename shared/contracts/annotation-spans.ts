/**
 * API method `annotations-spans`: a document's annotations without their quotes, for a caller
 * that has the document's text already (the document view cuts each quote from it). With
 * 10,000 annotations this is less than half of `annotations-list`'s bytes to read, send and parse.
 * See docs/api.md.
 */
import { z } from 'zod';
import { id, method } from './method';
import type { Annotation } from '../domain';

/** An annotation of the document asked for, without `documentId` and `text` (its quote). */
export type AnnotationSpan = Omit<Annotation, 'documentId' | 'text'>;

const spansInput = z.object({ documentId: id }).strict();

export const annotationSpansContract = {
  'annotations-spans': method<typeof spansInput, AnnotationSpan[]>(spansInput),
};
