/**
 * The loopback server's request checks, as small pure functions so that each one is unit-tested
 * on its own (security.test.ts) and the HTTP code in http.ts only wires them together.
 *
 * Why each check exists: any web page the user opens can send requests to 127.0.0.1, and a
 * DNS-rebinding page can even make them same-origin under its own host name. So the API demands
 * (1) a `Host` header naming our loopback address and port, (2) no foreign `Origin`, and (3) the
 * random session token that only the printed URL carries.
 */
import { timingSafeEqual, createHash, randomBytes } from 'node:crypto';
import type { ErrorCode } from '../../../shared/errors';

/** The browser-facing security policy; mirrors the meta CSP in renderer/index.html. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Per-code ::highlight() colours are injected at run time and React sets style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // The renderer's meta CSP allows data: fonts; keep the header at least as permissive or fonts break.
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers sent on every response, static or API. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A fresh session token: 24 random bytes, URL-safe so it can sit in the `#token=` fragment. */
export function newSessionToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Host names a browser may legitimately use to reach us; anything else is DNS rebinding. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return allowedHosts(port).includes(host.toLowerCase());
}

/**
 * A missing Origin is fine (curl, scripts, the e2e harness, same-origin GETs); a present one must
 * be our own origin. `null` (sandboxed frames, file://) is rejected.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

/**
 * Constant-time check of `Authorization: Bearer <token>`. Both sides are hashed first so that
 * timingSafeEqual gets equal lengths and the comparison leaks neither content nor length.
 */
export function isAuthorized(authorization: string | undefined, token: string): boolean {
  if (!authorization) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/** HTTP status for an error code thrown by the core (the body always carries the code itself). */
export function statusForError(code: ErrorCode): number {
  switch (code) {
    case 'invalid-input':
    case 'range-invalid':
    case 'memo-too-long':
    case 'code-name-empty':
    case 'codebook-invalid':
    case 'import-unsupported-format':
    case 'import-too-large':
    case 'import-no-text-layer':
    case 'import-unreadable':
    case 'import-pattern-invalid':
    case 'split-invalid':
    case 'attribute-invalid':
    case 'attribute-value-invalid':
    case 'attribute-filter-invalid':
    case 'search-empty-query':
    case 'search-invalid-regex':
    case 'search-unclosed-quote':
    case 'search-regex-timeout':
    case 'interop-invalid':
    case 'interop-unsafe':
    case 'coder-name-empty':
    case 'spans-invalid':
    case 'agreement-coders':
      return 400;
    case 'unauthorized':
      return 401;
    case 'unknown-method':
    case 'document-not-found':
    case 'code-not-found':
    case 'coder-not-found':
    case 'annotation-not-found':
    case 'attribute-not-found':
      return 404;
    case 'nothing-to-undo':
    case 'nothing-to-redo':
    case 'code-name-taken':
    case 'code-shortcut-taken':
    case 'code-cycle':
    case 'code-no-parent':
    case 'split-crosses-annotation':
    case 'coder-name-taken':
    case 'coder-archived':
      return 409;
    default:
      return 500;
  }
}

/** `/api/<method>` → method name (not yet checked against the contract), else null. */
export function apiMethodFromPath(pathname: string): string | null {
  const match = /^\/api\/([a-z0-9-]+)$/.exec(pathname);
  return match?.[1] ?? null;
}
