import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // `server-only` throws outside a React server bundle; in unit tests the
      // server modules are plain Node modules.
      'server-only': fileURLToPath(new URL('./test/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'app/**/*.test.ts',
      'components/**/*.test.ts',
      'server/**/*.test.ts',
      'test/unit/**/*.test.ts',
    ],
    // Integration tests need the test environment: they run with vitest.int.config.ts.
    exclude: ['**/node_modules/**', '**/*.int.test.ts', 'test/smoke/**', 'test/integration/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
