/**
 * API handlers of the memos feature: every memo of the project in one list (project, document,
 * code and annotation memos), the project memo and document memos. Code memos are written with
 * `codes-update`, annotation memos with `annotations-update-memo`. All writes are undoable.
 *
 * The text filter is script-insensitive: query and memo are both normalised as corpus search
 * does (shared/text/normalize.ts: Traditional → Simplified character by character with OpenCC's
 * dictionary, full-width → ASCII, lower-cased), so 財政 finds 财政 and the other way round.
 * Only the kinds asked for are read. Annotation memos, the many, are filtered and ordered by
 * SQLite over stored normalised texts (annotation-memos.ts).
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
import { annotationMemos } from './annotation-memos';

type MemoHandlers = Pick<ApiHandlers, 'memos-list' | 'memos-update-project' | 'documents-update-memo'>;

export const PROJECT_MEMO_ID = 'project';

/**
 * Normalised forms of queries, memo texts and owner labels already met (project, document and
 * code memos; annotation memos are normalised in SQL). The memos view lists again on every
 * change of its query, and the texts rarely change in between. Bounded: cleared when it holds
 * `CACHE_LIMIT` texts.
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

/** The non-empty project, document and code memos of the given kinds, in listing order. */
function allMemos(ctx: CoreContext, kinds: readonly MemoKind[]): MemoEntry[] {
  const out: MemoEntry[] = [];
  const project = projectMemo(ctx);
  if (project.text !== '' && kinds.includes('project')) out.push(project);
  if (kinds.includes('document')) pushDocumentMemos(ctx, out);
  if (kinds.includes('code')) pushCodeMemos(ctx, out);
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
 * Every non-empty memo matching `query` (script-insensitive), project first, then documents,
 * codes (tree order), annotations; only the given kinds when `kinds` is set. Annotation memos
 * are filtered by SQLite over their stored normalised texts (annotation-memos.ts): a project
 * holds thousands of them (issue 13); the few others are filtered here.
 */
export function listMemos(ctx: CoreContext, query?: string, kinds?: readonly MemoKind[]): MemoEntry[] {
  const q = normalizeForSearch(query?.trim() ?? '');
  const others = allMemos(ctx, kinds?.filter((k) => k !== 'annotation') ?? ['project', 'document', 'code']);
  const out = others.filter((m) => {
    if (q === '') return true;
    const found = (h: string) => h !== '' && normalizeForSearch(h).includes(q);
    return found(m.text) || found(m.ownerLabel) || (!!m.fields && Object.values(m.fields).some(found));
  });
  return !kinds || kinds.includes('annotation') ? out.concat(annotationMemos(ctx.db, q)) : out;
}

export function memoHandlers(ctx: CoreContext): MemoHandlers {
  const { db } = ctx;
  return {
    'memos-list': ({ query, kinds }) => listMemos(ctx, query, kinds),

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
