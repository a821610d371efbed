/**
 * The loopback transport for real: the built server in a child process, spoken to over HTTP
 * exactly as a browser (or an attacker's page) would. Checks the security gates (token, Host,
 * Origin), the error statuses, that a rejected call changes nothing, and the static files' headers.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, DocumentSummary } from '../../shared/domain';
import { startApp, type RawRequest, type RunningApp, SEEDS_DIR } from './harness';

const RENDERER_BUILT = existsSync(join(resolve(import.meta.dirname, '../..'), 'out/renderer/index.html'));

describe('loopback server', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ seeds: SEEDS_DIR });
  });

  afterAll(async () => {
    await app?.stop();
  });

  function headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      Host: `127.0.0.1:${app.port}`,
      Authorization: `Bearer ${app.token}`,
      'Content-Type': 'application/json',
      ...extra,
    };
  }

  function post(method: string, input: unknown, init: Omit<RawRequest, 'body'> = {}) {
    return app.request(`/api/${method}`, {
      method: 'POST',
      headers: init.headers ?? headers(),
      body: JSON.stringify(input),
    });
  }

  function errorCode(json: unknown): unknown {
    return (json as { error?: { code?: unknown } } | undefined)?.error?.code;
  }

  it('prints a loopback URL with a URL-safe token of 32 characters', () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
  });

  it('answers a valid call with 200 { result } and no-store', async () => {
    const response = await post('project-info', {});
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect((response.json as { result: { documentCount: number } }).result.documentCount).toBe(5);
  });

  it('rejects a missing or wrong token with 401 unauthorized', async () => {
    const { Authorization: _, ...noToken } = headers();
    const missing = await post('project-info', {}, { headers: noToken });
    expect(missing.status).toBe(401);
    expect(errorCode(missing.json)).toBe('unauthorized');

    const wrong = await post(
      'project-info',
      {},
      { headers: headers({ Authorization: `Bearer ${app.token}x` }) },
    );
    expect(wrong.status).toBe(401);
    expect(errorCode(wrong.json)).toBe('unauthorized');

    const notBearer = await post('project-info', {}, { headers: headers({ Authorization: app.token }) });
    expect(notBearer.status).toBe(401);
  });

  it('rejects a foreign Host header (DNS rebinding), even with the right token', async () => {
    for (const host of ['evil.example:' + app.port, `127.0.0.1:${app.port + 1}`, '127.0.0.1']) {
      const response = await post('project-info', {}, { headers: headers({ Host: host }) });
      expect(response.status, host).toBe(403);
      expect(errorCode(response.json)).toBe('unauthorized');
    }
    const page = await app.request('/', { headers: { Host: `attacker.test:${app.port}` } });
    expect(page.status).toBe(403);
    // localhost is a name the user may type.
    const local = await post('project-info', {}, { headers: headers({ Host: `localhost:${app.port}` }) });
    expect(local.status).toBe(200);
  });

  it('rejects a cross-origin Origin and accepts our own', async () => {
    const foreign = await post('project-info', {}, { headers: headers({ Origin: 'http://evil.example' }) });
    expect(foreign.status).toBe(403);
    expect(errorCode(foreign.json)).toBe('unauthorized');
    const own = await post(
      'project-info',
      {},
      { headers: headers({ Origin: `http://127.0.0.1:${app.port}` }) },
    );
    expect(own.status).toBe(200);
  });

  it('answers an unknown method with 404 unknown-method', async () => {
    const response = await post('documents-explode', {});
    expect(response.status).toBe(404);
    expect(errorCode(response.json)).toBe('unknown-method');
  });

  it('refuses GET on the API and non-JSON bodies', async () => {
    const get = await app.request('/api/project-info', { headers: headers() });
    expect(get.status).toBe(405);
    const notJson = await app.request('/api/project-info', {
      method: 'POST',
      headers: headers(),
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    expect(errorCode(notJson.json)).toBe('invalid-input');
    const form = await app.request('/api/project-info', {
      method: 'POST',
      headers: headers({ 'Content-Type': 'text/plain' }),
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('refuses a body over the limit with 413 before reading it', async () => {
    const response = await app.request('/api/project-info', {
      method: 'POST',
      headers: headers({ 'Content-Length': String(60 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it('answers invalid input with 400 invalid-input and changes nothing', async () => {
    const [doc] = await app.api('documents-list', {});
    const [code] = await app.api('codes-list', {});
    const before = await app.api('project-info', {});
    const bad: unknown[] = [
      { documentId: doc!.id, codeId: code!.id, start: -1, end: 5 },
      { documentId: doc!.id, codeId: code!.id, start: 0, end: 'five' },
      { documentId: doc!.id, codeId: code!.id, start: 0, end: 5, extra: true },
      { documentId: doc!.id },
      null,
    ];
    for (const input of bad) {
      const response = await post('annotations-create', input);
      expect(response.status, JSON.stringify(input)).toBe(400);
      expect(errorCode(response.json)).toBe('invalid-input');
    }
    expect(await app.api('annotations-list', { documentId: doc!.id })).toEqual([]);
    const after = await app.api('project-info', {});
    expect(after.annotationCount).toBe(before.annotationCount);
    expect(after.history).toEqual(before.history);
  });

  it('round-trips annotations-create then annotations-list', async () => {
    const docs: DocumentSummary[] = await app.api('documents-list', {});
    const doc = docs[1]!;
    const detail = await app.api('documents-get', { id: doc.id });
    const [, code] = await app.api('codes-list', {});
    const response = await post('annotations-create', {
      documentId: doc.id,
      codeId: code!.id,
      start: 20,
      end: 40,
      memo: '备注 𠀋',
    });
    expect(response.status).toBe(200);
    const created = (response.json as { result: { annotation: Annotation } }).result.annotation;
    // Offsets are code points into the canonical text.
    expect(created.text).toBe([...detail.text].slice(20, 40).join(''));

    const listed = await app.api('annotations-list', { documentId: doc.id });
    expect(listed).toEqual([created]);
    expect(listed[0]).toMatchObject({ codeId: code!.id, start: 20, end: 40, memo: '备注 𠀋' });
  });

  it('serves the renderer with the strict CSP and security headers (or says it is not built)', async () => {
    const response = await app.request('/', { headers: { Host: `127.0.0.1:${app.port}` } });
    const csp = String(response.headers['content-security-policy']);
    for (const directive of [
      "default-src 'none'", // the one CSP (shared/csp.ts), stricter than the old meta policy
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    if (RENDERER_BUILT) {
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<div id="root">');
      // SPA fallback: an unknown client route gets index.html too.
      const deep = await app.request('/library/some-view', { headers: { Host: `127.0.0.1:${app.port}` } });
      expect(deep.status).toBe(200);
      expect(deep.text).toContain('<div id="root">');
      // index.html is asked for each time; the hashed build files may be kept for good.
      expect(response.headers['cache-control']).toBe('no-cache');
      const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(response.text)![1]!;
      const asset = await app.request(`/${script}`, { headers: { Host: `127.0.0.1:${app.port}` } });
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    } else {
      expect(response.status).toBe(404);
      expect(response.text).toContain('npm run build:web');
    }
  });
});

describe('loopback server, empty project', () => {
  it('--empty starts with no documents', async () => {
    const app = await startApp({ empty: true });
    try {
      expect(await app.api('documents-list', {})).toEqual([]);
      expect((await app.api('codes-list', {})).map((c) => c.name)).toEqual(['成效', '问题', '建议']);
    } finally {
      await app.stop();
    }
  });
});
