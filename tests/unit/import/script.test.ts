/**
 * Script detection (shared/text/script-detect.ts) with the measured numbers of its rule, and the
 * backfill of projects created before migration 0002.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/domain';
import { detectScript, scriptStats, scriptStatsByConversion } from '../../../shared/text/script-detect';
import { openCore } from '../../../electron/core/index';
import { SEEDS_DIR, tempDir } from '../core/helpers';
import { seedText } from './helpers';

describe('script detection', () => {
  it('matches the numbers documented in script-detect.ts on the seeds', () => {
    const stats = ['000', '001', '002', '003', '004'].map((n) => {
      const s = scriptStats(seedText(n));
      return [n, s.han, s.traditionalMarkers, s.simplifiedMarkers, s.script];
    });
    expect(stats).toEqual([
      ['000', 6851, 2627, 0, 'traditional'],
      ['001', 17861, 0, 6982, 'simplified'],
      ['002', 2333, 786, 24, 'traditional'],
      ['003', 21539, 7036, 276, 'traditional'],
      ['004', 1827, 0, 650, 'simplified'],
    ]);
  });

  it('mixed, unknown, and characters outside the BMP', () => {
    expect(detectScript(seedText('001') + seedText('000'))).toBe('mixed');
    expect(scriptStats(seedText('001') + seedText('000')).traditionalShare).toBeCloseTo(0.2734, 4);
    expect(detectScript('工作')).toBe('unknown');
    expect(detectScript('')).toBe('unknown');
    expect(detectScript('𠀋𪚥擴權強縣試點')).toBe('traditional');
  });
});

describe('script detection without converted strings', () => {
  it('counts exactly what converting the whole text with opencc-js counts', () => {
    const seeds = ['000', '001', '002', '003', '004'].map(seedText);
    const samples = [
      ...seeds,
      seeds[1]! + seeds[0]!,
      '',
      '工作',
      // Phrases whose characters convert differently in context (干部/乾燥, 头发/理发, 后来/皇后).
      '干部干涉乾燥若干，头发理发，后来皇后，里面裡面，发展發展',
      // Outside the BMP, lone surrogates, CJK compatibility ideographs (normalised first).
      '𠀋𪚥擴權強縣試點\ud800问题\udc00題',
      '豈更車賈滑串句龜契金 — 兼容汉字',
      // An Ideographic Description Sequence, which opencc-js skips as one unit.
      '⿰氵每问题⿱艹⿰日月發展',
    ];
    // Windows of every seed cut at arbitrary points (phrases cut in half at both ends).
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 60; k++) {
      const t = seeds[k % seeds.length]!;
      const start = Math.floor(random() * t.length);
      samples.push(t.slice(start, start + 1 + Math.floor(random() * 400)));
    }
    for (const text of samples) expect(scriptStats(text)).toEqual(scriptStatsByConversion(text));
  });
});

describe('projects from before 0002', () => {
  it('get script and text hash filled when opened', async () => {
    const file = join(tempDir(), 'old.pizhu');
    openCore({ file, seedsDir: SEEDS_DIR }).close();
    // Make it look like a 0001 project whose rows were never filled.
    const raw = new Database(file);
    raw.exec(
      `DROP TRIGGER documents_hash_immutable; UPDATE documents SET text_sha256 = NULL, script = 'unknown';`,
    );
    raw.close();
    const core = openCore({ file });
    try {
      const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      expect(docs.map((d) => d.script)).toEqual([
        'traditional',
        'simplified',
        'traditional',
        'traditional',
        'simplified',
      ]);
    } finally {
      core.close();
    }
  });
});
