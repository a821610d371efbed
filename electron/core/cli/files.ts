/** Writing CLI output files atomically (temporary file beside the target, fsync, rename). */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { PizhuError } from '../../../shared/errors';

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
