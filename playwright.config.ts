import path from 'node:path';

import { defineConfig } from '@playwright/test';

import packageJson from './package.json' with { type: 'json' };

// Moved with the test environment's port offset, so that two checkouts can run their tests at once.
const port = Number(process.env.E2E_PORT ?? 3100 + Number(process.env.TEST_ENV_PORT_OFFSET ?? 0));

// The archive `npm run package` writes, unpacked afresh for every run: the tests drive what ships.
// E2E_SERVER=start runs the build folder through scripts/start instead (no package step needed).
const name = `wandb-airgap-wizard-${packageJson.version}`;
const archive = `dist/${name}-linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}.tar.gz`;
const server =
  process.env.E2E_SERVER === 'start'
    ? `scripts/start --port ${port}`
    : `rm -rf dist/e2e && mkdir -p dist/e2e && tar -xzf ${archive} -C dist/e2e && dist/e2e/${name}/wandb-airgap-wizard --port ${port}`;

/**
 * End-to-end tests drive the wizard as a site runs it — the launcher of the archive `npm run package`
 * writes (its Node.js 24 and the wizard's own server) — in Debian's chromium:
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
    command: `mkdir -p test-results && ${server} 2>&1 | tee test-results/server.log`,
    url: `http://127.0.0.1:${port}/signin`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      WIZARD_DATA_DIR: path.resolve('test-results/wizard-data'),
      // The secrets key and certificates: outside the data folder, as in a real install.
      WIZARD_CONFIG_DIR: path.resolve('test-results/wizard-config'),
      // With the test environment loaded, the wizard's helm is its Helm 4 (unless HELM says otherwise).
      ...(process.env.HELM4 && !process.env.HELM ? { HELM: process.env.HELM4 } : {}),
    },
  },
});
