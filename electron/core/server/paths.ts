/**
 * Where the Node entry points (serve, CLI) find things: the repository (for `seeds/` and the
 * built renderer) and the default project file in the per-user data folder.
 *
 * The repository is found by walking up to the `package.json` named "pizhu" rather than by a
 * fixed `../../`, because the same code runs bundled (out/node/*.mjs, maybe from a chunk folder)
 * and unbundled (Vitest runs electron/core/... directly).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export function findRepoRoot(start: string = import.meta.dirname): string | null {
  let dir = resolve(start);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const parsed = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown };
        if (parsed.name === 'pizhu') return dir;
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** `<repo>/seeds`, or null when it cannot be found (then new projects start empty). */
export function defaultSeedsDir(): string | null {
  const root = findRepoRoot();
  const dir = root ? join(root, 'seeds') : null;
  return dir && existsSync(dir) ? dir : null;
}

/** `<repo>/out/renderer`, the output of `npm run build:web`. */
export function defaultStaticDir(): string | null {
  const root = findRepoRoot();
  return root ? join(root, 'out', 'renderer') : null;
}

/**
 * The per-user data folder, the same one the Electron app uses (electron/main/index.ts sets
 * `userData` to `<appData>/Pizhu`), so that `npm run serve` and the desktop app open the same
 * default project:
 * - Linux and others: `$XDG_CONFIG_HOME/Pizhu` (default `~/.config/Pizhu`)
 * - macOS: `~/Library/Application Support/Pizhu`
 * - Windows: `%APPDATA%\Pizhu` (default `~\AppData\Roaming\Pizhu`)
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Pizhu');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Pizhu');
  // Electron (like the XDG spec) ignores a relative XDG_CONFIG_HOME.
  const config = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'Pizhu');
}

/** The project `npm run serve` opens when no `--project` is given. */
export function defaultProjectFile(): string {
  return join(userDataDir(), 'projects', 'default.pizhu');
}
