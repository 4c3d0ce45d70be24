import { defineConfig } from 'vitest/config';

// `npm test`: everything but the long runs (`*.slow.test.ts`, see vitest.slow.config.ts).
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.cache/**', '**/*.slow.test.ts'],
    pool: 'forks',
    // Two test files at a time (vitest's default is one fewer than the cores: 1 on the 2-core CI
    // machine). A grading test spends much of its time in child processes waiting on each other,
    // and the sandbox's time limit counts CPU time (grader/sandbox/time-limit.ts), so the load of
    // the other file cannot fail a check for being slow.
    maxWorkers: 2,
    // Tests that train a model with a cold reference cache train twice (reference and submission).
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
