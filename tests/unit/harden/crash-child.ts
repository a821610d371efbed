/**
 * The child process of the crash test (crash.test.ts), bundled by the unit tests' global setup:
 * opens the project and performs seeded random operations through the API (create and delete
 * annotations, memos, code merges and new codes, undo, redo). After each operation returns — its
 * transaction committed — it writes `ack <fingerprint>` to stdout synchronously; the parent kills
 * it with SIGKILL at random moments and checks that the file holds every acknowledged operation.
 *
 * Usage: node crash-child.mjs <project> <seed> <max operations>
 */
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import { openCore } from '../../../electron/core/index';
import type { DocumentSummary } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { fingerprint } from './crash-fingerprint';

process.env.PIZHU_LOG = 'silent';
const [file, seedArg, maxArg] = process.argv.slice(2);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const rand = mulberry32(Number(seedArg));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const core = openCore({ file: file! });
  // A second, read-only connection sees exactly what is committed (WAL snapshot per read).
  const reader = new Database(file, { readonly: true });
  const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
  const doc = docs[0]!;
  // Targets are picked with cheap SQL on the reader; every change goes through the API.
  const randomId = (sql: string): string | undefined =>
    (reader.prepare(sql).pluck().all() as string[]).at(Math.floor(rand() * 1e9) % 1000) ?? undefined;
  const anyAnnotation = () =>
    randomId(
      `SELECT id FROM annotations ORDER BY id LIMIT 1000 OFFSET abs(${Math.floor(rand() * 1e9)}) % max(1, (SELECT count(*) FROM annotations))`,
    );
  const leafCodes = () =>
    reader
      .prepare(
        'SELECT id FROM codes c WHERE NOT EXISTS (SELECT 1 FROM codes x WHERE x.parent_id = c.id) ORDER BY id',
      )
      .pluck()
      .all() as string[];
  for (let n = 0; n < Number(maxArg); n++) {
    const r = rand();
    const kind =
      r < 0.35
        ? 'create'
        : r < 0.5
          ? 'delete'
          : r < 0.68
            ? 'memo'
            : r < 0.74
              ? 'code'
              : r < 0.78
                ? 'merge'
                : r < 0.93
                  ? 'undo'
                  : 'redo';
    writeSync(1, `op ${kind}\n`);
    try {
      if (kind === 'create') {
        const codes = leafCodes();
        const start = Math.floor(rand() * (doc.length - 1));
        const end = start + 1 + Math.floor(rand() * Math.min(20, doc.length - start - 1));
        await core.dispatch('annotations-create', { documentId: doc.id, codeId: pick(codes), start, end });
      } else if (kind === 'delete') {
        const id = anyAnnotation();
        if (id) await core.dispatch('annotations-delete', { id });
      } else if (kind === 'memo') {
        const id = anyAnnotation();
        if (id) await core.dispatch('annotations-update-memo', { id, memo: `备注 ${n} 𠀋` });
      } else if (kind === 'code') {
        await core.dispatch('codes-create', { name: `子代码 ${seedArg}-${n}` });
      } else if (kind === 'merge') {
        const leaves = leafCodes();
        if (leaves.length > 4) {
          const source = pick(leaves);
          const target = pick(leaves.filter((c) => c !== source));
          await core.dispatch('codes-merge', { sourceId: source, targetId: target });
        }
      } else if (kind === 'undo') {
        await core.dispatch('history-undo', {});
      } else {
        await core.dispatch('history-redo', {});
      }
    } catch (err) {
      // Refusals (nothing to undo, a merge the codebook forbids) are answers too; anything
      // else is a failure of the test.
      if (!(err instanceof PizhuError) || err.code === 'internal')
        throw new Error(`operation ${n} (${kind}) failed on ${file}`, { cause: err });
    }
    writeSync(1, `ack ${fingerprint(reader)}\n`);
  }
  reader.close();
  core.close();
  writeSync(1, 'done\n');
}

main().catch((err: unknown) => {
  const cause = err instanceof Error && err.cause instanceof Error ? `\n${err.cause.stack}` : '';
  writeSync(
    2,
    `crash-child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}${cause}\n`,
  );
  process.exit(2);
});
