/**
 * The Content-Security-Policy main adds as a response header to the app's own pages in
 * production (the renderer's index.html also carries a meta CSP; both are enforced, so a page
 * runs only what both allow). A header also covers what a meta tag cannot (`frame-ancestors`)
 * and applies before the first byte of HTML is parsed.
 *
 * Not used in development: Vite's dev server injects an inline React-refresh preamble and uses
 * a WebSocket, which this policy (rightly) forbids.
 *
 * Pure: no 'electron' import; tested in tests/unit/main/csp.test.ts.
 */

/** Each directive with the reason it is what it is. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [directive: string, value: string]> = [
  // Deny by default: anything not listed below (media, manifests, prefetch, …) is refused.
  ['default-src', "'none'"],
  // Only our bundled scripts: no inline script, no eval, nothing remote. This is what stops
  // imported text that slips into the DOM from ever running.
  ['script-src', "'self'"],
  // Our stylesheets; 'unsafe-inline' because React/Lexical set style attributes and the document
  // view may generate per-code `::highlight()` rules at run time. Styles cannot run code.
  ['style-src', "'self' 'unsafe-inline'"],
  // Bundled images plus small assets Vite inlines as data: URLs, and blob: for generated images.
  ['img-src', "'self' data: blob:"],
  // Bundled fonts (CJK fonts may be inlined as data: URLs by Vite).
  ['font-src', "'self' data:"],
  // The renderer talks to the core over IPC, not the network; 'self' only for bundled assets
  // fetched at run time (e.g. conversion tables).
  ['connect-src', "'self'"],
  // Web workers only from our own bundle (e.g. search or export off the UI thread).
  ['worker-src', "'self'"],
  // No plugins, ever.
  ['object-src', "'none'"],
  // An injected <base> must not re-point our relative asset URLs.
  ['base-uri', "'none'"],
  // The app never submits forms anywhere.
  ['form-action', "'none'"],
  // No frames inside the app, and the app may not be framed.
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([d, v]) => `${d} ${v}`).join('; ');

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
