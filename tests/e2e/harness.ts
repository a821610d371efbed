/**
 * E2E harness: starts the real app (`node out/node/serve.mjs`, the built renderer and core) as a
 * child process on a free port with a fresh project file, and launches the system Chromium through
 * playwright-core. Tests drive the UI in the browser and assert on the project through the same
 * HTTP API the UI uses (`app.api`), so a check never trusts what the page merely shows.
 *
 * Needs `npm run build:web && npm run build:node` first (`npm run test:e2e` does both).
 * Chromium: /usr/bin/chromium, or PIZHU_CHROMIUM=/path/to/chrome. Nothing is ever downloaded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { afterEach, expect } from 'vitest';
import type { ApiInput, ApiMethod, ApiResult } from '../../shared/api';
import { fromWireError } from '../../shared/errors';

const REPO = resolve(import.meta.dirname, '../..');
/**
 * The repository's seed folder. Passed explicitly (`startApp({ seeds: SEEDS_DIR })`) it is imported
 * raw — five documents, titles as the files have them — while a default first run prepares it.
 */
export const SEEDS_DIR = join(REPO, 'seeds');
const SERVE = join(REPO, 'out/node/serve.mjs');
/** Where failure screenshots go (ignored by git). */
export const RESULTS_DIR = join(REPO, 'test-results');

export interface StartAppOptions {
  /** Create the project without the sample documents. */
  empty?: boolean;
  /** Open this project file instead of a fresh one in a temporary folder (it is not deleted). */
  project?: string;
  /** Import the .txt files of this folder instead of the sample corpus (new projects only). */
  seeds?: string;
  /** Fixed session token (default: the server's random one). */
  token?: string;
  /** Extra environment for the server process. */
  env?: NodeJS.ProcessEnv;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Raw body text. */
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

export interface RawRequest {
  method?: string;
  /** Headers sent as given: nothing is added, so tests control Host, Origin and Authorization. */
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RunningApp {
  /** Full link as printed by the server, with the token fragment: `http://127.0.0.1:P/#token=T`. */
  readonly url: string;
  /** `http://127.0.0.1:P/` without the token. */
  readonly baseUrl: string;
  readonly port: number;
  readonly token: string;
  /** Absolute path of the project file the server opened. */
  readonly projectFile: string;
  /** Calls an API method with the token; resolves to the result, rejects with a PizhuError. */
  api<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  /** Any HTTP request to the server, headers exactly as given (for transport tests). */
  request(path: string, init?: RawRequest): Promise<RawResponse>;
  /** Everything the server printed so far (stdout and stderr), for diagnostics. */
  output(): string;
  /** SIGTERM (graceful: WAL checkpoint), then removes the temporary folder. Idempotent. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A crashed test run must not leave servers behind holding ports and project files.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `node out/node/serve.mjs --port 0` on a fresh project and waits until it listens. */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  if (!existsSync(SERVE)) throw new Error(`${SERVE} is missing: run \`npm run build:node\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'pizhu-e2e-'));
  const projectFile = resolve(options.project ?? join(dir, 'project.pizhu'));
  const readyFile = join(dir, 'ready.txt');
  const args = [SERVE, '--port', '0', '--project', projectFile];
  if (options.empty) args.push('--empty');
  if (options.token) args.push('--token', options.token);
  if (options.seeds) args.push('--seeds', options.seeds);

  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, PIZHU_SERVE_READY_FILE: readyFile, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    running.delete(child);
  });

  const stop = async (): Promise<void> => {
    if (!hasExited) {
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  // Wait for the ready file (written atomically by the server once it listens).
  const deadline = Date.now() + 60_000;
  let link: string | null = null;
  while (link === null) {
    if (existsSync(readyFile)) link = readFileSync(readyFile, 'utf8').trim();
    else if (hasExited) {
      await stop();
      throw new Error(`serve exited before listening:\n${log}`);
    } else if (Date.now() > deadline) {
      await stop();
      throw new Error(`serve did not start within 60 s:\n${log}`);
    } else await sleep(50);
  }

  const match = /^(http:\/\/127\.0\.0\.1:(\d+)\/)#token=([A-Za-z0-9_-]+)$/.exec(link);
  if (!match) {
    await stop();
    throw new Error(`unexpected ready URL "${link}"`);
  }
  const [, baseUrl = '', portText = '', token = ''] = match;
  const port = Number(portText);

  const request = (path: string, init: RawRequest = {}): Promise<RawResponse> => rawRequest(port, path, init);

  return {
    url: link,
    baseUrl,
    port,
    token,
    projectFile,
    request,
    output: () => log,
    stop,
    async api<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
      const response = await request(`/api/${method}`, {
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${port}`,
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(input),
      });
      const body = response.json as { result?: unknown; error?: unknown } | undefined;
      if (response.status !== 200 || body === undefined || body.error !== undefined) {
        throw fromWireError(body?.error ?? `HTTP ${response.status}: ${response.text.slice(0, 200)}`);
      }
      return body.result as ApiResult<M>;
    },
  };
}

/** Plain node:http so that Host and other headers fetch() would control are exactly as given. */
function rawRequest(port: number, path: string, init: RawRequest): Promise<RawResponse> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text) as unknown;
          } catch {
            json = undefined;
          }
          resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Launches the system Chromium headless; never downloads a browser (see tests/support). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A fresh browser context as a researcher's machine would have it: Chinese locale, laptop screen. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    acceptDownloads: true,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
  });
}

function screenshotPath(testName: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const safe = testName.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 120) || 'test';
  return join(RESULTS_DIR, `${safe}.png`);
}

/** Saves a full-page screenshot into test-results/; never throws (the test already failed). */
export async function saveScreenshot(page: Page, testName: string): Promise<string | null> {
  const path = screenshotPath(testName);
  try {
    await page.screenshot({ path, fullPage: true });
    return path;
  } catch {
    return null;
  }
}

/**
 * Runs `fn` with a page in a fresh context; on failure saves a screenshot, then closes the
 * context either way. Usage: `it('…', () => withPage(browser, async (page) => { … }))`.
 */
export async function withPage<T>(
  browser: Browser,
  fn: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    try {
      return await fn(page, context);
    } catch (err) {
      await saveScreenshot(page, expect.getState().currentTestName ?? 'test');
      throw err;
    }
  } finally {
    await context.close();
  }
}

/**
 * For suites that share one page across tests (beforeAll): call at the top of the describe block
 * to save a screenshot of `getPage()` after each failed test. Register it after any afterEach that
 * closes the page: Vitest runs after-hooks in reverse order.
 */
export function screenshotOnFailure(getPage: () => Page | undefined): void {
  afterEach(async (ctx) => {
    const page = getPage();
    if (page && ctx.task.result?.state === 'fail')
      await saveScreenshot(page, ctx.task.fullName ?? ctx.task.name);
  });
}
