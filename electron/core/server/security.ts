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

/** The renderer's one security policy, the same as under Electron (shared/csp.ts). */
export { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';

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

/**
 * HTTP status of every error code the core can throw (the body always carries the code itself).
 * A `Record` over `ErrorCode`, so adding a code without choosing its status fails the type
 * check: nothing a caller can cause falls through to 500. 500 is for our faults and the disk's.
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode, 400 | 401 | 404 | 409 | 500>> = {
  'invalid-input': 400,
  'range-invalid': 400,
  'memo-too-long': 400,
  'code-name-empty': 400,
  'codebook-invalid': 400,
  'import-unsupported-format': 400,
  'import-no-text-layer': 400,
  'import-unreadable': 400,
  'import-pattern-invalid': 400,
  'import-pattern-timeout': 400,
  'import-archive-bomb': 400,
  'import-too-deep': 400,
  'import-parse-timeout': 400,
  'import-parse-memory': 400,
  'split-invalid': 400,
  'attribute-invalid': 400,
  'attribute-value-invalid': 400,
  'attribute-filter-invalid': 400,
  'search-empty-query': 400,
  'search-invalid-regex': 400,
  'search-unclosed-quote': 400,
  'search-regex-timeout': 400,
  'import-too-large': 400,
  'import-not-text': 400,
  'import-empty': 400,
  'suggest-rules-invalid': 400,
  'suggest-rules-unknown-code': 400,
  'interop-invalid': 400,
  'interop-unsafe': 400,
  'coder-name-empty': 400,
  'spans-invalid': 400,
  'agreement-coders': 400,
  unauthorized: 401,
  'unknown-method': 404,
  'document-not-found': 404,
  'code-not-found': 404,
  'coder-not-found': 404,
  'annotation-not-found': 404,
  'attribute-not-found': 404,
  'set-not-found': 404,
  'backup-not-found': 404,
  'suggest-rule-not-found': 404,
  'nothing-to-undo': 409,
  'nothing-to-redo': 409,
  'code-name-taken': 409,
  'code-shortcut-taken': 409,
  'code-cycle': 409,
  'code-no-parent': 409,
  'split-crosses-annotation': 409,
  'set-name-taken': 409,
  'project-newer': 409,
  'project-read-only': 409,
  'coder-name-taken': 409,
  'coder-archived': 409,
  internal: 500,
  'transport-failed': 500,
  'project-open-failed': 500,
  'project-corrupt': 500,
};

export function statusForError(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

/** `/api/<method>` → method name (not yet checked against the contract), else null. */
export function apiMethodFromPath(pathname: string): string | null {
  const match = /^\/api\/([a-z0-9-]+)$/.exec(pathname);
  return match?.[1] ?? null;
}
