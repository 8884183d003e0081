import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two browsers on two cores: one test file at a time keeps timings honest and memory low.
    fileParallelism: false,
    // A real browser on a loaded two-core runner now and then misses a frame a click waits for; one more try keeps
    // such a miss from hiding the run, and the report still names every test that needed it.
    retry: 1,
  },
});
