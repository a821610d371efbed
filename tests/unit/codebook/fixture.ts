/**
 * Fixture for the codebook and memo tests: a project on the real seed files with handlers, a
 * fixed clock, and a snapshot of every row the codebook can touch (to prove that undo restores
 * exactly, and that a refused call changes nothing).
 */
import { join } from 'node:path';
import type { ApiInput, ApiMethod, ApiResult } from '../../../shared/api';
import type { Annotation, Code, DocumentSummary, HistoryState } from '../../../shared/domain';
import { openProject } from '../../../electron/core/project/open';
import { createHandlers } from '../../../electron/core/api/handlers';
import type { CoreContext } from '../../../electron/core/context';
import { SEEDS_DIR, tempDir } from '../core/helpers';

/** The core's handlers are synchronous; typed so, tests need no casts (or floating promises). */
export type SyncHandlers = { [M in ApiMethod]: (input: ApiInput<M>) => ApiResult<M> };

export interface Fixture {
  h: SyncHandlers;
  ctx: CoreContext;
  docs: DocumentSummary[];
  /** The default root codes by name: 成效, 问题, 建议. */
  root: Record<string, Code>;
  close(): void;
}

export function setup(options: { seeds?: boolean } = {}): Fixture {
  const dir = tempDir();
  const { db, file } = openProject({
    file: join(dir, 'p.pizhu'),
    seedsDir: SEEDS_DIR,
    empty: options.seeds === false,
  });
  let tick = 0;
  // Each call is one millisecond later, so updated_at values differ between steps.
  const ctx: CoreContext = { db, file, now: () => new Date(Date.UTC(2026, 10, 23, 9, 0, 0, tick++)) };
  const h = createHandlers(ctx) as unknown as SyncHandlers;
  const root = Object.fromEntries(h['codes-list']({}).map((c) => [c.name, c]));
  return { h, ctx, docs: h['documents-list']({}), root, close: () => db.close() };
}

/** Every row of codes, annotations, documents' memos and the project memo, sorted by id. */
export function snapshot(f: Fixture): unknown {
  const all = (sql: string) => f.ctx.db.raw.prepare(sql).all();
  return {
    codes: all('SELECT * FROM codes ORDER BY id'),
    annotations: all('SELECT * FROM annotations ORDER BY id'),
    documents: all('SELECT id, memo, memo_updated_at FROM documents ORDER BY id'),
    memos: all('SELECT * FROM memos ORDER BY id'),
  };
}

export function codes(f: Fixture): Code[] {
  return f.h['codes-list']({});
}

export function codeNamed(f: Fixture, name: string): Code {
  const c = codes(f).find((x) => x.name === name);
  if (!c) throw new Error(`no code ${name}`);
  return c;
}

export function create(f: Fixture, name: string, parent?: Code, extra: Record<string, unknown> = {}): Code {
  return (f.h['codes-create']({ name, parentId: parent?.id ?? null, ...extra }) as { code: Code }).code;
}

export function annotate(
  f: Fixture,
  doc: number,
  code: Code,
  start: number,
  end: number,
  memo = '',
): Annotation {
  return (
    f.h['annotations-create']({ documentId: f.docs[doc]!.id, codeId: code.id, start, end, memo }) as {
      annotation: Annotation;
    }
  ).annotation;
}

export function undo(f: Fixture): void {
  f.h['history-undo']({});
}
export function redo(f: Fixture): void {
  f.h['history-redo']({});
}

/** The undo state (handlers are synchronous; the type allows a Promise). */
export function historyOf(f: Fixture): HistoryState {
  return f.h['history-state']({});
}
