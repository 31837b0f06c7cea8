import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { WIZARD_STEPS } from '@/components/wizard/steps';
import { PROCEDURE_EXAMPLE } from '@/lib/config';
import { generateArtifacts } from '@/lib/generate';
import { uiEn } from '@/lib/i18n/messages/ui.en';
import { USAGE } from '@/server/options';

import type { SiteWalkInput, SiteWalkResult } from './site-walk';

/**
 * The archive as a site gets it (`npm run package` first; scripts/test-all runs it after the
 * build): unpacked into an empty folder, checked against its SHA256SUMS, and its launcher run with
 * no `node` on PATH inside a network namespace with only loopback, where Debian's chromium (in the
 * same namespace) signs in with the URL it prints, imports the procedure's files and walks every
 * step to the review, which must show the files the generators write.
 */
const version = (
  JSON.parse(
    execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { encoding: 'utf8' }),
  ) as { version: string }
).version;
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
// WIZARD_ARCHIVE tries another archive (e.g. one broken on purpose, to see this test fail).
const archive = path.resolve(
  process.env.WIZARD_ARCHIVE ?? path.join('dist', `wandb-airgap-wizard-${version}-linux-${arch}.tar.gz`),
);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;

let dir = '';
let root = '';
let bin = '';

beforeAll(() => {
  if (!existsSync(archive)) throw new Error(`${archive} is missing: run npm run package first`);
  dir = mkdtempSync(path.join(tmpdir(), 'wizard-archive-'));
  execFileSync('tar', ['-xzf', archive, '-C', dir]);
  root = path.join(dir, `wandb-airgap-wizard-${version}`);
  // The launcher's PATH: only what it calls besides the shell (no node).
  bin = mkdtempSync(path.join(tmpdir(), 'wizard-archive-path-'));
  symlinkSync(
    execFileSync('sh', ['-c', 'command -v dirname'], { encoding: 'utf8' }).trim(),
    path.join(bin, 'dirname'),
  );
});

afterAll(() => {
  for (const d of [dir, bin]) if (d) rmSync(d, { recursive: true, force: true });
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

  it('prints its usage for --help (the README names it), with no node on PATH', () => {
    const out = execFileSync(path.join(root, 'wandb-airgap-wizard'), ['--help'], {
      encoding: 'utf8',
      env: { PATH: bin, HOME: dir } as unknown as NodeJS.ProcessEnv,
    });
    expect(out).toBe(USAGE);
  });

  it.skipIf(!canUnshare)(
    'runs with no node on PATH and no network but loopback, and a browser walks it to the review',
    () => {
      expect(existsSync(CHROMIUM), `${CHROMIUM}: scripts/setup --test installs Debian's chromium`).toBe(true);
      const ip = execFileSync('sh', ['-c', 'PATH=$PATH:/usr/sbin:/sbin command -v ip'], {
        encoding: 'utf8',
      }).trim();
      const procedure = (name: string) =>
        readFileSync(`lib/generate/testdata/procedure-source/${name}`, 'utf8');
      // What the procedure's two files cannot carry (see e2e/import.spec.ts), typed on its step.
      const fill: SiteWalkInput['fill'] = {
        registry: { 'registry.host': PROCEDURE_EXAMPLE.registry.host },
        charts: {
          'charts.operator.source.url':
            PROCEDURE_EXAMPLE.charts.operator.source.kind === 'repo'
              ? PROCEDURE_EXAMPLE.charts.operator.source.url
              : '',
        },
        storage: {
          'bucket.name': PROCEDURE_EXAMPLE.bucket.provider === 's3' ? PROCEDURE_EXAMPLE.bucket.name : '',
        },
      };
      const steps = WIZARD_STEPS.slice(0, WIZARD_STEPS.findIndex((s) => s.id === 'review') + 1).map((s) => ({
        id: s.id,
        title: uiEn[s.titleKey],
      }));
      const input: SiteWalkInput = {
        launcher: path.join(root, 'wandb-airgap-wizard'),
        path: bin,
        home: dir,
        port: 3987,
        chromium: CHROMIUM,
        wandbYaml: procedure('wandb.yaml'),
        valuesYaml: procedure('values.yaml'),
        fill,
        steps,
        text: {
          wandbYaml: uiEn['ui.start.import.wandbYaml'],
          valuesYaml: uiEn['ui.start.import.valuesYaml'],
          importRun: uiEn['ui.start.import.run'],
          next: uiEn['ui.nav.next'],
        },
      };
      // The browser and its driver run inside the namespace too, on this test's Node.js (outside
      // the launcher's PATH), which runs the driver's TypeScript as it is.
      const result = spawnSync(
        'unshare',
        [
          '-n',
          'sh',
          '-c',
          `${ip} link set lo up && exec "$0" --disable-warning=MODULE_TYPELESS_PACKAGE_JSON "$1" "$2"`,
          process.execPath,
          path.resolve('test/package/site-walk.ts'),
          JSON.stringify(input),
        ],
        { encoding: 'utf8', timeout: 170_000 },
      );
      const r = JSON.parse(result.stdout.trim().split('\n').pop() || '{}') as SiteWalkResult;
      const seen = [...(r.failed ?? []), ...(r.consoleErrors ?? [])].slice(0, 10).join('\n');
      expect(r.error, `${seen}\n${result.stderr.slice(-4000)}`).toBeUndefined();
      expect(r.signinStatus).toBe(303);
      expect(r.reached).toBe('review');
      // Every script, style and action answered (a missing static file or server external fails here).
      expect(r.failed).toEqual([]);
      expect(r.consoleErrors).toEqual([]);
      expect(r.offHost).toEqual([]);
      expect(r.importResult).not.toMatch(/error/i);
      expect(r.review?.errors).toBe('');
      // The files as the wizard's generators write them from the procedure's inputs (secrets masked).
      const expected = generateArtifacts(PROCEDURE_EXAMPLE, { includeSecrets: false, locale: 'en' });
      expect(r.review?.valuesYaml.trimEnd()).toBe(expected['values.yaml'].trimEnd());
      expect(r.review?.wandbYaml.trimEnd()).toBe(expected['wandb.yaml'].trimEnd());
      expect(r.external).not.toBe('reached');
      // The command it prints for a new sign-in URL is its own, and works (no npm at a site).
      expect(r.again).toEqual({
        command: `${path.join(root, 'wandb-airgap-wizard')} signin-url`,
        status: 0,
        url: true,
      });
      expect(existsSync(path.join(root, 'wizard-data'))).toBe(true);
    },
    180_000,
  );
});
