/**
 * The loopback HTTP transport: the same API contract as Electron IPC, carried as
 * `POST /api/<method>` with a JSON body, plus the built renderer as static files, so that the UI
 * runs in any browser (e2e tests, machines without Electron). Node `http` only: one process, one
 * user, a handful of routes do not justify a framework.
 *
 * Wire format: `200 { result }` or `<status> { error: WireError }` (statuses in security.ts).
 * Every API request must name our Host, come from no foreign Origin and carry the session token.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { isApiMethod } from '../../../shared/api';
import { PizhuError, toWireError, type ErrorCode, type WireError } from '../../../shared/errors';
import type { Core } from '../index';
import { log } from '../log';
import {
  SECURITY_HEADERS,
  apiMethodFromPath,
  isAllowedHost,
  isAllowedOrigin,
  isAuthorized,
  statusForError,
} from './security';

/** Largest request body accepted: a big import payload fits, a runaway client does not. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface ServerOptions {
  /** Only `dispatch` is used, so tests can pass a fake core. */
  core: Pick<Core, 'dispatch'>;
  /** Folder of the built renderer (out/renderer); null or missing serves the API only. */
  staticDir: string | null;
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** Loopback only; the option exists so that the binding is explicit at the call site. */
  host?: '127.0.0.1';
  maxBodyBytes?: number;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>/` (without the token). */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, drops idle keep-alive ones, resolves when closed. */
  close(): Promise<void>;
}

const logger = log('core/server');

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly wire: WireError,
  ) {
    super(wire.message);
  }
}

function httpError(status: number, code: ErrorCode, message: string): HttpError {
  return new HttpError(status, { code, message });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  // Encoded once (not measured and then encoded again): a long list is megabytes of JSON.
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
    // API answers hold project data: never let a cache keep them.
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Reads the whole body, refusing (413) as soon as it passes the limit instead of buffering it all. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

function tooLarge(limit: number): HttpError {
  return httpError(413, 'invalid-input', `Request body exceeds ${Math.round(limit / 1024 / 1024)} MB`);
}

function parseJsonBody(body: Buffer): unknown {
  // An empty body means "no arguments", which keeps `curl -X POST …/api/project-info` short.
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (err) {
    throw httpError(
      400,
      'invalid-input',
      `Body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  options: ServerOptions,
  port: number,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    throw httpError(405, 'invalid-input', `Use POST for /api/${method}`);
  }
  if (!isAllowedOrigin(req.headers.origin, port)) {
    throw httpError(403, 'unauthorized', 'Cross-origin requests are not allowed');
  }
  if (!isAuthorized(req.headers.authorization, options.token)) {
    throw httpError(401, 'unauthorized', 'Missing or wrong session token');
  }
  if (!isApiMethod(method)) throw httpError(404, 'unknown-method', `Unknown method: ${method}`);
  // Requiring JSON also forces a CORS preflight on any cross-site attempt (we never answer one).
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw httpError(415, 'invalid-input', 'Content-Type must be application/json');
  }
  const input = parseJsonBody(await readBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES));
  const result = await options.core.dispatch(method, input);
  sendJson(res, 200, { result: result ?? null });
}

function sendError(res: ServerResponse, err: unknown, method: string): void {
  let status: number;
  let wire: WireError;
  if (err instanceof HttpError) {
    status = err.status;
    wire = err.wire;
  } else {
    wire = toWireError(err);
    status = statusForError(wire.code);
    if (!(err instanceof PizhuError)) logger.error(`${method} failed`, err);
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // After a refused body the rest of the upload is unread: close rather than drain 50 MB+.
  if (status === 413) res.setHeader('Connection', 'close');
  sendJson(res, status, { error: wire });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A file of the renderer's build whose name carries a hash of its content (`assets/boot-3kD9_x1a.js`). */
function isHashedAsset(pathname: string): boolean {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(pathname);
}

/** Starts the server on 127.0.0.1 and resolves once it is listening. */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const indexFile = options.staticDir ? join(options.staticDir, 'index.html') : null;
  const serveStatic =
    options.staticDir && indexFile && existsSync(indexFile)
      ? sirv(options.staticDir, {
          // SPA: unknown paths get index.html so that a reload on a client route still works.
          single: true,
          dev: false,
          etag: true,
          dotfiles: false,
          // The build names every file under assets/ by a hash of its content (Vite), so the
          // browser may keep those for good and skip asking again on the next open (and keep
          // their compiled code, as Electron's app:// scheme does); index.html is asked for
          // each time, so a new build is picked up.
          setHeaders: (res, pathname) =>
            res.setHeader('Cache-Control', isHashedAsset(pathname) ? IMMUTABLE : 'no-cache'),
        })
      : null;
  if (!serveStatic)
    logger.warn(`no built renderer at ${options.staticDir ?? '(none)'}: serving the API only`);

  let port = 0;
  const server = createHttpServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = apiMethodFromPath(url.pathname);
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');

    // DNS rebinding: a foreign host name pointing at 127.0.0.1 must not reach anything.
    if (!isAllowedHost(req.headers.host, port)) {
      if (isApi) sendJson(res, 403, { error: { code: 'unauthorized', message: 'Host not allowed' } });
      else sendText(res, 403, 'Host not allowed');
      req.resume();
      return;
    }
    if (isApi) {
      if (method === null) {
        sendJson(res, 404, {
          error: { code: 'unknown-method', message: `No such API path: ${url.pathname}` },
        });
        req.resume();
        return;
      }
      handleApi(req, res, method, options, port).catch((err: unknown) => sendError(res, err, method));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed');
      req.resume();
      return;
    }
    if (!serveStatic) {
      sendText(res, 404, 'The renderer is not built: run `npm run build:web`.');
      return;
    }
    serveStatic(req, res, () => sendText(res, 404, 'Not found'));
  });
  // Slow-loris protection is cheap; a 50 MB body on loopback arrives in well under a minute.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}
