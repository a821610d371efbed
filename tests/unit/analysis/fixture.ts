/**
 * A project on the real seeds with a small code tree (问题 > 财政压力 > 县级债务, 建议 > 扩权) made
 * in SQL (no codebook API yet), two coders, and randomised annotations created through the API
 * (so quotes are cut by the core). Expectations in the tests are computed by brute force from
 * these rows, independently of the core's algorithms.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openCore, type Core } from '../../../electron/core/index';
import type { Annotation, Code, DocumentDetail } from '../../../shared/domain';
import { SEEDS_DIR, tempDir } from '../core/helpers';
import { mulberry32 } from '../../support/random';

export { mulberry32 };

export interface Fixture {
  core: Core;
  file: string;
  codes: Code[];
  docs: DocumentDetail[];
  annotations: Annotation[];
  coders: { id: string; name: string }[];
  byName: (name: string) => Code;
}

export async function makeFixture(seed: number, count = 260): Promise<Fixture> {
  const file = join(tempDir(), 'analysis.pizhu');
  const core = openCore({ file, seedsDir: SEEDS_DIR });
  const top = await core.handlers['codes-list']({});
  const raw = new Database(file);
  const now = new Date().toISOString();
  const problem = top.find((c) => c.name === '问题')!.id;
  const advice = top.find((c) => c.name === '建议')!.id;
  const fiscal = randomUUID();
  const debt = randomUUID();
  const expand = randomUUID();
  const insert = raw.prepare(
    `INSERT INTO codes (id, parent_id, name, color, description, shortcut, sort_order, created_at)
     VALUES (?, ?, ?, ?, '', NULL, ?, ?)`,
  );
  insert.run(fiscal, problem, '财政压力', '#aa3333', 0, now);
  insert.run(debt, fiscal, '县级债务', '#882222', 0, now);
  insert.run(expand, advice, '扩权', '#2255aa', 0, now);
  const coder2 = randomUUID();
  raw
    .prepare(`INSERT INTO coders (id, name, color, created_at) VALUES (?, '李四', '#555555', ?)`)
    .run(coder2, now);
  raw.close();

  const codes = await core.handlers['codes-list']({});
  const summaries = await core.handlers['documents-list']({});
  const docs: DocumentDetail[] = [];
  for (const d of summaries) docs.push(await core.handlers['documents-get']({ id: d.id }));
  const random = mulberry32(seed);
  const created: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    // Cluster annotations in the first 600 code points of each document, so overlaps and shared
    // sentences are frequent.
    const doc = docs[Math.floor(random() * docs.length)]!;
    const span = Math.min(600, doc.length - 1);
    const start = Math.floor(random() * span);
    const end = Math.min(doc.length, start + 1 + Math.floor(random() * 60));
    const code = codes[Math.floor(random() * codes.length)]!;
    const memo = random() < 0.2 ? `备注${i}${random() < 0.5 ? ' Fiscal' : ''}` : '';
    const r = await core.handlers['annotations-create']({
      documentId: doc.id,
      codeId: code.id,
      start,
      end,
      memo,
    });
    created.push(r.annotation);
  }
  // A third of the annotations belong to the second coder (changed in SQL: the API always uses
  // the current coder).
  const rawAgain = new Database(file);
  const move = rawAgain.prepare('UPDATE annotations SET coder_id = ? WHERE id = ?');
  for (const a of created) {
    if (random() < 0.33) {
      move.run(coder2, a.id);
      a.coderId = coder2;
    }
  }
  rawAgain.close();
  const coders = (await core.handlers['coders-list']({})).map((c) => ({ id: c.id, name: c.name }));
  return {
    core,
    file,
    codes,
    docs,
    annotations: created,
    coders,
    byName: (name) => codes.find((c) => c.name === name)!,
  };
}

/** True when `code` is `row` or one of its descendants (walking parent pointers). */
export function isUnder(codes: readonly Code[], code: string, row: string): boolean {
  let cur: Code | undefined = codes.find((c) => c.id === code);
  while (cur) {
    if (cur.id === row) return true;
    cur = cur.parentId ? codes.find((c) => c.id === cur!.parentId) : undefined;
  }
  return false;
}

/** Code points covered by any of the ranges (boolean array, no interval logic). */
export function coveredBrute(ranges: readonly { start: number; end: number }[]): number {
  const marked = new Set<number>();
  for (const r of ranges) for (let i = r.start; i < r.end; i++) marked.add(i);
  return marked.size;
}
