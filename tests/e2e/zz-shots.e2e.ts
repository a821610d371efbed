import { it } from 'vitest';
import { launchBrowser, newContext, startApp } from './harness';
import { AppPage } from './pages/app-page';

it('shots', async () => {
  const app = await startApp();
  const docs = await app.api('documents-list', {});
  const codes = await app.api('codes-list', {});
  const plan: [number, number, number, number][] = [[0,0,10,30],[0,1,20,40],[0,1,100,130],[1,2,50,80],[1,1,60,90],[2,0,5,60],[3,2,100,400],[1,0,200,260]];
  for (const [d, c, s, e] of plan) await app.api('annotations-create', { documentId: docs[d]!.id, codeId: codes[c]!.id, start: s, end: e, memo: c === 1 ? '财政压力较大' : '' });
  const browser = await launchBrowser();
  const page = await (await newContext(browser)).newPage();
  await new AppPage(page).openLibrary(app.url);
  await page.evaluate(() => (location.hash = '#/view/segments?group=code&sort=length&dir=desc'));
  await page.locator('.pz-seg-row[data-annotation-id]').first().waitFor();
  await page.screenshot({ path: '/tmp/pz-seg-grouped.png' });
  await page.evaluate(() => (location.hash = '#/view/analysis'));
  await page.getByTestId('matrix').waitFor();
  await page.locator('button[name="measure-share"]').click();
  await page.locator('select[name="mode"]').selectOption('sentence');
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/pz-analysis-share.png', fullPage: true });
  await page.getByTestId('cooccurrence').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('.pz-main')!.scrollBy(0, 2000));
  await page.screenshot({ path: '/tmp/pz-analysis-bottom.png' });
  await browser.close();
  await app.stop();
}, 60000);
