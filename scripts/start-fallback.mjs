/**
 * `npm start` where Electron cannot run (no binary and no network, a headless box, a missing
 * native module): after saying why, start the same UI through the loopback server (`serve`) on a
 * free port on the default project and open the link in the default browser (or print it).
 * `PIZHU_NO_BROWSER_FALLBACK=1` keeps the old behaviour: the message and exit code 1.
 * The decisions are pure functions (unit-tested in tests/unit/main/start-fallback.test.ts);
 * `runBrowserFallback` does the work.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOG = '[start]';

/** Why Electron cannot show a window here before even trying, or null. */
export function electronBlocker({ platform, env }) {
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return 'no graphical display (DISPLAY is not set) / 没有图形显示环境';
  return null;
}

/** Whether to fall back to the browser, and the command that opens a link (null: print only). */
export function fallbackPlan({ platform, env }) {
  const fallback = env.PIZHU_NO_BROWSER_FALLBACK !== '1';
  let opener = null;
  if (env.PIZHU_NO_BROWSER_OPEN !== '1') {
    if (platform === 'darwin') opener = ['open'];
    else if (platform === 'win32') opener = ['cmd', '/c', 'start', '""'];
    else if (env.WSL_DISTRO_NAME) opener = ['wslview'];
    else if (env.DISPLAY || env.WAYLAND_DISPLAY) opener = ['xdg-open'];
  }
  return { fallback, opener };
}

/** What the user reads before the browser version starts (English, then Chinese). */
export function fallbackMessage(reason) {
  return [
    `${LOG} The desktop window cannot open on this machine: ${reason}.`,
    `${LOG} Starting the same app in your browser instead (npm run serve) …`,
    `${LOG} 桌面窗口无法在本机打开：${reason}。改为在浏览器中启动同一界面（npm run serve）…`,
    `${LOG} (PIZHU_NO_BROWSER_FALLBACK=1 turns this off.)`,
  ];
}

function run(root, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', () => resolvePromise(-1));
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : -1)));
  });
}

/** Builds the web UI and the server, starts `serve`, opens or prints the link; never returns. */
export async function runBrowserFallback(
  root,
  reason,
  { platform = process.platform, env = process.env } = {},
) {
  const { opener } = fallbackPlan({ platform, env });
  console.log(['', ...fallbackMessage(reason), ''].join('\n'));
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const config of ['vite.web.config.ts', 'vite.node.config.ts']) {
    // A production bundle whatever the caller's NODE_ENV: Vite keeps a NODE_ENV it finds set
    // (a developer's shell, a test runner's `test`), and React is then built in development mode.
    const code = await run(root, [vite, 'build', '--logLevel', 'warn', '-c', config], {
      env: { ...env, NODE_ENV: 'production' },
    });
    if (code !== 0) {
      console.error(`${LOG} build failed (${config}); nothing started.`);
      process.exit(1);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-start-'));
  const readyFile = join(dir, 'ready.txt');
  const server = spawn(process.execPath, [join(root, 'out', 'node', 'serve.mjs'), '--port', '0'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, PIZHU_SERVE_READY_FILE: readyFile },
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code, signal) => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(code ?? (signal ? 0 : 1));
  });
  const timer = setInterval(() => {
    if (!existsSync(readyFile)) return;
    clearInterval(timer);
    const link = readFileSync(readyFile, 'utf8').trim();
    console.log(`\n${LOG} Open / 打开: ${link}\n`);
    if (opener) {
      const [cmd, ...rest] = opener;
      const child = spawn(cmd, [...rest, link], { stdio: 'ignore', detached: true });
      child.on('error', () => console.log(`${LOG} (could not open a browser; copy the link above)`));
      child.unref();
    }
  }, 100);
}
