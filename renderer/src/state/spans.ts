/**
 * Quotes cut from a document's text by code points, exactly as the core cuts them (the canonical
 * text never changes): for the annotations of `annotations-spans` (no quotes on the wire), so the
 * result equals `annotations-list`, and for a provisional annotation while it is being saved.
 */
import type { AnnotationSpan } from '../../../shared/contracts/annotation-spans';
import type { Annotation, DocumentDetail } from '../../../shared/domain';
import { OffsetIndex } from '../../../shared/text/offsets';

/** One offset index per document text (one pass over the text, kept while the document is). */
const indexes = new WeakMap<DocumentDetail, OffsetIndex>();

/** The document's text between code points [start, end). */
export function quoteOf(doc: DocumentDetail, start: number, end: number): string {
  let index = indexes.get(doc);
  if (!index) indexes.set(doc, (index = new OffsetIndex(doc.text)));
  return doc.text.slice(index.toUtf16(start), index.toUtf16(end));
}

export function annotationsFromSpans(spans: readonly AnnotationSpan[], doc: DocumentDetail): Annotation[] {
  return spans.map((s) => ({
    id: s.id,
    documentId: doc.id,
    codeId: s.codeId,
    coderId: s.coderId,
    start: s.start,
    end: s.end,
    text: quoteOf(doc, s.start, s.end),
    memo: s.memo,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  }));
}
