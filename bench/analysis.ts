/**
 * Benchmark: coded segments and analysis (issue 6) on a project with 100,000 annotations over the
 * five seeds (inserted in bulk, one transaction, in the setup — not through the API), each next
 * to a baseline measured in the same run:
 * - core `segments-query` (first page; a filtered, length-sorted page; a page at offset 50,000)
 *   next to a plain SELECT … ORDER BY … LIMIT of the same rows;
 * - core `analysis-matrix` and `analysis-cooccurrence` (overlap, sentence), and `segments-query`
 *   for the annotations behind one co-occurrence cell (first page after an edit, so computed
 *   afresh; the next page), each alternated run by run with a raw SQL GROUP BY count of
 *   code × document (the cell's target is absolute: ≤ 100 ms);
 * - the exports of bench/exports.ts (segments CSV / XLSX, QDPX, peak RSS);
 * - in Chromium: the segments view's time to first rows (next to opening the library view of
 *   the same app), applying a code filter (change → count and first rows shown) and jumping to
 *   the middle of the list (scroll → rows shown), next to the raw HTTP `segments-query` call
 *   they include.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { openCore } from '../electron/core/index';
import { createServer } from '../electron/core/server/http';
import { percentile, type Row, mulberry32 } from './stats';
import { exportRows } from './exports';

const ANNOTATIONS = 100_000;
const CORE_RUNS = 9;
const UI_RUNS = 5;

export async function timeIt(runs: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  await fn(); // warm-up (statement cache, page cache)
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * A measured call and its baseline, alternated `runs` times after one warm-up of each, so that the
 * load of a shared machine weighs on both alike. `before` runs untimed before each measured call
 * (e.g. an edit, so that nothing cached from the previous call is reused).
 */
export async function timePaired(
  runs: number,
  baseline: () => unknown,
  fn: () => unknown,
  before?: () => unknown,
): Promise<{ value: number[]; baseline: number[] }> {
  const out = { value: [] as number[], baseline: [] as number[] };
  await baseline();
  await before?.();
  await fn();
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await baseline();
    out.baseline.push(performance.now() - t);
    await before?.();
    t = performance.now();
    await fn();
    out.value.push(performance.now() - t);
  }
  return out;
}

/** Inserts `count` random annotations in one transaction, quotes cut from the texts in JS. */
export function bulkInsert(file: string, count: number): void {
  const db = new Database(file);
  try {
    const docs = db.prepare('SELECT id, text FROM documents ORDER BY sort_order').all() as {
      id: string;
      text: string;
    }[];
    const chars = docs.map((d) => [...d.text]);
    const codes = db.prepare('SELECT id FROM codes').pluck().all() as string[];
    const coder = db.prepare('SELECT id FROM coders').pluck().get() as string;
    const insert = db.prepare(
      `INSERT INTO annotations (id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const random = mulberry32(6);
    const base = Date.parse('2026-01-01T00:00:00Z');
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const d = Math.floor(random() * docs.length);
        const cps = chars[d]!;
        const start = Math.floor(random() * (cps.length - 80));
        const end = start + 2 + Math.floor(random() * 70);
        const at = new Date(base + i * 1000).toISOString();
        insert.run(
          randomUUID(),
          docs[d]!.id,
          codes[i % codes.length]!,
          coder,
          start,
          end,
          cps.slice(start, end).join(''),
          random() < 0.1 ? `备忘 ${i}` : '',
          at,
          at,
        );
      }
    })();
  } finally {
    db.close();
  }
}

/**
 * `browser` null: the core rows only (the `analysis-core` section and the scaling table, which
 * runs it at 1×, 4× and 16× a base count of annotations).
 */
export async function benchAnalysis(opts: {
  browser: Browser | null;
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
  annotations?: number;
}): Promise<Row[]> {
  const { browser, workDir, repoRoot, log } = opts;
  const annotations = opts.annotations ?? ANNOTATIONS;
  const file = join(workDir, `analysis-${annotations}.pizhu`);
  openCore({ file, seedsDir: join(repoRoot, 'seeds') }).close();
  const t0 = performance.now();
  bulkInsert(file, annotations);
  log(`analysis: ${annotations} annotations inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const core = openCore({ file });
  const raw = new Database(file, { readonly: true });
  const codes = await core.handlers['codes-list']({});
  const problem = codes.find((c) => c.name === '问题')!.id;
  const h = core.handlers;
  const section = `segments & analysis (${annotations / 1000}k annotations)`;
  const rows: Row[] = [];
  const row = (measure: string, value: number[], baselineName: string, baseline: number[]) =>
    rows.push({
      section,
      measure,
      value: percentile(value, 50),
      baselineName,
      baseline: percentile(baseline, 50),
      unit: 'ms',
    });

  try {
    // ---- core ----
    const plainFirst = raw.prepare(
      `SELECT a.*, d.title FROM annotations a JOIN documents d ON d.id = a.document_id
       ORDER BY d.sort_order, a.start_offset, a.end_offset, a.id LIMIT 100`,
    );
    row(
      'core segments-query, first page (100, document order), p50',
      await timeIt(CORE_RUNS, () =>
        h['segments-query']({ sort: 'document', direction: 'asc', offset: 0, limit: 100 }),
      ),
      'plain SELECT … ORDER BY … LIMIT 100',
      await timeIt(CORE_RUNS, () => plainFirst.all()),
    );
    const plainFiltered = raw.prepare(
      `SELECT a.* FROM annotations a WHERE a.code_id = ? ORDER BY (a.end_offset - a.start_offset) DESC, a.id DESC LIMIT 100`,
    );
    row(
      'core segments-query, code filter + length sort, p50',
      await timeIt(CORE_RUNS, () =>
        h['segments-query']({ codeIds: [problem], sort: 'length', direction: 'desc', offset: 0, limit: 100 }),
      ),
      'plain SELECT WHERE code ORDER BY length LIMIT 100',
      await timeIt(CORE_RUNS, () => plainFiltered.all(problem)),
    );
    const plainDeep = raw.prepare(
      `SELECT a.* FROM annotations a JOIN documents d ON d.id = a.document_id
       ORDER BY d.sort_order, a.start_offset, a.end_offset, a.id LIMIT 100 OFFSET 50000`,
    );
    row(
      'core segments-query, page at offset 50,000, p50',
      await timeIt(CORE_RUNS, () =>
        h['segments-query']({ sort: 'document', direction: 'asc', offset: 50_000, limit: 100 }),
      ),
      'plain SELECT … LIMIT 100 OFFSET 50000',
      await timeIt(CORE_RUNS, () => plainDeep.all()),
    );
    // The analyses and a co-occurrence cell, each alternated with the same raw GROUP BY count.
    const aggregate = raw.prepare(
      'SELECT code_id, document_id, count(*) AS n FROM annotations GROUP BY code_id, document_id',
    );
    const paired = async (measure: string, runs: number, fn: () => unknown, before?: () => unknown) => {
      const t = await timePaired(runs, () => aggregate.all(), fn, before);
      row(measure, t.value, 'raw SQL GROUP BY code, document', t.baseline);
    };
    await paired('core analysis-matrix (counts + coded chars), p50', CORE_RUNS, () =>
      h['analysis-matrix']({ includeSubcodes: true }),
    );
    await paired('core analysis-cooccurrence overlap, p50', CORE_RUNS, () =>
      h['analysis-cooccurrence']({ mode: 'overlap' }),
    );
    await paired('core analysis-cooccurrence sentence, p50', CORE_RUNS, () =>
      h['analysis-cooccurrence']({ mode: 'sentence' }),
    );
    const other = codes.find((c) => c.name === '成效')!.id;
    const cell = (mode: 'overlap' | 'sentence', offset: number) => () =>
      h['segments-query']({
        cooccurrence: { codeA: problem, codeB: other, mode },
        sort: 'document',
        direction: 'asc',
        offset,
        limit: 100,
      });
    // An edit between calls (a memo changed through the API, one undo step) makes each call
    // compute the cell afresh, as when the user opens a cell after coding.
    const someAnnotation = raw.prepare('SELECT id FROM annotations LIMIT 1').pluck().get() as string;
    let edits = 0;
    const edit = () => h['annotations-update-memo']({ id: someAnnotation, memo: `bench ${++edits}` });
    await paired(
      'core segments-query, co-occurrence cell (overlap 问题 × 成效), first page after an edit, p50',
      CORE_RUNS,
      cell('overlap', 0),
      edit,
    );
    await paired(
      'core segments-query, co-occurrence cell (overlap 问题 × 成效), next page, p50',
      CORE_RUNS,
      cell('overlap', 100),
    );
    await paired(
      'core segments-query, co-occurrence cell (sentence 问题 × 成效), first page after an edit, p50',
      CORE_RUNS,
      cell('sentence', 0),
      edit,
    );
    // The export rows (bench/exports.ts), measured before the UI rows, printed after them.
    const exported = await exportRows({ core, raw, section, log });
    if (!browser) return [...rows, ...exported];

    // ---- UI ----
    const token = 'bench-token';
    const server = await createServer({ core, staticDir: join(repoRoot, 'out/renderer'), token, port: 0 });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript((t) => sessionStorage.setItem('pizhu.token', t), token);
    try {
      const first: number[] = [];
      const library: number[] = [];
      const filter: number[] = [];
      const jump: number[] = [];
      const rawFilter: number[] = [];
      const rawJump: number[] = [];
      const problemTotal = raw
        .prepare('SELECT count(*) FROM annotations WHERE code_id = ?')
        .pluck()
        .get(problem) as number;
      for (let run = 0; run < UI_RUNS; run++) {
        const page = await context.newPage();
        await page.goto(`${server.url}#/view/segments`);
        await page.locator('.pz-seg-row[data-annotation-id]').first().waitFor({ timeout: 60_000 });
        first.push(await page.evaluate(() => performance.now()));

        const timings = await page.evaluate(
          async ({ problem, problemTotal, token }) => {
            const frame = () => new Promise((r) => requestAnimationFrame(r));
            const until = async (cond: () => boolean) => {
              for (let i = 0; i < 3000 && !cond(); i++) await frame();
              if (!cond()) throw new Error('timed out');
            };
            const count = () => document.querySelector('[data-testid="segments-count"]')?.textContent ?? '';
            const want = `共 ${problemTotal.toLocaleString()} 个片段`;
            document.querySelector<HTMLButtonElement>('button[name="codes"]')!.click();
            await until(() => document.querySelector(`input[name="code"][value="${problem}"]`) !== null);
            const box = document.querySelector<HTMLInputElement>(`input[name="code"][value="${problem}"]`)!;
            let t = performance.now();
            box.click();
            await until(
              () => count() === want && document.querySelector('.pz-seg-row[data-annotation-id]') !== null,
            );
            const filterMs = performance.now() - t;
            await frame();
            const list = document.querySelector<HTMLElement>('.pz-seg-list')!;
            t = performance.now();
            list.scrollTop = list.scrollHeight / 2;
            await until(() => {
              const box = list.getBoundingClientRect();
              return [...list.querySelectorAll<HTMLElement>('.pz-seg-row[data-annotation-id]')].some((el) => {
                const r = el.getBoundingClientRect();
                return r.bottom > box.top && r.top < box.bottom;
              });
            });
            const jumpMs = performance.now() - t;
            const call = async (input: unknown) => {
              const r = await fetch('api/segments-query', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
                body: JSON.stringify(input),
              });
              await r.json();
            };
            t = performance.now();
            await call({
              codeIds: [problem],
              includeSubcodes: true,
              sort: 'document',
              offset: 0,
              limit: 200,
            });
            const rawFilterMs = performance.now() - t;
            t = performance.now();
            await call({
              codeIds: [problem],
              includeSubcodes: true,
              sort: 'document',
              offset: Math.floor(problemTotal / 2),
              limit: 200,
            });
            const rawJumpMs = performance.now() - t;
            return { filterMs, jumpMs, rawFilterMs, rawJumpMs };
          },
          { problem, problemTotal, token },
        );
        filter.push(timings.filterMs);
        jump.push(timings.jumpMs);
        rawFilter.push(timings.rawFilterMs);
        rawJump.push(timings.rawJumpMs);
        await page.close();

        const lib = await context.newPage();
        await lib.goto(`${server.url}#/`);
        await lib.locator('.pz-library tbody tr').first().waitFor({ timeout: 60_000 });
        library.push(await lib.evaluate(() => performance.now()));
        await lib.close();
      }
      row('UI segments view: navigation → first rows, p50', first, 'library view open (same app)', library);
      row('UI apply code filter → count + rows shown, p50', filter, 'raw HTTP segments-query', rawFilter);
      row('UI jump to middle of list → rows shown, p50', jump, 'raw HTTP segments-query', rawJump);
    } finally {
      await context.close();
      await server.close();
    }
    return [...rows, ...exported];
  } finally {
    raw.close();
    core.close();
  }
}
