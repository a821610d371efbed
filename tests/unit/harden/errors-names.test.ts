/**
 * Finding 8 of issue 12: expected errors must not come back as HTTP 500, and names must reject
 * control characters (a "\u0000" name used to reach SQLite's CHECK or be stored).
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../../shared/errors';
import { statusForError } from '../../../electron/core/server/security';
import { openCore } from '../../../electron/core/index';
import { expectCode, tempDir } from '../core/helpers';
import { join } from 'node:path';

/** Only a fault of ours (or of the disk) is a 500; everything a caller can cause is 4xx. */
const SERVER_SIDE: ErrorCode[] = ['internal', 'project-open-failed', 'project-corrupt', 'transport-failed'];

describe('error → HTTP status', () => {
  it('maps every caller-caused error to a 4xx status', () => {
    for (const code of ERROR_CODES) {
      if (SERVER_SIDE.includes(code)) continue;
      const status = statusForError(code);
      expect([code, status >= 400 && status < 500]).toEqual([code, true]);
    }
  });

  it('set errors are 404 and 409', () => {
    expect(statusForError('set-not-found')).toBe(404);
    expect(statusForError('set-name-taken')).toBe(409);
  });
});

describe('names reject control characters', () => {
  const bad = ['\u0000', 'a\u0007b', 'x\u001b[31m', 'line\nbreak', 'del\u007f', 'c1\u0085'];

  it.each(bad)('refuses %j in every name and title', async (name) => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), empty: true });
    try {
      await expectCode(() => core.dispatch('sets-create', { name }), 'invalid-input');
      await expectCode(() => core.dispatch('codes-create', { name }), 'invalid-input');
      await expectCode(() => core.dispatch('attributes-create', { name, type: 'text' }), 'invalid-input');
      const sets = (await core.dispatch('sets-list', {})) as unknown[];
      expect(sets).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('still accepts Chinese names and names outside the BMP', async () => {
    const core = openCore({ file: join(tempDir(), 'p.pizhu'), empty: true });
    try {
      await core.dispatch('sets-create', { name: '讲话 𠀋𪚥' });
      await core.dispatch('codes-create', { name: '财政压力 𪚥' });
    } finally {
      core.close();
    }
  });
});
