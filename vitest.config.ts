import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The same `@/` root as the extension's build (WXT), so components can be rendered in unit tests.
  resolve: { alias: { '@/': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Property tests run 10,000 cases; on a busy 2-core CI machine that can take longer than 5 s.
    testTimeout: 60_000,
  },
});
