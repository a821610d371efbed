/**
 * `npm run bench`: performance measurements, each next to a baseline measured in the same run,
 * printed as one table (value, baseline, ratio). No targets are enforced here; the numbers go
 * into the issue notes and docs/benchmarks.md. Sections are added per capability.
 *
 * `npm run bench -- search import` runs only the named sections (names below); Chromium is
 * launched only when a section needs it. Without names every section runs except `analysis-core`
 * and `exports` (parts of `analysis`) and `scaling` (the scaling table of docs/benchmarks.md, which repeats
 * the core paths at three sizes: `npm run bench -- scaling`).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/support/chromium';
import { benchDocumentView } from './document-view';
import { benchCodebook } from './codebook';
import { benchImport, benchLargeFile, importLargeFileChild, LARGE_FILE_ENV } from './import';
import { benchAnalysis } from './analysis';
import { benchSearch } from './search';
import { benchAttributes } from './attributes';
import { benchReading } from './reading';
import { benchSuggest } from './suggest';
import { benchInterop } from './interop';
import { benchAgreement } from './agreement';
import { benchScaling } from './scaling';
import { benchExports } from './exports';
import { printTable, type Row } from './stats';

interface Ctx {
  browser: () => Promise<Browser>;
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
}

const SECTIONS: Record<string, (c: Ctx) => Promise<Row[]> | Row[]> = {
  'document-view': async (c) => benchDocumentView({ ...c, browser: await c.browser() }),
  codebook: (c) => benchCodebook(c),
  import: (c) => benchImport(c),
  analysis: async (c) => benchAnalysis({ ...c, browser: await c.browser() }),
  'analysis-core': (c) => benchAnalysis({ ...c, browser: null }),
  search: (c) => benchSearch(c),
  attributes: (c) => benchAttributes(c),
  'large-file': (c) => benchLargeFile(c),
  reading: async (c) => benchReading({ ...c, browser: await c.browser() }),
  suggest: (c) => benchSuggest(c),
  interop: (c) => benchInterop(c),
  agreement: (c) => benchAgreement(c),
  scaling: (c) => benchScaling(c),
  exports: (c) => benchExports(c),
};

const ONLY_WHEN_NAMED = ['analysis-core', 'scaling', 'exports'];

async function main(): Promise<void> {
  const largeFile = process.env[LARGE_FILE_ENV];
  if (largeFile) return importLargeFileChild(largeFile);
  // out/node/bench.mjs → repo root.
  const repoRoot = resolve(import.meta.dirname, '../..');
  if (!existsSync(join(repoRoot, 'out/renderer/index.html')))
    throw new Error('out/renderer is missing: run `npm run build:web`');
  // React built in development mode (Vite keeps a NODE_ENV it finds set) is several times slower:
  // measuring it would say nothing about the app.
  const assets = join(repoRoot, 'out/renderer/assets');
  if (
    readdirSync(assets).some(
      (f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('jsxDEV'),
    )
  )
    throw new Error('out/renderer is a development build: run `npm run build:web` without NODE_ENV set');
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !(w in SECTIONS));
  if (unknown.length > 0)
    throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  // tmpfs when there is one: the benchmark measures the app, not this machine's disk.
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const workDir = mkdtempSync(join(base, 'pizhu-bench-'));
  const log = (s: string) => console.error(`[bench] ${s}`);
  let browser: Browser | null = null;
  const ctx: Ctx = {
    workDir,
    repoRoot,
    log,
    browser: async () => {
      if (!browser) {
        browser = await launchChromium();
        log(`Chromium ${browser.version()}`);
      }
      return browser;
    },
  };
  const rows: Row[] = [];
  try {
    log(
      `Node ${process.version}, work dir ${workDir}, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    for (const [name, run] of Object.entries(SECTIONS)) {
      const byDefault = !ONLY_WHEN_NAMED.includes(name);
      if (wanted.length === 0 ? byDefault : wanted.includes(name)) rows.push(...(await run(ctx)));
    }
  } finally {
    if (browser) await (browser as Browser).close();
    rmSync(workDir, { recursive: true, force: true });
  }
  log(
    `load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(printTable(rows));
}

main().catch((err: unknown) => {
  console.error('[bench] failed:', err);
  process.exitCode = 1;
});
