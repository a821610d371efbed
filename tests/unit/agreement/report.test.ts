/**
 * The agreement report files (CSV with the mean and pooled rows; HTML with the method text, scope,
 * coders, date and values in the chosen language), and the coder of annotation memos (the memos
 * view filters by it).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgreementReport } from '../../../shared/contracts/agreement';
import type { Coder, ExportFile, MemoEntry } from '../../../shared/domain';
import { openCore, type Core } from '../../../electron/core/index';
import { parseCsvStrict, tempDir, textFolder } from '../core/helpers';

const TEXT = '财政压力很大。基层放权不到位。建议加强统筹。';

async function twoCoders(): Promise<{ core: Core; ids: string[] }> {
  const core = openCore({ file: join(tempDir(), 'p.pizhu'), seedsDir: textFolder({ 'a.txt': TEXT }) });
  const line = (start: number, end: number, memo?: string) =>
    JSON.stringify({ document: 'a.txt', start, end, code: '问题', ...(memo ? { memo } : {}) });
  await core.dispatch('spans-import', { coder: 'A', content: [line(0, 6, '压力'), line(7, 14)].join('\n') });
  await core.dispatch('spans-import', { coder: 'B', content: line(0, 6) });
  const coders = (await core.dispatch('coders-list', {})) as Coder[];
  return { core, ids: ['A', 'B'].map((n) => coders.find((c) => c.name === n)!.id) };
}

describe('agreement report files', () => {
  it('CSV: one row per code, then mean and pooled, the same numbers as agreement-compute', async () => {
    const { core, ids } = await twoCoders();
    try {
      const report = (await core.dispatch('agreement-compute', {
        coderIds: ids,
        unit: 'sentence',
      })) as AgreementReport;
      const file = (await core.dispatch('agreement-report', {
        coderIds: ids,
        unit: 'sentence',
        format: 'csv',
      })) as ExportFile;
      expect(file.content.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsvStrict(file.content.slice(1));
      expect(rows[0]).toEqual([
        'code_path',
        'units',
        'percent_agreement',
        'cohen_kappa',
        'fleiss_kappa',
        'krippendorff_alpha',
        'krippendorff_alpha_u',
        'null_reasons',
      ]);
      expect(rows.map((r) => r[0])).toEqual(['code_path', '问题', '(mean)', '(pooled)']);
      expect(Number(rows[1]![3])).toBe(report.codes[0]!.cohen_kappa);
      expect(rows[1]![1]).toBe('3');
      expect(rows[1]![4]).toBe('');
      expect(rows[1]![7]).toBe('fleiss_kappa: fewer-than-three-coders');
    } finally {
      core.close();
    }
  });

  it('HTML: method text, unit definition, coders, scope, date and values, in the chosen language', async () => {
    const { core, ids } = await twoCoders();
    try {
      for (const [language, words] of [
        [
          'en',
          ['Inter-coder agreement', 'Method', 'every sentence is one unit', 'Krippendorff 2004', 'A, B'],
        ],
        ['zh-CN', ['编码员间一致性', '方法', '每个句子为一个单位', '各编码平均']],
        ['zh-TW', ['編碼員間一致性', '每個句子為一個單位']],
      ] as const) {
        const file = (await core.dispatch('agreement-report', {
          coderIds: ids,
          unit: 'sentence',
          format: 'html',
          language,
        })) as ExportFile;
        expect(file.fileName).toMatch(/^pizhu-agreement-sentence-\d{4}-\d{2}-\d{2}\.html$/);
        for (const w of words) expect(file.content).toContain(w);
        expect(file.content).toContain(`lang="${language}"`);
        expect(file.content).toContain(
          'a.txt'.replace('a.txt', '财政压力很大。基层放权不到位。建议加强统筹。'),
        );
      }
    } finally {
      core.close();
    }
  });

  it('annotation memos carry their coder', async () => {
    const { core, ids } = await twoCoders();
    try {
      const memos = (await core.dispatch('memos-list', { kinds: ['annotation'] })) as MemoEntry[];
      expect(memos.map((m) => [m.text, m.coderId])).toEqual([['压力', ids[0]]]);
    } finally {
      core.close();
    }
  });
});
