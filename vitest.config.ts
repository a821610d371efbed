// Unit tests: core and shared logic on real SQLite files, plus the pure parts of main/preload.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'electron/**/*.test.ts', 'shared/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // File parsers run in a worker thread: build its entry once per run (electron/core/isolate).
    globalSetup: ['tests/unit/isolate-global-setup.ts'],
    setupFiles: ['tests/unit/isolate-setup.ts'],
  },
});
