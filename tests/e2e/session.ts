/**
 * The set-up most end-to-end files share, in one place: start the app (loopback server over a
 * project file), launch Chromium, open a context and a page, wrap it in the page object, save a
 * screenshot when a test fails, and close everything after the file.
 *
 * Usage, inside a `describe`:
 *
 *   let app: RunningApp; let page: Page; let ui: AppPage;
 *   useSession({ start: { seeds: SEEDS_DIR }, open: { document: TITLE } }, (s) => ({ app, page, ui } = s));
 *
 * The callback runs once everything is ready (in a `beforeAll`), so the test bodies keep using
 * plain variables. Extra set-up that needs the app (annotations created over the API, …) goes in
 * `seed`, which runs after the app started and before the browser opens; set-up that needs the
 * page goes in a later `beforeAll` of the file (hooks run in the order they were registered).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import {
  launchBrowser,
  screenshotOnFailure,
  startApp,
  type RunningApp,
  type StartAppOptions,
} from './harness';
import { AppPage } from './pages/app-page';
import type { Annotation, Code, DocumentSummary } from '../../shared/domain';

export interface Session {
  app: RunningApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  ui: AppPage;
}

export interface SessionOptions {
  /**
   * How the app starts (default: a fresh project with the prepared sample corpus); a function
   * is called in the `beforeAll`, e.g. to write a seeds folder first.
   */
  start?: StartAppOptions | (() => StartAppOptions);
  /**
   * Browser context options over the default (zh-CN, 1440×900, downloads accepted), e.g.
   * `{ viewport: { width: 1280, height: 720 } }` or `{ locale: 'en-US' }`.
   */
  context?: BrowserContextOptions;
  /** Work with the app before the browser opens (create annotations, attributes, …). */
  seed?: (app: RunningApp) => Promise<void>;
  /** Where the page goes once open: the library, or a document by title (through the library). */
  open?: { library: true } | { document: string };
}

export const DEFAULT_CONTEXT: BrowserContextOptions = {
  acceptDownloads: true,
  locale: 'zh-CN',
  viewport: { width: 1440, height: 900 },
};

/** Registers the file's set-up and tear-down; `bind` receives the ready session once. */
export function useSession(options: SessionOptions, bind: (session: Session) => void): void {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    const start = typeof options.start === 'function' ? options.start() : options.start;
    app = await startApp(start ?? {});
    await options.seed?.(app);
    browser = await launchBrowser();
    const context = await browser.newContext({ ...DEFAULT_CONTEXT, ...options.context });
    page = await context.newPage();
    const ui = new AppPage(page);
    if (options.open) {
      await ui.openLibrary(app.url);
      if ('document' in options.open) await ui.openDocument(options.open.document);
    }
    bind({ app, browser, context, page, ui });
  });
  screenshotOnFailure(() => page);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
}

/** One planned annotation: [index into the document list, code name, start, end] in code points. */
export type PlannedAnnotation = [number, string, number, number];

/** Creates the planned annotations over the API, in order; returns them as the core stored them. */
export async function codePlan(
  app: RunningApp,
  docs: readonly DocumentSummary[],
  codes: readonly Code[],
  plan: readonly PlannedAnnotation[],
): Promise<Annotation[]> {
  const created: Annotation[] = [];
  for (const [d, name, start, end] of plan) {
    const code = codes.find((c) => c.name === name);
    if (!code) throw new Error(`No code named ${name}`);
    const r = await app.api('annotations-create', { documentId: docs[d]!.id, codeId: code.id, start, end });
    created.push(r.annotation);
  }
  return created;
}
