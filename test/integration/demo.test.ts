/**
 * `npm run demo` up and down (scripts/demo): a second environment of its own (folder and ports), a
 * seeded draft, the wizard answering the printed sign-in URL with a session on that draft, and
 * after `--down` no process of the demo alive and no port of it open. It brings up a whole second
 * environment (a minute or more of the machine's cores), so it runs only with DEMO_TEST=1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..', '..');
const OFFSET = 1900;
const PORT = 3000 + OFFSET;

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

describe.runIf(process.env.DEMO_TEST === '1')('npm run demo', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wizard-demo-'));
  // Only the demo's own settings: not the tests' environment this process may have loaded.
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DEMO_DIR: dir,
    DEMO_PORT_OFFSET: String(OFFSET),
    ...(process.env.WANDB_VENDOR_DIR ? { WANDB_VENDOR_DIR: process.env.WANDB_VENDOR_DIR } : {}),
  };
  const demo = (...args: string[]) =>
    execFileSync(path.join(repo, 'scripts', 'demo'), args, {
      cwd: repo,
      env,
      encoding: 'utf8',
      timeout: 900_000,
    });

  afterAll(() => {
    try {
      demo('--down');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(
    'up prints a sign-in URL to a seeded draft; down leaves no process and no port',
    { timeout: 1_200_000 },
    async () => {
      const out = demo();
      const url = /http:\/\/127\.0\.0\.1:\d+\/signin\?token=\S+/.exec(out)?.[0];
      expect(url, out).toBeDefined();
      expect(new URL(url ?? '').port).toBe(String(PORT));
      const response = await fetch(url ?? '', { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('set-cookie')).toMatch(/wizard-session=/);
      const draft = readFileSync(path.join(dir, 'draft-id'), 'utf8').trim();
      expect(readdirSync(path.join(dir, 'wizard-data', 'drafts')).some((f) => f.includes(draft))).toBe(true);

      const pidsDir = path.join(dir, 'env', 'pids');
      const pids = readdirSync(pidsDir).map((f) =>
        Number(readFileSync(path.join(pidsDir, f), 'utf8').trim()),
      );
      expect(pids.length).toBeGreaterThan(5);

      demo('--down');
      const alive = pids.filter((pid) => existsSync(`/proc/${pid}`));
      expect(alive).toEqual([]);
      expect(await portOpen(PORT)).toBe(false);
      // The API server of the demo's environment (26443 + offset).
      expect(await portOpen(26443 + OFFSET)).toBe(false);
    },
  );
});
