/**
 * Code rows: reading them (with live annotation counts), mapping them to the domain type, and
 * the tree helpers the codebook operations share. Writes go through the undo log's ChangeSet.
 */
import type { Code } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import type { Db } from '../db/database';

/** A row of `codes` exactly as stored; also the JSON kept in the undo log. */
export type CodeRow = {
  id: string;
  parent_id: string | null;
  name: string;
  color: string;
  description: string;
  shortcut: string | null;
  sort_order: number;
  created_at: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  memo_updated_at: string | null;
};

const COLUMNS = `id, parent_id, name, color, description, shortcut, sort_order, created_at,
  definition, inclusion, exclusion, example, memo_updated_at`;

export function toCode(r: CodeRow, own = 0, total = own): Code {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    color: r.color,
    description: r.description,
    shortcut: r.shortcut,
    sortOrder: r.sort_order,
    definition: r.definition,
    inclusion: r.inclusion,
    exclusion: r.exclusion,
    example: r.example,
    memoUpdatedAt: r.memo_updated_at,
    annotationCount: own,
    totalCount: total,
  };
}

/** All rows, grouped by parent (roots first), then by sort order. */
export function codeRows(db: Db): CodeRow[] {
  return db
    .stmt(`SELECT ${COLUMNS} FROM codes ORDER BY parent_id IS NOT NULL, parent_id, sort_order, name`)
    .all() as CodeRow[];
}

export function findCodeRow(db: Db, id: string): CodeRow | undefined {
  return db.stmt(`SELECT ${COLUMNS} FROM codes WHERE id = ?`).get(id) as CodeRow | undefined;
}

export function getCodeRow(db: Db, id: string): CodeRow {
  const row = findCodeRow(db, id);
  if (!row) throw new PizhuError('code-not-found', `No code ${id}`, { id });
  return row;
}

/** Children of `parentId` (null: the roots) in sort order. */
export function childRows(db: Db, parentId: string | null): CodeRow[] {
  return db
    .stmt(`SELECT ${COLUMNS} FROM codes WHERE parent_id IS ? ORDER BY sort_order, name`)
    .all(parentId) as CodeRow[];
}

/** Ids of the code and every code below it, parents before children. */
export function subtreeIds(db: Db, id: string): string[] {
  const rows = db
    .stmt(
      `WITH RECURSIVE sub(id, depth) AS (SELECT ?, 0 UNION ALL
         SELECT c.id, sub.depth + 1 FROM codes c JOIN sub ON c.parent_id = sub.id)
       SELECT id FROM sub ORDER BY depth`,
    )
    .all(id) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Codes with their live counts, in `codeRows` order: ready to build a tree in one pass. */
export function listCodes(db: Db): Code[] {
  const rows = codeRows(db);
  const own = new Map(
    (
      db.stmt('SELECT code_id, count(*) AS n FROM annotations GROUP BY code_id').all() as {
        code_id: string;
        n: number;
      }[]
    ).map((r) => [r.code_id, r.n]),
  );
  const total = new Map<string, number>();
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  for (const r of rows) {
    const n = own.get(r.id) ?? 0;
    if (n === 0) continue;
    // Add to the code and each ancestor; `seen` guards against a (corrupt) cycle.
    const seen = new Set<string>();
    for (let c: string | null | undefined = r.id; c && !seen.has(c); c = parent.get(c)) {
      seen.add(c);
      total.set(c, (total.get(c) ?? 0) + n);
    }
  }
  return rows.map((r) => toCode(r, own.get(r.id) ?? 0, total.get(r.id) ?? 0));
}

/** Names from the root down to each code, for `code_path` in exports. Guards against cycles. */
export function codePaths(codes: readonly Pick<Code, 'id' | 'parentId' | 'name'>[]): Map<string, string[]> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<string, string[]>();
  for (const code of codes) {
    const names: string[] = [];
    const seen = new Set<string>();
    let c: Pick<Code, 'id' | 'parentId' | 'name'> | undefined = code;
    while (c && !seen.has(c.id)) {
      seen.add(c.id);
      names.unshift(c.name);
      c = c.parentId ? byId.get(c.parentId) : undefined;
    }
    paths.set(code.id, names);
  }
  return paths;
}
