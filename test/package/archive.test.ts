import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The archive as a site gets it (`npm run package` first; scripts/test-all runs it after the
 * build): unpacked into an empty folder, checked against its SHA256SUMS, and its launcher run with
 * no `node` on PATH inside a network namespace with only loopback, where the sign-in URL it prints
 * must sign a client in and serve the wizard's first page.
 */
const version = (
  JSON.parse(
    execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { encoding: 'utf8' }),
  ) as { version: string }
).version;
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
const archive = path.resolve('dist', `wandb-airgap-wizard-${version}-linux-${arch}.tar.gz`);
const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;

let dir = '';
let root = '';

beforeAll(() => {
  if (!existsSync(archive)) throw new Error(`${archive} is missing: run npm run package first`);
  dir = mkdtempSync(path.join(tmpdir(), 'wizard-archive-'));
  execFileSync('tar', ['-xzf', archive, '-C', dir]);
  root = path.join(dir, `wandb-airgap-wizard-${version}`);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every file under a folder, relative to it. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
}

describe('the packaged archive', () => {
  it('holds the launcher, Node.js 24, the server, the site README and SHA256SUMS, and nothing else', () => {
    expect(readdirSync(dir)).toEqual([`wandb-airgap-wizard-${version}`]);
    expect(readdirSync(root).sort()).toEqual([
      'README.md',
      'SHA256SUMS',
      'app',
      'node',
      'wandb-airgap-wizard',
    ]);
    expect(execFileSync(path.join(root, 'node/bin/node'), ['--version'], { encoding: 'utf8' })).toMatch(
      /^v24\./,
    );
    const files = filesUnder(root);
    expect(files).toContain('app/server.js');
    expect(files.some((f) => f.startsWith('app/.next/static/'))).toBe(true);
    const unwanted = files.filter((f) =>
      /\.test\.tsx?$|\.map$|(^|\/)(scripts|e2e|bench|\.test-env)\/|^app\/test\//.test(f),
    );
    expect(unwanted).toEqual([]);
    expect(execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: root, encoding: 'utf8' })).toBe(
      '',
    );
  });

  it('has no symbolic link that leads nowhere or out of it (the server externals are linked)', () => {
    const links = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) =>
      e.isSymbolicLink(),
    );
    const broken = links
      .map((e) => path.join(e.parentPath, e.name))
      .filter((l) => !existsSync(l) || !realpathSync(l).startsWith(realpathSync(root) + path.sep));
    expect(broken).toEqual([]);
    expect(existsSync(path.join(root, 'app/node_modules/@kubernetes/client-node/dist/index.js'))).toBe(true);
  });

  it.skipIf(!canUnshare)(
    'runs with no node on PATH and no network but loopback, and its sign-in URL serves the wizard',
    () => {
      // PATH holds only what the launcher calls besides the shell.
      const bin = path.join(dir, 'bin');
      mkdirSync(bin);
      symlinkSync(
        execFileSync('sh', ['-c', 'command -v dirname'], { encoding: 'utf8' }).trim(),
        path.join(bin, 'dirname'),
      );
      const ip = execFileSync('sh', ['-c', 'PATH=$PATH:/usr/sbin:/sbin command -v ip'], {
        encoding: 'utf8',
      }).trim();
      // The client runs inside the namespace too (on this test's Node.js, outside the archive's PATH).
      const probe = `
        const { spawn } = require('node:child_process');
        const launcher = spawn(process.argv[1], ['--port', '3987'], {
          env: { PATH: process.argv[2], HOME: process.argv[3], WIZARD_CONFIG_DIR: process.argv[3] + '/config' },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        const done = (r) => { launcher.kill(); console.log(JSON.stringify(r)); };
        setTimeout(() => done({ error: 'no sign-in URL in 60 s', out }), 60000).unref();
        launcher.stdout.on('data', async (d) => {
          out += d;
          const m = /http:\\/\\/127\\.0\\.0\\.1:3987\\/signin\\?token=[\\w-]+/.exec(out);
          if (!m || launcher.signed) return;
          launcher.signed = true;
          const signin = await fetch(m[0], { redirect: 'manual' });
          const cookie = (signin.headers.get('set-cookie') || '').split(';')[0];
          const page = await fetch('http://127.0.0.1:3987/wizard/start', { headers: { cookie }, redirect: 'manual' });
          const external = await fetch('http://1.1.1.1', { signal: AbortSignal.timeout(3000) }).then(() => 'reached', (e) => String(e.cause?.code || e.name));
          done({ signin: signin.status, cookie: cookie.length > 0, page: page.status, html: (await page.text()).slice(0, 20000), external });
        });
      `;
      const result = spawnSync(
        'unshare',
        [
          '-n',
          'sh',
          '-c',
          `${ip} link set lo up && exec "$0" -e "$1" "$2" "$3" "$4"`,
          process.execPath,
          probe,
          path.join(root, 'wandb-airgap-wizard'),
          bin,
          dir,
        ],
        { encoding: 'utf8', timeout: 90_000 },
      );
      const r = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
      expect(r.error).toBeUndefined();
      expect(r.signin).toBe(303);
      expect(r.cookie).toBe(true);
      expect(r.page).toBe(200);
      expect(String(r.html)).toMatch(/<html/);
      expect(r.external).not.toBe('reached');
      expect(existsSync(path.join(root, 'wizard-data'))).toBe(true);
    },
    120_000,
  );
});
