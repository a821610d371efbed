/**
 * Script detection (shared/text/script-detect.ts) with the measured numbers of its rule, its
 * character-level table against the phrase-level reference, and the backfill of projects created
 * before migration 0002.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../shared/domain';
import { detectScript, scriptStats, scriptStatsByConversion } from '../../../shared/text/script-detect';
import { openCore } from '../../../electron/core/index';
import { SEEDS_DIR, tempDir } from '../core/helpers';
import { decodeText } from '../../../electron/core/import/encoding';
import { matrixCases } from './encoding-cases';
import { seedText } from './helpers';

describe('script detection', () => {
  it('matches the numbers documented in script-detect.ts on the seeds', () => {
    const stats = ['000', '001', '002', '003', '004'].map((n) => {
      const s = scriptStats(seedText(n));
      return [n, s.han, s.traditionalMarkers, s.simplifiedMarkers, s.script];
    });
    expect(stats).toEqual([
      ['000', 6851, 2625, 1, 'traditional'],
      ['001', 17861, 0, 6942, 'simplified'],
      ['002', 2333, 786, 17, 'traditional'],
      ['003', 21539, 7036, 249, 'traditional'],
      ['004', 1827, 0, 650, 'simplified'],
    ]);
  });

  it('mixed, unknown, and characters outside the BMP', () => {
    expect(detectScript(seedText('001') + seedText('000'))).toBe('mixed');
    expect(scriptStats(seedText('001') + seedText('000')).traditionalShare).toBeCloseTo(0.27435, 5);
    expect(detectScript('工作')).toBe('unknown');
    expect(detectScript('')).toBe('unknown');
    expect(detectScript('𠀋𪚥擴權強縣試點')).toBe('traditional');
  });
});

describe('the character-level table against the phrase-level reference', () => {
  it('the reference counts of the seeds (whole texts converted at once)', () => {
    const stats = ['000', '001', '002', '003', '004'].map((n) => {
      const s = scriptStatsByConversion(seedText(n));
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

  it('counts exactly what the converters do to each Han character alone', () => {
    // Every code point of the Han blocks (radicals, CJK A–I, compatibility ideographs), one per
    // line: no phrase spans a line break, so the converters see each character alone.
    const ranges = [
      [0x2e80, 0x2fdf],
      [0x3005, 0x3007],
      [0x3021, 0x3029],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0x20000, 0x323af],
    ];
    const chars: string[] = [];
    for (const [from, to] of ranges) {
      for (let cp = from!; cp <= to!; cp++) chars.push(String.fromCodePoint(cp));
    }
    const text = chars.join('\n');
    const stats = scriptStats(text);
    expect(stats).toEqual(scriptStatsByConversion(text));
    expect(stats.traditionalMarkers).toBeGreaterThan(2000);
    expect(stats.simplifiedMarkers).toBeGreaterThan(2000);
  });

  it('gives the reference script on every seed, every encoding-matrix case and mixed texts', () => {
    const seeds = ['000', '001', '002', '003', '004'].map(seedText);
    const samples: string[] = [
      ...seeds,
      ...matrixCases().map((c) => decodeText(c.bytes).text),
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
    const mixed: [string, string][] = [
      ['001', '000'],
      ['000', '001'],
      ['004', '003'],
      ['003', '001'],
      ['002', '004'],
    ];
    for (const [a, b] of mixed) {
      const text = seedText(a) + seedText(b);
      expect(detectScript(text), `${a}+${b}`).toBe('mixed');
      samples.push(text);
    }
    for (const text of samples) {
      expect(scriptStats(text).script, text.slice(0, 40)).toBe(scriptStatsByConversion(text).script);
    }
  });

  it('gives the reference script on random windows of the seeds', () => {
    const seeds = ['000', '001', '002', '003', '004'].map(seedText);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const window = (k: number, min: number, spread: number) => {
      const t = seeds[k % seeds.length]!;
      const start = Math.floor(random() * t.length);
      return t.slice(start, start + min + Math.floor(random() * spread));
    };
    // Windows of 1,000 characters and more (cut at arbitrary points, phrases cut in half at both
    // ends): always the reference's script.
    const scripts = new Set<string>();
    for (let k = 0; k < 200; k++) {
      const text = window(k, 1000, 3000);
      const reference = scriptStatsByConversion(text).script;
      scripts.add(reference);
      expect(scriptStats(text).script, `seed ${k % seeds.length}`).toBe(reference);
    }
    expect([...scripts].sort()).toEqual(['simplified', 'traditional']);
    // Short windows (1–400 characters) have a handful of markers, where one marker a phrase
    // converts differently can cross a threshold (002's leftover Simplified words: 7/0 against
    // 7/1): the scripts differ only on such windows, and rarely.
    let differ = 0;
    for (let k = 0; k < 400; k++) {
      const text = window(k, 1, 400);
      const reference = scriptStatsByConversion(text);
      const stats = scriptStats(text);
      if (stats.script === reference.script) continue;
      differ++;
      expect(reference.traditionalMarkers + reference.simplifiedMarkers).toBeLessThan(50);
      expect(
        Math.abs(stats.traditionalMarkers - reference.traditionalMarkers) +
          Math.abs(stats.simplifiedMarkers - reference.simplifiedMarkers),
      ).toBeLessThanOrEqual(2);
    }
    expect(differ).toBeLessThanOrEqual(8);
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
