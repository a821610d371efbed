/**
 * Benchmark: the codebook and memos (issue 6). A project on the seeds with a 200-code tree
 * (20 roots × 9 sub-codes) and 20,000 annotations, each with a memo:
 * - `codes-list` with live counts (own and with sub-codes), next to the bare
 *   `SELECT code_id, count(*) … GROUP BY code_id` it is built on;
 * - `codes-merge` of a code with 5,000 annotations (one undoable command) and its undo, next to
 *   a plain `UPDATE annotations SET code_id` of the same rows in one transaction (medians of
 *   three interleaved runs; their process CPU times are logged too);
 * - `memos-list` with a text query (OpenCC-normalised), the first listing after a write and
 *   listing again, next to SQL `LIKE` over the same memos, unordered (the baseline) and
 *   in the listing's document order (the list must be ordered; issue 13).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openProject } from '../electron/core/project/open';
import { createHandlers } from '../electron/core/api/handlers';
import type { CoreContext } from '../electron/core/context';
import { percentile, type Row } from './stats';

const ANNOTATIONS = 20_000;
const MERGED = 5_000;
const RUNS = 7;
const MERGE_RUNS = 3;

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

interface Timed {
  wall: number;
  /** Process CPU time (user + system), ms. */
  cpu: number;
}

function timeCpu(fn: () => unknown): Timed {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

export function benchCodebook(opts: { workDir: string; repoRoot: string; log: (s: string) => void }): Row[] {
  const { db, file } = openProject({
    file: join(opts.workDir, 'codebook.pizhu'),
    seedsDir: join(opts.repoRoot, 'seeds'),
  });
  try {
    const ctx: CoreContext = { db, file, now: () => new Date() };
    const h = createHandlers(ctx);
    const now = new Date().toISOString();
    const docs = db.raw.prepare('SELECT id, length FROM documents').all() as { id: string; length: number }[];
    const coder = (db.raw.prepare('SELECT id FROM coders').get() as { id: string }).id;
    const codeIds: string[] = [];
    db.transaction(() => {
      const ins = db.raw.prepare(
        `INSERT INTO codes (id, parent_id, name, color, sort_order, created_at) VALUES (?, ?, ?, '#336699', ?, ?)`,
      );
      for (let r = 0; r < 20; r++) {
        const root = randomUUID();
        ins.run(root, null, `根${r}`, 100 + r, now);
        for (let c = 0; c < 9; c++) {
          const id = randomUUID();
          ins.run(id, root, `子${c}`, c, now);
          codeIds.push(id);
        }
      }
      const ann = db.raw.prepare(
        `INSERT INTO annotations (id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
      );
      for (let i = 0; i < ANNOTATIONS; i++) {
        const doc = docs[i % docs.length]!;
        const start = (i * 7) % (doc.length - 10);
        // The first MERGED annotations share one code: the merge source.
        const code = i < MERGED ? codeIds[0]! : codeIds[1 + (i % (codeIds.length - 1))]!;
        ann.run(randomUUID(), doc.id, code, coder, start, start + 5, `備忘 ${i} 财政压力`, now, now);
      }
    });
    opts.log(`codebook: ${codeIds.length + 23} codes, ${ANNOTATIONS} annotations`);
    const rows: Row[] = [];
    const runs = (fn: () => unknown) => Array.from({ length: RUNS }, () => time(fn));

    const list = runs(() => h['codes-list']({}));
    const group = runs(() =>
      db.raw.prepare('SELECT code_id, count(*) AS n FROM annotations GROUP BY code_id').all(),
    );
    rows.push({
      section: 'codebook',
      measure: `codes-list with counts, p50 (${ANNOTATIONS} annotations)`,
      value: percentile(list, 50),
      baselineName: 'GROUP BY code_id',
      baseline: percentile(group, 50),
      unit: 'ms',
    });

    // Merge, its undo and the plain UPDATE, interleaved MERGE_RUNS times (medians): one run
    // swings 2× on a loaded machine. Process CPU time is logged next to the wall times.
    const sourceIds = (
      db.raw.prepare('SELECT id FROM annotations WHERE code_id = ?').all(codeIds[0]) as { id: string }[]
    ).map((r) => r.id);
    const timed = { merge: [] as Timed[], undo: [] as Timed[], plain: [] as Timed[] };
    for (let r = 0; r < MERGE_RUNS; r++) {
      timed.merge.push(timeCpu(() => h['codes-merge']({ sourceId: codeIds[0]!, targetId: codeIds[9]! })));
      timed.undo.push(timeCpu(() => h['history-undo']({})));
      // Not timed: drop the undone merge, so each run's merge finds the same log.
      db.transaction(() => db.raw.prepare(`DELETE FROM commands WHERE state = 'undone'`).run());
      timed.plain.push(
        timeCpu(() =>
          db.transaction(() =>
            db.raw
              .prepare('UPDATE annotations SET code_id = ? WHERE code_id = ?')
              .run(codeIds[9], codeIds[0]),
          ),
        ),
      );
      // Put the rows back (not timed).
      db.transaction(() => {
        const back = db.raw.prepare('UPDATE annotations SET code_id = ? WHERE id = ?');
        for (const id of sourceIds) back.run(codeIds[0], id);
      });
    }
    const med = (xs: Timed[], k: keyof Timed) =>
      percentile(
        xs.map((x) => x[k]),
        50,
      );
    const [merge, undo, plain] = [
      med(timed.merge, 'wall'),
      med(timed.undo, 'wall'),
      med(timed.plain, 'wall'),
    ];
    const cpu = {
      merge: med(timed.merge, 'cpu'),
      undo: med(timed.undo, 'cpu'),
      plain: med(timed.plain, 'cpu'),
    };
    opts.log(
      `codes-merge CPU p50 ${cpu.merge.toFixed(1)} ms (${(cpu.merge / cpu.plain).toFixed(2)}×), ` +
        `its undo ${cpu.undo.toFixed(1)} ms (${(cpu.undo / cpu.plain).toFixed(2)}×), ` +
        `plain UPDATE ${cpu.plain.toFixed(1)} ms (${MERGE_RUNS} runs each)`,
    );
    rows.push(
      {
        section: 'codebook',
        measure: `codes-merge, ${MERGED} annotations (one undo step), p50 of ${MERGE_RUNS}`,
        value: merge,
        baselineName: 'plain UPDATE of the rows',
        baseline: plain,
        unit: 'ms',
      },
      {
        section: 'codebook',
        measure: `undo of that merge, p50 of ${MERGE_RUNS}`,
        value: undo,
        baselineName: 'plain UPDATE of the rows',
        baseline: plain,
        unit: 'ms',
      },
    );

    // The memos view lists again on every change of its query. Two cases (issue 13): the first
    // listing after a write (here a memo changed through the API, not timed, before each call),
    // and listing again with nothing written in between. RUNS × 3 runs each, interleaved with
    // the baselines so that a load swing hits both.
    const query = () => h['memos-list']({ query: '財政壓力', kinds: ['annotation'] });
    const someAnnotation = (db.raw.prepare('SELECT id FROM annotations LIMIT 1').get() as { id: string }).id;
    let edits = 0;
    const afterWrite: number[] = [];
    const again: number[] = [];
    const like: number[] = [];
    const likeOrdered: number[] = [];
    for (let i = 0; i < RUNS * 3; i++) {
      void h['annotations-update-memo']({ id: someAnnotation, memo: `備忘 ${++edits} 财政压力` });
      afterWrite.push(time(query));
      again.push(time(query));
      like.push(
        time(() => db.raw.prepare(`SELECT id, memo FROM annotations WHERE memo LIKE '%财政压力%'`).all()),
      );
      // The listing is in document order (docs/api.md): the same LIKE with that ORDER BY.
      likeOrdered.push(
        time(() =>
          db.raw
            .prepare(
              `SELECT a.id, a.memo FROM annotations a JOIN documents d ON d.id = a.document_id
               WHERE a.memo LIKE '%财政压力%' ORDER BY d.sort_order, a.start_offset, a.end_offset, a.id`,
            )
            .all(),
        ),
      );
    }
    const memoRow = (what: string, values: number[], baselineName: string, baseline: number[]): Row => ({
      section: 'memos',
      measure: `memos-list, Traditional query, ${what}, p50 (${ANNOTATIONS} memos)`,
      value: percentile(values, 50),
      baselineName,
      baseline: percentile(baseline, 50),
      unit: 'ms',
    });
    rows.push(
      memoRow('first listing after a write', afterWrite, "SQL LIKE '%…%'", like),
      memoRow('listing again', again, "SQL LIKE '%…%'", like),
      memoRow(
        'first listing after a write',
        afterWrite,
        "SQL LIKE '%…%' ORDER BY document order",
        likeOrdered,
      ),
    );
    return rows;
  } finally {
    db.close();
  }
}
