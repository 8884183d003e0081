import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Property tests run 10,000 cases; on a busy 2-core CI machine that can take longer than 5 s.
    testTimeout: 60_000,
  },
});
