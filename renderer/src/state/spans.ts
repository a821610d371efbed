/**
 * A document's annotations from `annotations-spans` (no quotes on the wire) and the document's
 * text, which the view has anyway: each quote is cut here by code points, exactly as the core
 * cuts it (the canonical text never changes), so the result equals `annotations-list`.
 */
import type { AnnotationSpan } from '../../../shared/contracts/annotation-spans';
import type { Annotation, DocumentDetail } from '../../../shared/domain';
import { OffsetIndex } from '../../../shared/text/offsets';

export function annotationsFromSpans(spans: readonly AnnotationSpan[], doc: DocumentDetail): Annotation[] {
  const { text } = doc;
  // Code points are UTF-16 indices unless the text has characters outside the BMP.
  const index = /[\uD800-\uDFFF]/.test(text) ? new OffsetIndex(text) : null;
  return spans.map((s) => ({
    id: s.id,
    documentId: doc.id,
    codeId: s.codeId,
    coderId: s.coderId,
    start: s.start,
    end: s.end,
    text: index ? text.slice(index.toUtf16(s.start), index.toUtf16(s.end)) : text.slice(s.start, s.end),
    memo: s.memo,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  }));
}
