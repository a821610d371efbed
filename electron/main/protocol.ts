/**
 * The renderer is served by a privileged custom protocol, `app://pizhu/…`, instead of file://:
 * a standard, secure origin of its own (file:// pages share one origin with every local file),
 * and every response carries the one CSP (shared/csp.ts) and `nosniff` from here, so no page
 * of ours is ever shown without its policy.
 *
 * `createAppProtocolHandler` is what main passes to `protocol.handle(APP_SCHEME, …)`; it maps a
 * request URL to a file inside the renderer folder, refusing any other host, any method but
 * GET/HEAD and any path that leaves the folder (`..`, encoded separators, absolute paths).
 * Pure apart from the injected `readFile`: no 'electron' import; tested in
 * tests/unit/main/protocol.test.ts with the fetch API's own Request/Response.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pizhu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** For `protocol.registerSchemesAsPrivileged` (before the app is ready). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request URL names inside `rendererDir`, or null when it must not be served. */
export function resolveAppPath(url: string, rendererDir: string): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  if (target.protocol !== `${APP_SCHEME}:` || target.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(target.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

export interface AppProtocolDeps {
  rendererDir: string;
  readFile(path: string): Promise<Uint8Array>;
}

function headers(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('method not allowed', {
        status: 405,
        headers: headers('text/plain; charset=utf-8'),
      });
    const file = resolveAppPath(request.url, deps.rendererDir);
    if (!file)
      return new Response('not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
    let body: Uint8Array;
    try {
      body = await deps.readFile(file);
    } catch {
      return new Response('not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: headers(type),
    });
  };
}
