/**
 * Quotes cut from a document's text by code points, exactly as the core cuts them (the canonical
 * text never changes): for the annotations of `annotations-spans` (no quotes on the wire), so the
 * result equals `annotations-list`, and for a provisional annotation while it is being saved.
 */
import type { AnnotationSpans } from '../../../shared/contracts/annotation-spans';
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

export function annotationsFromSpans(spans: AnnotationSpans, doc: DocumentDetail): Annotation[] {
  const memos = new Map(spans.memos);
  return spans.id.map((id, i) => {
    const start = spans.start[i]!;
    const end = spans.end[i]!;
    const createdAt = spans.createdAt[i]!;
    return {
      id,
      documentId: doc.id,
      codeId: spans.codeIds[spans.code[i]!]!,
      coderId: spans.coderIds[spans.coder[i]!]!,
      start,
      end,
      text: quoteOf(doc, start, end),
      memo: memos.get(i) ?? '',
      createdAt,
      updatedAt: spans.updatedAt[i] ?? createdAt,
    };
  });
}
