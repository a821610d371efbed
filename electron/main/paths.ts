/**
 * Where the app finds and keeps things: the project file, the seed corpus, the Electron build of
 * better-sqlite3, the preload and the renderer page.
 *
 * Pure: index.ts collects the inputs from `app`/`process` and passes them in, so tests can check
 * development and packaged layouts without Electron.
 *
 * Native module: the Node build in node_modules/better-sqlite3/build serves tests, the CLI and the
 * loopback server and must never be replaced (DESIGN.md "Toolchain"). The app loads its own
 * Electron-ABI build, passed to the core as `nativeBinding`:
 * - development: `<appPath>/.native/electron-<version>/better_sqlite3.node`
 *   (made by scripts/electron-native.mjs, which `npm start` runs);
 * - packaged: `<resources>/native/electron-<version>/better_sqlite3.node`
 *   (copied there by electron.builder.yml `extraResources`).
 */
import { isAbsolute, join, resolve } from 'node:path';

export interface PathInputs {
  /** `app.getPath('userData')`. */
  userData: string;
  /** `app.getAppPath()`: the repository root in development, the asar in a package. */
  appPath: string;
  /** `process.resourcesPath`. */
  resourcesPath: string;
  isPackaged: boolean;
  /** `process.versions.electron`. */
  electronVersion: string;
  /** Folder of the built main bundle (out/main). */
  mainDir: string;
  /** `process.argv`; `--project=<file>` opens another project than the default one. */
  argv: readonly string[];
  /** Base for a relative `--project` path. */
  cwd: string;
}

export interface AppPaths {
  projectFile: string;
  /** True when the project file came from `--project` (never seeded: the user chose it). */
  projectFromArgs: boolean;
  seedsDir: string;
  nativeBinding: string;
  preload: string;
  rendererIndex: string;
}

/** `electron-<version>/better_sqlite3.node`, the layout shared with scripts/electron-native.mjs. */
export function nativeBindingRelativePath(electronVersion: string): string {
  return join(`electron-${electronVersion}`, 'better_sqlite3.node');
}

/** Reads `--project=<file>` (or `--project <file>`) from argv; null when absent or empty. */
export function projectFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let value: string | undefined;
    if (arg === '--project') value = argv[i + 1];
    else if (arg?.startsWith('--project=')) value = arg.slice('--project='.length);
    else continue;
    if (!value) return null;
    return isAbsolute(value) ? value : resolve(cwd, value);
  }
  return null;
}

export function resolveAppPaths(input: PathInputs): AppPaths {
  const fromArgs = projectFromArgv(input.argv, input.cwd);
  const nativeRoot = input.isPackaged ? join(input.resourcesPath, 'native') : join(input.appPath, '.native');
  return {
    projectFile: fromArgs ?? join(input.userData, 'projects', 'default.pizhu'),
    projectFromArgs: fromArgs !== null,
    seedsDir: input.isPackaged ? join(input.resourcesPath, 'seeds') : join(input.appPath, 'seeds'),
    nativeBinding: join(nativeRoot, nativeBindingRelativePath(input.electronVersion)),
    preload: join(input.mainDir, '..', 'preload', 'index.cjs'),
    rendererIndex: join(input.mainDir, '..', 'renderer', 'index.html'),
  };
}
