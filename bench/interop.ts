/**
 * Benchmark: exchange and research exports on the five seeds with 20,000 annotations
 * (bulk-inserted as in bench/analysis.ts), each next to a baseline measured in the same run:
 * - `export-file` qdpx (snapshot, QDA-XML, zip) and the XLSX dataset next to the CSV dataset;
 * - the sentence dataset as Parquet next to the same rows as JSONL;
 * - importing that .qdpx into an empty project (read + merge, one transaction) next to reading
 *   it alone (unzip + parse + position mapping).
 */
import { join } from 'node:path';
import { openCore } from '../electron/core/index';
import { readRefi } from '../electron/core/interop/refi-read';
import type { ExportBundle } from '../shared/contracts/interop';
import { bulkInsert, timeIt } from './analysis';
import { percentile, type Row } from './stats';

const ANNOTATIONS = 20_000;
const RUNS = 3;

export async function benchInterop(opts: {
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { workDir, repoRoot, log } = opts;
  const file = join(workDir, 'interop.pizhu');
  openCore({ file, seedsDir: join(repoRoot, 'seeds') }).close();
  bulkInsert(file, ANNOTATIONS);
  const core = openCore({ file });
  const section = `exchange and exports (${ANNOTATIONS / 1000}k annotations)`;
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
  const exportAs = (format: string) => core.dispatch('export-file', { format }) as Promise<ExportBundle>;
  try {
    const csv = await timeIt(RUNS, () => exportAs('csv'));
    row('export-file qdpx, p50', await timeIt(RUNS, () => exportAs('qdpx')), 'export-file csv', csv);
    row(
      'export-file xlsx (3 sheets), p50',
      await timeIt(RUNS, () => exportAs('xlsx')),
      'export-file csv',
      csv,
    );
    row(
      'export-file parquet (sentences), p50',
      await timeIt(RUNS, () => exportAs('parquet')),
      'export-file sentences-jsonl',
      await timeIt(RUNS, () => exportAs('sentences-jsonl')),
    );
    const qdpx = await exportAs('qdpx');
    const bytes = new Uint8Array(Buffer.from(qdpx.content, 'base64'));
    log(`interop: qdpx ${bytes.length} bytes`);
    let n = 0;
    row(
      'interop-import qdpx into an empty project, p50',
      await timeIt(RUNS, async () => {
        const target = openCore({ file: join(workDir, `target-${n++}.pizhu`), empty: true });
        try {
          await target.dispatch('interop-import', { fileName: 'p.qdpx', contentBase64: qdpx.content });
        } finally {
          target.close();
        }
      }),
      'readRefi alone (unzip, parse, positions)',
      await timeIt(RUNS, () => readRefi(bytes, 'p.qdpx')),
    );
  } finally {
    core.close();
  }
  return rows;
}
