// Issue 12, finding 7: the renderer is served by the app:// protocol with the one CSP, and the
// handler never serves anything outside the renderer folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as SERVER_CSP } from '../../../electron/core/server/security';
import { createAppUrlMatcher } from '../../../electron/main/guards';
import { APP_INDEX_URL, createAppProtocolHandler, resolveAppPath } from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { tempDir } from '../core/helpers';

function site(): string {
  const dir = join(tempDir(), 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>批注</title>');
  writeFileSync(join(dir, 'assets', 'main-1.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'secret.pizhu'), 'private');
  return dir;
}

describe('app:// protocol', () => {
  it('serves the renderer with the one CSP, nosniff and the right types', async () => {
    const handler = createAppProtocolHandler({ rendererDir: site(), readFile });
    const page = await handler(new Request(APP_INDEX_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('批注');
    const script = await handler(new Request('app://pizhu/assets/main-1.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('refuses traversal, other hosts and schemes, other methods and missing files', async () => {
    const dir = site();
    const handler = createAppProtocolHandler({ rendererDir: dir, readFile });
    for (const url of [
      'app://pizhu/../secret.pizhu',
      'app://pizhu/%2e%2e/secret.pizhu',
      'app://pizhu/assets/%2e%2e%2f%2e%2e%2fsecret.pizhu',
      'app://pizhu/..%5csecret.pizhu',
      'app://pizhu/%00index.html',
      'app://evil/index.html',
      'file:///etc/passwd',
      'app://pizhu/nope.js',
    ]) {
      const r = await handler(new Request(url));
      expect([url, r.status]).toEqual([url, 404]);
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await handler(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
    expect(resolveAppPath('app://pizhu/', dir)).toBe(join(dir, 'index.html'));
  });

  it('is the app origin for navigation and IPC sender checks', () => {
    const isApp = createAppUrlMatcher(APP_INDEX_URL);
    expect(isApp('app://pizhu/index.html')).toBe(true);
    expect(isApp('app://evil/index.html')).toBe(false);
    expect(isApp('file:///index.html')).toBe(false);
  });
});

describe('one CSP', () => {
  const root = resolve(import.meta.dirname, '../../..');
  it('the loopback server sends the same policy, and index.html carries none of its own', () => {
    expect(SERVER_CSP).toBe(CONTENT_SECURITY_POLICY);
    expect(readFileSync(join(root, 'renderer/index.html'), 'utf8')).not.toMatch(
      /http-equiv="Content-Security-Policy"/i,
    );
  });

  it('main loads the renderer through the protocol, not file://', () => {
    const main = readFileSync(join(root, 'electron/main/index.ts'), 'utf8');
    expect(main).toMatch(/protocol\.handle\(APP_SCHEME/);
    expect(main).toMatch(/registerSchemesAsPrivileged\(\[APP_SCHEME_PRIVILEGES\]\)/);
    expect(main).not.toMatch(/loadFile\(/);
  });
});
