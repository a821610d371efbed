#!/usr/bin/env node
// The `pizhu` command (`npm run cli -- …`, `npx pizhu …`): runs the bundled CLI (out/node/cli.mjs).
// The bundle is rebuilt — quietly, errors only — when it is missing or older than any source it
// is built from, so an ordinary call neither prints build output nor waits for a build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out/node/cli.mjs');
const SOURCES = ['electron', 'shared', 'bench', 'package.json', 'vite.node.config.ts'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const e of readdirSync(path)) max = Math.max(max, newest(join(path, e)));
  return max;
}

const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
if (built === 0 || SOURCES.some((s) => newest(join(root, s)) > built)) {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.node.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) {
    process.stderr.write('internal: building the CLI failed (see above)\n');
    process.exit(1);
  }
}
await import(pathToFileURL(bundle).href);
