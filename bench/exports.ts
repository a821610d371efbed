/**
 * Benchmark: the exports of a large project (issue 13), on the analysis section's project of
 * 100,000 annotations over the five seeds, each next to a baseline measured in the same run:
 * - `segments-export` CSV and XLSX of every segment (document order) next to a plain
 *   `SELECT * FROM annotations` (the rows the export is made of, no order, no formatting);
 * - `export-file` qdpx (the REFI-QDA project: snapshot, QDA-XML, zip) of the same project, whose
 *   target is absolute (≤ 3 s), printed next to the same SELECT;
 * - the core's peak resident memory over these exports next to its resident memory before them.
 * Each time is the median of `RUNS` runs, the four measures interleaved; CPU times are logged. `benchAnalysis` calls
 * `exportRows` for its export rows; `npm run bench -- exports` runs only these rows.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCore, type Core } from '../electron/core/index';
import type { ExportBundle } from '../shared/contracts/interop';
import { bulkInsert } from './analysis';
import { percentile, type Row } from './stats';

const ANNOTATIONS = 100_000;
const RUNS = 3;

interface Sample {
  wall: number;
  cpu: number;
}

async function sample(fn: () => unknown): Promise<Sample> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

export async function exportRows(opts: {
  core: Core;
  raw: Database.Database;
  section: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { core, raw, section, log } = opts;
  const h = core.handlers;
  const rssBefore = process.memoryUsage().rss;
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let rowCount = 0;
  let qdpxBytes = 0;
  const plainAll = raw.prepare('SELECT * FROM annotations');
  plainAll.all(); // warm-up
  const tasks: Record<'plain' | 'csv' | 'xlsx' | 'qdpx', () => unknown> = {
    plain: () => plainAll.all(),
    csv: async () => {
      rowCount = (await h['segments-export']({ sort: 'document', direction: 'asc', format: 'csv' })).rowCount;
    },
    xlsx: () => h['segments-export']({ sort: 'document', direction: 'asc', format: 'xlsx' }),
    qdpx: async () => {
      const bundle = (await core.dispatch('export-file', { format: 'qdpx' })) as ExportBundle;
      qdpxBytes = Math.round((bundle.content.length * 3) / 4);
    },
  };
  // Interleaved (baseline, CSV, XLSX, QDPX, baseline, …) so that a change of the machine's load
  // during the section weighs on the exports and their baseline alike.
  const samples: Record<keyof typeof tasks, Sample[]> = { plain: [], csv: [], xlsx: [], qdpx: [] };
  for (let run = 0; run < RUNS; run++)
    for (const name of Object.keys(tasks) as (keyof typeof tasks)[])
      samples[name].push(await sample(tasks[name]));
  const med = (name: keyof typeof tasks, k: keyof Sample) =>
    percentile(
      samples[name].map((s) => s[k]),
      50,
    );
  for (const name of ['csv', 'xlsx', 'qdpx'] as const)
    log(
      `exports: ${name} median ${med(name, 'wall').toFixed(0)} ms wall, ${med(name, 'cpu').toFixed(0)} ms CPU ` +
        `(${(med(name, 'cpu') / med('plain', 'cpu')).toFixed(2)}× the SELECT's CPU ${med('plain', 'cpu').toFixed(0)} ms)`,
    );
  log(`exports: ${rowCount} segment rows; qdpx ${(qdpxBytes / 2 ** 20).toFixed(1)} MB`);
  // Peak resident memory of this process (KB → bytes): a high-water mark, so it is the peak of
  // the exports only when it grew during them (logged: the mark before them).
  const peakRss = process.resourceUsage().maxRSS * 1024;
  log(
    `exports: RSS before ${(rssBefore / 2 ** 20).toFixed(0)} MB, peak before ${(maxRssBefore / 2 ** 20).toFixed(0)} MB, peak after ${(peakRss / 2 ** 20).toFixed(0)} MB`,
  );
  const plain = 'plain SELECT * FROM annotations';
  const plainMs = med('plain', 'wall');
  const count = rowCount.toLocaleString('en');
  return [
    ...(
      [
        ['CSV', med('csv', 'wall')],
        ['XLSX', med('xlsx', 'wall')],
      ] as const
    ).map(([format, value]) => ({
      section,
      measure: `core segments-export ${format} (${count} rows)`,
      value,
      baselineName: plain,
      baseline: plainMs,
      unit: 'ms',
    })),
    {
      section,
      measure: `core export-file qdpx (${count} annotations; target ≤ 3000 ms)`,
      value: med('qdpx', 'wall'),
      baselineName: plain,
      baseline: plainMs,
      unit: 'ms',
    },
    {
      section,
      measure: 'core peak RSS during the exports',
      value: peakRss / 2 ** 20,
      baselineName: 'core RSS before them',
      baseline: rssBefore / 2 ** 20,
      unit: 'MB',
    },
  ];
}

/** `npm run bench -- exports`: the project of the analysis section, export rows only. */
export async function benchExports(opts: {
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { workDir, repoRoot, log } = opts;
  const file = join(workDir, `exports-${ANNOTATIONS}.pizhu`);
  openCore({ file, seedsDir: join(repoRoot, 'seeds') }).close();
  bulkInsert(file, ANNOTATIONS);
  const core = openCore({ file });
  const raw = new Database(file, { readonly: true });
  try {
    return await exportRows({ core, raw, section: `exports (${ANNOTATIONS / 1000}k annotations)`, log });
  } finally {
    raw.close();
    core.close();
  }
}
