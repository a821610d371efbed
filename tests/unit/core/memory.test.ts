/**
 * electron/core/memory.ts: `collectGarbage` really collects (what a large search index build
 * relies on to start without the import's leftovers), and asking twice is fine.
 */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../electron/core/memory';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('collectGarbage', () => {
  it('frees an object nothing refers to any more', async () => {
    // Nothing but the WeakRef refers to the array once this function returns.
    const ref = ((): WeakRef<number[]> => new WeakRef(new Array<number>(1_000_000).fill(7)))();
    // A WeakRef's target survives the job that created it: collect in a later one.
    await tick();
    collectGarbage();
    await tick();
    expect(ref.deref()).toBeUndefined();
    expect(() => collectGarbage()).not.toThrow();
  });
});
