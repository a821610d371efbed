/** Files for CLI commands: opening an existing project, writing outputs atomically. */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { PizhuError } from '../../../shared/errors';
import { openCore, type Core } from '../index';

/**
 * Opens an existing project (never creates one), runs `fn` and closes it. `readOnly` commands
 * (exports) open it read-only: no backup, no migration on disk, nothing written.
 */
export async function withExistingProject<T>(
  project: string,
  fn: (core: Core) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const file = resolve(project);
  if (!existsSync(file))
    throw new PizhuError(
      'project-open-failed',
      `${file} does not exist (create it with: npm run cli -- init --project FILE)`,
      { file },
    );
  const core = openCore({ file, empty: true, readOnly: options.readOnly === true });
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

/**
 * Write to a temporary file beside the target, flush it to disk, then rename: a crash never
 * leaves a truncated dataset under the real name (or destroys a previous good export).
 */
export function writeAtomically(target: string, content: string | Uint8Array): void {
  const tmp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    const fd = openSync(tmp, 'wx');
    try {
      if (typeof content === 'string') writeSync(fd, content, null, 'utf8');
      else writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new PizhuError(
      'internal',
      `Cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
