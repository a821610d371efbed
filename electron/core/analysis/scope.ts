/**
 * Which codes an analysis or a segment filter is about, and which stored codes count for each.
 *
 * With `includeSubcodes`, a code stands for itself and all its descendants (NVivo's "aggregate"):
 * an annotation of 问题 > 财政压力 counts for 问题 as well. A code that is both selected and the
 * descendant of a selected code counts for both rows. Unknown ids are `code-not-found` /
 * `document-not-found` / `coder-not-found`: a filter naming something that does not exist is a
 * mistake the user must see, not an empty result.
 */
import { PizhuError } from '../../../shared/errors';
import type { Code } from '../../../shared/domain';
import type { AnalysisCode } from '../../../shared/contracts/analysis';
import type { CoreContext } from '../context';
import { codePaths } from '../codes/handlers';
import { codeRows, toCode } from '../codes/rows';

export interface CodeScope {
  /** The matrix rows, in codebook (tree) order. */
  codes: AnalysisCode[];
  /** Stored code id → indexes of the rows it counts for. */
  rowsOf: Map<string, number[]>;
  /** Every stored code id that counts for some row (for SQL `IN`). */
  memberIds: string[];
}

/**
 * Every code, without its annotation counts: `listCodes` counts the annotations of each code (a
 * GROUP BY over all of them), which an analysis or a segment query never shows.
 */
export function codebook(ctx: CoreContext): Code[] {
  return codeRows(ctx.db).map((r) => toCode(r));
}

/** Codes in depth-first codebook order (parents before children, siblings by sort order). */
export function codesInTreeOrder(codes: readonly Code[]): Code[] {
  const children = new Map<string | null, Code[]>();
  for (const c of codes) {
    const key = c.parentId && codes.some((p) => p.id === c.parentId) ? c.parentId : null;
    const list = children.get(key) ?? [];
    list.push(c);
    children.set(key, list);
  }
  for (const list of children.values())
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
  const out: Code[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

/** Each code's descendants (itself included). Guards against cycles. */
export function descendantsOf(codes: readonly Code[], id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (seen.has(cur)) continue;
    seen.add(cur);
    out.push(cur);
    for (const c of codes) if (c.parentId === cur) stack.push(c.id);
  }
  return out;
}

export function requireCodes(codes: readonly Code[], ids: readonly string[]): void {
  const known = new Set(codes.map((c) => c.id));
  for (const id of ids) if (!known.has(id)) throw new PizhuError('code-not-found', `No code ${id}`, { id });
}

export function requireDocuments(ctx: CoreContext, ids: readonly string[]): void {
  for (const id of ids) {
    if (!ctx.db.stmt('SELECT 1 FROM documents WHERE id = ?').get(id))
      throw new PizhuError('document-not-found', `No document ${id}`, { id });
  }
}

export function requireCoders(ctx: CoreContext, ids: readonly string[]): void {
  for (const id of ids) {
    if (!ctx.db.stmt('SELECT 1 FROM coders WHERE id = ?').get(id))
      throw new PizhuError('coder-not-found', `No coder ${id}`, { id });
  }
}

/** The stored code ids a filter on `codeIds` matches. */
export function expandCodeIds(
  ctx: CoreContext,
  codeIds: readonly string[],
  includeSubcodes: boolean,
): string[] {
  const codes = codebook(ctx);
  requireCodes(codes, codeIds);
  if (!includeSubcodes) return [...new Set(codeIds)];
  return [...new Set(codeIds.flatMap((id) => descendantsOf(codes, id)))];
}

/** Rows of an analysis: the given codes (default: every code) with their member codes. */
export function codeScope(
  ctx: CoreContext,
  codeIds: readonly string[] | undefined,
  includeSubcodes: boolean,
): CodeScope {
  const all = codebook(ctx);
  if (codeIds) requireCodes(all, codeIds);
  const paths = codePaths(all);
  const wanted = codeIds ? new Set(codeIds) : null;
  const rows = codesInTreeOrder(all).filter((c) => !wanted || wanted.has(c.id));
  const rowsOf = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const members = includeSubcodes ? descendantsOf(all, row.id) : [row.id];
    for (const m of members) {
      const list = rowsOf.get(m) ?? [];
      list.push(index);
      rowsOf.set(m, list);
    }
  });
  return {
    codes: rows.map((c) => ({ id: c.id, path: paths.get(c.id) ?? [c.name], color: c.color })),
    rowsOf,
    memberIds: [...rowsOf.keys()],
  };
}
