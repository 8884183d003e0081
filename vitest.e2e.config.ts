import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two browsers on two cores: one test file at a time keeps timings honest and memory low.
    fileParallelism: false,
  },
});
