/** API handlers of the codes (codebook) feature: `codes-list`. */
import type { ApiHandlers } from '../../../shared/api';
import type { Code } from '../../../shared/domain';
import type { CoreContext } from '../context';

type CodeHandlers = Pick<ApiHandlers, 'codes-list'>;

interface CodeRow {
  id: string;
  parent_id: string | null;
  name: string;
  color: string;
  description: string;
  shortcut: string | null;
  sort_order: number;
}

export function toCode(r: CodeRow): Code {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    color: r.color,
    description: r.description,
    shortcut: r.shortcut,
    sortOrder: r.sort_order,
  };
}

/** Codes grouped by parent (roots first), then by sort order: ready to build a tree in one pass. */
export function listCodes(ctx: CoreContext): Code[] {
  const rows = ctx.db
    .stmt(
      `SELECT id, parent_id, name, color, description, shortcut, sort_order FROM codes
       ORDER BY parent_id IS NOT NULL, parent_id, sort_order, name`,
    )
    .all() as CodeRow[];
  return rows.map(toCode);
}

/** Names from the root down to each code, for `code_path` in exports. Guards against cycles. */
export function codePaths(codes: readonly Code[]): Map<string, string[]> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<string, string[]>();
  for (const code of codes) {
    const names: string[] = [];
    const seen = new Set<string>();
    let c: Code | undefined = code;
    while (c && !seen.has(c.id)) {
      seen.add(c.id);
      names.unshift(c.name);
      c = c.parentId ? byId.get(c.parentId) : undefined;
    }
    paths.set(code.id, names);
  }
  return paths;
}

export function codeHandlers(ctx: CoreContext): CodeHandlers {
  return { 'codes-list': () => listCodes(ctx) };
}
