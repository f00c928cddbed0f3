import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,shared,electron,renderer,test/unit}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', 'dist', 'test/e2e', 'test/electron'],
    testTimeout: 30_000,
    // why: a beforeAll that seeds the demo municipality is as heavy as a test; at the default 10 s it timed out
    // on a busy two-core machine while the tests after it had 30 s
    hookTimeout: 30_000,
    pool: 'forks',
    // why: Vitest's default is one fewer than the cores, which on the two-core CI is one file at a time while
    // many files wait on child processes and timers; two at a time took the suite from 20.4 to 9.1 min there
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
