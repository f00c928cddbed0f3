import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,shared,electron,renderer,test/unit}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', 'dist', 'test/e2e', 'test/electron'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
