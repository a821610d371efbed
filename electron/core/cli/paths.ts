/** Code paths (`问题 > 财政压力`) by code id, for CLI arguments that name codes by path. */
import type { Code } from '../../../shared/domain';

export function codePathsById(codes: readonly Code[]): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  const path = (c: Code): string => {
    const known = out.get(c.id);
    if (known) return known;
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    const p = parent ? `${path(parent)} > ${c.name}` : c.name;
    out.set(c.id, p);
    return p;
  };
  for (const c of codes) path(c);
  return out;
}
