/**
 * `npm start` on a machine where Electron cannot run (here: no display): it says why, starts the
 * same UI through `serve` on a free port on the default project (in a temporary user-data folder
 * for the test), and prints the link; the link serves the app. With PIZHU_NO_BROWSER_FALLBACK=1
 * it exits 1 with the message, as before.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const home = mkdtempSync(join(tmpdir(), 'pizhu-start-home-'));
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  PIZHU_NO_BROWSER_OPEN: '1',
  // A developer's shell: the fallback must still build (and serve) the production bundle.
  NODE_ENV: 'development',
  DISPLAY: '',
  WAYLAND_DISPLAY: '',
};

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('npm start without Electron', () => {
  it('falls back to the browser version on the default project and prints the link', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    try {
      const deadline = Date.now() + 90_000;
      let link: string | undefined;
      while (!link && Date.now() < deadline) {
        link = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out)?.[1];
        if (child.exitCode !== null) break;
        await sleep(200);
      }
      expect(out).toContain('no graphical display');
      expect(out).toContain('浏览器');
      expect(link, out).toBeDefined();
      const base = link!.replace(/#.*$/, '');
      const page = await fetch(base);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      // React in production mode: a development build (JSX compiled to jsxDEV calls) is several
      // times slower, and it would also be what the e2e files after this one test.
      const assets = join(REPO, 'out', 'renderer', 'assets');
      const dev = readdirSync(assets).filter(
        (f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('jsxDEV'),
      );
      expect(dev).toEqual([]);
      expect(existsSync(join(home, '.config', 'Pizhu', 'projects', 'default.pizhu'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('PIZHU_NO_BROWSER_FALLBACK=1 keeps the old exit with code 1', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: REPO,
      env: { ...env, PIZHU_NO_BROWSER_FALLBACK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(out).toContain('no graphical display');
  });
});
