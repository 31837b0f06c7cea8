/**
 * Shipping benchmark (issue 14): the archive's size, the cold start of its launcher (unpacked into
 * an empty folder) to the first served page, and the OCI image's size, next to the same figures for
 * a bare `next start` of the same build (what it needs on disk: .next, node_modules, package.json;
 * no image of its own, so the figure printed is what a Node.js base would add to it: the Node.js
 * binary alone, as a lower bound). Needs `npm run package` first. Prints numbers, asserts nothing.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
const archive = `dist/wandb-airgap-wizard-${version}-linux-${arch}.tar.gz`;
const image = `dist/wandb-airgap-wizard-${version}-oci-${arch === 'x64' ? 'amd64' : 'arm64'}.tar`;
if (!existsSync(archive)) {
  console.error(`${archive} is missing: run npm run package first`);
  process.exit(2);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const duBytes = (...paths: string[]) =>
  Number(
    execFileSync('du', ['-sbc', ...paths], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!
      .split('\t')[0],
  );

/** Starts a command and returns the milliseconds until `url` answers (any status), then stops it. */
async function coldStart(command: string, args: string[], cwd: string, url: string): Promise<number> {
  const start = performance.now();
  const child = spawn(command, args, {
    cwd,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  try {
    for (;;) {
      if (performance.now() - start > 120_000) throw new Error(`${command}: no answer in 120 s`);
      const ok = await fetch(url, { redirect: 'manual' }).then(
        () => true,
        () => false,
      );
      if (ok) return performance.now() - start;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wizard-bench-'));
  try {
    execFileSync('tar', ['-xzf', archive, '-C', dir]);
    const launcher = path.join(dir, `wandb-airgap-wizard-${version}`, 'wandb-airgap-wizard');
    const packaged = await coldStart(launcher, ['--port', '3991'], dir, 'http://127.0.0.1:3991/signin');
    const bare = await coldStart(
      'npx',
      ['next', 'start', '-p', '3992', '-H', '127.0.0.1'],
      process.cwd(),
      'http://127.0.0.1:3992/',
    );
    const nodeBin = process.execPath;
    console.log('| | archive / folder | cold start to first page | image |');
    console.log('|---|---|---|---|');
    console.log(
      `| packaged (launcher) | ${mib(statSync(archive).size)} (unpacked ${mib(duBytes(path.join(dir, `wandb-airgap-wizard-${version}`)))}) | ${packaged.toFixed(0)} ms | ${existsSync(image) ? mib(statSync(image).size) : 'not built'} |`,
    );
    console.log(
      `| bare next start | ${mib(duBytes('.next', 'node_modules', 'package.json'))} (.next + node_modules) | ${bare.toFixed(0)} ms | none; its Node.js alone: ${mib(statSync(nodeBin).size)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
