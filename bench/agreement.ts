/**
 * Benchmark: inter-coder agreement (issue 10) on the five seeds with 20,000 annotations split
 * between two coders (inserted in bulk in the setup): core `agreement-compute` at character and
 * sentence units and `agreement-disagreements`, next to a baseline that only reads the same
 * annotations out of SQLite (what any computation has to do at least).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCore } from '../electron/core/index';
import { timeIt } from './analysis';
import { mulberry32, percentile, type Row } from './stats';

const ANNOTATIONS = 20_000;
const RUNS = 5;

function insertTwoCoders(file: string): void {
  const db = new Database(file);
  try {
    const docs = db.prepare('SELECT id, length FROM documents ORDER BY sort_order').all() as {
      id: string;
      length: number;
    }[];
    const codes = db.prepare('SELECT id FROM codes').pluck().all() as string[];
    const first = db.prepare('SELECT id FROM coders').pluck().get() as string;
    const second = randomUUID();
    db.prepare('INSERT INTO coders (id, name, color, created_at) VALUES (?, ?, ?, ?)').run(
      second,
      'B',
      '#2c7be5',
      '2026-01-01T00:00:00.000Z',
    );
    const insert = db.prepare(
      `INSERT INTO annotations (id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    const random = mulberry32(10);
    db.transaction(() => {
      for (let i = 0; i < ANNOTATIONS; i++) {
        const d = docs[Math.floor(random() * docs.length)]!;
        const start = Math.floor(random() * (d.length - 80));
        insert.run(
          randomUUID(),
          d.id,
          codes[i % codes.length]!,
          i % 2 ? first : second,
          start,
          start + 2 + Math.floor(random() * 70),
        );
      }
    })();
  } finally {
    db.close();
  }
}

export async function benchAgreement(opts: {
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { workDir, repoRoot, log } = opts;
  const file = join(workDir, 'agreement.pizhu');
  openCore({ file, seedsDir: join(repoRoot, 'seeds') }).close();
  insertTwoCoders(file);
  log(`agreement: ${ANNOTATIONS} annotations of two coders inserted`);
  const core = openCore({ file });
  const raw = new Database(file, { readonly: true });
  const section = `agreement (2 coders, ${ANNOTATIONS / 1000}k annotations, 69k chars)`;
  const rows: Row[] = [];
  try {
    const coderIds = (await core.handlers['coders-list']({})).map((c) => c.id);
    const read = raw.prepare(
      'SELECT document_id, code_id, coder_id, start_offset, end_offset FROM annotations',
    );
    const baseline = await timeIt(RUNS, () => read.all());
    const row = (measure: string, value: number[]) =>
      rows.push({
        section,
        measure,
        value: percentile(value, 50),
        baselineName: 'read the annotations (SELECT)',
        baseline: percentile(baseline, 50),
        unit: 'ms',
      });
    for (const unit of ['character', 'sentence'] as const)
      row(
        `core agreement-compute, ${unit} units, p50`,
        await timeIt(RUNS, () => core.dispatch('agreement-compute', { coderIds, unit })),
      );
    row(
      'core agreement-disagreements, character units, p50',
      await timeIt(RUNS, () => core.dispatch('agreement-disagreements', { coderIds, unit: 'character' })),
    );
  } finally {
    raw.close();
    core.close();
  }
  return rows;
}
