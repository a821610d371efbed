/**
 * Benchmark: importing documents (issue 4). 1,000 distinct texts of ~5,000 characters cut from
 * the seeds are imported through the core as the import dialog does for several files
 * (`import-commit` with `deferIndex`: base64 → encoding detection → script detection →
 * duplicate check → one transaction and one undo command per file; then `search-index-build`
 * once). Baselines, same connection settings (WAL, synchronous=FULL, one transaction per
 * document): raw better-sqlite3 inserts into an identical table, and the fair one, the same raw
 * inserts plus one FTS5 trigram index build over the same text (what a searchable import must
 * cost at least). Also: the same import with GB18030 bytes and pinyin + boilerplate cleaning
 * selected, on 200 documents.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { openCore } from '../electron/core/index';
import type { Row } from './stats';

const DEFAULT_DOCS = 1_000;
const DEFAULT_CLEAN_DOCS = 200;
const CHARS = 5_000;

function texts(repoRoot: string, n: number): string[] {
  const dir = join(repoRoot, 'seeds');
  const corpus = Array.from(
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n'),
  );
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const start = (i * 997) % (corpus.length - CHARS);
    // The number makes every text distinct (the importer skips duplicates).
    out.push(`第${i + 1}号材料\n${corpus.slice(start, start + CHARS).join('')}`);
  }
  return out;
}

export async function benchImport(opts: {
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
  /** Documents imported (the scaling table runs smaller imports). */
  documents?: number;
}): Promise<Row[]> {
  const { workDir, repoRoot, log } = opts;
  const DOCS = opts.documents ?? DEFAULT_DOCS;
  const CLEAN_DOCS = Math.min(DEFAULT_CLEAN_DOCS, DOCS);
  const docs = texts(repoRoot, DOCS);

  const core = openCore({ file: join(workDir, `import-${DOCS}.pizhu`), empty: true });
  let t0 = performance.now();
  for (const [i, text] of docs.entries()) {
    await core.dispatch('import-commit', {
      fileName: `doc-${i}.txt`,
      contentBase64: Buffer.from(text, 'utf8').toString('base64'),
      deferIndex: true,
    });
  }
  await core.dispatch('search-index-build', {});
  const coreSeconds = (performance.now() - t0) / 1000;
  core.close();
  log(`import: ${DOCS} documents through the core in ${coreSeconds.toFixed(1)} s`);

  const cleanCore = openCore({ file: join(workDir, `import-clean-${DOCS}.pizhu`), empty: true });
  t0 = performance.now();
  for (const [i, text] of docs.slice(0, CLEAN_DOCS).entries()) {
    await cleanCore.dispatch('import-commit', {
      fileName: `doc-${i}.txt`,
      contentBase64: iconv.encode(text, 'gb18030').toString('base64'),
      cleaning: ['pinyin', 'boilerplate'],
      deferIndex: true,
    });
  }
  await cleanCore.dispatch('search-index-build', {});
  const cleanSeconds = (performance.now() - t0) / 1000;
  cleanCore.close();
  log(`import: ${CLEAN_DOCS} GB18030 documents with cleaning in ${cleanSeconds.toFixed(1)} s`);

  const raw = new Database(join(workDir, `import-raw-${DOCS}.sqlite`));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(`CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL,
            length INTEGER NOT NULL, sort_order INTEGER NOT NULL) STRICT`);
  const insert = raw.prepare('INSERT INTO documents VALUES (?, ?, ?, ?, ?)');
  const one = raw.transaction((i: number, text: string) =>
    insert.run(crypto.randomUUID(), `doc-${i}`, text, Array.from(text).length, i),
  );
  t0 = performance.now();
  for (const [i, text] of docs.entries()) one.immediate(i, text);
  const rawSeconds = (performance.now() - t0) / 1000;
  // The fair baseline: the same inserts, then one trigram index over the same text.
  raw.exec(`CREATE VIRTUAL TABLE documents_fts USING fts5(text, content = 'documents', content_rowid = 'rowid',
            tokenize = 'trigram case_sensitive 1')`);
  t0 = performance.now();
  raw.exec(`INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`);
  const ftsSeconds = (performance.now() - t0) / 1000;
  raw.close();
  log(`import: raw inserts ${rawSeconds.toFixed(2)} s, one FTS5 trigram build ${ftsSeconds.toFixed(2)} s`);

  return [
    {
      section: 'import',
      measure: `${DOCS} docs × ${CHARS} chars, UTF-8, no cleaning`,
      value: DOCS / coreSeconds,
      baselineName: 'raw better-sqlite3 insert',
      baseline: DOCS / rawSeconds,
      unit: 'docs/s',
    },
    {
      section: 'import',
      measure: `${DOCS} docs × ${CHARS} chars, UTF-8, no cleaning`,
      value: DOCS / coreSeconds,
      baselineName: 'raw insert + one FTS5 trigram build',
      baseline: DOCS / (rawSeconds + ftsSeconds),
      unit: 'docs/s',
    },
    {
      section: 'import',
      measure: `${CLEAN_DOCS} docs, GB18030 + pinyin, boilerplate`,
      value: CLEAN_DOCS / cleanSeconds,
      baselineName: 'raw insert + one FTS5 trigram build',
      baseline: DOCS / (rawSeconds + ftsSeconds),
      unit: 'docs/s',
    },
  ];
}
