/**
 * Vitest global setup: builds the isolation worker's entry (electron/core/isolate/worker-entry.ts)
 * and the crash test's child process into a temporary folder with Vite, the same way the app
 * bundles them, because a worker thread or a child process runs plain JavaScript and cannot load
 * our TypeScript sources. The path reaches the tests via
 * `provide` and tests/unit/isolate-setup.ts.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import pkg from '../../package.json' with { type: 'json' };

declare module 'vitest' {
  export interface ProvidedContext {
    isolateWorker: string;
    crashChild: string;
    searchChunkWorker: string;
  }
}

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.devDependencies),
];

export default async function setup(project: TestProject): Promise<() => void> {
  // Inside the repo, so that the bundle's bare imports (mammoth, pdfjs-dist …) resolve.
  const cache = resolve(import.meta.dirname, '../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'pizhu-isolate-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: true,
      target: 'node20',
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: {
        input: {
          'isolate-worker': resolve(import.meta.dirname, '../../electron/core/isolate/worker-entry.ts'),
          // The search index build's chunk worker (electron/core/search/chunk-feed.ts).
          'search-chunk-worker': resolve(import.meta.dirname, '../../electron/core/search/chunk-worker.ts'),
          // The child process of tests/unit/harden/crash.test.ts (it opens the core itself).
          'crash-child': resolve(import.meta.dirname, 'harden/crash-child.ts'),
        },
        external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  project.provide('isolateWorker', join(outDir, 'isolate-worker.mjs'));
  project.provide('crashChild', join(outDir, 'crash-child.mjs'));
  project.provide('searchChunkWorker', join(outDir, 'search-chunk-worker.mjs'));
  return () => rmSync(outDir, { recursive: true, force: true });
}
