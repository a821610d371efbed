/**
 * Resolving the names in span records: a document by id, then by source file name, then by title
 * (ambiguous names are errors, never a guess); a code by its path from the root.
 */
import { splitCodePath } from '../../../shared/spans';
import type { Db } from '../db/database';
import { codePaths } from '../codes/rows';

export interface DocRef {
  id: string;
  length: number;
  title: string;
}

export class DocumentResolver {
  private readonly byId = new Map<string, DocRef>();
  private readonly bySource = new Map<string, DocRef[]>();
  private readonly byTitle = new Map<string, DocRef[]>();

  constructor(db: Db) {
    for (const r of db
      .stmt('SELECT id, length, title, source_file FROM documents ORDER BY sort_order')
      .all() as (DocRef & {
      source_file: string | null;
    })[]) {
      const ref = { id: r.id, length: r.length, title: r.title };
      this.byId.set(r.id, ref);
      if (r.source_file) this.bySource.set(r.source_file, [...(this.bySource.get(r.source_file) ?? []), ref]);
      this.byTitle.set(r.title, [...(this.byTitle.get(r.title) ?? []), ref]);
    }
  }

  /** The document, or why not: 'unknown' or 'ambiguous'. */
  resolve(name: string): DocRef | 'unknown' | 'ambiguous' {
    const direct = this.byId.get(name);
    if (direct) return direct;
    for (const map of [this.bySource, this.byTitle]) {
      const list = map.get(name);
      if (list && list.length === 1) return list[0]!;
      if (list && list.length > 1) return 'ambiguous';
    }
    return 'unknown';
  }
}

/** Code path (levels joined with ` > `, each level trimmed) → code id. */
export function codeIdsByPath(db: Db): Map<string, string> {
  const codes = db.stmt('SELECT id, parent_id AS parentId, name FROM codes').all() as {
    id: string;
    parentId: string | null;
    name: string;
  }[];
  const out = new Map<string, string>();
  for (const [id, path] of codePaths(codes)) out.set(normalizePath(path.join(' > ')), id);
  return out;
}

export function normalizePath(path: string): string {
  return splitCodePath(path).join(' > ');
}
