/**
 * A full garbage collection on request, for the one place where waiting for V8 to decide costs
 * the process's peak memory: a large search index build right after a bulk import
 * (search/index-build.ts). The import leaves its decoded and cleaned copies of the text behind
 * (about four times the text: 93 MB live at its last collection for a 20 MB file), and the build
 * allocates almost nothing on the JavaScript heap, so V8 does not collect them until the build is
 * over; they sit under everything the build adds. Collecting first lowered the peak of
 * `pizhu import` by 25–77 MB on 20 MB files (docs/benchmarks.md).
 *
 * Node exposes `gc()` only with `--expose-gc`; setting the flag at run time and taking `gc` from
 * a new context is how test runners do it (V8 installs it in contexts created after the flag).
 * Where that is refused, nothing happens.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
