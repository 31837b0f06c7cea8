import { defineConfig } from 'vitest/config';

import unit from './vitest.config';

/**
 * The security suite: HTTP probes, fuzzing and crash tests against the production build's own
 * server (`npm run build` first; scripts/test-all runs it after the build). No test environment.
 */
export default defineConfig({
  resolve: unit.resolve,
  test: {
    environment: 'node',
    include: ['test/security/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
