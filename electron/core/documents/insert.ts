/**
 * Writes imported documents. The canonical text is never updated afterwards (a trigger in the
 * schema enforces it), so this is the only place document rows are created.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { DecodedText } from './decode';

export interface NewDocument extends DecodedText {
  title: string;
  sourceFile: string | null;
  sourcePath: string | null;
}

export function insertDocument(db: Db, doc: NewDocument, importedAt: string): string {
  const id = randomUUID();
  const next = db.stmt('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM documents').get() as { n: number };
  db.stmt(
    `INSERT INTO documents (id, title, source_file, source_path, text, length, sha256, encoding, cleaning, imported_at, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    doc.title,
    doc.sourceFile,
    doc.sourcePath,
    doc.text,
    doc.length,
    doc.sha256,
    doc.encoding,
    JSON.stringify(doc.cleaning),
    importedAt,
    next.n,
  );
  return id;
}
