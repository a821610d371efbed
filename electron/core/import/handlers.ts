/**
 * API handlers of the import feature: `import-preview` (nothing written), `import-commit` (one
 * file → one or more documents, one transaction, one undoable command), `documents-split-suggest`
 * and `documents-split` (one document → parts, annotations carried over, one undoable command).
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ApiHandlers, ApiParsedInput } from '../../../shared/api';
import { PizhuError } from '../../../shared/errors';
import type { ImportCommitResult, ImportedDocument } from '../../../shared/import';
import type { Script } from '../../../shared/text/script-detect';
import { detectScript } from '../../../shared/text/script-detect';
import { isoNow, type CoreContext } from '../context';
import { documentRow, nextSortOrder } from '../documents/insert';
import { ChangeSet, historyState, record } from '../history/log';
import { getRow, type Row } from '../history/tables';
import { withDeferredIndexAsync } from '../search/index-build';
import { checkSize } from './formats';
import { cutParts } from './parts';
import { guessTitle, prepareImport, toPreview } from './prepare';
import { suggestSplits } from './split';
// Registers the document_attributes table with the undo log (split moves attribute values).
import '../attributes/handlers';
import '../sets/tables';

type ImportHandlers = Pick<
  ApiHandlers,
  'import-preview' | 'import-commit' | 'documents-split-suggest' | 'documents-split'
>;

function decodeBase64(fileName: string, b64: string): Uint8Array {
  // Refuse before allocating: 4 base64 characters carry 3 bytes.
  checkSize(
    fileName,
    Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0),
  );
  return Buffer.from(b64, 'base64');
}

function summary(row: Row): ImportedDocument {
  return {
    id: row.id,
    title: row.title as string,
    length: row.length as number,
    script: row.script as Script,
  };
}

/**
 * `import-commit` on a file's bytes: the handler decodes the transport's base64 first; the CLI
 * reads the file into a Buffer and calls this directly (in-process, the input validated by the
 * same contract), which saves the base64 string and its decoded copy (~2.4× the file size).
 */
export async function commitImport(
  ctx: CoreContext,
  input: ApiParsedInput<'import-commit'>,
  bytes: Uint8Array,
): Promise<ImportCommitResult> {
  const { db } = ctx;
  const run = async (): Promise<ImportCommitResult> => {
    const p = await prepareImport(db, { ...input, bytes });
    const preview = {
      detection: p.extracted.detection,
      script: p.script,
      steps: p.records.map((r) => ({ step: r.step, count: r.count })),
      warnings: p.warnings,
    };
    const dup = p.warnings.find((w) => w.kind === 'duplicate');
    const duplicateOf = dup ? { id: dup.documentId, title: dup.title } : null;
    if (duplicateOf && input.skipDuplicates) {
      return {
        status: 'skipped-duplicate',
        documents: [],
        duplicateOf,
        preview,
        history: historyState(db),
      };
    }
    if (!/\S/.test(p.text)) {
      throw new PizhuError('import-empty', `${input.fileName} holds no text`, {
        file: input.fileName,
      });
    }
    const parts = cutParts(p.text, input.splitAt);
    const applied = p.records.filter((r) => r.count > 0);
    const cleaning = [...p.extracted.steps, ...applied.map((r) => r.step)];
    const report = {
      detection: p.extracted.detection,
      invalidBytes: {
        count: p.extracted.invalidCount,
        positions: p.extracted.invalidPositions,
        lines: p.extracted.invalidLines,
      },
      ...(p.extracted.mixed ? { mixedEncoding: p.extracted.mixed } : {}),
      mojibake: p.mojibakeCount,
    };
    const now = isoNow(ctx);
    const rows = db.transaction(() => {
      const changes = new ChangeSet(db);
      const order = nextSortOrder(db);
      // Recorded by name: the undo log does not keep a second copy of the text.
      const inserted = parts.map((part, i) =>
        changes.insertNamed(
          'documents',
          documentRow(
            {
              text: part.text,
              length: part.end - part.start,
              sha256: p.sha256,
              encoding: p.extracted.detection.encoding,
              cleaning,
              title:
                i === 0 && input.title !== undefined ? input.title : guessTitle(part.text, input.fileName),
              sourceFile: basename(input.fileName),
              sourcePath: input.sourcePath,
              script: parts.length === 1 ? p.script : detectScript(part.text),
              sourceFormat: p.extracted.format,
              // The raw text and the cleaning edits describe the whole file: kept once, on the
              // first part (or the only document), and only when a step changed something.
              rawText: i === 0 && applied.length > 0 ? p.raw : null,
              ...(parts.length === 1 ? { textSha256: p.textSha256 } : {}),
              removedSpans: i === 0 ? applied : [],
              importReport: report,
              splitFrom:
                parts.length > 1
                  ? {
                      sourceSha256: p.sha256,
                      textSha256: p.textSha256,
                      part: i + 1,
                      of: parts.length,
                      start: part.start,
                      end: part.end,
                    }
                  : null,
            },
            now,
            order + i,
          ),
        ),
      );
      record(db, 'document-import', changes, now);
      return inserted;
    });
    return {
      status: 'imported',
      documents: rows.map(summary),
      duplicateOf,
      preview,
      history: historyState(db),
    };
  };
  // Part of a bulk import: the search index is queued, built once by `search-index-build`.
  return input.deferIndex ? withDeferredIndexAsync(db, run) : run();
}

export function importHandlers(ctx: CoreContext): ImportHandlers {
  const { db } = ctx;
  const handlers: ImportHandlers = {
    'import-preview': async (input) => {
      const bytes = decodeBase64(input.fileName, input.contentBase64);
      const prepared = await prepareImport(db, { ...input, bytes });
      return toPreview(input.fileName, prepared);
    },

    'import-commit': async (input) =>
      commitImport(ctx, input, decodeBase64(input.fileName, input.contentBase64)),

    'documents-split-suggest': ({ id }) => {
      const row = db.stmt('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
      if (!row) throw new PizhuError('document-not-found', `No document ${id}`, { id });
      return suggestSplits(row.text);
    },

    'documents-split': ({ id, at }) => {
      const now = isoNow(ctx);
      const rows = db.transaction(() => {
        const original = getRow(db, 'documents', id);
        if (!original) throw new PizhuError('document-not-found', `No document ${id}`, { id });
        const parts = cutParts(original.text as string, at);
        const annotations = db
          .stmt(
            'SELECT id, start_offset, end_offset FROM annotations WHERE document_id = ? ORDER BY start_offset',
          )
          .all(id) as { id: string; start_offset: number; end_offset: number }[];
        // An annotation across a split point would have to be cut in two or dropped: both
        // change a researcher's coding silently, so the split is refused instead.
        for (const a of annotations) {
          const cut = at.find((x) => a.start_offset < x && x < a.end_offset);
          if (cut !== undefined) {
            throw new PizhuError(
              'split-crosses-annotation',
              `Annotation ${a.id} (${a.start_offset}–${a.end_offset}) crosses the split point ${cut}`,
              { annotationId: a.id, at: cut, start: a.start_offset, end: a.end_offset },
            );
          }
        }
        const changes = new ChangeSet(db);
        const baseOrder = original.sort_order as number;
        // Make room after the original for the extra parts (sort_order is mutable: undoable).
        const later = db
          .stmt('SELECT id, sort_order FROM documents WHERE sort_order > ? ORDER BY sort_order DESC')
          .all(baseOrder) as { id: string; sort_order: number }[];
        for (const d of later)
          changes.update('documents', d.id, { sort_order: d.sort_order + parts.length - 1 });
        // The parts are recorded by name (their text is the original's, which the log keeps).
        const inserted = parts.map((part, i) =>
          changes.insertNamed('documents', {
            ...documentRow(
              {
                text: part.text,
                length: part.end - part.start,
                sha256: original.sha256 as string,
                encoding: original.encoding as string,
                cleaning: JSON.parse(original.cleaning as string) as string[],
                title: guessTitle(part.text, (original.title as string) ?? ''),
                sourceFile: original.source_file as string | null,
                sourcePath: original.source_path as string | null,
                sourceFormat: original.source_format as string,
                importReport: JSON.parse(original.import_report as string) as Record<string, unknown>,
                splitFrom: {
                  documentId: id,
                  title: original.title,
                  textSha256: original.text_sha256,
                  part: i + 1,
                  of: parts.length,
                  start: part.start,
                  end: part.end,
                },
              },
              original.imported_at as string,
              baseOrder + i,
            ),
            // The memo describes the whole source: every part keeps it, like attributes and sets.
            memo: original.memo,
            memo_updated_at: original.memo_updated_at,
          }),
        );
        for (const a of annotations) {
          const k = parts.findIndex((p) => a.start_offset >= p.start && a.end_offset <= p.end);
          const part = parts[k]!;
          changes.update('annotations', a.id, {
            document_id: inserted[k]!.id,
            start_offset: a.start_offset - part.start,
            end_offset: a.end_offset - part.start,
            updated_at: now,
          });
        }
        // Attribute values (年份, 地区 …) describe the whole source: every part inherits them.
        const values = db
          .stmt('SELECT id, attribute_id, value FROM document_attributes WHERE document_id = ?')
          .all(id) as { id: string; attribute_id: string; value: string }[];
        for (const v of values) {
          changes.remove('document_attributes', v.id);
          for (const part of inserted) {
            changes.insert('document_attributes', {
              id: `${part.id}/${v.attribute_id}`,
              document_id: part.id,
              attribute_id: v.attribute_id,
              value: v.value,
            });
          }
        }
        // Set memberships (讲话, 调研报告 …) too: every part stays in the source's sets.
        for (const m of db
          .stmt('SELECT id, set_id FROM document_set_members WHERE document_id = ?')
          .all(id) as { id: string; set_id: string }[]) {
          changes.remove('document_set_members', m.id);
          for (const part of inserted)
            changes.insert('document_set_members', {
              id: randomUUID(),
              set_id: m.set_id,
              document_id: part.id,
              added_at: now,
            });
        }
        changes.remove('documents', id);
        record(db, 'document-split', changes, now);
        return inserted;
      });
      return { documents: rows.map(summary), history: historyState(db) };
    },
  };
  return handlers;
}
