/**
 * Electron main process: app lifecycle, the one window, the menu, native dialogs and the IPC
 * registration that connects the renderer to the core.
 *
 * Order at start-up: app:// scheme registered → single-instance lock → (ready) deny permissions,
 * the app:// protocol (the renderer with its CSP) → open the
 * project (any failure: bilingual error box naming the file, then quit; the file is never
 * touched) → register IPC → menu → window. Everything with a decision in it lives in a small pure
 * module beside this file (paths, guards, csp, ipc, window-options, save-file, startup-errors,
 * menu) and is unit-tested; this file only wires them to Electron.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { ApiResult } from '../../shared/api';
import { toWireError } from '../../shared/errors';
import { openCore, type Core } from '../core/index';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { SAVE_FILE_CHANNEL } from './envelope';
import { attachNavigationGuards, createAppUrlMatcher, denyAllPermissions, isSafeExternalUrl } from './guards';
import { handleTrusted, registerApiIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { resolveAppPaths, type AppPaths } from './paths';
import { saveFileWithDialog, type SaveFileResult } from './save-file';
import { describeStartupError, NativeModuleMissingError } from './startup-errors';
import { buildWindowOptions } from './window-options';

const LOG = '[main]';

// Only an unpackaged run may point the window at a dev server: a packaged app must never load
// a URL taken from the environment.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const isDev = devServerUrl !== undefined;

// app:// must be registered as standard and secure before the app is ready (protocol.ts).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

// A stable ASCII folder for user data (the project lives there), independent of productName.
app.setPath('userData', join(app.getPath('appData'), 'Pizhu'));

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
let paths: AppPaths | null = null;
let appUrl = '';

function openExternal(url: string): void {
  // Re-checked here: this is the last gate before the OS browser gets the URL.
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch((err: unknown) => console.error(`${LOG} openExternal failed`, err));
}

/** Serves out/renderer at app://pizhu/ with the one CSP on every response (protocol.ts). */
function installAppProtocol(p: AppPaths): void {
  const handler = createAppProtocolHandler({ rendererDir: dirname(p.rendererIndex), readFile });
  protocol.handle(APP_SCHEME, handler);
}

/** Opens the project or shows why not and quits. Never recreates or repairs a user's file. */
function openProjectOrQuit(p: AppPaths): Core | null {
  try {
    if (!existsSync(p.nativeBinding)) throw new NativeModuleMissingError(p.nativeBinding);
    const opened = openCore({
      file: p.projectFile,
      // Only the default project is seeded on first run; a file chosen with --project starts empty.
      seedsDir: p.projectFromArgs ? null : p.seedsDir,
      prepareSeeds: true,
      nativeBinding: p.nativeBinding,
    });
    console.info(`${LOG} project ${opened.created ? 'created' : 'opened'}: ${opened.file}`);
    return opened;
  } catch (err) {
    console.error(`${LOG} start-up failed`, err);
    const { title, message } = describeStartupError(err, {
      projectFile: p.projectFile,
      nativeBinding: p.nativeBinding,
    });
    dialog.showErrorBox(title, message);
    app.exit(1);
    return null;
  }
}

function saveDeps(): Parameters<typeof saveFileWithDialog>[0] {
  return {
    showSaveDialog: (options) =>
      mainWindow && !mainWindow.isDestroyed()
        ? dialog.showSaveDialog(mainWindow, options)
        : dialog.showSaveDialog(options),
    defaultDir: app.getPath('documents'),
  };
}

async function exportFromMenu(format: 'csv' | 'jsonl'): Promise<void> {
  if (!core) return;
  try {
    // Through dispatch, like the renderer, so the input is validated the same way.
    const file = (await core.dispatch('export-dataset', { format })) as ApiResult<'export-dataset'>;
    const result: SaveFileResult = await saveFileWithDialog(saveDeps(), {
      suggestedName: file.fileName,
      content: file.content,
    });
    if (result.saved) console.info(`${LOG} exported ${file.rowCount} rows to ${result.path}`);
  } catch (err) {
    const wire = toWireError(err);
    console.error(`${LOG} export failed`, err);
    const options = {
      type: 'error' as const,
      title: 'Pizhu 批注',
      message: '导出失败 / Export failed',
      detail: `${wire.code}: ${wire.message}`,
    };
    await (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  }
}

function installMenu(): void {
  app.setAboutPanelOptions({
    applicationName: 'Pizhu 批注',
    applicationVersion: app.getVersion(),
    copyright: 'MIT License',
  });
  const template = buildMenuTemplate({
    isDev,
    isMac: process.platform === 'darwin',
    locale: app.getLocale(),
    appName: 'Pizhu 批注',
    actions: {
      exportCsv: () => void exportFromMenu('csv'),
      exportJsonl: () => void exportFromMenu('jsonl'),
      about: () => app.showAboutPanel(),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(p: AppPaths): void {
  const options = buildWindowOptions({ preloadPath: p.preload, isDev });
  const win = new BrowserWindow({
    ...options,
    // window-options.ts decides these (and its test pins them); restated as literals so that
    // static checks (electronegativity, scripts/electronegativity.mjs) can see them here.
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  const load = win.loadURL(devServerUrl ?? APP_INDEX_URL);
  load.catch((err: unknown) => console.error(`${LOG} failed to load the renderer`, err));
}

function start(): void {
  paths = resolveAppPaths({
    userData: app.getPath('userData'),
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    electronVersion: process.versions.electron ?? '',
    mainDir: import.meta.dirname,
    argv: process.argv,
    cwd: process.cwd(),
  });
  appUrl = devServerUrl ?? APP_INDEX_URL;
  const isAppUrl = createAppUrlMatcher(appUrl);

  denyAllPermissions(session.defaultSession);
  // Vite's dev server serves itself (inline preamble, WebSocket: no CSP there; see csp.ts).
  if (!isDev) installAppProtocol(paths);
  // Every web contents (the window, and anything that might ever be created) gets the guards.
  app.on('web-contents-created', (_event, contents) =>
    attachNavigationGuards(contents, { isAppUrl, openExternal }),
  );

  core = openProjectOrQuit(paths);
  if (!core) return;

  registerApiIpc(ipcMain, core, isAppUrl);
  handleTrusted(ipcMain, SAVE_FILE_CHANNEL, isAppUrl, (input) => saveFileWithDialog(saveDeps(), input));

  installMenu();
  createWindow(paths);
}

// One instance only: two processes writing the same SQLite project is what WAL cannot save us
// from at the application level (two undo logs, two current coders).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (core && paths && BrowserWindow.getAllWindows().length === 0) createWindow(paths);
  });

  app.on('will-quit', () => {
    // Closing checkpoints the WAL; every acknowledged write is already on disk before this.
    try {
      core?.close();
    } catch (err) {
      console.error(`${LOG} closing the project failed`, err);
    }
    core = null;
  });

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error(`${LOG} fatal`, err);
      dialog.showErrorBox(
        '批注无法启动 / Pizhu cannot start',
        String(err instanceof Error ? err.stack : err),
      );
      app.exit(1);
    });
}
