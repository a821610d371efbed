// The API layer: dispatch validation (before anything touches the DB) and handler registration.
import { describe, expect, test, vi } from 'vitest';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { API_METHODS, type ApiHandlers } from '../../../shared/api';
import type { Code, DocumentSummary } from '../../../shared/domain';
import { openCore, dispatch, mergeHandlers } from '../../../electron/core/index';
import { openProject } from '../../../electron/core/project/open';
import { codeHandlers } from '../../../electron/core/codes/handlers';
import { createHandlers } from '../../../electron/core/api/handlers';
import type { CoreContext } from '../../../electron/core/context';
import { SEEDS_DIR, expectCode, sha256File, tempDir } from './helpers';

function spyAll(handlers: ApiHandlers): { spied: ApiHandlers; calls: () => number } {
  const spies = Object.fromEntries(
    Object.entries(handlers).map(([k, fn]) => [k, vi.fn(fn as (i: unknown) => unknown)]),
  );
  return {
    spied: spies as unknown as ApiHandlers,
    calls: () => Object.values(spies).reduce((n, s) => n + s.mock.calls.length, 0),
  };
}

describe('dispatch', () => {
  test('rejects unknown methods and invalid input without calling a handler or writing', async () => {
    const file = join(tempDir(), 'p.pizhu');
    const core = openCore({ file, seedsDir: SEEDS_DIR });
    const doc = ((await core.dispatch('documents-list', {})) as DocumentSummary[])[0]!;
    const code = ((await core.dispatch('codes-list', {})) as Code[])[0]!;
    const { spied, calls } = spyAll(core.handlers);
    const valid = { documentId: doc.id, codeId: code.id, start: 0, end: 3 };

    for (const method of [
      'annotations-explode',
      '',
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
    ]) {
      const err = await expectCode(() => dispatch(spied, method, {}), 'unknown-method');
      expect(err.message).toContain('Unknown method');
    }
    const invalid: unknown[] = [
      null,
      undefined,
      'annotations',
      [],
      { ...valid, start: -1 },
      { ...valid, start: 1.5 },
      { ...valid, end: '3' },
      { ...valid, documentId: '' },
      { ...valid, memo: 7 },
      { ...valid, extra: true },
      { documentId: doc.id, codeId: code.id, start: 0 },
    ];
    for (const input of invalid) {
      const err = await expectCode(() => dispatch(spied, 'annotations-create', input), 'invalid-input');
      expect(err.params).toEqual({ method: 'annotations-create' });
      expect(err.message).toMatch(/Invalid input for annotations-create/);
    }
    const err = await expectCode(
      () => dispatch(spied, 'export-dataset', { format: 'xlsx' }),
      'invalid-input',
    );
    expect(err.message).toMatch(/format/);
    await expectCode(() => dispatch(spied, 'project-info', { unexpected: 1 }), 'invalid-input');
    expect(calls()).toBe(0);

    // A valid call goes through to the handler with the parsed input.
    await dispatch(spied, 'annotations-create', valid);
    expect(calls()).toBe(1);
    expect(
      (spied['annotations-create'] as unknown as { mock: { calls: unknown[][] } }).mock.calls[0]![0],
    ).toEqual(valid);
    core.close();

    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM commands').pluck().get()).toBe(1);
    db.close();
  });

  test('rejected calls leave the project file byte-identical', async () => {
    const file = join(tempDir(), 'p.pizhu');
    const core = openCore({ file, empty: true });
    await core.dispatch('project-info', {});
    const before = sha256File(file);
    await expectCode(() => core.dispatch('nope', {}), 'unknown-method');
    await expectCode(() => core.dispatch('annotations-delete', { id: 42 }), 'invalid-input');
    expect(sha256File(file)).toBe(before);
    core.close();
  });
});

describe('handler registration', () => {
  function context(): CoreContext {
    const { db, file } = openProject({ file: join(tempDir(), 'p.pizhu'), empty: true });
    return { db, file, now: () => new Date() };
  }

  test('createHandlers covers exactly the contract', () => {
    const ctx = context();
    expect(Object.keys(createHandlers(ctx)).sort()).toEqual([...API_METHODS].sort());
    ctx.db.close();
  });

  test('registering a method twice, an unknown method, or leaving one out throws at start-up', () => {
    const ctx = context();
    const full = createHandlers(ctx);
    expect(() => mergeHandlers([full, codeHandlers(ctx)])).toThrow(/'codes-list' is registered twice/);
    expect(() => mergeHandlers([full, { 'codes-rename': () => null } as never])).toThrow(
      /unknown method 'codes-rename'/,
    );
    const { 'history-redo': _omitted, ...partial } = full;
    expect(() => mergeHandlers([partial])).toThrow(/No handler for: history-redo/);
    ctx.db.close();
  });
});

describe('the core stays Node-only', () => {
  test("no file under electron/core imports 'electron'", () => {
    const root = join(import.meta.dirname, '../../../electron/core');
    const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .filter((f) =>
        /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(
          readFileSync(join(root, f), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
