#!/usr/bin/env node
/**
 * `npm start` / `npm run dev`: start the desktop app, or explain quickly why it cannot start here.
 *
 * 1. Find Electron's binary the way node_modules/electron/index.js does (path.txt → dist/<exe>,
 *    or ELECTRON_OVERRIDE_DIST_PATH) — without `require('electron')`, whose lazy download would
 *    block with no time limit.
 * 2. Missing? If @electron/get's cache already holds the zip, or the download host answers within
 *    a few seconds, run electron's install.js (the same lazy download, with a generous time limit);
 *    otherwise say why and start the same UI in the browser (scripts/start-fallback.mjs: `serve`
 *    on a free port, default project, link opened or printed) — no hanging on an offline machine.
 *    Also on a box without a display. `PIZHU_NO_BROWSER_FALLBACK=1`: message and exit 1 instead.
 * 3. Ensure the Electron build of better-sqlite3 (scripts/electron-native.mjs; the Node build in
 *    node_modules is never touched).
 * 4. `electron-vite preview` (build + run the production bundle) or, with --dev,
 *    `electron-vite dev` (dev server with hot reload, DevTools).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';
import { electronBlocker, fallbackPlan, runBrowserFallback } from './start-fallback.mjs';

const LOG = '[start]';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const PROBE_TIMEOUT_MS = Number(process.env.PIZHU_ELECTRON_PROBE_TIMEOUT_MS) || 4_000;
const DOWNLOAD_TIMEOUT_MS = Number(process.env.PIZHU_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 10 * 60_000;
const dev = process.argv.includes('--dev');

function fail(lines) {
  console.error(['', ...lines, ''].join('\n'));
  process.exit(1);
}

/** Electron cannot run here: the browser version instead, unless turned off. */
function cannotRun(reason, lines) {
  if (fallbackPlan({ platform: process.platform, env: process.env }).fallback) {
    void runBrowserFallback(ROOT, reason);
    return new Promise(() => {}); // the fallback owns the process from here
  }
  fail(lines);
}

function cannotRunElectron(reason) {
  return cannotRun(reason, [
    `${LOG} Electron could not be found or downloaded on this machine (${reason}).`,
    `${LOG} The desktop app needs Electron's binary, which npm fetches from the network on first start.`,
    `${LOG} Run the same UI in your browser instead:   npm run serve`,
    `${LOG} 本机找不到 Electron，也无法下载（${reason}）。桌面版在首次启动时需要联网下载 Electron。`,
    `${LOG} 请改用浏览器运行同一界面：                 npm run serve`,
  ]);
}

/** The Electron executable if it is installed, else null (mirrors electron/index.js). */
function findElectronBinary() {
  if (!existsSync(join(ELECTRON_DIR, 'package.json'))) return null;
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(exe) ? exe : null;
  }
  if (!relative) return null;
  const exe = join(ELECTRON_DIR, 'dist', relative);
  return existsSync(exe) ? exe : null;
}

/** True if @electron/get's cache holds this version's zip (install.js then works offline). */
function zipIsCached(version) {
  const name = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  const roots = [
    process.env.electron_config_cache,
    process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches', 'electron') : null,
    process.platform === 'win32' && process.env.LOCALAPPDATA
      ? join(process.env.LOCALAPPDATA, 'electron', 'Cache')
      : null,
    process.platform !== 'darwin' && process.platform !== 'win32'
      ? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron')
      : null,
  ].filter(Boolean);
  for (const root of roots) {
    if (!existsSync(root)) continue;
    if (existsSync(join(root, name))) return true;
    try {
      // @electron/get keeps each download in a subfolder named after a hash of its URL.
      for (const sub of readdirSync(root, { withFileTypes: true })) {
        if (sub.isDirectory() && existsSync(join(root, sub.name, name))) return true;
      }
    } catch {
      // Unreadable cache: treat as absent.
    }
  }
  return false;
}

/** Resolves true if the download host answers anything (any HTTP status) within the timeout. */
function downloadHostReachable() {
  const mirror =
    process.env.ELECTRON_MIRROR ||
    process.env.electron_config_mirror ||
    process.env.npm_config_electron_mirror ||
    'https://github.com/electron/electron/releases/download/';
  let url;
  try {
    url = new URL(mirror);
  } catch {
    return Promise.resolve(false);
  }
  if (url.protocol !== 'https:') return Promise.resolve(true); // let @electron/get decide
  return new Promise((resolvePromise) => {
    const req = request(url.origin, { method: 'HEAD', timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      resolvePromise(true);
    });
    req.on('timeout', () => {
      req.destroy();
      resolvePromise(false);
    });
    req.on('error', () => resolvePromise(false));
    req.end();
  });
}

function runNode(args, { timeout } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    const timer = timeout
      ? setTimeout(() => {
          console.error(`${LOG} stopped after ${Math.round(timeout / 1000)} s`);
          child.kill('SIGTERM');
        }, timeout)
      : null;
    child.on('error', () => resolvePromise(-1));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolvePromise(code ?? (signal ? 1 : -1));
    });
  });
}

async function ensureElectronBinary() {
  if (findElectronBinary()) return;
  let version;
  try {
    version = JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')).version;
  } catch {
    return cannotRunElectron('the electron package is not installed / 未安装 electron 包');
  }
  if (!zipIsCached(version) && !(await downloadHostReachable())) {
    return cannotRunElectron('no network / 无网络连接');
  }
  console.log(
    `${LOG} downloading Electron ${version} (first start only) … / 正在下载 Electron（仅首次启动）…`,
  );
  const code = await runNode([join(ELECTRON_DIR, 'install.js')], { timeout: DOWNLOAD_TIMEOUT_MS });
  if (code !== 0 || !findElectronBinary()) return cannotRunElectron('the download failed / 下载失败');
}

async function main() {
  const blocker = electronBlocker({ platform: process.platform, env: process.env });
  if (blocker) return cannotRun(blocker, [`${LOG} Electron cannot open a window here: ${blocker}.`]);
  await ensureElectronBinary();
  if (!(await ensureElectronNative())) {
    return cannotRun('the SQLite module for Electron is missing / 缺少适用于 Electron 的 SQLite 组件', [
      `${LOG} The SQLite module for Electron is missing; the app cannot open projects without it.`,
      `${LOG} The same UI runs in a browser:   npm run serve`,
      `${LOG} 缺少适用于 Electron 的 SQLite 组件，无法打开项目。可改用浏览器：npm run serve`,
    ]);
  }
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const args = dev ? [cli, 'dev'] : [cli, 'preview'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  // Ctrl+C reaches the child through the terminal; just mirror its exit.
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => fail([`${LOG} could not start electron-vite: ${err.message}`]));
}

main().catch((err) => fail([`${LOG} ${err instanceof Error ? err.stack : String(err)}`]));
