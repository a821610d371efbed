// Builds the renderer as a plain web page (out/renderer) for `npm run serve`, the e2e tests and
// the benchmarks. The Electron app builds the same renderer through electron.vite.config.ts.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome128',
    chunkSizeWarningLimit: 2000,
  },
});
