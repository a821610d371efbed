/**
 * The codebook in Chromium, as a researcher uses it: build 问题 › 财政压力 and 问题 › 放权不到位
 * in the 代码本 view, code passages in two seeds with the sub-codes from the selection toolbar,
 * merge 财政压力 into 放权不到位 (counts follow), undo the merge with Ctrl+Z (counts and the
 * annotations' codes come back exactly), rename and recolour a code and see the new colour painted
 * in the document view, and export the codebook as JSON.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, Code } from '../../shared/domain';
import { type RunningApp, SEEDS_DIR } from './harness';
import { useSession } from './session';
import type { AppPage } from './pages/app-page';

const DOC_A = '广安市武胜县“扩权强县”试点工作初步成效及政策建议';
const DOC_B = '三味园范文网 导航';
const FISCAL_A = '财政资金运转周期缩短';
const FISCAL_B = '根据下放权力的实际需求';
const DEVOLVE_B = '把好简政放权中权力下放、承接、管理关';

describe('codebook', () => {
  let app: RunningApp;
  let page: Page;
  let ui: AppPage;
  useSession({ start: { seeds: SEEDS_DIR } }, (s) => ({ app, page, ui } = s));

  const row = (name: string) => page.locator(`.pz-coderow[data-code-name="${name}"]`);
  const count = (name: string) => row(name).getByTestId('code-count');
  const codes = () => app.api('codes-list', {});
  const code = async (name: string): Promise<Code> => (await codes()).find((c) => c.name === name)!;
  const allAnnotations = async (): Promise<Annotation[]> => {
    const docs = await app.api('documents-list', {});
    const lists = await Promise.all(docs.map((d) => app.api('annotations-list', { documentId: d.id })));
    return lists.flat().sort((a, b) => a.id.localeCompare(b.id));
  };

  async function openCodebook(): Promise<void> {
    await page.getByRole('button', { name: '代码本', exact: true }).click();
    await page.locator('.pz-codetree').waitFor();
  }

  async function addSubCode(parent: string, name: string): Promise<void> {
    await row(parent).click();
    await page.getByRole('button', { name: /新建子代码/ }).click();
    const input = page.locator('.pz-coderename');
    await input.fill(name);
    await input.press('Enter');
    await row(name).waitFor();
  }

  async function codeWith(phrase: string, root: string, sub: string): Promise<void> {
    await ui.selectPhrase(phrase);
    const toolbar = page.locator('.pz-selection-toolbar');
    await toolbar.waitFor();
    await toolbar.getByRole('button', { name: `${root} ▾` }).click();
    await toolbar.getByRole('button', { name: sub, exact: true }).click();
    await expect.poll(() => ui.paintedRanges().then((r) => r.some((x) => x.text === phrase))).toBe(true);
    await ui.waitSaved();
  }

  async function openDocument(title: string): Promise<void> {
    await page.getByRole('button', { name: '文档库', exact: true }).first().click();
    await ui.openDocument(title);
  }

  it('builds a two-level codebook in the 代码本 view', async () => {
    await ui.openLibrary(app.url);
    await openCodebook();
    await addSubCode('问题', '财政压力');
    await addSubCode('问题', '放权不到位');
    const list = await codes();
    const problem = list.find((c) => c.name === '问题')!;
    expect(list.filter((c) => c.parentId === problem.id).map((c) => c.name)).toEqual([
      '财政压力',
      '放权不到位',
    ]);
    // Tree order and indentation: the sub-codes sit below 问题 at level 2.
    await expect(row('财政压力').getAttribute('aria-level')).resolves.toBe('2');
    const names = await page
      .locator('.pz-coderow')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code-name')));
    expect(names).toEqual(['成效', '问题', '财政压力', '放权不到位', '建议']);
    // Codebook edits go through the same write queue as coding: the header confirms the save.
    await expect.poll(() => ui.saveStatus().textContent()).toMatch(/^已保存/);
  });

  it('codes passages in two seeds with the sub-codes from the toolbar', async () => {
    await openDocument(DOC_A);
    await codeWith(FISCAL_A, '问题', '财政压力');
    await openDocument(DOC_B);
    await codeWith(FISCAL_B, '问题', '财政压力');
    await codeWith(DEVOLVE_B, '问题', '放权不到位');
    const fiscal = await code('财政压力');
    const devolve = await code('放权不到位');
    expect(fiscal).toMatchObject({ annotationCount: 2, totalCount: 2 });
    expect(devolve).toMatchObject({ annotationCount: 1 });
    await openCodebook();
    await expect.poll(() => count('财政压力').textContent()).toBe('2');
    await expect.poll(() => count('放权不到位').textContent()).toBe('1');
    await expect.poll(() => count('问题').textContent()).toBe('0 / 3');
  });

  it('merges 财政压力 into 放权不到位, and Ctrl+Z restores the codes and annotations exactly', async () => {
    const before = await allAnnotations();
    await row('财政压力').click();
    await page.getByRole('button', { name: '合并到…' }).click();
    const dialog = page.locator('dialog.pz-dialog');
    await dialog.getByTestId('merge-target').selectOption({ label: '问题 › 放权不到位' });
    await expect(dialog.getByTestId('merge-summary').textContent()).resolves.toContain(
      '2 条标注将移到「放权不到位」',
    );
    await dialog.getByRole('button', { name: '合并', exact: true }).click();
    await expect.poll(() => row('财政压力').count()).toBe(0);
    await expect.poll(() => count('放权不到位').textContent()).toBe('3');
    await expect.poll(() => count('问题').textContent()).toBe('0 / 3');
    expect((await codes()).some((c) => c.name === '财政压力')).toBe(false);
    const devolve = await code('放权不到位');
    expect((await allAnnotations()).every((a) => a.codeId === devolve.id)).toBe(true);

    await page.keyboard.press('Control+z');
    await expect.poll(() => count('财政压力').textContent()).toBe('2');
    await expect.poll(() => count('放权不到位').textContent()).toBe('1');
    expect(await allAnnotations()).toEqual(before);
  });

  it('renames and recolours a code; the document view paints the new colour', async () => {
    await row('放权不到位').click();
    const detail = page.getByTestId('code-detail');
    await detail.getByLabel('名称').fill('放权不够');
    await detail.getByLabel('名称').press('Enter');
    await row('放权不够').waitFor();
    await detail.getByLabel('颜色').fill('#123456');
    await expect.poll(async () => (await code('放权不够')).color).toBe('#123456');
    await expect
      .poll(() =>
        row('放权不够')
          .locator('.pz-swatch')
          .evaluate((e) => getComputedStyle(e).backgroundColor),
      )
      .toBe('rgb(18, 52, 86)');

    await openDocument(DOC_B);
    const painted = await ui.paintedRanges();
    const name = painted.find((p) => p.text === DEVOLVE_B)?.name;
    expect(name).toBeDefined();
    const rule = await page.evaluate(
      (n) =>
        document
          .getElementById('pz-highlight-styles')
          ?.textContent?.split('\n')
          .find((l) => l.includes(`(${n})`)),
      name!,
    );
    expect(rule).toContain('rgba(18, 52, 86, 0.3)');
    // The toolbar shows the new name under 问题.
    await ui.selectPhrase(FISCAL_B);
    await page.locator('.pz-selection-toolbar').getByRole('button', { name: '问题 ▾' }).click();
    await page
      .locator('.pz-selection-toolbar')
      .getByRole('button', { name: '放权不够', exact: true })
      .waitFor();
    await page.keyboard.press('Escape');
  });

  it('reorders by drag and drop and by keyboard (Alt+↑/↓), each one undo step', async () => {
    await openCodebook();
    const roots = async () => (await codes()).filter((c) => c.parentId === null).map((c) => c.name);
    expect(await roots()).toEqual(['成效', '问题', '建议']);
    // Drop 建议 on the upper quarter of 成效: before it.
    const target = row('成效');
    const box = (await target.boundingBox())!;
    await row('建议').dragTo(target, { targetPosition: { x: box.width / 2, y: 2 } });
    await expect.poll(roots).toEqual(['建议', '成效', '问题']);
    // Drop 成效 in the middle of 问题: it becomes a sub-code.
    const mid = (await row('问题').boundingBox())!;
    await row('成效').dragTo(row('问题'), { targetPosition: { x: mid.width / 2, y: mid.height / 2 } });
    await expect.poll(async () => (await code('成效')).parentId).toBe((await code('问题')).id);
    await expect.poll(() => row('成效').getAttribute('aria-level')).toBe('2');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await code('成效')).parentId).toBeNull();
    // Keyboard: Alt+↓ on the focused row moves 建议 back down.
    await row('建议').click();
    const shown = () =>
      page
        .locator('.pz-coderow[aria-level="1"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-code-name')));
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(roots).toEqual(['成效', '建议', '问题']);
    await expect.poll(shown).toEqual(['成效', '建议', '问题']);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(roots).toEqual(['成效', '问题', '建议']);
  });

  it('imports a codebook CSV from a file and refuses a malformed one, changing nothing', async () => {
    const csv =
      '\ufeffpath,parent_path,name,color\r\n问题 > 放权不够 > 人事权,问题 > 放权不够,人事权,#445566\r\n';
    await page.getByTestId('codebook-import-file').setInputFiles({
      name: 'codebook.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await row('人事权').waitFor();
    expect(await code('人事权')).toMatchObject({ color: '#445566', parentId: (await code('放权不够')).id });
    const before = await codes();
    await page.getByTestId('codebook-import-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('path,name,colour\r\na,a,#000000\r\n', 'utf8'),
    });
    await page.locator('.pz-toast', { hasText: '代码本文件无效' }).waitFor();
    expect(await codes()).toEqual(before);
  });

  it('deletes a code through the dialog with an explicit choice, and Ctrl+Z brings it back', async () => {
    const devolve = await code('放权不够');
    const before = await allAnnotations();
    await row('放权不够').click();
    await page.getByRole('button', { name: '删除…' }).click();
    const dialog = page.locator('dialog.pz-dialog');
    // 放权不够 has one annotation and one sub-code (人事权): both choices are offered.
    await dialog.getByRole('radio', { name: '移到上一层' }).check();
    await dialog.getByRole('radio', { name: '移到上级代码「问题」' }).check();
    await dialog.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => row('放权不够').count()).toBe(0);
    const problem = await code('问题');
    expect(await code('人事权')).toMatchObject({ parentId: problem.id });
    const moved = before.find((a) => a.codeId === devolve.id)!;
    expect((await allAnnotations()).find((a) => a.id === moved.id)!.codeId).toBe(problem.id);
    await expect.poll(() => count('问题').textContent()).toBe('1 / 3');

    await page.keyboard.press('Control+z');
    await row('放权不够').waitFor();
    expect(await allAnnotations()).toEqual(before);
    expect((await code('人事权')).parentId).toBe(devolve.id);
  });

  it('exports the codebook as JSON with the tree and every field', async () => {
    await openCodebook();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pizhu-codebook-\d{8}-\d{6}\.json$/);
    const doc = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      format: string;
      codes: {
        name: string;
        color: string;
        shortcut: string | null;
        children: { name: string; color: string }[];
      }[];
    };
    expect(doc.format).toBe('pizhu-codebook');
    expect(doc.codes.map((c) => c.name)).toEqual(['成效', '问题', '建议']);
    expect(doc.codes[1]!.shortcut).toBe('2');
    expect(doc.codes[1]!.children.map((c) => [c.name, c.color])).toEqual([
      ['财政压力', (await code('财政压力')).color],
      ['放权不够', '#123456'],
    ]);
  });
});
