/**
 * Benchmark: importing documents (issue 4). 1,000 distinct texts of ~5,000 characters cut from
 * the seeds are imported through the core as the import dialog does for several files
 * (`import-commit` with `deferIndex`: base64 → encoding detection → script detection →
 * duplicate check → one transaction and one undo command per file; then `search-index-build`
 * once). Baselines, same connection settings (WAL, synchronous=FULL, one transaction per
 * document): raw better-sqlite3 inserts into an identical table, and the fair one, the same raw
 * inserts plus one FTS5 trigram index build over the same text (what a searchable import cost
 * at least with the trigram index issue 13 measured against; kept as the baseline since the index
 * became bigram buckets, grams.ts). Also: the same import with GB18030 bytes and pinyin +
 * boilerplate cleaning selected, on 200 documents. And one 20 MB text file (issue 9 item 10) imported by `pizhu
 * import` in a fresh process, so that its peak memory is measured alone, next to a process that
 * only decodes and inserts it; and the base memory of a process with the core loaded. The 20 MB
 * file's search index build alone is also timed with its chunk worker against the same build
 * in-process (search/chunk-feed.ts).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { openCore } from '../electron/core/index';
import { configureChunkWorker } from '../electron/core/search/chunk-feed';
import { percentile, type Row } from './stats';

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
  const commitSeconds = (performance.now() - t0) / 1000;
  await core.dispatch('search-index-build', {});
  const coreSeconds = (performance.now() - t0) / 1000;
  core.close();
  log(
    `import: ${DOCS} documents through the core in ${coreSeconds.toFixed(1)} s ` +
      `(import-commit ${commitSeconds.toFixed(1)} s, search-index-build ${(coreSeconds - commitSeconds).toFixed(1)} s)`,
  );

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

/** Env var that makes bench.mjs run only `importLargeFileChild` (in a fresh process, for its peak memory). */
export const LARGE_FILE_ENV = 'PIZHU_BENCH_LARGE_IMPORT';
const LARGE_FILE_BYTES = 20 * 1024 * 1024;

function seedText(repoRoot: string): string {
  const dir = join(repoRoot, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

/** The seeds repeated into one ~20 MB UTF-8 file (~8 M characters), as issue 9 item 10 measured. */
function writeLargeFile(repoRoot: string, file: string): void {
  const all = seedText(repoRoot);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < LARGE_FILE_BYTES; i++) {
    const part = `第${i}段\n${all}\n`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  writeFileSync(file, parts.join(''));
}

/**
 * ~20 MB of varied text: an order-2 Markov chain over the seeds' characters (each character drawn
 * from those that follow the previous two in the seeds), with one character in seven drawn from
 * the seeds at random instead. It reads like shuffled policy prose and, unlike the repeated seeds
 * (40,000 distinct trigrams in 8 M characters), has the vocabulary of a large varied corpus: 3.8 M
 * distinct trigrams and 760,000 distinct bigrams. What the search index costs depends on that
 * number (grams.ts), so the repeated seeds alone flatter it. Deterministic (xorshift32).
 */
function writeVariedFile(repoRoot: string, file: string): void {
  const chars = [...seedText(repoRoot)];
  const next = new Map<string, string[]>();
  for (let i = 2; i < chars.length; i++) {
    const key = chars[i - 2]! + chars[i - 1]!;
    const list = next.get(key);
    if (list) list.push(chars[i]!);
    else next.set(key, [chars[i]!]);
  }
  let seed = 0x12345;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const out: string[] = [];
  let [a, b] = [chars[0]!, chars[1]!];
  for (let size = 0; size < LARGE_FILE_BYTES;) {
    const list = next.get(a + b);
    const c =
      list === undefined || random() < 1 / 7
        ? chars[Math.floor(random() * chars.length)]!
        : list[Math.floor(random() * list.length)]!;
    out.push(c);
    size += Buffer.byteLength(c);
    [a, b] = [b, c];
  }
  writeFileSync(file, out.join(''));
}

/**
 * Peak RSS of this process in MB. On Linux from /proc/self/status (VmHWM, the high-water mark of
 * this process's own address space): getrusage's maxRSS survives exec, so a child forked from a
 * large parent (this bench process after Chromium and the search section) reports the parent's
 * size instead of its own.
 */
const PEAK_RSS_SOURCE = String.raw`(() => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {}
  return process.resourceUsage().maxRSS / 1024;
})()`;

function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux: getrusage below
  }
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Node's `--import` preload that prints the process's CPU time and peak RSS as JSON, on the last
 * line of stderr, when it exits: the numbers `/usr/bin/time -v` gives, for any entry point.
 */
const MEASURE_PRELOAD = `data:text/javascript,${encodeURIComponent(
  String.raw`import { readFileSync } from 'node:fs';
  process.on('exit', () => {
    const c = process.cpuUsage();
    const m = { cpuSeconds: (c.user + c.system) / 1e6, maxRssMb: ${PEAK_RSS_SOURCE} };
    process.stderr.write('\n' + JSON.stringify(m) + '\n');
  });`,
)}`;

interface Measured {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
}

/** Runs `node <args>` in a fresh process: wall time, CPU time and peak RSS. */
function measureNode(args: string[], cwd: string): Measured {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', MEASURE_PRELOAD, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PIZHU_LOG: 'silent' },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = JSON.parse(r.stderr.trim().split('\n').pop() ?? '') as Omit<Measured, 'seconds'>;
  return { seconds, ...m };
}

/** The baseline process: Node, better-sqlite3, the bytes decoded as UTF-8 and one plain insert. */
function rawInsertScript(file: string, project: string): string {
  return `import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
const db = new Database(${JSON.stringify(project)});
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE documents (id TEXT PRIMARY KEY, text TEXT NOT NULL) STRICT');
const text = new TextDecoder().decode(readFileSync(${JSON.stringify(file)}));
db.prepare('INSERT INTO documents VALUES (?, ?)').run('large', text);
db.close();`;
}

/** Imports the large file through the API into a new empty project, its search index queued. */
async function importQueued(project: string, file: string): Promise<void> {
  const core = openCore({ file: project, empty: true });
  try {
    await core.dispatch('import-commit', {
      fileName: 'large.txt',
      contentBase64: readFileSync(file).toString('base64'),
      deferIndex: true,
    });
  } finally {
    core.close();
  }
}

/**
 * Child side: imports the file through `import-commit` as the import dialog's transport sends it
 * (base64), the search index queued for a later `search-index-build` (the import's own cost), and
 * prints seconds, CPU seconds and peak RSS as JSON.
 */
export async function importLargeFileChild(spec: string): Promise<void> {
  const { file, project } = JSON.parse(spec) as { file: string; project: string };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await importQueued(project, file);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      maxRssMb: peakRssMb(),
    }),
  );
}

/**
 * The 20 MB file's `search-index-build` alone, with the chunk worker and in-process, alternating
 * (RUNS each, on copies of one project where the file is imported with its index queued): p50.
 */
async function indexBuildOfLargeFile(
  workDir: string,
  file: string,
): Promise<{ worker: number; inProcess: number }> {
  const RUNS = 3;
  const queued = join(workDir, 'large-index-queued.pizhu');
  await importQueued(queued, file);
  const times = { worker: [] as number[], inProcess: [] as number[] };
  for (let i = 0; i < 2 * RUNS; i++) {
    const worker = i % 2 === 0;
    const copy = join(workDir, `large-index-${i}.pizhu`);
    copyFileSync(queued, copy);
    const c = openCore({ file: copy });
    const before = configureChunkWorker({ enabled: worker });
    try {
      const t0 = performance.now();
      await c.dispatch('search-index-build', {});
      (worker ? times.worker : times.inProcess).push((performance.now() - t0) / 1000);
    } finally {
      configureChunkWorker(before);
      c.close();
    }
  }
  return { worker: percentile(times.worker, 50), inProcess: percentile(times.inProcess, 50) };
}

/**
 * Parent side. The issue's measure is the product's own path, `pizhu import` (the CLI: the file
 * read into a Buffer, import-commit in-process, the search index built at the end), in a fresh
 * process, next to the baseline process that only decodes the bytes and inserts them into a plain
 * table. Also the process's base: the CLI's `info` on a small project (every module the core
 * loads at start, no import) next to a bare Node process; and the import alone through the API
 * transport (base64, index queued) in a bench child, whose start-up loads every bench section.
 */
export async function benchLargeFile(opts: {
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const file = join(opts.workDir, 'large.txt');
  writeLargeFile(opts.repoRoot, file);
  const cli = join(opts.repoRoot, 'out/node/cli.mjs');
  const say = (what: string, m: Measured) =>
    opts.log(
      `large-file: ${what}: ${m.seconds.toFixed(2)} s (CPU ${m.cpuSeconds.toFixed(2)} s), peak RSS ${m.maxRssMb.toFixed(0)} MB`,
    );
  // A text file: decoded and inserted alone (the baseline), then through `pizhu import`.
  const importBoth = (name: string, path: string, label: string) => {
    const plain = measureNode(
      ['--input-type=module', '-e', rawInsertScript(path, join(opts.workDir, `${name}-raw.sqlite`))],
      opts.repoRoot,
    );
    say(`${label}decode + one plain insert`, plain);
    const cliImport = measureNode(
      [cli, 'import', '--project', join(opts.workDir, `${name}-cli.pizhu`), path],
      opts.repoRoot,
    );
    say(`${label}pizhu import (index built at the end)`, cliImport);
    return { plain, cliImport };
  };
  const { plain: raw, cliImport: imported } = importBoth('large', file, '');
  const variedFile = join(opts.workDir, 'varied.txt');
  writeVariedFile(opts.repoRoot, variedFile);
  const { plain: variedRaw, cliImport: varied } = importBoth('varied', variedFile, 'varied text: ');
  const small = join(opts.workDir, 'small.pizhu');
  measureNode([cli, 'init', '--project', small], opts.repoRoot);
  const base = measureNode([cli, 'info', '--project', small], opts.repoRoot);
  say('pizhu info on the sample project', base);
  const bare = measureNode(['-e', ''], opts.repoRoot);
  say('bare node', bare);
  const spec = JSON.stringify({ file, project: join(opts.workDir, 'large-queued.pizhu') });
  const r = spawnSync(process.execPath, [process.argv[1]!], {
    env: { ...process.env, [LARGE_FILE_ENV]: spec, PIZHU_LOG: 'silent' },
    encoding: 'utf8',
  });
  const queued = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Measured;
  say('import-commit over the API transport, index queued (in a bench process)', queued);
  const build = await indexBuildOfLargeFile(opts.workDir, file);
  opts.log(
    `large-file: search-index-build alone, p50: ${build.worker.toFixed(2)} s with the chunk worker, ` +
      `${build.inProcess.toFixed(2)} s in-process`,
  );
  return [
    {
      section: 'import',
      measure: '20 MB UTF-8 file (8.2 M chars), `pizhu import`, wall',
      value: imported.seconds,
      baselineName: 'decode + one plain insert',
      baseline: raw.seconds,
      unit: 's',
    },
    {
      section: 'import',
      measure: '20 MB UTF-8 file, `pizhu import`, CPU',
      value: imported.cpuSeconds,
      baselineName: 'decode + one plain insert',
      baseline: raw.cpuSeconds,
      unit: 's',
    },
    {
      section: 'import',
      measure: '20 MB UTF-8 file, `pizhu import`, peak RSS',
      value: imported.maxRssMb,
      baselineName: 'decode + one plain insert',
      baseline: raw.maxRssMb,
      unit: 'MB',
    },
    {
      section: 'import',
      measure: '20 MB of varied text (Markov chain over the seeds), `pizhu import`, wall',
      value: varied.seconds,
      baselineName: 'decode + one plain insert',
      baseline: variedRaw.seconds,
      unit: 's',
    },
    {
      section: 'import',
      measure: '20 MB of varied text, `pizhu import`, peak RSS',
      value: varied.maxRssMb,
      baselineName: 'decode + one plain insert',
      baseline: variedRaw.maxRssMb,
      unit: 'MB',
    },
    {
      section: 'import',
      measure: 'base RSS of the process (`pizhu info`, sample project)',
      value: base.maxRssMb,
      baselineName: 'bare node process',
      baseline: bare.maxRssMb,
      unit: 'MB',
    },
    {
      section: 'import',
      measure: '20 MB UTF-8 file, search-index-build alone (chunk worker), p50',
      value: build.worker,
      baselineName: 'the same build in-process',
      baseline: build.inProcess,
      unit: 's',
    },
    {
      section: 'import',
      measure: '20 MB UTF-8 file, import-commit (base64, index queued), wall',
      value: queued.seconds,
      baselineName: 'decode + one plain insert',
      baseline: raw.seconds,
      unit: 's',
    },
  ];
}
