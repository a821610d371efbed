/**
 * Issue 6's whole loop in one run, across features: a two-level codebook (问题 › 财政压力,
 * 问题 › 放权不到位), passages coded in two seeds, a merge of one sub-code into the other and its
 * undo (Ctrl+Z in the app), then the coded segments view filtered to 问题 with sub-codes, a click
 * through to the document, and the analysis matrix and chart — every number computed here from
 * what the test created.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, Code, DocumentSummary } from '../../shared/domain';
import { type RunningApp, SEEDS_DIR } from './harness';
import { codePlan, useSession, type PlannedAnnotation } from './session';
import type { AppPage } from './pages/app-page';

describe('codebook → coding → merge → undo → segments → analysis', () => {
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;
  let docs: DocumentSummary[];
  let codes: Code[];
  const created: Annotation[] = [];
  const byName = (name: string) => codes.find((c) => c.name === name)!;
  /** Annotations of `code` or of any code below it. */
  const under = (code: Code, list: Annotation[]) => {
    const ids = new Set([code.id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const c of codes)
        if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
          ids.add(c.id);
          grew = true;
        }
    }
    return list.filter((a) => ids.has(a.codeId));
  };

  useSession(
    {
      start: { seeds: SEEDS_DIR },
      open: { library: true },
      seed: async (started) => {
        app = started;
        docs = await app.api('documents-list', {});
        const root = (await app.api('codes-list', {})).find((c) => c.name === '问题')!;
        await app.api('codes-create', { name: '财政压力', parentId: root.id });
        await app.api('codes-create', { name: '放权不到位', parentId: root.id });
        codes = await app.api('codes-list', {});
        const plan: PlannedAnnotation[] = [
          [1, '财政压力', 100, 140],
          [1, '财政压力', 400, 420],
          [1, '放权不到位', 900, 960],
          [1, '问题', 1200, 1230],
          [3, '财政压力', 2000, 2050],
          [3, '放权不到位', 3000, 3010],
          [3, '成效', 3005, 3040],
        ];
        created.push(...(await codePlan(app, docs, codes, plan)));
      },
    },
    (s) => ({ app, page, ui } = s),
  );

  const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);

  it('merges 财政压力 into 放权不到位 and undoes it with Ctrl+Z', async () => {
    const merged = await app.api('codes-merge', {
      sourceId: byName('财政压力').id,
      targetId: byName('放权不到位').id,
    });
    expect(merged.code.name).toBe('放权不到位');
    await page.reload();
    await page.locator('.pz-library').waitFor();
    await page.getByRole('button', { name: /撤销/ }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /撤销/ }).isEnabled()).toBe(true);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await app.api('codes-list', {})).some((c) => c.name === '财政压力'))
      .toBe(true);
    codes = await app.api('codes-list', {});
    // Every annotation is back on its own code, with the same id.
    for (const a of created) {
      const [now] = (await app.api('annotations-list', { documentId: a.documentId })).filter(
        (x) => x.id === a.id,
      );
      expect(now?.codeId).toBe(a.codeId);
    }
  });

  it('lists 问题 with its sub-codes in the segments view and opens one in its document', async () => {
    const expected = under(byName('问题'), created);
    expect(expected).toHaveLength(6);
    await go(`#/view/segments?code=${byName('问题').id}`);
    await expect
      .poll(() => page.getByTestId('segments-count').textContent())
      .toBe(`共 ${expected.length} 个片段`);
    const rows = page.locator('.pz-seg-row[data-annotation-id]');
    const shown = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-annotation-id')));
    expect([...shown].sort()).toEqual(expected.map((a) => a.id).sort());
    // Without sub-codes: only the one coded 问题 itself.
    await go(`#/view/segments?code=${byName('问题').id}&sub=0`);
    await expect.poll(() => page.getByTestId('segments-count').textContent()).toBe('共 1 个片段');
    await go(`#/view/segments?code=${byName('问题').id}`);
    const target = expected.find((a) => a.codeId === byName('放权不到位').id)!;
    await page.locator(`.pz-seg-row[data-annotation-id="${target.id}"]`).click();
    await ui.waitForText();
    // The painted range skips the line breaks between paragraphs that the quote contains.
    const compact = (t: string) => t.replace(/\s/g, '');
    await expect.poll(async () => (await ui.activeRangeTexts()).map(compact)).toEqual([compact(target.text)]);
  });

  it('shows matrix counts and chart bars that match what was coded', async () => {
    await go('#/view/analysis');
    const matrix = page.getByTestId('matrix');
    await matrix.waitFor();
    for (const c of codes)
      for (const d of docs) {
        const n = under(c, created).filter((a) => a.documentId === d.id).length;
        const cell = matrix.locator(`tr[data-row-id="${c.id}"] td[data-column-id="${d.id}"]`);
        if ((await cell.count()) === 0) continue; // a code the matrix does not list as a row
        await expect.poll(() => cell.textContent(), { message: `${c.name} × ${d.title}` }).toBe(String(n));
      }
    // The 问题 row is there and counts its sub-codes: 4 in seed 001, 2 in seed 003.
    await expect(
      matrix
        .locator(`tr[data-row-id="${byName('问题').id}"] td[data-column-id="${docs[1]!.id}"]`)
        .textContent(),
    ).resolves.toBe('4');
    const chart = page.getByTestId('frequency-chart');
    await chart.locator('svg').first().waitFor();
    const data = JSON.parse((await chart.getAttribute('data-chart'))!) as {
      code: string;
      values: number[];
    }[];
    const problem = data.find((s) => s.code === '问题');
    expect(problem?.values).toEqual(
      docs.map((d) => under(byName('问题'), created).filter((a) => a.documentId === d.id).length),
    );
  });
});
