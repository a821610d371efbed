/**
 * Benchmark: code suggestions (issue 14). The engine (sentences + structure + the default rule set
 * over the script-normalised text) on one 300,000-character document (the seeds concatenated and
 * repeated) and on each seed, next to sentence segmentation alone on the same text; and
 * `suggest-document` through the core (rules and rejections read from SQLite) on a 100,000-
 * character document. p50 of repeated runs.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../electron/core/index';
import { DEFAULT_RULES } from '../electron/core/suggest/default-rules';
import { suggestText } from '../electron/core/suggest/engine';
import { splitSentences } from '../shared/text/sentences';
import { percentile, type Row } from './stats';

const RUNS = 7;

function p50(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

function textOf(seeds: string, chars: number): string {
  const all = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(seeds, f), 'utf8').replace(/\r\n?/g, '\n'))
    .join('\n\n');
  let out = '';
  while ([...out].length < chars) out += `${all}\n\n`;
  return [...out].slice(0, chars).join('');
}

export async function benchSuggest(opts: {
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const seeds = join(opts.repoRoot, 'seeds');
  const rules = DEFAULT_RULES.map((r, i) => ({ ...r, id: String(i), codeId: r.code }));
  const big = textOf(seeds, 300_000);
  opts.log(`suggest: ${rules.length} rules, ${[...big].length} characters`);
  const engine300k = p50(() => suggestText(big, rules));
  const split300k = p50(() => splitSentences(big));

  const dir = join(opts.workDir, 'suggest-seed');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'doc.txt'), textOf(seeds, 100_000));
  const core = openCore({ file: join(opts.workDir, 'suggest.pizhu'), seedsDir: dir });
  const times: number[] = [];
  try {
    const [doc] = (await core.dispatch('documents-list', {})) as { id: string }[];
    await core.dispatch('suggest-rules-list', {});
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await core.dispatch('suggest-document', { documentId: doc!.id });
      times.push(performance.now() - t0);
    }
  } finally {
    core.close();
  }
  const row = (measure: string, value: number, baselineName: string, baseline: number): Row => ({
    section: 'suggest',
    measure,
    value,
    baselineName,
    baseline,
    unit: 'ms',
  });
  return [
    row('suggestText, 300k chars (p50)', engine300k, 'splitSentences alone', split300k),
    row(
      'suggest-document, 100k chars (p50)',
      percentile(times, 50),
      'splitSentences alone',
      p50(() => splitSentences(big.slice(0, 100_000))),
    ),
  ];
}
