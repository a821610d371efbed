/**
 * Options of the one BrowserWindow, security settings first.
 *
 * The renderer displays untrusted imported text; if anything in it ever ran as script it must
 * find a sandboxed Chromium renderer with no Node.js, an isolated preload world and only the
 * named functions of the bridge (Zettlr's `create-main-window.ts` does the same). Every value
 * that matters is spelled out even where it equals Electron's default, so a future default change
 * or a careless edit shows up in tests/unit/main/window-options.test.ts.
 *
 * Pure: 'electron' is imported for types only.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Development run (electron-vite dev / unpackaged): allows DevTools. */
  isDev: boolean;
}

export function buildWebPreferences({ preloadPath, isDev }: WindowOptionsInput): WebPreferences {
  return {
    preload: preloadPath,
    // The preload and the page live in separate JavaScript worlds; the page sees only what
    // contextBridge exposes.
    contextIsolation: true,
    // OS-level sandbox for the renderer; the preload gets only a tiny `require` (which is why it
    // is built as one CommonJS file).
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Same-origin policy stays on; no http content inside an https/file page.
    webSecurity: true,
    allowRunningInsecureContent: false,
    // No <webview> (also refused in guards.ts), no experimental Blink features.
    webviewTag: false,
    experimentalFeatures: false,
    // Middle-click (auxclick) cannot open a link in a new window behind the navigation guards.
    disableBlinkFeatures: 'Auxclick',
    // Dropping a file on the window must not navigate away from the app (and lose the view).
    navigateOnDragDrop: false,
    // Chinese text is not spell-checked usefully, and the checker would underline every term.
    spellcheck: false,
    // A page that spams alert() can be stopped by the user.
    safeDialogs: true,
    devTools: isDev,
  };
}

export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 880,
    minHeight: 560,
    title: 'Pizhu 批注',
    // Shown on 'ready-to-show' so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: buildWebPreferences(input),
  };
}
