import { defineConfig } from 'vitest/config';

// `npm test`: everything but the long runs (`*.slow.test.ts`, see vitest.slow.config.ts).
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.cache/**', '**/*.slow.test.ts'],
    pool: 'forks',
    // Tests that train a model with a cold reference cache train twice (reference and submission).
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
