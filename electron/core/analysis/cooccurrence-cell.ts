/**
 * The annotations behind one co-occurrence cell (codeA × codeB), as a condition of the segment
 * filter (segments/filter.ts), so that counting, paging and sorting stay in SQL.
 *
 * An annotation of A is in the cell when it intersects an annotation of B on the same document
 * (overlap), or when it touches a unit (sentence, paragraph) that both codes touch; and the same
 * with A and B swapped. Both tests are "does this range touch a set of disjoint stretches": the
 * union of B's ranges (its islands: a range intersects one of B's ranges exactly when it
 * intersects their union), or the units shared by both codes. One index walk reads A's and B's
 * ranges (rows.ts), the stretches are computed per document, and the SQL function
 * `pizhu_cell_touches` answers per row with a binary search.
 * With codeA = codeB the cell is every annotation of that code.
 *
 * The stretches of recent cells stay in a small per-connection registry keyed by the cell and the
 * data version (`Db.dataVersion`: none inside a transaction), so paging through a cell reads the
 * annotations once.
 */
import type Database from 'better-sqlite3';
import type { CooccurrenceMode } from '../../../shared/contracts/segments';
import type { CoreContext } from '../context';
import { unitsOf } from './cooccurrence';
import {
  countTouching,
  islandsOfPairs,
  touchesIslands,
  unitsTouched,
  type RangeList,
  type RangePairs,
} from './ranges';
import { readCodeRanges } from './rows';
import { codeScope } from './scope';

export interface CooccurrenceCell {
  codeA: string;
  codeB: string;
  mode: CooccurrenceMode;
}

/** Per document, the stretches an annotation of code A must touch (`a`), and one of B (`b`). */
type Stretches = Map<string, { a: RangeList; b: RangeList }>;

interface Registry {
  /** Cell and data version → handle, most recently used last. */
  byKey: Map<string, number>;
  byHandle: Map<number, Cell>;
  next: number;
}

/** Cells kept per connection; a running query names its cell's handle, so keep a generous few. */
const REGISTRY_SIZE = 16;
const registries = new WeakMap<Database.Database, Registry>();

/**
 * The connection's registry, and its SQL function: `pizhu_cell_touches(handle, document, isA,
 * start, end)` (integers but for the document id: per row, every string argument is a copy).
 */
function registryOf(raw: Database.Database): Registry {
  let registry = registries.get(raw);
  if (!registry) {
    const r: Registry = { byKey: new Map(), byHandle: new Map(), next: 1 };
    raw.function(
      'pizhu_cell_touches',
      { deterministic: false },
      (handle: unknown, document: unknown, isA: unknown, start: unknown, end: unknown) => {
        const cell = r.byHandle.get(handle as number);
        // Only reachable if sixteen other cells were computed while one query was running.
        if (!cell) throw new Error(`co-occurrence cell ${String(handle)} is no longer cached`);
        const both = cell.stretches.get(document as string);
        if (!both) return 0;
        return touchesIslands(isA ? both.a : both.b, start as number, end as number) ? 1 : 0;
      },
    );
    registry = r;
    registries.set(raw, registry);
  }
  return registry;
}

/** A cell's stretches, and how many annotations touch them per document (absent when none). */
interface Cell {
  stretches: Stretches;
  documentCounts: Map<string, number>;
}

function computeCell(ctx: CoreContext, cell: CooccurrenceCell): Cell {
  const { codeA, codeB } = cell;
  const byDocument = new Map<string, { a?: RangePairs; b?: RangePairs }>();
  for (const r of readCodeRanges(ctx, [codeA, codeB], undefined)) {
    const entry = byDocument.get(r.document) ?? {};
    if (r.code === codeA) entry.a = r.ranges;
    else entry.b = r.ranges;
    byDocument.set(r.document, entry);
  }
  const stretches: Stretches = new Map();
  const documentCounts = new Map<string, number>();
  for (const [documentId, { a, b }] of byDocument) {
    if (!a || !b) continue;
    let forA: RangeList;
    let forB: RangeList;
    if (cell.mode === 'overlap') {
      forA = islandsOfPairs(b);
      forB = islandsOfPairs(a);
    } else {
      const units = unitsOf(ctx, documentId, cell.mode);
      const inB = new Set(unitsTouched(units, islandsOfPairs(b)));
      const shared = unitsTouched(units, islandsOfPairs(a)).filter((u) => inB.has(u));
      if (shared.length === 0) continue;
      // Units are disjoint and ascending: their starts and their ends are each ascending.
      forA = forB = {
        starts: Float64Array.from(shared, (u) => units[u]!.start),
        ends: Float64Array.from(shared, (u) => units[u]!.end),
      };
    }
    stretches.set(documentId, { a: forA, b: forB });
    const count = countTouching(a, forA) + countTouching(b, forB);
    if (count > 0) documentCounts.set(documentId, count);
  }
  return { stretches, documentCounts };
}

/** A boolean SQL condition on `annotations a`: the annotation is behind the cell. */
export function cooccurrenceCellSql(
  ctx: CoreContext,
  cell: CooccurrenceCell,
): { sql: string; params: (string | number)[]; documentCounts?: ReadonlyMap<string, number> } {
  codeScope(ctx, [cell.codeA, cell.codeB], false); // validates both ids
  if (cell.codeA === cell.codeB) return { sql: 'a.code_id = ?', params: [cell.codeA] };
  const registry = registryOf(ctx.db.raw);
  const version = ctx.db.dataVersion();
  const key = version === null ? null : `${cell.mode} ${cell.codeA} ${cell.codeB} ${version}`;
  let handle = key === null ? undefined : registry.byKey.get(key);
  if (handle === undefined) {
    handle = registry.next++;
    registry.byHandle.set(handle, computeCell(ctx, cell));
  }
  const { documentCounts } = registry.byHandle.get(handle)!;
  // Inside a transaction the handle gets a key of its own, never found again.
  const entry = key ?? `uncached ${handle}`;
  registry.byKey.delete(entry);
  registry.byKey.set(entry, handle);
  while (registry.byKey.size > REGISTRY_SIZE) {
    const [oldest, old] = registry.byKey.entries().next().value!;
    registry.byKey.delete(oldest);
    registry.byHandle.delete(old);
  }
  return {
    sql: 'a.code_id IN (?, ?) AND pizhu_cell_touches(?, a.document_id, a.code_id = ?, a.start_offset, a.end_offset)',
    params: [cell.codeA, cell.codeB, handle, cell.codeA],
    documentCounts,
  };
}
