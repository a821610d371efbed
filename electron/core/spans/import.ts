/**
 * Importing a span file (shared/spans.ts) as one coder's annotations. Everything is validated
 * before anything is written: every line's JSON and fields, its document, its code (unknown codes
 * are errors unless `createCodes`) and its range; the first bad line is reported with its number
 * (`spans-invalid`, params line/reason/detail) and nothing changes. Then one transaction creates the
 * coder if needed, the missing codes, and the annotations, skipping exact duplicates (same
 * document, code, coder, start and end, already stored or repeated in the file): one undo step.
 */
import { randomUUID } from 'node:crypto';
import type { SpansImportSummary } from '../../../shared/contracts/coders';
import { PizhuError } from '../../../shared/errors';
import { parseSpanLines, splitCodePath } from '../../../shared/spans';
import { isoNow, type CoreContext } from '../context';
import type { AnnotationRow } from '../annotations/rows';
import { createCode } from '../codes/operations';
import { ensureCoder, listCoders } from '../coders/operations';
import { ChangeSet, record } from '../history/log';
import { DocumentResolver, codeIdsByPath, normalizePath, type DocRef } from './resolve';

function invalid(line: number, reason: string, detail: string): PizhuError {
  return new PizhuError('spans-invalid', `Line ${line}: ${reason}: ${detail}`, { line, reason, detail });
}

interface Checked {
  line: number;
  doc: DocRef;
  path: string;
  start: number;
  end: number;
  memo: string;
}

export function importSpans(
  ctx: CoreContext,
  input: { coder: string; content: string; createCodes: boolean },
): SpansImportSummary {
  const { db } = ctx;
  const { spans, errors } = parseSpanLines(input.content);
  const firstError = errors[0];
  if (firstError) throw invalid(firstError.line, firstError.reason, firstError.field ?? firstError.message);

  const docs = new DocumentResolver(db);
  const codes = codeIdsByPath(db);
  const checked: Checked[] = [];
  for (const { line, span } of spans) {
    const doc = docs.resolve(span.document);
    if (doc === 'unknown') throw invalid(line, 'document-unknown', span.document);
    if (doc === 'ambiguous') throw invalid(line, 'document-ambiguous', span.document);
    if (span.end > doc.length) throw invalid(line, 'range', `${span.start}–${span.end} > ${doc.length}`);
    const path = normalizePath(span.code);
    if (!codes.has(path) && !input.createCodes) throw invalid(line, 'code-unknown', path);
    checked.push({ line, doc, path, start: span.start, end: span.end, memo: span.memo ?? '' });
  }

  const now = isoNow(ctx);
  return db.transaction(() => {
    const changes = new ChangeSet(db);
    const { row: coder, created: coderCreated } = ensureCoder(db, changes, input.coder, now);
    const codesCreated: string[] = [];
    const codeId = (path: string): string => {
      const known = codes.get(path);
      if (known) return known;
      let parentId: string | null = null;
      const levels = splitCodePath(path);
      levels.forEach((name, i) => {
        const prefix = levels.slice(0, i + 1).join(' > ');
        let id = codes.get(prefix);
        if (!id) {
          id = createCode(db, changes, { name, parentId }, now).id;
          codes.set(prefix, id);
          codesCreated.push(prefix);
        }
        parentId = id;
      });
      return codes.get(path)!;
    };
    const exists = db.stmt(
      `SELECT 1 FROM annotations WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?`,
    );
    const quote = db.stmt('SELECT substr(text, ? + 1, ?) AS q FROM documents WHERE id = ?');
    const seen = new Set<string>();
    let created = 0;
    let duplicates = 0;
    const documents = new Set<string>();
    for (const c of checked) {
      const code = codeId(c.path);
      const key = `${c.doc.id}\u0000${code}\u0000${c.start}\u0000${c.end}`;
      if (seen.has(key) || exists.get(c.doc.id, code, coder.id, c.start, c.end) !== undefined) {
        duplicates++;
        continue;
      }
      seen.add(key);
      documents.add(c.doc.id);
      changes.insert<AnnotationRow>('annotations', {
        id: randomUUID(),
        document_id: c.doc.id,
        code_id: code,
        coder_id: coder.id,
        start_offset: c.start,
        end_offset: c.end,
        quote: (quote.get(c.start, c.end - c.start, c.doc.id) as { q: string }).q,
        memo: c.memo,
        created_at: now,
        updated_at: now,
      });
      created++;
    }
    record(db, 'spans-import', changes, now);
    return {
      coder: listCoders(db).find((x) => x.id === coder.id)!,
      coderCreated,
      lines: spans.length,
      created,
      duplicates,
      codesCreated,
      documents: documents.size,
    };
  });
}
