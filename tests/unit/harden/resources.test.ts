/**
 * Issue 12, findings 1–3 and the "resource test": a crafted .docx (400 MB of paragraph XML in
 * 1.5 MB), a 2 GB zip bomb of zeros, 100,000 nested <div> and a catastrophically backtracking
 * cleaning pattern each fail within seconds with their own error code, while another API call
 * answers promptly. Before the fix the first ran the process out of memory, the second took
 * 10 s and 2 GB, the third overflowed the stack (`internal`) and the fourth blocked every call.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/index';
import { parseIsolated } from '../../../electron/core/import/isolated';
import { checkArchive } from '../../../electron/core/import/archive-check';
import { htmlNestingDepth } from '../../../electron/core/import/html-depth';
import { PizhuError, type ErrorCode } from '../../../shared/errors';
import { expectCode, pizhuError, tempDir } from '../core/helpers';
import {
  CATASTROPHIC_PATTERN,
  CATASTROPHIC_TEXT,
  deepHtml,
  paragraphDocx,
  tinyDocx,
  zerosBomb,
} from './hostile';

let core: Core;
beforeEach(() => {
  core = openCore({ file: join(tempDir(), 'p.pizhu'), empty: true });
});
afterEach(() => core.close());

/** Starts the import, times another call made meanwhile, and returns the import's error. */
async function hostile(
  input: Record<string, unknown>,
  code: ErrorCode,
): Promise<{ err: PizhuError; elapsed: number; otherCall: number }> {
  const started = Date.now();
  const pending = core.dispatch('import-preview', input).then(
    () => {
      throw new Error('the hostile import succeeded');
    },
    (err: unknown) => err,
  );
  const t0 = Date.now();
  await core.dispatch('documents-list', {});
  const otherCall = Date.now() - t0;
  const err = (await pending) as PizhuError;
  expect(err).toBeInstanceOf(PizhuError);
  expect(err.code).toBe(code);
  return { err, elapsed: Date.now() - started, otherCall };
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

describe('hostile files fail alone, quickly, with a clear error', () => {
  it('a .docx whose XML unpacks to 400 MB', async () => {
    const file = paragraphDocx(400);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    const r = await hostile({ fileName: 'crafted.docx', contentBase64: b64(file) }, 'import-archive-bomb');
    expect(r.elapsed).toBeLessThan(5_000);
    expect(r.otherCall).toBeLessThan(1_000);
    expect(r.err.params).toMatchObject({ file: 'crafted.docx' });
  });

  it('a 2 GB zip bomb of zeros', async () => {
    const r = await hostile(
      { fileName: 'zeros.docx', contentBase64: b64(zerosBomb(2)) },
      'import-archive-bomb',
    );
    expect(r.elapsed).toBeLessThan(5_000);
  });

  it('100,000 nested <div>', async () => {
    const r = await hostile(
      { fileName: 'deep.html', contentBase64: b64(deepHtml(100_000)) },
      'import-too-deep',
    );
    expect(r.elapsed).toBeLessThan(5_000);
    expect(r.err.params).toMatchObject({ file: 'deep.html', max: 1000 });
  });

  it('a catastrophic boilerplate pattern', async () => {
    const r = await hostile(
      {
        fileName: 'a.txt',
        contentBase64: b64(CATASTROPHIC_TEXT),
        cleaning: ['boilerplate'],
        patterns: [CATASTROPHIC_PATTERN],
      },
      'import-pattern-timeout',
    );
    expect(r.elapsed).toBeLessThan(10_000);
    expect(r.otherCall).toBeLessThan(1_000);
    expect(r.err.params).toMatchObject({ seconds: 3 });
  });

  it('a zip whose directory lies about sizes passes the check but fails alone in the worker', async () => {
    const liar = paragraphDocx(200, 1000);
    expect(checkArchive(liar, 'liar.docx').totalBytes).toBeLessThan(10_000);
    // The zip reader inflates off the V8 heap and notices the lie, or the heap limit stops the
    // parse: either way a clear error, and this thread never held the data.
    const err = await pizhuError(() =>
      parseIsolated('docx', { bytes: liar, fileName: 'liar.docx' }, 'liar.docx', {
        timeoutMs: 20_000,
        maxOldGenerationSizeMb: 96,
      }),
    );
    expect(['import-parse-memory', 'import-unreadable']).toContain(err.code);
    expect(err.params).toMatchObject({ file: 'liar.docx' });
  });

  it('a parse that needs more than the heap limit is stopped', async () => {
    const big = paragraphDocx(40);
    const err = await expectCode(
      () =>
        parseIsolated('docx', { bytes: big, fileName: 'big.docx' }, 'big.docx', {
          timeoutMs: 30_000,
          maxOldGenerationSizeMb: 64,
        }),
      'import-parse-memory',
    );
    expect(err.params).toMatchObject({ file: 'big.docx', maxMb: 64 });
  });
});

describe('ordinary files still import', () => {
  it('a small .docx, a normally nested page and a sane user pattern', async () => {
    const docx = (await core.dispatch('import-preview', {
      fileName: 'ok.docx',
      contentBase64: b64(tinyDocx('你好𠀋')),
    })) as { after: string };
    expect(docx.after).toBe('你好𠀋');
    const html = (await core.dispatch('import-preview', {
      fileName: 'ok.html',
      contentBase64: b64(deepHtml(200)),
    })) as { after: string };
    expect(html.after).toBe('深');
    const cleaned = (await core.dispatch('import-preview', {
      fileName: 'a.txt',
      contentBase64: b64('正文一\n广告：某某网\n正文二'),
      cleaning: ['boilerplate'],
      patterns: ['^广告：.*$'],
    })) as { after: string };
    expect(cleaned.after).toBe('正文一\n正文二');
  });

  it('counts nesting without being fooled by unclosed list items, comments or scripts', () => {
    expect(htmlNestingDepth('<ul>' + '<li>x'.repeat(5000) + '</ul>')).toBe(1);
    expect(htmlNestingDepth('<!--' + '<div>'.repeat(5000) + '-->')).toBe(0);
    expect(htmlNestingDepth('<script>' + '<div>'.repeat(5000) + '</SCRIPT><p>')).toBe(0);
    expect(htmlNestingDepth('<div title="a>b"><br><img src=x /><span>')).toBe(2);
  });
});
