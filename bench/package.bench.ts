/**
 * Shipping benchmark (issue 14): the archive's size, the cold start of its launcher (unpacked into
 * an empty folder) to its first answer and to the first wizard page served to a browser signed in
 * with the URL it prints, and the OCI image's size, next to the same figures for
 * a bare `next start` of the same build (what it needs on disk: .next, node_modules, package.json;
 * no image of its own, so the figure printed is what a Node.js base would add to it: the Node.js
 * binary alone, as a lower bound). Needs the archive: `npm run bench` packages the build when dist/
 * has none newer than it. Prints numbers, asserts nothing.
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

/** When a started server first answered, and with what. */
interface Start {
  /** Milliseconds from the spawn to the first HTTP answer of any status (the server listens). */
  answer: number;
  answerStatus: number;
  /** Milliseconds from the spawn to the wizard's first page served (200), when it serves one. */
  page?: number;
}

/**
 * Starts a command and measures its cold start: the first answer at `url`, and, for the launcher
 * (`signin`), the first wizard page served to a browser signed in with the URL it prints. Then
 * stops it.
 */
async function coldStart(
  command: string,
  args: string[],
  cwd: string,
  url: string,
  signin?: RegExp,
): Promise<Start> {
  const start = performance.now();
  const child = spawn(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const elapsed = () => performance.now() - start;
  try {
    let answer: { ms: number; status: number } | undefined;
    while (!answer) {
      if (elapsed() > 120_000) throw new Error(`${command}: no answer in 120 s`);
      const status = await fetch(url, { redirect: 'manual' }).then(
        (r) => r.status,
        () => 0,
      );
      if (status) answer = { ms: elapsed(), status };
      else await new Promise((r) => setTimeout(r, 50));
    }
    if (!signin) return { answer: answer.ms, answerStatus: answer.status };
    for (;;) {
      if (elapsed() > 120_000) throw new Error(`${command}: no sign-in URL in 120 s`);
      const m = signin.exec(out);
      if (m) {
        const r = await fetch(m[0], { redirect: 'manual' });
        const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const page = await fetch(new URL('/wizard/start', url), { headers: { cookie }, redirect: 'manual' });
        await page.text();
        if (page.status !== 200) throw new Error(`${command}: the first page answered ${page.status}`);
        return { answer: answer.ms, answerStatus: answer.status, page: elapsed() };
      }
      await new Promise((r) => setTimeout(r, 20));
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
    const packaged = await coldStart(
      launcher,
      ['--port', '3991'],
      dir,
      'http://127.0.0.1:3991/signin',
      /http:\/\/127\.0\.0\.1:3991\/signin\?token=[\w-]+/,
    );
    const bare = await coldStart(
      'npx',
      ['next', 'start', '-p', '3992', '-H', '127.0.0.1'],
      process.cwd(),
      'http://127.0.0.1:3992/wizard/start',
    );
    const nodeBin = process.execPath;
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    console.log('| | archive / folder | cold start: first answer | cold start: first wizard page | image |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| packaged (launcher) | ${mib(statSync(archive).size)} (unpacked ${mib(duBytes(path.join(dir, `wandb-airgap-wizard-${version}`)))}) | ${ms(packaged.answer)} (${packaged.answerStatus}) | ${packaged.page === undefined ? '-' : ms(packaged.page)} (signed in, 200) | ${existsSync(image) ? mib(statSync(image).size) : 'not built'} |`,
    );
    console.log(
      `| bare next start | ${mib(duBytes('.next', 'node_modules', 'package.json'))} (.next + node_modules) | ${ms(bare.answer)} (${bare.answerStatus}) | none: without the wizard's server every page is refused | none; its Node.js alone: ${mib(statSync(nodeBin).size)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
