/**
 * Coded segments and analysis views in Chromium (issue 6): annotations are created through the
 * API on two seeds with known counts (an overlap of 问题 and 成效 included); the segments view
 * filtered to 问题 lists exactly those, a click opens the document with the annotation selected;
 * the analysis matrix shows the counts computed here from what was created; a cell leads to its
 * segments; the chart renders its data; the matrix CSV export matches.
 *
 * Sub-codes: there is no API to create them yet (the codebook editor is another branch), so this
 * suite uses the three top-level codes; sub-code aggregation is covered by the unit tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, Code, DocumentSummary } from '../../shared/domain';
import { type RunningApp, SEEDS_DIR } from './harness';
import { codePlan, useSession, type PlannedAnnotation } from './session';
import type { AppPage } from './pages/app-page';
import { parseCsvStrict } from '../unit/core/helpers';
import { queryForms } from '../../electron/core/segments/script';

/** [document index, code name, start, end] — code points. Doc 0: 问题 ×3, 成效 ×1 overlapping the
 * first 问题, 建议 ×1; doc 1: 问题 ×2, 建议 ×2. */
const PLAN: PlannedAnnotation[] = [
  [0, '问题', 10, 30],
  [0, '成效', 20, 40],
  [0, '问题', 100, 130],
  [0, '问题', 300, 320],
  [0, '建议', 500, 540],
  [1, '问题', 50, 80],
  [1, '问题', 200, 215],
  [1, '建议', 400, 430],
  [1, '建议', 600, 650],
];

describe('coded segments and analysis views', () => {
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;
  let docs: DocumentSummary[];
  let codes: Code[];
  const created: Annotation[] = [];
  const code = (name: string) => codes.find((c) => c.name === name)!;

  useSession(
    {
      start: { seeds: SEEDS_DIR },
      open: { library: true },
      seed: async (started) => {
        app = started;
        docs = await app.api('documents-list', {});
        codes = await app.api('codes-list', {});
        created.push(...(await codePlan(app, docs, codes, PLAN)));
      },
    },
    (s) => ({ app, page, ui } = s),
  );

  const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);
  const rows = () => page.locator('.pz-seg-row[data-annotation-id]');

  it('lists the segments coded 问题 and opens one in its document, selected', async () => {
    await go(`#/view/segments?code=${code('问题').id}`);
    const expected = created.filter((a) => a.codeId === code('问题').id);
    await expect
      .poll(() => page.getByTestId('segments-count').textContent())
      .toBe(`共 ${expected.length} 个片段`);
    await expect.poll(() => rows().count()).toBe(expected.length);
    const shown = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-id')));
    expect([...shown].sort()).toEqual(expected.map((a) => a.id).sort());
    // Default order: document order, then position.
    expect(shown).toEqual(expected.map((a) => a.id));
    await page.screenshot({ path: '/tmp/pz-segments.png' });

    const target = expected[2]!;
    await page.locator(`.pz-seg-row[data-annotation-id="${target.id}"]`).click();
    await ui.waitForText();
    await expect.poll(() => ui.activeRangeTexts()).toEqual([target.text]);
    expect(page.url()).toContain(`ann=${target.id}`);
  });

  it('filters by text (traditional characters find simplified quotes) and groups by document', async () => {
    // A two-character word of a quote whose traditional form differs, queried in traditional.
    let word = '';
    let traditional = '';
    for (const a of created) {
      const cps = [...a.text];
      for (let i = 0; i + 2 <= cps.length && !traditional; i++) {
        const w = cps.slice(i, i + 2).join('');
        const forms = queryForms(w);
        const t = forms.find((f) => f !== w);
        if (t && /^\p{Script=Han}+$/u.test(w)) {
          word = w;
          traditional = t;
        }
      }
      if (traditional) break;
    }
    expect(traditional).not.toBe('');
    await go(`#/view/segments?text=${encodeURIComponent(traditional)}&group=document`);
    const expected = created.filter((a) => a.text.includes(word));
    await expect.poll(() => rows().count()).toBe(expected.length);
    await expect
      .poll(() => page.locator('.pz-seg-group').count())
      .toBe(new Set(expected.map((a) => a.documentId)).size);
  });

  it('picks several codes in the code list', async () => {
    await go('#/view/segments');
    await expect
      .poll(() => page.getByTestId('segments-count').textContent())
      .toBe(`共 ${created.length} 个片段`);
    await page.locator('button[name="codes"]').click();
    await page.locator(`input[name="code"][value="${code('问题').id}"]`).check();
    await page.locator(`input[name="code"][value="${code('成效').id}"]`).check();
    const expected = created.filter((a) => a.codeId === code('问题').id || a.codeId === code('成效').id);
    await expect.poll(() => rows().count()).toBe(expected.length);
    await expect(page.locator('button[name="codes"]').textContent()).resolves.toContain('2 个代码');
    await page.screenshot({ path: '/tmp/pz-code-picker.png' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.pz-code-picker-panel').count()).toBe(0);
    // The choice is in the URL: a reload keeps it.
    expect(decodeURIComponent(page.url())).toContain(`code=${code('问题').id}`);
  });

  it('shows the code × document matrix with the counts created', async () => {
    await go('#/view/analysis');
    const matrix = page.getByTestId('matrix');
    await matrix.waitFor();
    for (const c of codes)
      for (const d of docs) {
        const n = created.filter((a) => a.codeId === c.id && a.documentId === d.id).length;
        const cell = matrix.locator(`tr[data-row-id="${c.id}"] td[data-column-id="${d.id}"]`);
        await expect.poll(() => cell.textContent(), { message: `${c.name} × ${d.title}` }).toBe(String(n));
      }
    await expect(matrix.locator('tfoot td').last().textContent()).resolves.toBe(String(created.length));
    await page.screenshot({ path: '/tmp/pz-analysis.png', fullPage: true });
  });

  it('switches to the share of characters coded, overlaps counted once', async () => {
    await page.locator('button[name="measure-share"]').click();
    const d = docs[0]!;
    const matrix = page.getByTestId('matrix');
    const covered = (list: Annotation[]) => {
      const marked = new Set<number>();
      for (const a of list) for (let i = a.start; i < a.end; i++) marked.add(i);
      return marked.size;
    };
    const pct = (n: number) => `${((n / d.length) * 100).toFixed(1)}%`;
    const problems = created.filter((a) => a.codeId === code('问题').id && a.documentId === d.id);
    await expect
      .poll(() =>
        matrix.locator(`tr[data-row-id="${code('问题').id}"] td[data-column-id="${d.id}"]`).textContent(),
      )
      .toBe(pct(covered(problems)));
    // Column total: the union over all codes (问题 10–30 and 成效 20–40 overlap).
    const all = created.filter((a) => a.documentId === d.id);
    expect(covered(all)).toBeLessThan(all.reduce((n, a) => n + a.end - a.start, 0));
    await expect(matrix.locator(`tfoot td[data-column-id="${d.id}"]`).textContent()).resolves.toBe(
      pct(covered(all)),
    );
    await page.locator('button[name="measure-count"]').click();
  });

  it('renders the bar chart with one bar per code and document', async () => {
    const chart = page.getByTestId('frequency-chart');
    await chart.locator('svg').first().waitFor();
    const data = JSON.parse((await chart.getAttribute('data-chart'))!) as {
      code: string;
      values: number[];
    }[];
    expect(data.map((s) => s.code)).toEqual(['成效', '问题', '建议']);
    for (const s of data)
      expect(s.values).toEqual(
        docs.map((d) => created.filter((a) => a.codeId === code(s.code).id && a.documentId === d.id).length),
      );
    // Non-empty bars are drawn as SVG paths filled with the code's colour.
    for (const s of data) {
      const color = code(s.code).color.toLowerCase();
      const painted = await chart
        .locator('svg path')
        .evaluateAll(
          (els, c) =>
            els.filter((e) => (e.getAttribute('fill') ?? '').toLowerCase() === c && e.getAttribute('d'))
              .length,
          color,
        );
      expect(painted).toBeGreaterThanOrEqual(s.values.filter((v) => v > 0).length);
    }
  });

  it('exports the matrix as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[name="export-matrix"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pizhu-matrix-\d{8}-\d{6}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsvStrict(bytes.subarray(3).toString('utf8').replace(/\r\n$/, ''));
    expect(records[0]).toEqual(['代码', ...docs.map((d) => d.title), '合计']);
    const sorted = [...codes].sort((a, b) => a.sortOrder - b.sortOrder);
    sorted.forEach((c, i) => {
      const counts = docs.map(
        (d) => created.filter((a) => a.codeId === c.id && a.documentId === d.id).length,
      );
      expect(records[i + 1]).toEqual([
        c.name,
        ...counts.map(String),
        String(counts.reduce((x, y) => x + y, 0)),
      ]);
    });
    expect(records.at(-1)![0]).toBe('合计');
    expect(records.at(-1)!.at(-1)).toBe(String(created.length));
  });

  it('exports the chart as SVG and PNG (binary through the base64 save path)', async () => {
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[name="export-svg"]').click(),
    ]);
    expect(svg.suggestedFilename()).toMatch(/^pizhu-chart-\d{8}-\d{6}\.svg$/);
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg[\s>]/);
    expect(svgText).toContain('问题');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[name="export-png"]').click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('a matrix cell opens the segments behind it', async () => {
    const d = docs[0]!;
    await page
      .getByTestId('matrix')
      .locator(`tr[data-row-id="${code('问题').id}"] td[data-column-id="${d.id}"] button`)
      .click();
    await expect.poll(() => page.url()).toContain('#/view/segments?');
    const expected = created.filter((a) => a.codeId === code('问题').id && a.documentId === d.id);
    await expect.poll(() => rows().count()).toBe(expected.length);
    const shown = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-id')));
    expect(shown).toEqual(expected.map((a) => a.id));
  });

  it('exports the filtered segments as CSV and Excel', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const records = parseCsvStrict(
      readFileSync(await csv.path())
        .subarray(3)
        .toString('utf8')
        .replace(/\r\n$/, ''),
    );
    const expected = created.filter((a) => a.codeId === code('问题').id && a.documentId === docs[0]!.id);
    expect(records.slice(1).map((r) => r[0])).toEqual(expected.map((a) => a.id));
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^pizhu-segments-\d{8}-\d{6}\.xlsx$/);
    const bytes = readFileSync(await xlsx.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: the workbook, not base64 text
  });

  it('co-occurrence: the overlap of 问题 and 成效 counts once and leads to the pair', async () => {
    await go('#/view/analysis');
    const co = page.getByTestId('cooccurrence');
    const cell = co.locator(`tr[data-row-id="${code('问题').id}"] td[data-column-id="${code('成效').id}"]`);
    await expect.poll(() => cell.textContent()).toBe('1');
    await cell.locator('button').click();
    await expect.poll(() => rows().count()).toBe(2);
    const shown = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-id')));
    expect(shown.sort()).toEqual([created[0]!.id, created[1]!.id].sort());
  });
});
