// Builds the Node-only entry points (CLI, loopback server, benchmark) into out/node as ES modules.
// Bundling them with Vite lets the core load its SQL migrations with `import.meta.glob`, exactly
// as it does inside the Electron main bundle and under Vitest. Dependencies stay external.
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.devDependencies),
];

export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(import.meta.dirname, 'out/node'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: {
        cli: resolve(import.meta.dirname, 'electron/core/cli/main.ts'),
        serve: resolve(import.meta.dirname, 'electron/core/server/main.ts'),
        bench: resolve(import.meta.dirname, 'bench/main.ts'),
        // Runs file parsers and user patterns off the API thread (electron/core/isolate).
        'isolate-worker': resolve(import.meta.dirname, 'electron/core/isolate/worker-entry.ts'),
        // Cuts a large search index build's chunks on the second core
        // (electron/core/search/chunk-feed.ts).
        'search-chunk-worker': resolve(import.meta.dirname, 'electron/core/search/chunk-worker.ts'),
      },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
});
