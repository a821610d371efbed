/**
 * `npm run bench`: performance measurements, each next to a baseline measured in the same run,
 * printed as one table (value, baseline, ratio). No targets are enforced here; the numbers go
 * into the issue notes and docs/benchmarks.md. Sections are added per capability.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
import { printTable, type Row } from './stats';

async function main(): Promise<void> {
  const largeFile = process.env[LARGE_FILE_ENV];
  if (largeFile) return importLargeFileChild(largeFile);
  // out/node/bench.mjs → repo root.
  const repoRoot = resolve(import.meta.dirname, '../..');
  if (!existsSync(join(repoRoot, 'out/renderer/index.html')))
    throw new Error('out/renderer is missing: run `npm run build:web`');
  // tmpfs when there is one: the benchmark measures the app, not this machine's disk.
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const workDir = mkdtempSync(join(base, 'pizhu-bench-'));
  const log = (s: string) => console.error(`[bench] ${s}`);
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    log(`Chromium ${browser.version()}, Node ${process.version}, work dir ${workDir}`);
    rows.push(...(await benchDocumentView({ browser, workDir, repoRoot, log })));
    rows.push(...benchCodebook({ workDir, repoRoot, log }));
    rows.push(...(await benchImport({ workDir, repoRoot, log })));
    rows.push(...benchLargeFile({ workDir, repoRoot, log }));
    rows.push(...(await benchAnalysis({ browser, workDir, repoRoot, log })));
    rows.push(...(await benchSearch({ workDir, repoRoot, log })));
    rows.push(...(await benchAttributes({ workDir, repoRoot, log })));
    rows.push(...(await benchReading({ browser, workDir, repoRoot, log })));
    rows.push(...(await benchSuggest({ workDir, repoRoot, log })));
    rows.push(...(await benchInterop({ workDir, repoRoot, log })));
    rows.push(...(await benchAgreement({ workDir, repoRoot, log })));
  } finally {
    await browser.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  console.log(printTable(rows));
}

main().catch((err: unknown) => {
  console.error('[bench] failed:', err);
  process.exitCode = 1;
});
