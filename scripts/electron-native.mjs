#!/usr/bin/env node
/**
 * Builds the Electron-ABI better-sqlite3 binding for the desktop app, apart from the Node build.
 *
 * node_modules/better-sqlite3/build holds the Node-ABI binding used by the tests, the CLI and the
 * loopback server; replacing it with an Electron build (what `electron-rebuild` or
 * `electron-builder install-app-deps` would do in place) breaks all of those. So this script
 * works on a *copy* of the package in a temporary folder and puts only the resulting file at
 *
 *   .native/electron-<electronVersion>/better_sqlite3.node
 *
 * which main passes to the core as `nativeBinding` (electron/main/paths.ts; packaged apps get it
 * through electron.builder.yml `extraResources`). Steps, each only when the previous failed:
 *   1. already there → nothing to do (use --force to rebuild);
 *   2. `prebuild-install --runtime electron --target <version>` in the copy (downloads the
 *      prebuilt binary better-sqlite3 publishes for this Electron ABI);
 *   3. `@electron/rebuild` from source on the copy (node-gyp with Electron's headers).
 * The node_modules copy is never written to; the copy lives in the OS temp folder and is removed.
 *
 * Usage: node scripts/electron-native.mjs [--force]     (npm start runs it for you)
 * Exit code 0 when the binding is present afterwards, 1 otherwise.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rename, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LOG = '[electron-native]';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PREBUILD_TIMEOUT_MS = Number(process.env.PIZHU_PREBUILD_TIMEOUT_MS) || 120_000;

/** Where the binding for one Electron version lives (same layout as electron/main/paths.ts). */
export function nativeBindingPath(root, electronVersion) {
  return join(root, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** The installed Electron version, from its package.json (never `require('electron')`). */
export function installedElectronVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

async function isNonEmptyFile(file) {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}

/** Runs a command, inheriting output; resolves its exit code (or -1 on spawn error/timeout). */
function run(command, args, options) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const timer = setTimeout(() => {
      console.error(`${LOG} ${args[0] ?? command} took longer than ${options.timeout / 1000} s, stopping it`);
      child.kill('SIGTERM');
    }, options.timeout);
    child.on('error', (err) => {
      clearTimeout(timer);
      console.error(`${LOG} could not run ${command}: ${err.message}`);
      resolvePromise(-1);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise(code ?? -1);
    });
  });
}

/** Copies node_modules/better-sqlite3 (without its build/ folder) into a throwaway app folder. */
async function makeWorkCopy() {
  const source = join(ROOT, 'node_modules', 'better-sqlite3');
  const pkg = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  const work = await mkdtemp(join(tmpdir(), 'pizhu-native-'));
  const appDir = join(work, 'app');
  const moduleDir = join(appDir, 'node_modules', 'better-sqlite3');
  const buildDir = join(source, 'build');
  await cp(source, moduleDir, {
    recursive: true,
    // The Node build is neither needed nor wanted in the copy: start from sources only.
    filter: (file) =>
      file !== buildDir && !file.startsWith(buildDir + '/') && !file.startsWith(buildDir + '\\'),
  });
  // @electron/rebuild walks an app's dependencies; give it a minimal app that has just this one.
  await writeFile(
    join(appDir, 'package.json'),
    JSON.stringify({
      name: 'pizhu-native-build',
      private: true,
      dependencies: { 'better-sqlite3': pkg.version },
    }),
  );
  return { work, appDir, moduleDir, version: pkg.version };
}

async function tryPrebuild(moduleDir, electronVersion) {
  const bin = join(ROOT, 'node_modules', 'prebuild-install', 'bin.js');
  if (!existsSync(bin)) return false;
  console.log(`${LOG} downloading the prebuilt binding for Electron ${electronVersion} …`);
  const code = await run(
    process.execPath,
    [
      bin,
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--arch',
      process.arch,
      '--platform',
      process.platform,
      '--verbose',
    ],
    { cwd: moduleDir, timeout: PREBUILD_TIMEOUT_MS },
  );
  return code === 0 && isNonEmptyFile(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'));
}

async function tryRebuild(appDir, moduleDir, electronVersion) {
  console.log(`${LOG} building the binding from source for Electron ${electronVersion} (a few minutes) …`);
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: appDir,
      electronVersion,
      arch: process.arch,
      onlyModules: ['better-sqlite3'],
      force: true,
      buildFromSource: true,
    });
  } catch (err) {
    console.error(`${LOG} @electron/rebuild failed: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
  return isNonEmptyFile(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'));
}

export async function ensureElectronNative({ force = false } = {}) {
  const electronVersion = installedElectronVersion(ROOT);
  const target = nativeBindingPath(ROOT, electronVersion);
  if (!force && (await isNonEmptyFile(target))) {
    console.log(`${LOG} present: ${target}`);
    return true;
  }
  const { work, appDir, moduleDir, version } = await makeWorkCopy();
  console.log(`${LOG} better-sqlite3 ${version} → Electron ${electronVersion} (work copy in ${work})`);
  try {
    const built =
      (await tryPrebuild(moduleDir, electronVersion)) ||
      (await tryRebuild(appDir, moduleDir, electronVersion));
    if (!built) {
      console.error(
        `${LOG} could not build better-sqlite3 for Electron ${electronVersion}.\n` +
          `${LOG} Both need the network (prebuilt download, or Electron headers) and the source build a C++ toolchain.\n` +
          `${LOG} 无法为 Electron ${electronVersion} 构建 better-sqlite3（需要网络连接，源码构建还需要 C++ 编译工具）。`,
      );
      return false;
    }
    // Copy then rename, so a half-copied file is never taken for a finished one.
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    await copyFile(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), partial);
    await rename(partial, target);
    console.log(`${LOG} ready: ${target}`);
    return true;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// Run as a script (not when imported by start.mjs or a test).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  ensureElectronNative({ force: process.argv.includes('--force') }).then(
    (ok) => process.exit(ok ? 0 : 1),
    (err) => {
      console.error(`${LOG} failed:`, err);
      process.exit(1);
    },
  );
}
