import { defineConfig } from 'vitest/config';

import unit from './vitest.config';

/**
 * Integration tests: they talk to the real components that `scripts/test-env up` starts
 * and read their addresses from the environment (`eval "$(scripts/test-env env)"`).
 */
export default defineConfig({
  resolve: unit.resolve,
  test: {
    environment: 'node',
    include: ['test/smoke/**/*.test.ts', 'lib/**/*.int.test.ts', 'test/integration/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
