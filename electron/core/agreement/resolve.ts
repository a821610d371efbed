/**
 * Resolving a disagreement into the consensus coder (created if needed): the consensus coder's
 * annotations with the code that overlap the unit are replaced by the ranges chosen (one coder's
 * annotations, both coders', or an edited range; none means the code does not apply). The
 * compared coders' own annotations are never touched. One undo step (`agreement-resolve`).
 */
import { randomUUID } from 'node:crypto';
import type { Annotation } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { isoNow, type CoreContext } from '../context';
import { toAnnotation, type AnnotationRow } from '../annotations/rows';
import { ensureCoder } from '../coders/operations';
import { ChangeSet, record } from '../history/log';
import { listRowsOverlapping } from './overlap';

export interface ResolveInput {
  consensusCoder: string;
  documentId: string;
  codeId: string;
  start: number;
  end: number;
  ranges: { start: number; end: number; memo?: string | undefined }[];
}

export function resolveDisagreement(
  ctx: CoreContext,
  input: ResolveInput,
): { created: Annotation[]; removed: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const doc = db.stmt('SELECT length FROM documents WHERE id = ?').get(input.documentId) as
      { length: number } | undefined;
    if (!doc)
      throw new PizhuError('document-not-found', `No document ${input.documentId}`, { id: input.documentId });
    if (!db.stmt('SELECT 1 FROM codes WHERE id = ?').get(input.codeId))
      throw new PizhuError('code-not-found', `No code ${input.codeId}`, { id: input.codeId });
    for (const r of [{ start: input.start, end: input.end }, ...input.ranges]) {
      if (!(r.start < r.end && r.end <= doc.length))
        throw new PizhuError('range-invalid', `Range ${r.start}–${r.end} is not inside 0–${doc.length}`, {
          start: r.start,
          end: r.end,
          length: doc.length,
        });
    }
    const now = isoNow(ctx);
    const changes = new ChangeSet(db);
    const { row: coder } = ensureCoder(db, changes, input.consensusCoder, now);
    const old = listRowsOverlapping(db, input.documentId, input.codeId, [coder.id], input.start, input.end);
    for (const a of old) changes.remove('annotations', a.id);
    const quote = db.stmt('SELECT substr(text, ? + 1, ?) AS q FROM documents WHERE id = ?');
    const seen = new Set<string>();
    const created: Annotation[] = [];
    for (const r of input.ranges) {
      const key = `${r.start}/${r.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const exists = db
        .stmt(
          'SELECT 1 FROM annotations WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?',
        )
        .get(input.documentId, input.codeId, coder.id, r.start, r.end);
      if (exists !== undefined) continue;
      const row = changes.insert<AnnotationRow>('annotations', {
        id: randomUUID(),
        document_id: input.documentId,
        code_id: input.codeId,
        coder_id: coder.id,
        start_offset: r.start,
        end_offset: r.end,
        quote: (quote.get(r.start, r.end - r.start, input.documentId) as { q: string }).q,
        memo: r.memo ?? '',
        created_at: now,
        updated_at: now,
      });
      created.push(toAnnotation(row));
    }
    record(db, 'agreement-resolve', changes, now);
    return { created, removed: old.length };
  });
}
