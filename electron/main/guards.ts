/**
 * Navigation, window and permission guards for the one window.
 *
 * The renderer shows text the user imported from the web (boilerplate, links, anything), so a
 * bug that lets it navigate, open windows, embed `<webview>`s or get permissions must not turn
 * into access to anything beyond our own page. Rules (after Actual's `security.ts` and Zettlr's
 * navigation handlers):
 * - navigation: only to the app's own URL; an http(s) link the user clicks opens in the OS browser;
 * - `window.open` / `target=_blank`: always denied, http(s) URLs go to the OS browser;
 * - `<webview>`: never attached;
 * - permission requests and checks (camera, notifications, clipboard read, …): always denied.
 *
 * Pure at run time: 'electron' is imported for types only, so Vitest can test every function.
 */
import type { Session, WebContents } from 'electron';

const MAX_EXTERNAL_URL_LENGTH = 8192;

/**
 * True only for an absolute http: or https: URL with a host and no credentials. The argument is
 * `unknown` because it comes from the renderer (a link, `window.open`) and is untrusted.
 * `javascript:`, `file:`, `data:`, custom schemes, relative or malformed URLs are all refused;
 * `user:pass@host` is refused because it is a classic way to disguise the real host.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.hostname === '') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return true;
}

/**
 * Builds the predicate "is this the app's own page?" from the URL the window loads:
 * - production `file:///…/out/renderer/index.html`: same file only (query and hash ignored), so
 *   no other local file counts as the app;
 * - development `http://localhost:5173/`: same origin (Vite's dev server).
 */
export function createAppUrlMatcher(appUrl: string): (url: unknown) => boolean {
  const app = new URL(appUrl);
  return (url: unknown): boolean => {
    if (typeof url !== 'string') return false;
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return false;
    }
    // app://pizhu (protocol.ts): Node's URL gives custom schemes no origin; compare scheme and host.
    if (app.protocol === 'app:') return target.protocol === 'app:' && target.host === app.host;
    if (app.protocol === 'file:') {
      return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
    }
    return (app.protocol === 'http:' || app.protocol === 'https:') && target.origin === app.origin;
  };
}

export type NavigationDecision = 'allow' | 'deny' | 'open-external';

/** What to do when the page tries to navigate (link click, `location = …`, form submit). */
export function decideNavigation(url: unknown, isAppUrl: (url: unknown) => boolean): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isSafeExternalUrl(url) ? 'open-external' : 'deny';
}

export interface GuardOptions {
  isAppUrl: (url: unknown) => boolean;
  /** `shell.openExternal` in the app; a spy in tests. */
  openExternal: (url: string) => void;
}

interface PreventableEvent {
  preventDefault(): void;
  /** Electron ≥ 25 puts the target URL on the event; older signatures pass it as 2nd argument. */
  url?: string;
  /** Set on `will-frame-navigate`. */
  isMainFrame?: boolean;
}

/** Attaches all guards to one window's web contents. */
export function attachNavigationGuards(contents: WebContents, options: GuardOptions): void {
  const { isAppUrl, openExternal } = options;

  const onNavigate = (event: PreventableEvent, legacyUrl?: unknown): void => {
    const url = event.url ?? legacyUrl;
    const decision = decideNavigation(url, isAppUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternal(url as string);
    else console.warn(`[guards] blocked navigation to ${String(url)}`);
  };
  contents.on('will-navigate', onNavigate);
  // Subframes (there should be none) and server redirects get the same rule, minus the browser.
  const denyUnlessApp = (event: PreventableEvent, legacyUrl?: unknown): void => {
    const url = event.url ?? legacyUrl;
    if (!isAppUrl(url)) {
      event.preventDefault();
      console.warn(`[guards] blocked frame navigation/redirect to ${String(url)}`);
    }
  };
  // The main frame is left to 'will-navigate' above (it may open the link in the OS browser).
  contents.on('will-frame-navigate', (event: PreventableEvent) => {
    if (event.isMainFrame !== true) denyUnlessApp(event);
  });
  contents.on('will-redirect', denyUnlessApp);

  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    else console.warn(`[guards] blocked window.open(${url})`);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    console.warn('[guards] blocked <webview>');
  });
}

/** Permission request handler: answers no to everything (the app needs no permission). */
export function denyPermissionRequest(
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** Permission check handler: the synchronous twin of the request handler. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** Installs the deny-all permission handlers on a session. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(() => false);
}
