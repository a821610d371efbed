/**
 * Benchmark: reading long documents (issue 15). Seed 003 (five speeches, many numbered headings)
 * repeated to 300,000 characters with 10,000 random annotations:
 * - the outline (structure detection + per-section counts by code), p50 in Node, next to
 *   splitting the same text into sentences (what the document view already does on open);
 * - opening the document view with the outline panel shown (navigation → text rendered and
 *   highlights painted, as in document-view.ts; then → outline listed, which is computed when the
 *   browser is idle after the first paint), p50, next to the same open with the outline hidden;
 * - the annotated export of that document (DOCX with 10,000 comments, HTML), next to the CSV
 *   dataset export of the same annotations.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openCore } from '../electron/core/index';
import { createServer } from '../electron/core/server/http';
import { splitSentences } from '../shared/text/sentences';
import { detectStructure } from '../shared/text/structure';
import { buildOutline } from '../renderer/src/views/document/reading/outline';
import { makeLongText } from './document-view';
import { percentile, type Row, mulberry32 } from './stats';

const TARGET_CHARS = 300_000;
const ANNOTATIONS = 10_000;
const OUTLINE_RUNS = 15;
const OPEN_RUNS = 6;
const EXPORT_RUNS = 3;

async function timed(runs: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchReading(opts: {
  browser: Browser;
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { browser, workDir, repoRoot, log } = opts;
  const seedsDir = join(workDir, 'seeds-reading');
  mkdirSync(seedsDir, { recursive: true });
  const text = makeLongText(
    readFileSync(join(repoRoot, 'seeds/003_420914586818b301.txt'), 'utf8'),
    TARGET_CHARS,
  );
  writeFileSync(join(seedsDir, 'reading-300k.txt'), text);
  const core = openCore({ file: join(workDir, 'reading.pizhu'), seedsDir });
  const [doc] = await core.handlers['documents-list']({});
  const codes = await core.handlers['codes-list']({});
  const random = mulberry32(15);
  for (let i = 0; i < ANNOTATIONS; i++) {
    const start = Math.floor(random() * (doc!.length - 300));
    await core.handlers['annotations-create']({
      documentId: doc!.id,
      codeId: codes[i % codes.length]!.id,
      start,
      end: start + 5 + Math.floor(random() * 195),
    });
  }
  const annotations = await core.handlers['annotations-list']({ documentId: doc!.id });
  const canonical = (await core.handlers['documents-get']({ id: doc!.id })).text;

  let sections = 0;
  const outline = await timed(OUTLINE_RUNS, () => {
    sections = buildOutline(detectStructure(canonical), annotations, false).length;
  });
  const sentences = await timed(OUTLINE_RUNS, () => splitSentences(canonical));
  log(`reading: ${sections} outline sections over ${[...canonical].length} characters`);

  const input = { format: 'docx', documentIds: [doc!.id] } as const;
  const docx = await timed(EXPORT_RUNS, () => core.dispatch('export-annotated', input));
  const html = await timed(EXPORT_RUNS, () =>
    core.dispatch('export-annotated', { ...input, format: 'html' }),
  );
  const csv = await timed(EXPORT_RUNS, () => core.dispatch('export-dataset', { format: 'csv' }));

  const token = 'bench-token';
  const server = await createServer({ core, staticDir: join(repoRoot, 'out/renderer'), token, port: 0 });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript((t) => sessionStorage.setItem('pizhu.token', t), token);
  const open = async (outlineShown: boolean) => {
    const page = await context.newPage();
    await page.addInitScript((on) => {
      localStorage.setItem('pizhu.document.script', 'original');
      localStorage.setItem('pizhu.reading', JSON.stringify({ outline: on }));
    }, outlineShown);
    await page.goto(`${server.url}#/doc/${doc!.id}`);
    await page.locator('.pz-doc-text[data-painted="true"]').waitFor({ timeout: 120_000 });
    const painted = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now();
    });
    let outlined = Number.NaN;
    if (outlineShown) {
      await page.locator('.pz-outline-row').first().waitFor();
      outlined = await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now();
      });
    }
    await page.close();
    return { painted, outlined };
  };
  const withOutline: number[] = [];
  const outlineShown: number[] = [];
  const withoutOutline: number[] = [];
  try {
    for (let run = 0; run < OPEN_RUNS; run++) {
      // Alternate which goes first, so that neither profits from the other's warm caches.
      const hidden = run % 2 === 0 ? (await open(false)).painted : Number.NaN;
      const shown = await open(true);
      withOutline.push(shown.painted);
      outlineShown.push(shown.outlined);
      withoutOutline.push(run % 2 === 0 ? hidden : (await open(false)).painted);
    }
  } finally {
    await context.close();
    await server.close();
    core.close();
  }

  const section = `reading (300k chars, ${ANNOTATIONS / 1000}k annotations)`;
  const row = (measure: string, value: number[], baselineName: string, baseline: number[]): Row => ({
    section,
    measure,
    value: percentile(value, 50),
    baselineName,
    baseline: percentile(baseline, 50),
    unit: 'ms',
  });
  return [
    row(
      `outline: structure + counts by code (${sections} sections), p50`,
      outline,
      'split into sentences',
      sentences,
    ),
    row(
      'open with the outline panel: text painted, p50',
      withOutline,
      'open, outline hidden',
      withoutOutline,
    ),
    row(
      'open with the outline panel: outline listed, p50',
      outlineShown,
      'open, outline hidden',
      withoutOutline,
    ),
    row('export annotated DOCX (10k comments), p50', docx, 'export CSV dataset', csv),
    row('export annotated HTML, p50', html, 'export CSV dataset', csv),
  ];
}
