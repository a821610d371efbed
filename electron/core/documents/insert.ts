/**
 * Writes imported documents. The canonical text is never updated afterwards (a trigger in the
 * schema enforces it), so this is the only place document rows are built. `documentRow` makes
 * the full row (for the undo log's ChangeSet); `insertDocument` writes it directly (first-run
 * seed import, which is not an undoable user action).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { Row } from '../history/tables';
import { detectScript, type Script } from '../../../shared/text/script-detect';
import type { DecodedText } from './decode';

export interface NewDocument extends DecodedText {
  title: string;
  sourceFile: string | null;
  sourcePath: string | null;
  /** Defaults: detected from the text / txt / none. */
  script?: Script;
  sourceFormat?: string;
  rawText?: string | null;
  removedSpans?: unknown[];
  importReport?: Record<string, unknown>;
  splitFrom?: Record<string, unknown> | null;
  /** SHA-256 of `text` when the caller already has it (hashing a huge text twice costs). */
  textSha256?: string;
}

export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function nextSortOrder(db: Db): number {
  return (db.stmt('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM documents').get() as { n: number }).n;
}

export function documentRow(doc: NewDocument, importedAt: string, sortOrder: number): Row {
  return {
    id: randomUUID(),
    title: doc.title,
    source_file: doc.sourceFile,
    source_path: doc.sourcePath,
    text: doc.text,
    length: doc.length,
    sha256: doc.sha256,
    encoding: doc.encoding,
    cleaning: JSON.stringify(doc.cleaning),
    imported_at: importedAt,
    sort_order: sortOrder,
    script: doc.script ?? detectScript(doc.text),
    text_sha256: doc.textSha256 ?? textSha256(doc.text),
    source_format: doc.sourceFormat ?? 'txt',
    raw_text: doc.rawText ?? null,
    removed_spans: JSON.stringify(doc.removedSpans ?? []),
    import_report: JSON.stringify(doc.importReport ?? {}),
    split_from: doc.splitFrom ? JSON.stringify(doc.splitFrom) : null,
  };
}

export function insertDocument(db: Db, doc: NewDocument, importedAt: string): string {
  const row = documentRow(doc, importedAt, nextSortOrder(db));
  const cols = Object.keys(row);
  db.stmt(`INSERT INTO documents (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(
    row,
  );
  return row.id;
}
