/**
 * The merge engine: puts a `ProjectModel` (a REFI-QDA file, another Pizhu project) into the open
 * project, in one transaction recorded as one undo step, and reports what it did.
 *
 * - Documents are matched by the SHA-256 of their canonical text (equal text = same document);
 *   others are added. A document memo is appended unless the project's already contains it.
 * - Codes are matched by path under their (matched or created) parent; an unmatched code is
 *   mapped to an existing code when `codeMap` says so, else created with its description.
 * - Coders are matched by name; annotations without a coder take the current coder.
 * - An annotation equal to one already there (document, code, coder, start, end) is skipped, so
 *   merging the same file twice adds nothing the second time.
 * - Attributes by name (values only where the document has none; a different value is kept and
 *   reported), sets by name (missing members added), the project memo appended unless contained.
 */
import { randomUUID } from 'node:crypto';
import { PizhuError } from '../../../shared/errors';
import type { InteropReport } from '../../../shared/contracts/interop';
import { codePointLength } from '../../../shared/text/offsets';
import type { CoreContext } from '../context';
import { isoNow } from '../context';
import type { Db } from '../db/database';
import { ChangeSet, record } from '../history/log';
import { trackTable, trackedTable, type Row } from '../history/tables';
import { documentRow, nextSortOrder, textSha256 } from '../documents/insert';
import { currentCoderId } from '../coders/current';
import { normaliseValue } from '../attributes/values';
import { PROJECT_MEMO_ID } from '../memos/handlers';
import '../sets/tables';
import '../attributes/handlers';
import { modelCodePaths, PATH_SEPARATOR, warn, type ProjectModel } from './model';

const PALETTE = ['#2e9d5b', '#d64545', '#2f6fd6', '#b7791f', '#805ad5', '#dd6b20', '#319795', '#d53f8c'];

/** Coders become undoable rows here; the coders feature may register the table first. */
function ensureCodersTracked(): void {
  try {
    trackedTable('coders');
  } catch {
    trackTable({ name: 'coders', columns: ['id', 'name', 'color', 'created_at'] });
  }
}

export interface MergeOptions {
  /** Incoming code path (` > `) → id of an existing code to use for it. */
  codeMap?: Readonly<Record<string, string>>;
  historyKind: string;
}

function emptyReport(model: ProjectModel): InteropReport {
  return {
    format: model.format,
    origin: model.origin || (model.format === 'pizhu' ? 'Pizhu' : ''),
    documents: { added: 0, matched: 0 },
    codes: { added: 0, matched: 0, mapped: 0 },
    coders: { added: 0, matched: 0 },
    annotations: { added: 0, duplicates: 0 },
    memos: { added: 0 },
    attributes: { added: 0, values: 0 },
    sets: { added: 0, members: 0 },
    warnings: model.warnings.map((w) => ({ ...w, items: [...w.items] })),
  };
}

/** Appends `incoming` to `existing` unless it is already there (so merging twice adds nothing). */
function appendMemo(existing: string, incoming: string): string | null {
  const add = incoming.trim();
  if (add === '' || existing.includes(add)) return null;
  return existing.trim() === '' ? add : `${existing}\n\n${add}`;
}

function validTime(value: string | null, fallback: string): string {
  if (!value) return fallback;
  const t = Date.parse(value);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

function childKey(parentId: string | null, name: string): string {
  return `${parentId ?? ''}\u0000${name}`;
}

export function checkCodeMap(db: Db, codeMap: Readonly<Record<string, string>> | undefined): void {
  for (const [path, id] of Object.entries(codeMap ?? {})) {
    if (!db.stmt('SELECT 1 FROM codes WHERE id = ?').get(id))
      throw new PizhuError('code-not-found', `No code ${id} to map "${path}" to`, { id });
  }
}

export function mergeModel(ctx: CoreContext, model: ProjectModel, options: MergeOptions): InteropReport {
  ensureCodersTracked();
  const db = ctx.db;
  const report = emptyReport(model);
  return db.transaction(() => {
    checkCodeMap(db, options.codeMap);
    const now = isoNow(ctx);
    const cs = new ChangeSet(db);

    // Codes.
    const existing = db.stmt('SELECT id, parent_id, name, description, definition FROM codes').all() as {
      id: string;
      parent_id: string | null;
      name: string;
      description: string;
      definition: string;
    }[];
    const descriptions = new Map(existing.map((c) => [c.id, c.description]));
    const children = new Map(existing.map((c) => [childKey(c.parent_id, c.name), c.id]));
    const definitions = new Map(existing.map((c) => [c.id, c.definition]));
    const paths = modelCodePaths(model.codes);
    const codeIds = new Map<string, string>();
    const nextOrder = (parentId: string | null): number =>
      (
        db
          .stmt('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM codes WHERE parent_id IS ?')
          .get(parentId) as { n: number }
      ).n;
    let colorIndex = existing.length;
    for (const code of model.codes) {
      const parentId = code.parentKey ? (codeIds.get(code.parentKey) ?? null) : null;
      const path = (paths.get(code.key) ?? [code.name]).join(PATH_SEPARATOR);
      const found = children.get(childKey(parentId, code.name));
      if (found) {
        codeIds.set(code.key, found);
        report.codes.matched++;
        // REFI carries one Description: our definition, or the short description when there is
        // none (so a code whose description came back is not given it as a definition).
        if (code.definition && !definitions.get(found) && code.definition !== descriptions.get(found)) {
          cs.update('codes', found, { definition: code.definition, memo_updated_at: now });
          definitions.set(found, code.definition);
        }
        continue;
      }
      const mapped = options.codeMap?.[path];
      if (mapped) {
        codeIds.set(code.key, mapped);
        report.codes.mapped++;
        continue;
      }
      const id = randomUUID();
      cs.insert('codes', {
        id,
        parent_id: parentId,
        name: code.name,
        color: code.color ?? PALETTE[colorIndex++ % PALETTE.length]!,
        description: code.description,
        shortcut: null,
        sort_order: nextOrder(parentId),
        created_at: now,
        definition: code.definition,
        inclusion: code.inclusion,
        exclusion: code.exclusion,
        example: code.example,
        memo_updated_at: code.definition || code.inclusion || code.exclusion || code.example ? now : null,
      });
      children.set(childKey(parentId, code.name), id);
      codeIds.set(code.key, id);
      report.codes.added++;
    }

    // Coders.
    const coderByName = new Map(
      (db.stmt('SELECT id, name FROM coders').all() as { id: string; name: string }[]).map((c) => [
        c.name,
        c.id,
      ]),
    );
    const coderIds = new Map<string, string>();
    const usedCoders = new Set(model.annotations.map((a) => a.coderKey));
    for (const coder of model.coders) {
      const name = coder.name.trim();
      const found = coderByName.get(name);
      if (found) {
        coderIds.set(coder.key, found);
        report.coders.matched++;
        continue;
      }
      if (!usedCoders.has(coder.key)) continue; // users who coded nothing stay out
      const id = randomUUID();
      cs.insert('coders', {
        id,
        name,
        color: coder.color ?? PALETTE[coderByName.size % PALETTE.length]!,
        created_at: now,
      });
      coderByName.set(name, id);
      coderIds.set(coder.key, id);
      report.coders.added++;
    }
    const fallbackCoder = usedCoders.has(null) ? currentCoderId(db) : '';

    // Documents.
    const docByHash = new Map<string, { id: string; text: string; memo: string }>();
    for (const d of db.stmt('SELECT id, text, text_sha256, memo FROM documents').all() as {
      id: string;
      text: string;
      text_sha256: string | null;
      memo: string;
    }[])
      docByHash.set(d.text_sha256 ?? textSha256(d.text), { id: d.id, text: d.text, memo: d.memo });
    const docs = new Map<string, { id: string; text: string; length: number }>();
    // Code points of each document, split once: quotes are cut from them (not with a scan per annotation).
    const codePoints = new Map<string, string[]>();
    const cpsOf = (doc: { id: string; text: string }): string[] => {
      let cps = codePoints.get(doc.id);
      if (!cps) {
        cps = [...doc.text];
        codePoints.set(doc.id, cps);
      }
      return cps;
    };
    let sortOrder = nextSortOrder(db);
    for (const doc of model.documents) {
      const hash = textSha256(doc.text);
      const found = docByHash.get(hash);
      if (found) {
        docs.set(doc.key, { id: found.id, text: found.text, length: codePointLength(found.text) });
        report.documents.matched++;
        const memo = appendMemo(found.memo, doc.memo);
        if (memo !== null) {
          cs.update('documents', found.id, { memo, memo_updated_at: now });
          found.memo = memo;
          report.memos.added++;
        }
        continue;
      }
      const length = codePointLength(doc.text);
      const row: Row = {
        ...documentRow(
          {
            text: doc.text,
            length,
            sha256: doc.sha256 ?? hash,
            encoding: doc.encoding,
            cleaning: doc.cleaning,
            title: doc.title.slice(0, 500) || '—',
            sourceFile: doc.sourceFile,
            sourcePath: null,
            sourceFormat: doc.sourceFormat,
            importReport: { interop: { format: model.format, origin: report.origin, file: model.name } },
          },
          now,
          sortOrder++,
        ),
        memo: doc.memo.trim(),
        memo_updated_at: doc.memo.trim() ? now : null,
      };
      cs.insert('documents', row);
      if (doc.memo.trim()) report.memos.added++;
      docByHash.set(hash, { id: row.id, text: doc.text, memo: doc.memo.trim() });
      docs.set(doc.key, { id: row.id, text: doc.text, length });
      report.documents.added++;
    }

    // Annotations.
    const seen = new Set<string>();
    const keyOf = (d: string, c: string, k: string, s: number, e: number) => `${d}|${c}|${k}|${s}|${e}`;
    const existingOf = db.stmt(
      'SELECT code_id, coder_id, start_offset, end_offset FROM annotations WHERE document_id = ?',
    );
    for (const doc of new Set([...docs.values()].map((d) => d.id))) {
      for (const a of existingOf.all(doc) as {
        code_id: string;
        coder_id: string;
        start_offset: number;
        end_offset: number;
      }[])
        seen.add(keyOf(doc, a.code_id, a.coder_id, a.start_offset, a.end_offset));
    }
    for (const a of model.annotations) {
      const doc = docs.get(a.documentKey);
      const codeId = codeIds.get(a.codeKey);
      if (!doc) continue; // its source was not imported (already reported)
      if (!codeId) {
        warn(report.warnings, 'unknown-code', a.codeKey);
        continue;
      }
      const coderId = a.coderKey === null ? fallbackCoder : coderIds.get(a.coderKey);
      if (!coderId) {
        warn(report.warnings, 'unknown-code', a.coderKey ?? '');
        continue;
      }
      if (a.start < 0 || a.end <= a.start || a.end > doc.length) {
        warn(report.warnings, 'invalid-position', `${a.start}–${a.end}`);
        continue;
      }
      const key = keyOf(doc.id, codeId, coderId, a.start, a.end);
      if (seen.has(key)) {
        report.annotations.duplicates++;
        continue;
      }
      seen.add(key);
      const created = validTime(a.createdAt, now);
      cs.insert('annotations', {
        id: randomUUID(),
        document_id: doc.id,
        code_id: codeId,
        coder_id: coderId,
        start_offset: a.start,
        end_offset: a.end,
        quote: cpsOf(doc).slice(a.start, a.end).join(''),
        memo: a.memo,
        created_at: created,
        updated_at: created,
      });
      report.annotations.added++;
      if (a.memo) report.memos.added++;
    }

    mergeAttributes(db, cs, model, docs, report, now);
    mergeSets(db, cs, model, docs, report, now);

    // Project memo.
    if (model.projectMemo.trim()) {
      const row = db.stmt('SELECT text FROM memos WHERE id = ?').get(PROJECT_MEMO_ID) as
        { text: string } | undefined;
      const text = appendMemo(row?.text ?? '', model.projectMemo);
      if (text !== null) {
        if (row) cs.update('memos', PROJECT_MEMO_ID, { text, updated_at: now });
        else cs.insert('memos', { id: PROJECT_MEMO_ID, text, updated_at: now });
        report.memos.added++;
      }
    }

    record(db, options.historyKind, cs, now);
    return report;
  });
}

type DocMap = Map<string, { id: string }>;

function mergeAttributes(
  db: Db,
  cs: ChangeSet,
  model: ProjectModel,
  docs: DocMap,
  report: InteropReport,
  now: string,
): void {
  const byName = new Map(
    (
      db.stmt('SELECT id, name, type, choices FROM attributes').all() as {
        id: string;
        name: string;
        type: 'text' | 'number' | 'date' | 'choice';
        choices: string;
      }[]
    ).map((a) => [a.name, { id: a.id, type: a.type, choices: JSON.parse(a.choices) as string[] }]),
  );
  const ids = new Map<
    string,
    { id: string; name: string; type: 'text' | 'number' | 'date' | 'choice'; choices: string[] }
  >();
  let order = (db.stmt('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM attributes').get() as { n: number })
    .n;
  const used = new Set(model.values.map(([, a]) => a));
  for (const a of model.attributes) {
    const found = byName.get(a.name);
    if (found) {
      ids.set(a.key, { ...found, name: a.name });
      continue;
    }
    if (!used.has(a.key)) continue;
    const id = randomUUID();
    cs.insert('attributes', {
      id,
      name: a.name,
      type: a.type,
      choices: JSON.stringify(a.choices),
      sort_order: order++,
      created_at: now,
    });
    const entry = { id, type: a.type, choices: a.choices };
    byName.set(a.name, entry);
    ids.set(a.key, { ...entry, name: a.name });
    report.attributes.added++;
  }
  const current = db.stmt('SELECT value FROM document_attributes WHERE id = ?');
  const written = new Map<string, string>();
  for (const [docKey, attrKey, raw] of model.values) {
    const doc = docs.get(docKey);
    const attribute = ids.get(attrKey);
    if (!doc || !attribute) continue;
    let value: string;
    try {
      const v = attribute.type === 'date' ? raw.replace(/T.*$/, '') : raw;
      value = normaliseValue(v, attribute.type, attribute.choices, attribute.name);
    } catch {
      warn(report.warnings, 'value-conflict', `${attribute.name}: ${raw.slice(0, 50)}`);
      continue;
    }
    if (value === '') continue;
    const id = `${doc.id}/${attribute.id}`;
    const have = written.get(id) ?? (current.get(id) as { value: string } | undefined)?.value;
    if (have !== undefined) {
      if (have !== value) warn(report.warnings, 'value-conflict', `${attribute.name}: ${value.slice(0, 50)}`);
      continue;
    }
    cs.insert('document_attributes', { id, document_id: doc.id, attribute_id: attribute.id, value });
    written.set(id, value);
    report.attributes.values++;
  }
}

function mergeSets(
  db: Db,
  cs: ChangeSet,
  model: ProjectModel,
  docs: DocMap,
  report: InteropReport,
  now: string,
): void {
  const byName = new Map(
    (db.stmt('SELECT id, name FROM document_sets').all() as { id: string; name: string }[]).map((s) => [
      s.name,
      s.id,
    ]),
  );
  let order = (
    db.stmt('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM document_sets').get() as { n: number }
  ).n;
  const member = db.stmt('SELECT 1 FROM document_set_members WHERE set_id = ? AND document_id = ?');
  for (const set of model.sets) {
    const name = set.name.trim().slice(0, 100);
    if (!name) continue;
    let id = byName.get(name);
    if (!id) {
      id = randomUUID();
      const color = set.color && /^#[0-9a-fA-F]{6}$/.test(set.color) ? set.color : null;
      cs.insert('document_sets', { id, name, color, sort_order: order++, created_at: now });
      byName.set(name, id);
      report.sets.added++;
    }
    const added = new Set<string>();
    for (const key of set.documentKeys) {
      const doc = docs.get(key);
      if (!doc || added.has(doc.id) || member.get(id, doc.id)) continue;
      added.add(doc.id);
      cs.insert('document_set_members', { id: randomUUID(), set_id: id, document_id: doc.id, added_at: now });
      report.sets.members++;
    }
  }
}

/** What a merge would find: codes without a match (by path under matched parents), documents already present. */
export function previewMerge(
  db: Db,
  model: ProjectModel,
): { unmatched: { path: string; annotationCount: number }[]; matchedDocuments: number } {
  const existing = db.stmt('SELECT id, parent_id, name FROM codes').all() as {
    id: string;
    parent_id: string | null;
    name: string;
  }[];
  const children = new Map(existing.map((c) => [childKey(c.parent_id, c.name), c.id]));
  const paths = modelCodePaths(model.codes);
  const resolved = new Map<string, string | null>();
  const counts = new Map<string, number>();
  for (const a of model.annotations) counts.set(a.codeKey, (counts.get(a.codeKey) ?? 0) + 1);
  const unmatched: { path: string; annotationCount: number }[] = [];
  for (const code of model.codes) {
    const parentMissing = code.parentKey !== null && !resolved.get(code.parentKey);
    const parent = code.parentKey ? (resolved.get(code.parentKey) ?? null) : null;
    const found = parentMissing ? undefined : children.get(childKey(parent, code.name));
    resolved.set(code.key, found ?? null);
    if (!found)
      unmatched.push({
        path: (paths.get(code.key) ?? [code.name]).join(PATH_SEPARATOR),
        annotationCount: counts.get(code.key) ?? 0,
      });
  }
  const hashes = new Set(
    (db.stmt('SELECT text_sha256 FROM documents').all() as { text_sha256: string | null }[]).map(
      (d) => d.text_sha256,
    ),
  );
  const matchedDocuments = model.documents.filter((d) => hashes.has(textSha256(d.text))).length;
  return { unmatched, matchedDocuments };
}
