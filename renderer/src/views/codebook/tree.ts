/**
 * Pure helpers over the flat code list (`codes-list` order: grouped by parent, by sort order):
 * the tree in display order with depths, descendants, paths, and the `codes-move` target of the
 * keyboard/menu moves and of a drop. Kept free of React so it is unit-tested directly.
 */
import type { Code } from '../../../../shared/domain';

export interface TreeRow {
  code: Code;
  depth: number;
  hasChildren: boolean;
}

export function childrenOf(codes: readonly Code[], parentId: string | null): Code[] {
  return codes.filter((c) => c.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder);
}

/** Pre-order rows; children of collapsed codes are left out. */
export function visibleRows(codes: readonly Code[], collapsed: ReadonlySet<string> = new Set()): TreeRow[] {
  const out: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parentId: string | null, depth: number) => {
    for (const code of childrenOf(codes, parentId)) {
      if (seen.has(code.id)) continue; // a corrupt cycle must not hang the UI
      seen.add(code.id);
      const kids = childrenOf(codes, code.id);
      out.push({ code, depth, hasChildren: kids.length > 0 });
      if (!collapsed.has(code.id)) walk(code.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function descendantIds(codes: readonly Code[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes)
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
  }
  return out;
}

export function codePath(codes: readonly Code[], id: string): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = byId.get(id); c && !seen.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) {
    seen.add(c.id);
    names.unshift(c.name);
  }
  return names.join(' › ');
}

export interface MoveTarget {
  parentId: string | null;
  index: number;
}

export type MoveKind = 'up' | 'down' | 'indent' | 'outdent';

/** Where a keyboard/menu move puts the code, or null when it cannot move that way. */
export function moveTarget(codes: readonly Code[], id: string, kind: MoveKind): MoveTarget | null {
  const code = codes.find((c) => c.id === id);
  if (!code) return null;
  const siblings = childrenOf(codes, code.parentId);
  const i = siblings.findIndex((c) => c.id === id);
  switch (kind) {
    case 'up':
      return i > 0 ? { parentId: code.parentId, index: i - 1 } : null;
    case 'down':
      return i < siblings.length - 1 ? { parentId: code.parentId, index: i + 1 } : null;
    case 'indent': {
      const above = siblings[i - 1];
      return above ? { parentId: above.id, index: childrenOf(codes, above.id).length } : null;
    }
    case 'outdent': {
      if (!code.parentId) return null;
      const parent = codes.find((c) => c.id === code.parentId);
      if (!parent) return null;
      const parentSiblings = childrenOf(codes, parent.parentId);
      return { parentId: parent.parentId, index: parentSiblings.findIndex((c) => c.id === parent.id) + 1 };
    }
  }
}

export type DropPosition = 'before' | 'after' | 'inside';

/** Where dropping `dragId` before/after/inside `targetId` puts it, or null if not allowed. */
export function dropTarget(
  codes: readonly Code[],
  dragId: string,
  targetId: string,
  position: DropPosition,
): MoveTarget | null {
  if (descendantIds(codes, dragId).has(targetId)) return null;
  const target = codes.find((c) => c.id === targetId);
  if (!target) return null;
  if (position === 'inside')
    return { parentId: target.id, index: childrenOf(codes, target.id).filter((c) => c.id !== dragId).length };
  const siblings = childrenOf(codes, target.parentId).filter((c) => c.id !== dragId);
  const i = siblings.findIndex((c) => c.id === targetId);
  return { parentId: target.parentId, index: position === 'before' ? i : i + 1 };
}
