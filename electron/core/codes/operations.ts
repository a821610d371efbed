/**
 * The codebook's mutations: create, update (rename, recolour, shortcut, memo fields), move
 * (reorder / re-parent), merge and delete. Each is ONE undoable command: every row it touches
 * (codes and annotations) goes through one ChangeSet and one `record` in one transaction.
 *
 * Decisions (docs/api.md "Codebook"):
 * - a shortcut held by another code is refused (`code-shortcut-taken`), never silently moved;
 * - merging moves the source's annotations to the target; one that would become an exact
 *   duplicate of a target annotation (same document, range and coder) is dropped and its memo
 *   appended to the kept one; the source's sub-codes move under the target, and a sub-code whose
 *   name the target already has is merged into that one (recursively); non-empty memo fields of
 *   the source are appended to the target's; the source's shortcut is freed;
 * - deleting lets the caller choose for annotations and sub-codes: delete them, or move them to
 *   the deleted code's parent (a root's annotations have no parent: `code-no-parent`); deleting
 *   the last code is allowed (an empty codebook is a valid start).
 */
import { randomUUID } from 'node:crypto';
import type { CodeChangeSummary } from '../../../shared/contracts/codebook';
import { CODE_MEMO_FIELDS } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { pickCodeColor } from '../../../shared/colors';
import type { Db } from '../db/database';
import type { AnnotationRow } from '../annotations/rows';
import type { ChangeSet } from '../history/log';
import { childRows, getCodeRow, subtreeIds, type CodeRow } from './rows';

export interface CodeInput {
  name?: string;
  color?: string;
  description?: string;
  shortcut?: string | null;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  example?: string;
}

export function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new PizhuError('code-name-empty', 'A code needs a name');
  return trimmed;
}

export function checkSiblingName(db: Db, parentId: string | null, name: string, selfId?: string): void {
  const other = db
    .stmt('SELECT id FROM codes WHERE parent_id IS ? AND name = ? AND id IS NOT ?')
    .get(parentId, name, selfId ?? null) as { id: string } | undefined;
  if (other) throw new PizhuError('code-name-taken', `A sibling code is already named ${name}`, { name });
}

export function checkShortcut(db: Db, shortcut: string | null, selfId?: string): void {
  if (shortcut === null) return;
  const other = db
    .stmt('SELECT name FROM codes WHERE shortcut = ? AND id IS NOT ?')
    .get(shortcut, selfId ?? null) as { name: string } | undefined;
  if (other)
    throw new PizhuError('code-shortcut-taken', `Key ${shortcut} is used by ${other.name}`, {
      shortcut,
      code: other.name,
    });
}

export function nextSortOrder(db: Db, parentId: string | null): number {
  const r = db.stmt('SELECT max(sort_order) AS m FROM codes WHERE parent_id IS ?').get(parentId) as {
    m: number | null;
  };
  return r.m === null ? 0 : r.m + 1;
}

/** A colour far from the new code's siblings and parent, and from every other code. */
function paletteColor(db: Db, parentId: string | null): string {
  const rows = db.stmt('SELECT id, parent_id, color FROM codes').all() as {
    id: string;
    parent_id: string | null;
    color: string;
  }[];
  const near = rows.filter((r) => r.parent_id === parentId || r.id === parentId).map((r) => r.color);
  const others = rows.filter((r) => !(r.parent_id === parentId || r.id === parentId)).map((r) => r.color);
  return pickCodeColor(near, others);
}

export function createCode(
  db: Db,
  changes: ChangeSet,
  input: CodeInput & { name: string; parentId?: string | null },
  now: string,
): CodeRow {
  const name = cleanName(input.name);
  const parentId = input.parentId ?? null;
  if (parentId !== null) getCodeRow(db, parentId);
  checkSiblingName(db, parentId, name);
  const shortcut = input.shortcut ?? null;
  checkShortcut(db, shortcut);
  const row: CodeRow = {
    id: randomUUID(),
    parent_id: parentId,
    name,
    color: input.color ?? paletteColor(db, parentId),
    description: input.description ?? '',
    shortcut,
    sort_order: nextSortOrder(db, parentId),
    created_at: now,
    definition: input.definition ?? '',
    inclusion: input.inclusion ?? '',
    exclusion: input.exclusion ?? '',
    example: input.example ?? '',
    memo_updated_at: null,
  };
  if (CODE_MEMO_FIELDS.some((f) => row[f] !== '')) row.memo_updated_at = now;
  return changes.insert('codes', row);
}

/** Applies a patch; returns the row after (unchanged fields are not written, no-op → no change). */
export function updateCode(db: Db, changes: ChangeSet, id: string, input: CodeInput, now: string): CodeRow {
  const before = getCodeRow(db, id);
  const patch: Partial<CodeRow> = {};
  if (input.name !== undefined) {
    const name = cleanName(input.name);
    if (name !== before.name) {
      checkSiblingName(db, before.parent_id, name, id);
      patch.name = name;
    }
  }
  if (input.color !== undefined && input.color !== before.color) patch.color = input.color;
  if (input.description !== undefined && input.description !== before.description)
    patch.description = input.description;
  if (input.shortcut !== undefined && input.shortcut !== before.shortcut) {
    checkShortcut(db, input.shortcut, id);
    patch.shortcut = input.shortcut;
  }
  for (const f of CODE_MEMO_FIELDS) {
    const v = input[f];
    if (v !== undefined && v !== before[f]) {
      patch[f] = v;
      patch.memo_updated_at = now;
    }
  }
  if (Object.keys(patch).length === 0) return before;
  return changes.update<CodeRow>('codes', id, patch).after;
}

/** Puts `id` at `index` among the children of `parentId` (re-parenting it if needed). */
export function moveCode(
  db: Db,
  changes: ChangeSet,
  id: string,
  parentId: string | null,
  index: number,
): void {
  const row = getCodeRow(db, id);
  if (parentId !== null) {
    getCodeRow(db, parentId);
    if (subtreeIds(db, id).includes(parentId))
      throw new PizhuError('code-cycle', 'A code cannot move below itself', { id, parentId });
  }
  if (parentId !== row.parent_id) checkSiblingName(db, parentId, row.name, id);
  const siblings = childRows(db, parentId).filter((r) => r.id !== id);
  siblings.splice(Math.min(index, siblings.length), 0, row);
  siblings.forEach((s, i) => {
    if (s.id === id) {
      if (s.parent_id !== parentId || s.sort_order !== i)
        changes.update<CodeRow>('codes', id, { parent_id: parentId, sort_order: i });
    } else if (s.sort_order !== i) changes.update<CodeRow>('codes', s.id, { sort_order: i });
  });
}

function annotationKey(a: Placed): string {
  return `${a.document_id}\u0000${a.start_offset}\u0000${a.end_offset}\u0000${a.coder_id}`;
}

function annotationsOf(db: Db, codeId: string): AnnotationRow[] {
  return db
    .stmt(
      `SELECT id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at
       FROM annotations WHERE code_id = ? ORDER BY document_id, start_offset, end_offset, created_at, id`,
    )
    .all(codeId) as AnnotationRow[];
}

/** What a merge needs of an annotation: its key, memo, and the columns a move changes. */
type Placed = Pick<
  AnnotationRow,
  'id' | 'document_id' | 'code_id' | 'coder_id' | 'start_offset' | 'end_offset' | 'memo' | 'updated_at'
>;

/** A code's annotations in the order `annotationsOf` gives, without their quotes. */
function placedOf(db: Db, codeId: string): Placed[] {
  return db
    .stmt(
      `SELECT id, document_id, code_id, coder_id, start_offset, end_offset, memo, updated_at
       FROM annotations WHERE code_id = ? ORDER BY document_id, start_offset, end_offset, created_at, id`,
    )
    .all(codeId) as Placed[];
}

function appendText(kept: string, extra: string): string {
  if (extra.trim() === '' || kept.includes(extra)) return kept;
  return kept === '' ? extra : `${kept}\n\n${extra}`;
}

/**
 * Gives every annotation of `fromId` the code `toId`; exact duplicates are folded (see top).
 * Planned first, then written: the moved annotations in one statement (`updateMany`), then the
 * memos appended to kept annotations, then the removed duplicates.
 */
export function moveAnnotations(
  db: Db,
  changes: ChangeSet,
  fromId: string,
  toId: string,
  now: string,
  summary: CodeChangeSummary,
): void {
  /** Each annotation that stays, by key, as it will be once the moves are written. */
  const kept = new Map(placedOf(db, toId).map((a) => [annotationKey(a), a]));
  const moved: Placed[] = [];
  /** Kept annotations whose memo grows, with the new memo. */
  const memos = new Map<string, string>();
  const removed: string[] = [];
  for (const a of placedOf(db, fromId)) {
    const key = annotationKey(a);
    const twin = kept.get(key);
    if (twin) {
      const current = memos.get(twin.id) ?? twin.memo;
      const memo = appendText(current, a.memo);
      if (memo !== current) memos.set(twin.id, memo);
      removed.push(a.id);
      summary.deletedAnnotations++;
    } else {
      moved.push(a);
      kept.set(key, { ...a, code_id: toId, updated_at: now });
      summary.movedAnnotations++;
    }
  }
  // Every annotation of the source but the folded ones moves: selected by its code.
  changes.updateMany<AnnotationRow>(
    'annotations',
    moved,
    { code_id: toId, updated_at: now },
    { column: 'code_id', equals: fromId, except: removed },
  );
  for (const [id, memo] of memos) changes.update<AnnotationRow>('annotations', id, { memo, updated_at: now });
  for (const id of removed) changes.remove('annotations', id);
}

/** Merges `sourceId` into `targetId` (which must not lie below it), then deletes the source. */
export function mergeInto(
  db: Db,
  changes: ChangeSet,
  sourceId: string,
  targetId: string,
  now: string,
  summary: CodeChangeSummary,
): void {
  const target = getCodeRow(db, targetId);
  for (const child of childRows(db, sourceId)) {
    const namesake = childRows(db, targetId).find((c) => c.name === child.name);
    if (namesake) mergeInto(db, changes, child.id, namesake.id, now, summary);
    else
      changes.update<CodeRow>('codes', child.id, {
        parent_id: targetId,
        sort_order: nextSortOrder(db, targetId),
      });
  }
  moveAnnotations(db, changes, sourceId, targetId, now, summary);
  const source = getCodeRow(db, sourceId);
  const patch: Partial<CodeRow> = {};
  for (const f of ['description', ...CODE_MEMO_FIELDS] as const) {
    const merged = appendText(target[f], source[f]);
    if (merged !== target[f]) patch[f] = merged;
  }
  if (CODE_MEMO_FIELDS.some((f) => f in patch)) patch.memo_updated_at = now;
  if (Object.keys(patch).length > 0) changes.update<CodeRow>('codes', targetId, patch);
  changes.remove('codes', sourceId);
  summary.deletedCodes++;
}

export function mergeCodes(db: Db, changes: ChangeSet, sourceId: string, targetId: string, now: string) {
  getCodeRow(db, sourceId);
  getCodeRow(db, targetId);
  if (subtreeIds(db, sourceId).includes(targetId))
    throw new PizhuError('code-cycle', 'A code cannot be merged into itself or a code below it', {
      id: sourceId,
      parentId: targetId,
    });
  const summary: CodeChangeSummary = { movedAnnotations: 0, deletedAnnotations: 0, deletedCodes: 0 };
  mergeInto(db, changes, sourceId, targetId, now, summary);
  return summary;
}

export function deleteCode(
  db: Db,
  changes: ChangeSet,
  id: string,
  annotations: 'delete' | 'move-to-parent',
  children: 'delete' | 'move-to-parent',
  now: string,
): CodeChangeSummary {
  const row = getCodeRow(db, id);
  const parentId = row.parent_id;
  const summary: CodeChangeSummary = { movedAnnotations: 0, deletedAnnotations: 0, deletedCodes: 0 };
  const subtree = subtreeIds(db, id);
  // Codes whose annotations this deletion affects: the code, and its sub-codes if they go too.
  const affected = children === 'delete' ? subtree : [id];
  if (annotations === 'move-to-parent' && parentId === null) {
    const n = affected.reduce((sum, c) => sum + annotationsOf(db, c).length, 0);
    if (n > 0)
      throw new PizhuError(
        'code-no-parent',
        `${row.name} is a top-level code: its annotations have nowhere to go`,
        {
          name: row.name,
        },
      );
  }
  if (children === 'move-to-parent') {
    const kids = childRows(db, id);
    // A child named like the code itself would clash with it at the parent's level until the code
    // is gone: give the doomed code a placeholder name first (restored by undo like any change).
    if (kids.some((k) => k.name === row.name))
      changes.update<CodeRow>('codes', id, { name: `${row.name}\u0000${id}` });
    for (const kid of kids) {
      const namesake = childRows(db, parentId).find((c) => c.name === kid.name && c.id !== id);
      if (namesake) mergeInto(db, changes, kid.id, namesake.id, now, summary);
      else
        changes.update<CodeRow>('codes', kid.id, {
          parent_id: parentId,
          sort_order: nextSortOrder(db, parentId),
        });
    }
  }
  // Deepest first, so that no code is removed while a child still points at it.
  for (const codeId of [...affected].reverse()) {
    if (annotations === 'move-to-parent' && parentId !== null)
      moveAnnotations(db, changes, codeId, parentId, now, summary);
    else
      for (const a of annotationsOf(db, codeId)) {
        changes.remove('annotations', a.id);
        summary.deletedAnnotations++;
      }
    changes.remove('codes', codeId);
    summary.deletedCodes++;
  }
  return summary;
}
