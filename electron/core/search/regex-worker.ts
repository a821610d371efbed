/**
 * Runs a user's regular expression in a worker thread with a time limit. A JavaScript regex
 * cannot be interrupted once it runs (catastrophic backtracking: /(a+)+b/ on "aaaa…c" runs for
 * ages), so it must not run on the thread that serves the API: the worker is terminated when the
 * limit is reached and the search fails with `search-regex-timeout`.
 *
 * The worker's code is inline (eval) so that it travels inside every bundle (Electron main, the
 * Node build, Vitest) without a separate entry file. Empty matches are stepped over (no zero-width
 * hits); counting stops at `max` matches so that /./ cannot build millions of pairs.
 */
import { Worker } from 'node:worker_threads';
import { PizhuError } from '../../../shared/errors';

export const REGEX_TIMEOUT_MS = 5_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { source, texts, max } = workerData;
const re = new RegExp(source, 'giu');
const results = [];
let total = 0;
for (const text of texts) {
  const pairs = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && total < max; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += (text.codePointAt(m.index) || 0) > 0xffff ? 2 : 1;
      continue;
    }
    pairs.push(m.index, m.index + m[0].length);
    total++;
  }
  results.push(pairs);
}
parentPort.postMessage(results);
`;

/**
 * For each text, the flat list [s0, e0, s1, e1, …] of UTF-16 match pairs of `source` (already
 * normalised; flags giu). At most `max` matches overall.
 */
export function regexMatchesInWorker(
  source: string,
  texts: readonly string[],
  max: number,
  timeoutMs = REGEX_TIMEOUT_MS,
): Promise<number[][]> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { source, texts, max } });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new PizhuError('search-regex-timeout', `Regular expression ran longer than ${timeoutMs} ms`, {
              seconds: timeoutMs / 1000,
            }),
          ),
        ),
      timeoutMs,
    );
    worker.once('message', (results: number[][]) => finish(() => resolvePromise(results)));
    worker.once('error', (err) =>
      finish(() =>
        reject(
          new PizhuError('search-invalid-regex', `Regular expression failed: ${err.message}`, {
            reason: err.message,
          }),
        ),
      ),
    );
    worker.once('exit', (code) => {
      if (code !== 0)
        finish(() => reject(new PizhuError('internal', `Regex worker exited with code ${code}`)));
    });
  });
}
