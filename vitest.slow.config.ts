import { defineConfig } from 'vitest/config';

// `npm run test:slow`: the reference graded under many seeds and full training budgets.
export default defineConfig({
  test: {
    include: ['**/*.slow.test.ts'],
    exclude: ['**/node_modules/**', '**/.cache/**'],
    pool: 'forks',
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
});
