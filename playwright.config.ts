import { defineConfig } from '@playwright/test';

// Moved with the test environment's port offset, so that two checkouts can run their tests at once.
const port = Number(process.env.E2E_PORT ?? 3100 + Number(process.env.TEST_ENV_PORT_OFFSET ?? 0));

/**
 * End-to-end tests drive the production build (`next build` first) as a site runs it — the
 * wizard's own server from the standalone folder (scripts/start) — in Debian's chromium:
 * `npx playwright install` cannot download a browser in the sites (or the CI) this runs in.
 * Every test signs in with a URL the server prints (e2e/support/session.ts). The server's output
 * goes to test-results/server.log (the security tests read it).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `mkdir -p test-results && scripts/start --port ${port} 2>&1 | tee test-results/server.log`,
    url: `http://127.0.0.1:${port}/signin`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      WIZARD_DATA_DIR: 'test-results/wizard-data',
      // The secrets key and certificates: outside the data folder, as in a real install.
      WIZARD_CONFIG_DIR: 'test-results/wizard-config',
      // With the test environment loaded, the wizard's helm is its Helm 4 (unless HELM says otherwise).
      ...(process.env.HELM4 && !process.env.HELM ? { HELM: process.env.HELM4 } : {}),
    },
  },
});
