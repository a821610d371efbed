/**
 * The importer's use of the isolation worker (../isolate/runner.ts): file parsers and user
 * cleaning patterns run off the API thread with limits, and the worker's failures become the
 * importer's translated errors:
 *   timeout → `import-parse-timeout` (parsers) / `import-pattern-timeout` (user patterns),
 *   heap limit → `import-parse-memory`, a crash or an unexpected exception → `import-unreadable`;
 *   a PizhuError thrown by the task (e.g. `import-no-text-layer`) keeps its code.
 */
import { PizhuError, isErrorCode } from '../../../shared/errors';
import type { CleaningRecord, CleaningStep } from '../../../shared/import';
import { IsolateFailure, runIsolated, type IsolateLimits } from '../isolate/runner';
import type { TaskInput, TaskName, TaskOutput } from '../isolate/tasks';

/** Parsers: generous, because a real 30 MB PDF takes a while; a hostile file still ends. */
export const PARSE_LIMITS: IsolateLimits = { timeoutMs: 60_000, maxOldGenerationSizeMb: 1024 };
/** User patterns: a sane pattern over a long document takes milliseconds. */
export const PATTERN_LIMITS: IsolateLimits = { timeoutMs: 3_000, maxOldGenerationSizeMb: 512 };

async function run<K extends TaskName>(
  task: K,
  input: TaskInput<K>,
  limits: IsolateLimits,
  fail: (failure: IsolateFailure) => PizhuError,
): Promise<TaskOutput<K>> {
  try {
    return await runIsolated<TaskOutput<K>>(task, input, limits);
  } catch (err) {
    if (!(err instanceof IsolateFailure)) throw err;
    const wire = err.wire;
    if (err.kind === 'thrown' && wire && isErrorCode(wire.code) && wire.code !== 'internal')
      throw new PizhuError(wire.code, wire.message, wire.params);
    throw fail(err);
  }
}

/** Text of a .docx, .html (already decoded) or .pdf, or a REFI-QDA file's model, parsed in the worker. */
export function parseIsolated<K extends 'docx' | 'html' | 'pdf' | 'refi'>(
  task: K,
  input: TaskInput<K>,
  fileName: string,
  limits: IsolateLimits = PARSE_LIMITS,
): Promise<TaskOutput<K>> {
  return run(task, input, limits, (failure) => {
    switch (failure.kind) {
      case 'timeout':
        return new PizhuError('import-parse-timeout', `${fileName}: ${failure.message}`, {
          file: fileName,
          seconds: Math.round(limits.timeoutMs / 1000),
        });
      case 'memory':
        return new PizhuError('import-parse-memory', `${fileName}: ${failure.message}`, {
          file: fileName,
          maxMb: limits.maxOldGenerationSizeMb,
        });
      default:
        return new PizhuError('import-unreadable', `${fileName}: ${failure.message}`, { file: fileName });
    }
  });
}

/** The cleaning pipeline with user patterns, in the worker under PATTERN_LIMITS. */
export function cleanIsolated(
  raw: string,
  steps: readonly CleaningStep[],
  patterns: readonly string[],
  limits: IsolateLimits = PATTERN_LIMITS,
): Promise<{ text: string; records: CleaningRecord[] }> {
  return run('clean', { raw, steps: [...steps], patterns: [...patterns] }, limits, (failure) =>
    failure.kind === 'timeout' || failure.kind === 'memory'
      ? new PizhuError('import-pattern-timeout', `Cleaning patterns: ${failure.message}`, {
          seconds: Math.round(limits.timeoutMs / 1000),
        })
      : new PizhuError('import-pattern-invalid', `Cleaning patterns failed: ${failure.message}`, {
          pattern: patterns.join(' ').slice(0, 200),
        }),
  );
}
