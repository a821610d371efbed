/**
 * The one Content-Security-Policy of the renderer, wherever it is served from: the Electron
 * app:// protocol (electron/main/protocol.ts) and the loopback server (electron/core/server)
 * send it as a response header; renderer/index.html carries no meta CSP of its own (a second,
 * different policy is what issue 12 found). Pure; tested in tests/unit/main/csp.test.ts.
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
