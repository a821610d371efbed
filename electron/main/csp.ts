/**
 * The Content-Security-Policy (shared/csp.ts) as a response header: the app:// protocol handler
 * sets it on every response it makes (protocol.ts); `withCspHeader` replaces any other CSP. A
 * header also covers what a meta tag cannot (`frame-ancestors`) and applies before the first
 * byte of HTML is parsed.
 *
 * Not used in development: Vite's dev server injects an inline React-refresh preamble and uses
 * a WebSocket, which this policy (rightly) forbids.
 *
 * Pure: no 'electron' import; tested in tests/unit/main/csp.test.ts.
 */

export { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../shared/csp';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

export type ResponseHeaders = Record<string, string[] | string>;

/** Returns a copy of `headers` with any existing CSP (any letter case) replaced by ours. */
export function withCspHeader(headers: ResponseHeaders | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/**
 * True when `url` lies inside the folder of `appUrl` (the renderer's output folder): the page
 * itself and its workers get the header; nothing outside our own files is touched.
 */
export function isAppResource(url: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  const base = new URL('.', app);
  return (
    target.protocol === base.protocol &&
    target.host === base.host &&
    target.pathname.startsWith(base.pathname)
  );
}
