/**
 * API handlers of the memos feature: every memo of the project in one list (project, document,
 * code and annotation memos), the project memo and document memos. Code memos are written with
 * `codes-update`, annotation memos with `annotations-update-memo`. All writes are undoable.
 *
 * The text filter is script-insensitive: query and memo are both normalised as corpus search
 * does (shared/text/normalize.ts: Traditional → Simplified character by character with OpenCC's
 * dictionary, full-width → ASCII, lower-cased), so 財政 finds 财政 and the other way round.
 * Only the kinds asked for are read.
 */
import { MEMO_MAX_LENGTH, type ApiHandlers } from '../../../shared/api';
import { CODE_MEMO_FIELDS, type MemoEntry, type MemoKind } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { normalizeText } from '../../../shared/text/normalize';
import { codePointLength } from '../../../shared/text/offsets';
import type { CoreContext } from '../context';
import { isoNow } from '../context';
import { ChangeSet, historyState, record } from '../history/log';
import { codePaths, codeRows } from '../codes/rows';
import { counts, toSummary } from '../documents/handlers';

type MemoHandlers = Pick<ApiHandlers, 'memos-list' | 'memos-update-project' | 'documents-update-memo'>;

export const PROJECT_MEMO_ID = 'project';

/**
 * Normalised forms of memo texts and owner labels already met. The memos view lists again on
 * every change of its query, and the texts rarely change in between: normalising 20,000 memos
 * was half of a `memos-list` (issue 13). Bounded: cleared when it holds `CACHE_LIMIT` texts.
 */
const normalized = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/** Lower-cased, Traditional → Simplified: the form both sides of a text filter are compared in. */
export function normalizeForSearch(text: string): string {
  let out = normalized.get(text);
  if (out === undefined) {
    out = normalizeText(text);
    if (normalized.size >= CACHE_LIMIT) normalized.clear();
    normalized.set(text, out);
  }
  return out;
}

function checkMemo(memo: string): void {
  const length = codePointLength(memo);
  if (length > MEMO_MAX_LENGTH)
    throw new PizhuError('memo-too-long', `Memo has ${length} characters, the limit is ${MEMO_MAX_LENGTH}`, {
      length,
      max: MEMO_MAX_LENGTH,
    });
}

type MemoRow = { id: string; text: string; updated_at: string };

function projectMemo(ctx: CoreContext): MemoEntry {
  const row = ctx.db.stmt('SELECT id, text, updated_at FROM memos WHERE id = ?').get(PROJECT_MEMO_ID) as
    MemoRow | undefined;
  return {
    kind: 'project',
    ownerId: PROJECT_MEMO_ID,
    ownerLabel: '',
    documentId: null,
    text: row?.text ?? '',
    updatedAt: row?.updated_at ?? null,
  };
}

/**
 * Every non-empty memo, project first, then documents, codes (tree order), annotations; only the
 * given kinds when `kinds` is set.
 */
export function allMemos(ctx: CoreContext, kinds?: readonly MemoKind[]): MemoEntry[] {
  const wanted = (k: MemoKind) => !kinds || kinds.includes(k);
  const out: MemoEntry[] = [];
  const project = projectMemo(ctx);
  if (project.text !== '' && wanted('project')) out.push(project);
  if (wanted('document')) pushDocumentMemos(ctx, out);
  if (wanted('code')) pushCodeMemos(ctx, out);
  if (wanted('annotation')) pushAnnotationMemos(ctx, out);
  return out;
}

function pushDocumentMemos(ctx: CoreContext, out: MemoEntry[]): void {
  const docs = ctx.db
    .stmt(
      `SELECT id, title, memo, memo_updated_at FROM documents WHERE memo <> '' ORDER BY sort_order, imported_at`,
    )
    .all() as { id: string; title: string; memo: string; memo_updated_at: string | null }[];
  for (const d of docs)
    out.push({
      kind: 'document',
      ownerId: d.id,
      ownerLabel: d.title,
      documentId: d.id,
      text: d.memo,
      updatedAt: d.memo_updated_at,
    });
}

function pushCodeMemos(ctx: CoreContext, out: MemoEntry[]): void {
  const rows = codeRows(ctx.db);
  const paths = codePaths(rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name })));
  for (const r of rows) {
    if (CODE_MEMO_FIELDS.every((f) => r[f] === '')) continue;
    out.push({
      kind: 'code',
      ownerId: r.id,
      ownerLabel: (paths.get(r.id) ?? [r.name]).join(' > '),
      documentId: null,
      text: r.definition,
      fields: {
        definition: r.definition,
        inclusion: r.inclusion,
        exclusion: r.exclusion,
        example: r.example,
      },
      updatedAt: r.memo_updated_at,
    });
  }
}

/**
 * The annotation memo entries of a project as last read, and the database state they were read
 * in. The memos view lists again on every change of its query; reading and ordering 20,000 memos
 * each time was most of a `memos-list` (issue 13). The state is the connection's count of changed
 * rows (`total_changes()`: every insert, update and delete on it, trigger writes and rolled back
 * ones included) and `data_version` (commits by other connections, e.g. the CLI): any write in
 * between reads the memos again. Entries are frozen: callers share them.
 */
const annotationMemoCache = new WeakMap<
  CoreContext['db'],
  { state: string; entries: readonly MemoEntry[] }
>();

function dbState(ctx: CoreContext): string {
  const changes = ctx.db.stmt('SELECT total_changes()').pluck().get() as number;
  const version = ctx.db.stmt('PRAGMA data_version').pluck().get() as number;
  return `${changes}:${version}`;
}

function pushAnnotationMemos(ctx: CoreContext, out: MemoEntry[]): void {
  const state = dbState(ctx);
  const cached = annotationMemoCache.get(ctx.db);
  if (cached?.state === state) {
    for (const e of cached.entries) out.push(e);
    return;
  }
  // Arrays, not objects, from SQLite: 20,000 memos are 20,000 rows (issue 13).
  const anns = ctx.db
    .stmt(
      `SELECT a.id, a.document_id, a.coder_id, a.quote, a.memo, a.updated_at FROM annotations a
       JOIN documents d ON d.id = a.document_id
       WHERE a.memo <> '' ORDER BY d.sort_order, a.start_offset, a.end_offset, a.id`,
    )
    .raw(true)
    .all() as [string, string, string, string, string, string][];
  const entries: MemoEntry[] = [];
  for (const [id, documentId, coderId, quote, memo, updatedAt] of anns)
    entries.push(
      Object.freeze({
        kind: 'annotation',
        ownerId: id,
        ownerLabel: quote,
        documentId,
        coderId,
        text: memo,
        updatedAt,
      } as const),
    );
  annotationMemoCache.set(ctx.db, { state, entries });
  for (const e of entries) out.push(e);
}

export function filterMemos(memos: MemoEntry[], query?: string, kinds?: readonly MemoKind[]): MemoEntry[] {
  const q = normalizeForSearch(query?.trim() ?? '');
  return memos.filter((m) => {
    if (kinds && !kinds.includes(m.kind)) return false;
    if (q === '') return true;
    const found = (h: string) => h !== '' && normalizeForSearch(h).includes(q);
    return found(m.text) || found(m.ownerLabel) || (!!m.fields && Object.values(m.fields).some(found));
  });
}

export function memoHandlers(ctx: CoreContext): MemoHandlers {
  const { db } = ctx;
  return {
    'memos-list': ({ query, kinds }) => filterMemos(allMemos(ctx, kinds), query, kinds),

    'memos-update-project': ({ memo }) => {
      checkMemo(memo);
      return db.transaction(() => {
        const before = projectMemo(ctx);
        if (before.text === memo) return { memo: before, history: historyState(db) };
        const now = isoNow(ctx);
        const changes = new ChangeSet(db);
        if (before.updatedAt === null)
          changes.insert<MemoRow>('memos', { id: PROJECT_MEMO_ID, text: memo, updated_at: now });
        else changes.update<MemoRow>('memos', PROJECT_MEMO_ID, { text: memo, updated_at: now });
        record(db, 'project-memo', changes, now);
        return { memo: projectMemo(ctx), history: historyState(db) };
      });
    },

    'documents-update-memo': ({ id, memo }) => {
      checkMemo(memo);
      return db.transaction(() => {
        const row = db.stmt('SELECT memo FROM documents WHERE id = ?').get(id) as
          { memo: string } | undefined;
        if (!row) throw new PizhuError('document-not-found', `No document ${id}`, { id });
        if (row.memo !== memo) {
          const now = isoNow(ctx);
          const changes = new ChangeSet(db);
          changes.update('documents', id, { memo, memo_updated_at: now });
          record(db, 'document-memo', changes, now);
        }
        const summary = db
          .stmt(
            'SELECT id, title, source_file, length, imported_at, memo, memo_updated_at FROM documents WHERE id = ?',
          )
          .get(id) as Parameters<typeof toSummary>[0];
        return { document: toSummary(summary, counts(ctx, id).get(id)), history: historyState(db) };
      });
    },
  };
}
