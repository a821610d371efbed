/**
 * electron-vite build of the desktop app: main (ES module, out/main/index.js — package.json
 * "main"), preload (CommonJS, out/preload/index.cjs) and renderer (out/renderer/index.html).
 *
 * - main: dependencies stay external (loaded from node_modules at run time, like the Node build
 *   in vite.node.config.ts); better-sqlite3 must stay external in any case, since it loads a
 *   native .node file. The core's SQL migrations are pulled in with
 *   `import.meta.glob('…/*.sql', { query: '?raw', eager: true })`, which Vite resolves at build
 *   time into string constants inside the main bundle — nothing to copy next to it.
 * - preload: a sandboxed preload can `require` only 'electron' (and a few built-ins) and cannot
 *   be an ES module, so it is one CommonJS file with every import bundled (externalizeDeps off:
 *   shared/api.ts pulls in zod for `isApiMethod`). electron-vite would pick ESM (.mjs) because
 *   package.json says "type": "module"; the `.cjs` extension keeps Node/Electron reading it as
 *   CommonJS despite that.
 * - renderer: the same React app as vite.web.config.ts (root renderer/).
 *
 * Build targets are electron-vite's defaults for the installed Electron version.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      sourcemap: true,
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          // File parsers and user patterns run in this worker (electron/core/isolate/runner.ts).
          'isolate-worker': resolve(root, 'electron/core/isolate/worker-entry.ts'),
          // A large search index build's chunks (electron/core/search/chunk-feed.ts).
          'search-chunk-worker': resolve(root, 'electron/core/search/chunk-worker.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        // Explicit even though externalizeDeps already covers it: bundling this one breaks it.
        external: ['better-sqlite3'],
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
