/**
 * `search-code`: codes a batch of search hits as ONE undoable command (kind `search-code`): one
 * annotation per hit, optionally expanded to the sentence(s) or paragraph(s) it touches
 * (shared/text/sentences.ts, code points). A hit whose annotation (same document, code, start,
 * end, by the current coder — another coder's identical annotation is their independent coding,
 * which agreement compares) already exists, or that repeats an earlier hit of the batch after
 * expansion, is skipped: coding "all hits" twice, or two hits in one sentence, never doubles rows.
 */
import { cutSql } from './sql-functions';
import { randomUUID } from 'node:crypto';
import type { SearchCodeResult, SearchExpand } from '../../../shared/contracts/search';
import { PizhuError } from '../../../shared/errors';
import {
  expandToSpans,
  splitParagraphSpans,
  splitSentences,
  type Span,
} from '../../../shared/text/sentences';
import type { CoreContext } from '../context';
import { isoNow } from '../context';
import { currentCoderId } from '../coders/current';
import { ChangeSet, historyState, record } from '../history/log';
import type { AnnotationRow } from '../annotations/rows';

export interface HitRef {
  documentId: string;
  start: number;
  end: number;
}

interface DocInfo {
  length: number;
  spans: Span[] | null;
}

export function codeHits(
  ctx: CoreContext,
  hits: readonly HitRef[],
  codeId: string,
  expand: SearchExpand,
): SearchCodeResult {
  const { db } = ctx;
  return db.transaction(() => {
    if (!db.stmt('SELECT 1 FROM codes WHERE id = ?').get(codeId)) {
      throw new PizhuError('code-not-found', `No code ${codeId}`, { id: codeId });
    }
    // Validate every hit before writing anything: bad input changes nothing.
    const docs = new Map<string, DocInfo>();
    for (const hit of hits) {
      let info = docs.get(hit.documentId);
      if (!info) {
        const row = db.stmt('SELECT length FROM documents WHERE id = ?').get(hit.documentId) as
          { length: number } | undefined;
        if (!row)
          throw new PizhuError('document-not-found', `No document ${hit.documentId}`, { id: hit.documentId });
        info = { length: row.length, spans: null };
        docs.set(hit.documentId, info);
      }
      if (!(hit.start < hit.end && hit.end <= info.length)) {
        throw new PizhuError(
          'range-invalid',
          `Range ${hit.start}–${hit.end} is not inside 0–${info.length} with start < end`,
          { start: hit.start, end: hit.end, length: info.length },
        );
      }
    }
    const spansOf = (documentId: string): Span[] => {
      const info = docs.get(documentId)!;
      if (!info.spans) {
        const { text } = db.stmt('SELECT text FROM documents WHERE id = ?').get(documentId) as {
          text: string;
        };
        info.spans = expand === 'paragraph' ? splitParagraphSpans(text) : splitSentences(text);
      }
      return info.spans;
    };

    const now = isoNow(ctx);
    const coderId = currentCoderId(db);
    const exists = db.stmt(
      `SELECT 1 FROM annotations
       WHERE document_id = ? AND code_id = ? AND start_offset = ? AND end_offset = ? AND coder_id = ? LIMIT 1`,
    );
    const quote = db.stmt(
      `SELECT ${cutSql('text', '@start', '@length')} AS quote FROM documents WHERE id = @id`,
    );
    const seen = new Set<string>();
    const changes = new ChangeSet(db);
    let skipped = 0;
    for (const hit of hits) {
      const range = expand === 'none' ? hit : expandToSpans(spansOf(hit.documentId), hit);
      const key = `${hit.documentId}\u0000${range.start}\u0000${range.end}`;
      if (seen.has(key) || exists.get(hit.documentId, codeId, range.start, range.end, coderId)) {
        skipped++;
        continue;
      }
      seen.add(key);
      const row: AnnotationRow = {
        id: randomUUID(),
        document_id: hit.documentId,
        code_id: codeId,
        coder_id: coderId,
        start_offset: range.start,
        end_offset: range.end,
        // Cut by SQLite: substr counts code points, like our offsets (annotations/handlers.ts).
        quote: (
          quote.get({ start: range.start, length: range.end - range.start, id: hit.documentId }) as {
            quote: string;
          }
        ).quote,
        memo: '',
        created_at: now,
        updated_at: now,
      };
      changes.insert('annotations', row);
    }
    record(db, 'search-code', changes, now);
    return { created: changes.changes.length, skipped, history: historyState(db) };
  });
}
