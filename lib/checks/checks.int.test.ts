/**
 * Integration: every check against the real components of scripts/test-env
 * (`eval "$(scripts/test-env env)"`, then `npm run test:int`). Failures are made for real: a wrong
 * password, a wrong CA, a missing tag or chart version, a closed port (the component stopped),
 * a port that accepts and never answers, Helm absent. Fails, rather than skips, when the
 * environment is not loaded — except the checks that need the API server, which run only when
 * its kubeconfig exists (KUBECONFIG), since the cluster component is optional on small machines.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InstallConfig } from '@/lib/config';
import { makeTestCertificates } from '@/lib/config/test-certificates';
import { HAVE_VENDOR_CHARTS, vendorChartPath } from '@/test/vendor-charts';

import { CHECK_DEFINITIONS, rerunPrerequisiteCheck } from './index';
import type { ChecksInput } from './input';
import { recordBypass, startRun, getRun } from './runs';
import { runToJson, runToMarkdown } from './report';
import { testEnvConfig } from './test-env-config';
import type { CheckResult } from './types';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run \`eval "$(scripts/test-env env)"\``);
  return v;
};

let blackhole: net.Server;
let blackholePort = 0;
let closedPort = 0;
const held: net.Socket[] = [];

beforeAll(async () => {
  // Accepts connections and never answers: a hung endpoint.
  blackhole = net.createServer((s) => {
    held.push(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => blackhole.listen(0, '127.0.0.1', r));
  blackholePort = (blackhole.address() as net.AddressInfo).port;
  // A port nothing listens on: a stopped component.
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
});

afterAll(async () => {
  for (const s of held) s.destroy();
  await new Promise<void>((r) => blackhole.close(() => r()));
});

const helmEnv = () => ({ PATH: '/nonexistent', HELM: env('HELM3') });
const check = (config: InstallConfig, id: string, extra: Partial<ChecksInput> = {}): Promise<CheckResult> =>
  rerunPrerequisiteCheck({ config, env: helmEnv(), ...extra }, id);
const allText = (r: CheckResult) => JSON.stringify(r);

describe('registry images (check 4)', () => {
  it('passes on the auth registry with the right CA and credentials, every image present', async () => {
    const r = await check(testEnvConfig('0.43.8'), 'registry-images');
    expect(r.status, allText(r)).toBe('pass');
    expect(r.message.params.count).toBeGreaterThanOrEqual(7);
    expect(allText(r)).not.toContain(env('REGISTRY_PASSWORD'));
  });

  it('a wrong password is "unauthorized", naming the registry', async () => {
    const c = testEnvConfig();
    const r = await check(
      { ...c, registry: { ...c.registry, password: 'wrong-password-123' } },
      'registry-images',
    );
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('errors.registry.unauthorized');
    expect(String(r.message.params.target)).toContain(env('REGISTRY_AUTH'));
  });

  it('a wrong CA is a TLS failure', async () => {
    const c = testEnvConfig();
    const r = await check(
      { ...c, registry: { ...c.registry, caBundle: makeTestCertificates().ca2 } },
      'registry-images',
    );
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('errors.registry.tls');
    expect(r.remedy?.key).toBe('checks.registryImages.tls.remedy');
  });

  it('a missing tag is "missing", naming the image', async () => {
    const c = testEnvConfig();
    const r = await check(
      { ...c, images: { ...c.images, console: { repository: '', tag: '0.0.0-not-mirrored' } } },
      'registry-images',
    );
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('errors.registry.missing');
    expect(String(r.message.params.target)).toBe(
      `${env('REGISTRY_AUTH')}/mirror/wandb/console:0.0.0-not-mirrored`,
    );
  });

  it('a stopped registry is "unreachable"', async () => {
    const c = testEnvConfig();
    const r = await check(
      { ...c, registry: { ...c.registry, host: `127.0.0.1:${closedPort}/mirror` } },
      'registry-images',
    );
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('errors.registry.unreachable');
  });

  it('a black-holed registry costs the check its timeout and no more', async () => {
    const c = testEnvConfig();
    const def = CHECK_DEFINITIONS.find((d) => d.id === 'registry-images');
    const t0 = Date.now();
    const r = await check(
      { ...c, registry: { ...c.registry, host: `127.0.0.1:${blackholePort}/mirror` } },
      'registry-images',
    );
    const took = Date.now() - t0;
    expect(['fail', 'error']).toContain(r.status);
    expect(took).toBeLessThan((def?.timeoutMs ?? 0) + 2_000);
  });
});

describe('chart repositories (check 5)', () => {
  it('finds both charts in the HTTPS repository (CA + basic auth)', async () => {
    const r = await check(testEnvConfig('0.43.8'), 'charts');
    expect(r.status, allText(r)).toBe('pass');
    expect(r.message.params).toEqual({ operator: '1.3.3', platform: '0.43.8' });
    expect(allText(r)).not.toContain(env('CHARTS_PASSWORD'));
  });

  it('a missing version names the versions that exist', async () => {
    const c = testEnvConfig();
    const r = await check(
      { ...c, charts: { ...c.charts, platform: { ...c.charts.platform, version: '0.18.1' } } },
      'charts',
    );
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('checks.charts.versionMissing');
    expect(r.message.params.available).toBe('0.43.8, 0.18.0');
  });

  it('lists OCI tags', async () => {
    const c = testEnvConfig();
    const oci = {
      kind: 'oci' as const,
      url: env('CHARTS_OCI_URL'),
      username: '',
      password: '',
      caBundle: readFileSync(env('TEST_CA_FILE'), 'utf8'),
      plainHttp: false,
      insecureSkipVerify: false,
    };
    const r = await check(
      {
        ...c,
        charts: { operator: { source: oci, version: '1.3.3' }, platform: { source: oci, version: '0.18.0' } },
      },
      'charts',
    );
    expect(r.status, allText(r)).toBe('pass');
  });

  it('a wrong repository password and a wrong CA are told apart', async () => {
    const c = testEnvConfig();
    const src = c.charts.operator.source;
    if (src.kind !== 'repo') throw new Error('repo expected');
    const bad = await check(
      { ...c, charts: { ...c.charts, operator: { source: { ...src, password: 'nope-nope' }, version: '' } } },
      'charts',
    );
    expect(bad.message.key).toBe('checks.charts.repo.unauthorized');
    expect(bad.remedy?.key).toBe('checks.charts.repo.unauthorized.remedy');
    const tls = await check(
      {
        ...c,
        charts: {
          ...c.charts,
          operator: { source: { ...src, caBundle: makeTestCertificates().ca2 }, version: '' },
        },
      },
      'charts',
    );
    expect(tls.message.key).toBe('checks.charts.repo.tls');
  });

  it('opens a local .tgz and reads its name and version', async () => {
    const dir = path.join(env('TEST_ENV_DIR'), 'charts', 'repo');
    const c = testEnvConfig();
    const local = (file: string) => ({ kind: 'local' as const, path: path.join(dir, file) });
    const ok = await check(
      {
        ...c,
        charts: {
          operator: { source: local('operator-1.3.3.tgz'), version: '1.3.3' },
          platform: { source: local('operator-wandb-0.18.0.tgz'), version: '0.18.0' },
        },
      },
      'charts',
    );
    expect(ok.status, allText(ok)).toBe('pass');
    const wrong = await check(
      {
        ...c,
        charts: {
          operator: { source: local('operator-wandb-0.18.0.tgz'), version: '' },
          platform: c.charts.platform,
        },
      },
      'charts',
    );
    expect(wrong.message.key).toBe('checks.charts.archiveWrongChart');
  });
});

describe('helm (check 3)', () => {
  it.each([
    ['HELM3', '3'],
    ['HELM4', '4'],
  ])('%s passes', async (name, major) => {
    const r = await rerunPrerequisiteCheck(
      { config: testEnvConfig(), env: { PATH: '/nonexistent', HELM: env(name) } },
      'helm',
    );
    expect(r.status, allText(r)).toBe('pass');
    expect(String(r.message.params.version)).toMatch(new RegExp(`^${major}\\.`));
  });

  it('fails when helm is absent, and the rendered-images check is skipped', async () => {
    const input = { config: testEnvConfig(), env: { PATH: '/nonexistent' } };
    const r = await rerunPrerequisiteCheck(input, 'helm');
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('checks.helm.notFound');
    const rendered = await rerunPrerequisiteCheck(input, 'rendered-images');
    expect(rendered.status).toBe('skipped');
  });
});

describe('external MySQL (check 7)', () => {
  it('MariaDB 10.11 logs in and finds the database, and is a warning: W&B supports MySQL 8 only', async () => {
    const r = await check(testEnvConfig(), 'mysql');
    expect(r.status, allText(r)).toBe('warn');
    expect(r.message.key).toBe('checks.mysql.mariadb');
    expect(allText(r)).not.toContain(env('MYSQL_PASSWORD'));
  });

  it('a wrong password is a refused login', async () => {
    const c = testEnvConfig();
    if (c.mysql.mode !== 'external') throw new Error('external expected');
    const r = await check({ ...c, mysql: { ...c.mysql, password: 'wrong-password-456' } }, 'mysql');
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('checks.mysql.loginDenied');
  });

  it('a missing database is named', async () => {
    const c = testEnvConfig();
    if (c.mysql.mode !== 'external') throw new Error('external expected');
    const r = await check({ ...c, mysql: { ...c.mysql, database: 'no_such_db' } }, 'mysql');
    expect(r.status).toBe('fail');
    expect(['checks.mysql.databaseMissing', 'checks.mysql.databaseDenied']).toContain(r.message.key);
    expect(r.message.params.database).toBe('no_such_db');
  });

  it('a stopped server is unreachable; a hung one costs the timeout', async () => {
    const c = testEnvConfig();
    if (c.mysql.mode !== 'external') throw new Error('external expected');
    const closed = await check({ ...c, mysql: { ...c.mysql, port: closedPort } }, 'mysql');
    expect(closed.message).toMatchObject({
      key: 'checks.mysql.unreachable',
      params: { code: 'ECONNREFUSED' },
    });
    const t0 = Date.now();
    const hung = await check({ ...c, mysql: { ...c.mysql, port: blackholePort } }, 'mysql');
    // Accepted and never greeted: no MySQL answers there, which is not a failed login.
    expect(hung).toMatchObject({ status: 'fail', message: { key: 'checks.mysql.noAnswer' } });
    expect(hung.remedy?.key).toBe('checks.mysql.noAnswer.remedy');
    expect(Date.now() - t0).toBeLessThan(12_000);
  });
});

describe('bucket (check 8)', () => {
  it('finds the bucket, writes and deletes a test object (plain HTTP is a warning)', async () => {
    const r = await check(testEnvConfig(), 'bucket', { bucketWriteTest: true });
    expect(r.status, allText(r)).toBe('warn');
    expect(r.message.key).toBe('checks.bucket.plainHttp');
    expect(r.evidence.map((e) => e.label)).toEqual(
      expect.arrayContaining(['HeadBucket', 'PutObject', 'DeleteObject']),
    );
    expect(allText(r)).not.toContain(env('S3_SECRET_KEY'));
  });

  it('a wrong secret key, a missing bucket and a stopped endpoint are told apart', async () => {
    const c = testEnvConfig();
    if (c.bucket.provider !== 's3') throw new Error('s3 expected');
    const creds = await check({ ...c, bucket: { ...c.bucket, secretKey: 'wrong-secret-key-789' } }, 'bucket');
    expect(creds.message.key).toBe('checks.bucket.credentials');
    const missing = await check({ ...c, bucket: { ...c.bucket, path: 'no-such-bucket' } }, 'bucket');
    expect(missing.message.key).toBe('checks.bucket.missing');
    const down = await check({ ...c, bucket: { ...c.bucket, name: `127.0.0.1:${closedPort}` } }, 'bucket');
    expect(down.message.key).toBe('checks.bucket.unreachable');
  });
});

describe('host (check 10)', () => {
  it('passes for an https URL that resolves; warns otherwise', async () => {
    const c = testEnvConfig();
    expect((await check(c, 'host')).status).toBe('pass');
    const unresolved = await check(
      { ...c, platform: { ...c.platform, host: 'https://wandb.invalid' } },
      'host',
    );
    expect(unresolved).toMatchObject({ status: 'warn', message: { key: 'checks.host.unresolved' } });
    const http = await check({ ...c, platform: { ...c.platform, host: 'http://localhost' } }, 'host');
    expect(http).toMatchObject({ status: 'warn', message: { key: 'checks.host.notHttps' } });
  });
});

describe('Kubernetes API without a cluster (check 1)', () => {
  const kubeconfig = (server: string, ca: string) =>
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: ${server}\n    certificate-authority-data: ${Buffer.from(ca).toString('base64')}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\nusers:\n- name: u\n  user: {token: abc}\n`;
  const write = async (text: string) => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(path.join(tmpdir(), 'checks-kube-'));
    const file = path.join(dir, 'config');
    await writeFile(file, text);
    return file;
  };

  it('a missing kubeconfig is skipped with the reason; a stopped API server fails', async () => {
    const skipped = await check(testEnvConfig(), 'kube-api', { kubeconfigPath: '/nonexistent/kubeconfig' });
    expect(skipped).toMatchObject({ status: 'skipped', message: { key: 'checks.kube.noKubeconfig' } });
    const file = await write(
      kubeconfig(`https://127.0.0.1:${closedPort}`, readFileSync(env('TEST_CA_FILE'), 'utf8')),
    );
    const down = await check(testEnvConfig(), 'kube-api', { kubeconfigPath: file });
    expect(down.status).toBe('fail');
    expect(down.message.key).toBe('errors.network.refused');
  });

  it('a server whose certificate the kubeconfig CA did not issue fails TLS', async () => {
    const file = await write(kubeconfig(`https://${env('REGISTRY_TLS')}`, makeTestCertificates().ca2));
    const r = await check(testEnvConfig(), 'kube-api', { kubeconfigPath: file });
    expect(r.status).toBe('fail');
    expect(r.message.key).toMatch(/^errors\.tls\./);
  });

  it('a hung API server costs the timeout, and the checks that need it are skipped', async () => {
    const file = await write(
      kubeconfig(`https://127.0.0.1:${blackholePort}`, readFileSync(env('TEST_CA_FILE'), 'utf8')),
    );
    const owner = 'test-owner';
    const started = startRun(owner, { config: testEnvConfig(), kubeconfigPath: file, env: helmEnv() });
    let run = getRun(owner, started.id);
    for (let i = 0; i < 200 && run && !run.finishedAt; i++) {
      await new Promise((r) => setTimeout(r, 200));
      run = getRun(owner, started.id);
    }
    if (!run) throw new Error('run lost');
    const byId = Object.fromEntries(run.checks.map((c) => [c.id, c.result]));
    expect(byId['kube-api']?.status).toMatch(/fail|error/);
    expect(byId['kube-api']?.durationMs).toBeLessThan(11_000);
    expect(byId['kube-access']?.status).toBe('skipped');
    expect(byId['cluster-fit']?.status).toBe('skipped');
    expect(run.cleared).toBe(false);

    // A strict check that failed may be bypassed only with the confirmation and a reason, which the report records.
    expect(recordBypass(owner, run.id, 'kube-api', false, 'x')).toEqual({ refused: 'noConfirmation' });
    expect(recordBypass(owner, run.id, 'kube-api', true, '  ')).toEqual({ refused: 'noReason' });
    expect(recordBypass(owner, run.id, 'host', true, 'x')).toEqual({ refused: 'notStrict' });
    expect(recordBypass('someone-else', run.id, 'kube-api', true, 'x')).toEqual({ refused: 'unknownRun' });
    const bypassed = recordBypass(owner, run.id, 'kube-api', true, 'cluster admin applies by hand');
    expect('run' in bypassed && bypassed.run.bypasses[0]?.reason).toBe('cluster admin applies by hand');
    const final = getRun(owner, run.id);
    if (!final) throw new Error('run lost');
    const md = runToMarkdown(final, 'en', [env('REGISTRY_PASSWORD')]);
    expect(md).toContain('cluster admin applies by hand');
    expect(md).toContain('## Kubernetes API (`kube-api`)');
    const json = runToJson(final);
    for (const secret of [
      env('REGISTRY_PASSWORD'),
      env('MYSQL_PASSWORD'),
      env('S3_SECRET_KEY'),
      env('CHARTS_PASSWORD'),
    ]) {
      expect(json).not.toContain(secret);
      expect(md).not.toContain(secret);
    }
  }, 120_000);
});

/** True when the test cluster's kubeconfig exists and its API server accepts connections. */
async function clusterUp(): Promise<boolean> {
  const file = process.env.KUBECONFIG;
  const url = process.env.KUBE_APISERVER_URL;
  if (!file || !url || !existsSync(file)) return false;
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.setTimeout(2_000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
const haveCluster = await clusterUp();

describe.skipIf(!haveCluster)('against the test cluster (checks 1, 2, 6)', () => {
  it('the admin passes the API, access and fit checks', async () => {
    const input = { config: testEnvConfig(), kubeconfigPath: env('KUBECONFIG') };
    const api = await rerunPrerequisiteCheck(input, 'kube-api');
    expect(api.status, allText(api)).toBe('pass');
    const access = await rerunPrerequisiteCheck(input, 'kube-access');
    expect(access.status, allText(access)).toBe('pass');
    const fit = await rerunPrerequisiteCheck(input, 'cluster-fit');
    expect(['pass', 'warn']).toContain(fit.status);
  });

  it('the restricted identity names each missing verb and resource', async () => {
    const r = await rerunPrerequisiteCheck(
      { config: testEnvConfig(), kubeconfigPath: env('KUBECONFIG_RESTRICTED') },
      'kube-access',
    );
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('checks.kubeAccess.missing');
    expect(String(r.message.params.missing)).toContain(
      'create customresourcedefinitions.apiextensions.k8s.io',
    );
  });

  it('a missing ingress class lists the existing ones; in-cluster MySQL needs a default StorageClass', async () => {
    const c = testEnvConfig();
    const r = await rerunPrerequisiteCheck(
      {
        config: { ...c, ingress: { ...c.ingress, class: 'no-such-class' } },
        kubeconfigPath: env('KUBECONFIG'),
      },
      'cluster-fit',
    );
    expect(r.status).toBe('fail');
    expect(r.message).toMatchObject({
      key: 'checks.clusterFit.ingressMissing',
      params: { name: 'no-such-class' },
    });
    expect(String(r.message.params.existing)).toContain('nginx');
    const inCluster = await rerunPrerequisiteCheck(
      {
        config: { ...c, mysql: { mode: 'in-cluster', database: 'wandb_local', user: 'wandb', password: '' } },
        kubeconfigPath: env('KUBECONFIG'),
      },
      'cluster-fit',
    );
    expect(inCluster.evidence.find((e) => e.label === 'StorageClass')?.response).toMatch(/^pass: default /);
  });

  it.skipIf(!HAVE_VENDOR_CHARTS)(
    'an operator release of another namespace is named, with the namespace to use instead',
    { timeout: 180_000 },
    async () => {
      const other = `operator-elsewhere-${process.pid}`;
      const helm = env('HELM4');
      const kube = { ...process.env, KUBECONFIG: env('KUBECONFIG') };
      execFileSync(
        helm,
        ['install', 'operator', vendorChartPath('operator', '1.4.8'), '-n', other, '--create-namespace'],
        { env: kube, stdio: 'pipe' },
      );
      try {
        const c = testEnvConfig();
        const elsewhere = await rerunPrerequisiteCheck(
          {
            config: { ...c, target: { ...c.target, operatorNamespace: 'wandb-second' } },
            kubeconfigPath: env('KUBECONFIG'),
          },
          'cluster-fit',
        );
        expect(elsewhere.status).toBe('fail');
        expect(elsewhere.message).toMatchObject({
          key: 'checks.clusterFit.operatorElsewhere',
          params: {
            release: 'operator',
            namespace: other,
            target: 'wandb-second',
            role: 'wandb-manager-role',
          },
        });
        // The same release's namespace is an upgrade: no such finding.
        const same = await rerunPrerequisiteCheck(
          {
            config: { ...c, target: { ...c.target, operatorNamespace: other } },
            kubeconfigPath: env('KUBECONFIG'),
          },
          'cluster-fit',
        );
        expect(same.evidence.some((e) => e.label === 'operator ClusterRole')).toBe(false);
      } finally {
        execFileSync(helm, ['uninstall', 'operator', '-n', other, '--wait'], { env: kube, stdio: 'ignore' });
        execFileSync(env('KUBECTL'), ['delete', 'namespace', other, '--wait=false'], {
          env: kube,
          stdio: 'ignore',
        });
      }
    },
  );

  it('a namespace the restricted identity may not create is named', async () => {
    const c = testEnvConfig();
    const r = await rerunPrerequisiteCheck(
      {
        config: { ...c, target: { ...c.target, operatorNamespace: 'wandb-not-there' } },
        kubeconfigPath: env('KUBECONFIG_RESTRICTED'),
      },
      'cluster-fit',
    );
    expect(r.status).toBe('fail');
    expect(
      r.evidence.find((e) => e.label === 'Namespace' && e.response?.includes('wandb-not-there'))?.response,
    ).toBe('fail: wandb-not-there absent and may not be created');
  });
});
