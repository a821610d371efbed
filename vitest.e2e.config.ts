// E2E tests: the built app (out/node/serve.mjs + out/renderer) in a child process, driven in the
// system Chromium with playwright-core (tests/e2e/harness.ts). Files run one at a time: each
// starts servers and a browser, and two at once on a 2-core machine only make timings flaky.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
