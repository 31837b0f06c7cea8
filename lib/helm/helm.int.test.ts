/**
 * lib/helm against the real Helm 3 and Helm 4 of scripts/test-env and its chart repositories
 * (HTTP, HTTPS with Basic auth and the private CA, OCI on the TLS+auth and plain-HTTP registries).
 */
import { once } from 'node:events';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isHelmError, toUserError } from '@/lib/errors';

import type { ChartSource } from './args';
import { readChartArchive } from './chart-archive';
import { findHelm, helmPull, helmShowChart, helmTemplate, type HelmBinary } from './helm';
import type { HelmCommand } from './runner';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

/** name → version of the fixture charts the env publishes. */
function fixtureVersion(name: string): string {
  const root = join(__dirname, '../../test/fixtures/charts');
  for (const dir of readdirSync(root)) {
    let text: string;
    try {
      text = readFileSync(join(root, dir, 'Chart.yaml'), 'utf8');
    } catch {
      continue;
    }
    if (text.match(/^name:\s*(\S+)/m)?.[1] === name)
      return text.match(/^version:\s*['"]?([^'"\s]+)/m)?.[1] ?? '';
  }
  throw new Error(`no fixture chart ${name}`);
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

const wizardHomes = () => readdirSync(tmpdir()).filter((d) => d.startsWith('wizard-helm-'));

describe('findHelm', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'find-helm-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['HELM3', 3],
    ['HELM4', 4],
  ])('an explicit path (%s) is found with its major version', async (variable, major) => {
    const r = await findHelm({ path: requireEnv(variable) });
    expect(r).toMatchObject({
      kind: 'found',
      helm: { path: requireEnv(variable), major, source: 'explicit' },
    });
    if (r.kind === 'found')
      expect(r.commands[0]?.command).toBe(`${requireEnv(variable)} version --template {{.Version}}`);
  });

  it('the HELM variable wins over PATH', async () => {
    expect(
      await findHelm({ env: { HELM: requireEnv('HELM4'), PATH: dirname(requireEnv('HELM3')) } }),
    ).toMatchObject({ kind: 'found', helm: { major: 4, source: 'HELM' } });
  });

  it('else `helm` on PATH', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(requireEnv('HELM3'), join(bin, 'helm'));
    expect(await findHelm({ env: { PATH: `/nonexistent:${bin}` } })).toMatchObject({
      kind: 'found',
      helm: { path: join(bin, 'helm'), major: 3, source: 'PATH' },
    });
  });

  it('helm absent: not-found, naming where it looked', async () => {
    const empty = mkdtempSync(join(dir, 'empty-'));
    expect(await findHelm({ env: { PATH: empty } })).toEqual({
      kind: 'not-found',
      searched: [join(empty, 'helm')],
    });
    expect(await findHelm({ path: join(empty, 'helm') })).toEqual({
      kind: 'not-found',
      searched: [join(empty, 'helm')],
    });
  });

  it('a file that is not an executable helm: unusable, with the mapped reason', async () => {
    const notExec = join(dir, 'helm-not-executable');
    writeFileSync(notExec, 'x');
    chmodSync(notExec, 0o644);
    const r = await findHelm({ path: notExec });
    expect(r.kind).toBe('unusable');
    if (r.kind === 'unusable') expect(toUserError(r.error).key).toBe('errors.helm.notExecutable');
    // A real program that prints no version.
    expect(await findHelm({ path: '/bin/true' })).toMatchObject({ kind: 'unusable', path: '/bin/true' });
  });
});

describe.each([
  ['HELM3', 3],
  ['HELM4', 4],
])('chart operations with %s', (variable) => {
  let helm: HelmBinary;
  beforeAll(async () => {
    const r = await findHelm({ path: requireEnv(variable) });
    if (r.kind !== 'found') throw new Error(`${variable}: ${r.kind}`);
    helm = r.helm;
  });

  const httpsRepo = (chart: string, version: string, password = requireEnv('CHARTS_PASSWORD')) => ({
    chart: { kind: 'repo', repoUrl: requireEnv('CHARTS_HTTPS_URL'), chart, version } as ChartSource,
    access: { username: requireEnv('CHARTS_USER'), caFile: requireEnv('TEST_CA_FILE') },
    password,
  });

  it('shows a chart of the plain HTTP repository', async () => {
    const v = fixtureVersion('operator');
    const r = await helmShowChart({
      helm,
      chart: { kind: 'repo', repoUrl: requireEnv('CHARTS_HTTP_URL'), chart: 'operator', version: v },
    });
    expect(r.chart).toMatchObject({ name: 'operator', version: v });
  });

  it('shows a chart of the HTTPS repository with Basic auth and the CA; the password is never in argv', async () => {
    const commands: HelmCommand[] = [];
    const v = fixtureVersion('operator-wandb');
    const before = wizardHomes();
    const r = await helmShowChart({ helm, ...httpsRepo('operator-wandb', v), commands });
    expect(r.chart).toMatchObject({ name: 'operator-wandb' });
    expect(commands.map((c) => c.command.split(' ').slice(1, 3).join(' '))).toEqual([
      'repo add',
      'show chart',
    ]);
    expect(commands[0]?.command).toContain('--password-stdin');
    expect(JSON.stringify(commands)).not.toContain(requireEnv('CHARTS_PASSWORD'));
    // The throwaway helm home (with repositories.yaml holding the password) is gone.
    expect(wizardHomes()).toEqual(before);
  });

  it('the CA bundle can be given as PEM text', async () => {
    const { access, ...rest } = httpsRepo('operator', fixtureVersion('operator'));
    const r = await helmShowChart({
      helm,
      ...rest,
      access: { username: access.username },
      caPem: readFileSync(requireEnv('TEST_CA_FILE'), 'utf8'),
    });
    expect(r.chart.name).toBe('operator');
  });

  it('a wrong password, a missing CA, a missing version: each maps to its own message', async () => {
    const wrong = await caught(
      helmShowChart({ helm, ...httpsRepo('operator', fixtureVersion('operator'), 'wrong-password') }),
    );
    expect(isHelmError(wrong)).toBe(true);
    expect(toUserError(wrong).key).toBe('errors.helm.unauthorized');

    const { access, ...rest } = httpsRepo('operator', fixtureVersion('operator'));
    const noCa = await caught(helmShowChart({ helm, ...rest, access: { username: access.username } }));
    expect(toUserError(noCa).key).toBe('errors.helm.tls');

    const missing = await caught(
      helmShowChart({
        helm,
        chart: {
          kind: 'repo',
          repoUrl: requireEnv('CHARTS_HTTP_URL'),
          chart: 'operator',
          version: '99.99.99',
        },
      }),
    );
    expect(toUserError(missing).key).toBe('errors.helm.chartNotFound');
  });

  it('renders operator-wandb with generated values (helm template), images pointing at the mirror', async () => {
    const version = fixtureVersion('operator-wandb');
    const registry = `${requireEnv('REGISTRY_TLS')}/${requireEnv('REGISTRY_PREFIX')}`;
    const values = {
      app: { image: { repository: `${registry}/wandb/local`, tag: '0.62.2' } },
      console: { image: { repository: `${registry}/wandb/console`, tag: '2.13.1' } },
    };
    const { manifests } = await helmTemplate({
      helm,
      ...httpsRepo('operator-wandb', version),
      release: 'wandb',
      namespace: 'wandb',
      values,
    });
    expect(manifests).toContain(`${registry}/wandb/local:0.62.2`);
    expect(manifests).toContain(`${registry}/wandb/console:2.13.1`);
    expect(manifests).toMatch(/^kind: Deployment$/m);
  });

  it('pulls a chart, and the archive is read without helm', async () => {
    const dest = mkdtempSync(join(tmpdir(), 'pull-'));
    try {
      const v = fixtureVersion('operator');
      const { file } = await helmPull({
        helm,
        chart: { kind: 'repo', repoUrl: requireEnv('CHARTS_HTTP_URL'), chart: 'operator', version: v },
        destination: dest,
      });
      expect(await readChartArchive(file)).toMatchObject({
        kind: 'ok',
        chart: { name: 'operator', version: v },
      });
      expect((await helmShowChart({ helm, chart: { kind: 'file', path: file } })).chart).toMatchObject({
        name: 'operator',
        version: v,
      });
    } finally {
      rmSync(dest, { recursive: true, force: true });
    }
  });

  it('a repository that accepts and never answers costs the timeout and no more', async () => {
    const sockets: net.Socket[] = [];
    const hole = net.createServer((s) => (sockets.push(s), s.resume())).listen(0, '127.0.0.1');
    await once(hole, 'listening');
    try {
      const url = `http://127.0.0.1:${(hole.address() as net.AddressInfo).port}`;
      const t0 = performance.now();
      const e = await caught(
        helmShowChart({ helm, chart: { kind: 'repo', repoUrl: url, chart: 'operator' }, timeoutMs: 1_500 }),
      );
      const elapsed = performance.now() - t0;
      expect(isHelmError(e) && e.details.timedOut).toBe(true);
      expect(toUserError(e).key).toBe('errors.helm.timeout');
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      for (const s of sockets) s.destroy();
      hole.close();
    }
  });

  it("the caller's signal stops helm", async () => {
    const sockets: net.Socket[] = [];
    const hole = net.createServer((s) => (sockets.push(s), s.resume())).listen(0, '127.0.0.1');
    await once(hole, 'listening');
    try {
      const url = `http://127.0.0.1:${(hole.address() as net.AddressInfo).port}`;
      const t0 = performance.now();
      const e = await caught(
        helmShowChart({
          helm,
          chart: { kind: 'repo', repoUrl: url, chart: 'operator' },
          signal: AbortSignal.timeout(300),
        }),
      );
      expect(isHelmError(e) && e.details.aborted).toBe(true);
      expect(toUserError(e).key).toBe('errors.aborted');
      expect(performance.now() - t0).toBeLessThan(4_000);
    } finally {
      for (const s of sockets) s.destroy();
      hole.close();
    }
  });
});

describe('OCI charts', () => {
  it('Helm 4: TLS + auth registry, logged in through stdin', async () => {
    const r = await findHelm({ path: requireEnv('HELM4') });
    if (r.kind !== 'found') throw new Error(r.kind);
    const commands: HelmCommand[] = [];
    const v = fixtureVersion('operator');
    const show = await helmShowChart({
      helm: r.helm,
      chart: { kind: 'oci', ref: `${requireEnv('CHARTS_OCI_AUTH_URL')}/operator`, version: v },
      access: { username: requireEnv('REGISTRY_USER'), caFile: requireEnv('REGISTRY_CA_FILE') },
      password: requireEnv('REGISTRY_PASSWORD'),
      commands,
    });
    expect(show.chart).toMatchObject({ name: 'operator', version: v });
    expect(commands[0]?.command).toContain('registry login');
    expect(JSON.stringify(commands)).not.toContain(requireEnv('REGISTRY_PASSWORD'));

    const wrong = await caught(
      helmShowChart({
        helm: r.helm,
        chart: { kind: 'oci', ref: `${requireEnv('CHARTS_OCI_AUTH_URL')}/operator`, version: v },
        access: { username: requireEnv('REGISTRY_USER'), caFile: requireEnv('REGISTRY_CA_FILE') },
        password: 'wrong',
      }),
    );
    expect(toUserError(wrong).key).toBe('errors.helm.unauthorized');
  });

  it('Helm 4: TLS registry without credentials renders a chart', async () => {
    const r = await findHelm({ path: requireEnv('HELM4') });
    if (r.kind !== 'found') throw new Error(r.kind);
    const { manifests } = await helmTemplate({
      helm: r.helm,
      chart: {
        kind: 'oci',
        ref: `${requireEnv('CHARTS_OCI_URL')}/operator`,
        version: fixtureVersion('operator'),
      },
      access: { caFile: requireEnv('REGISTRY_CA_FILE') },
      release: 'operator',
      namespace: 'wandb',
      values: 'image:\n  repository: 127.0.0.1:25001/mirror/wandb/controller\n  tag: 1.16.1\n',
    });
    expect(manifests).toContain('127.0.0.1:25001/mirror/wandb/controller:1.16.1');
  });

  it('Helm 3: plain-HTTP registry', async () => {
    const r = await findHelm({ path: requireEnv('HELM3') });
    if (r.kind !== 'found') throw new Error(r.kind);
    const show = await helmShowChart({
      helm: r.helm,
      chart: {
        kind: 'oci',
        ref: `${requireEnv('CHARTS_OCI_HTTP_URL')}/operator`,
        version: fixtureVersion('operator'),
      },
      access: { plainHttp: true },
    });
    expect(show.chart.name).toBe('operator');
  });
});

describe('readChartArchive', () => {
  it('reads name and version of every archive the env published', async () => {
    const repo = join(requireEnv('TEST_ENV_DIR'), 'charts', 'repo');
    const listed = readFileSync(join(repo, '.charts'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' '));
    expect(listed.length).toBeGreaterThan(0);
    for (const [name, version, file] of listed) {
      expect(await readChartArchive(join(repo, file!))).toMatchObject({
        kind: 'ok',
        chart: { name, version },
      });
    }
  });
});
