import { defineConfig } from 'vitest/config';

// Real browsers, 2 cores shared with other work: one file at a time, one test at a time, no retries so a
// flaky test shows up as flaky instead of being hidden.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    retry: 0,
    globals: true,
  },
});
