import { defineConfig } from 'vitest/config';

import unit from './vitest.config';

/**
 * The shipped archive (`npm run package` first; scripts/test-all runs it after the build):
 * unpacked, checked and run as a site runs it. No test environment.
 */
export default defineConfig({
  resolve: unit.resolve,
  test: {
    environment: 'node',
    include: ['test/package/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
