/**
 * The generic isolation runner (electron/core/isolate/runner.ts) with a test worker whose tasks
 * loop, allocate without end, recurse, exit or throw: each fails alone, as its kind, and the
 * calling thread stays free.
 */
import { describe, expect, it } from 'vitest';
import { IsolateFailure, runIsolated } from '../../../electron/core/isolate/runner';

const ENTRY = new URL('../../fixtures/isolate/test-worker.mjs', import.meta.url);
const LIMITS = { timeoutMs: 2_000, maxOldGenerationSizeMb: 64 };

async function failure(task: string): Promise<IsolateFailure> {
  try {
    await runIsolated(task, null, LIMITS, ENTRY);
  } catch (err) {
    if (err instanceof IsolateFailure) return err;
    throw err;
  }
  throw new Error(`${task} did not fail`);
}

describe('isolation runner', () => {
  it('returns a task value', async () => {
    expect(await runIsolated('echo', { a: [1, '𠀋'] }, LIMITS, ENTRY)).toEqual({ a: [1, '𠀋'] });
  });

  it('stops an endless loop at the timeout while this thread keeps answering', async () => {
    const started = Date.now();
    const pending = failure('loop');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    const err = await pending;
    clearInterval(timer);
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ticks).toBeGreaterThan(20);
  });

  it('stops a task at its heap limit', async () => {
    expect((await failure('hog')).kind).toBe('memory');
  });

  it('reports deep recursion, a crash and a thrown error', async () => {
    expect((await failure('recurse')).kind).toBe('thrown');
    expect((await failure('exit')).kind).toBe('crashed');
    const thrown = await failure('fail');
    expect(thrown.kind).toBe('thrown');
    expect(thrown.wire?.message).toContain('on purpose');
  });
});

describe('worker reuse', () => {
  it('reuses a warm worker after a clean task, never after a failure', async () => {
    const pid = async () => (await runIsolated<{ a: number }>('echo', { a: 1 }, LIMITS, ENTRY)).a;
    await pid();
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) await pid();
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect((await failure('loop')).kind).toBe('timeout');
    expect(await runIsolated('echo', 'after', LIMITS, ENTRY)).toBe('after');
  });
});
