/**
 * Integration: what issue 13 added to the checks, against the real components of scripts/test-env
 * and the real vendor charts (WANDB_VENDOR_DIR): the permissions derived from the apply plan for
 * the admin and the read-only identity, the volumes the real charts claim, the StorageClass
 * verdict without a default class, the opt-in in-cluster probes on kwok (objects, status, verdict,
 * cleanup, also on cancel), the bucket over an endpoint of the wrong scheme, Azure against Azurite
 * (Microsoft's emulator, started here), GCS's anonymous probe against the S3 gateway's XML API,
 * and a chart repository host that does not resolve.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildManifests } from '@/lib/generate';

import { checkAzureContainer, checkGcsBucket } from './bucket-cloud';
import { defaultVolumeClaims } from './cluster-fit';
import { inClusterCheck, PROBE_LABEL } from './in-cluster';
import { rerunPrerequisiteCheck } from './index';
import type { ChecksInput } from './input';
import { OPERATOR_CHART_KINDS } from './kube-access';
import { testEnvConfig } from './test-env-config';
import type { CheckResult } from './types';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run \`eval "$(scripts/test-env env)"\``);
  return v;
};
const allText = (r: CheckResult) => JSON.stringify(r);
const helmEnv = () => ({ PATH: '/nonexistent', HELM: env('HELM3') });
const check = (id: string, extra: Partial<ChecksInput> & Pick<ChecksInput, 'config'>) =>
  rerunPrerequisiteCheck({ env: helmEnv(), ...extra }, id);

const kubeconfig = process.env.KUBECONFIG;
const haveCluster = !!kubeconfig && existsSync(kubeconfig);
const vendor = process.env.WANDB_VENDOR_DIR ?? path.resolve(process.cwd(), '../shared/vendor');
const haveVendor = existsSync(path.join(vendor, 'charts'));

/** A rendered object, as far as these tests read it. */
interface Rendered {
  kind?: string;
  metadata: { name: string };
  spec?: { storageClassName?: string; volumeClaimTemplates?: Array<{ metadata: { name: string } }> };
}

/** Every object `helm template` renders from a chart archive with these values. */
function render(chart: string, values: unknown, release = 'wandb', namespace = 'default'): Rendered[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'render-'));
  try {
    const file = path.join(dir, 'values.yaml');
    writeFileSync(file, yaml.dump(values));
    const r = spawnSync(
      env('HELM3'),
      ['template', release, chart, '-n', namespace, '-f', file, '--include-crds'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, HELM_CACHE_HOME: dir, HELM_CONFIG_HOME: dir, HELM_DATA_HOME: dir },
      },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    // The real charts repeat keys; the lenient loader keeps the last (as Kubernetes does).
    return yaml
      .loadAll(r.stdout, undefined, { json: true })
      .filter((d): d is Rendered => !!d && typeof d === 'object');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!haveVendor)('derived from the real charts', () => {
  it.each(['0.18.0', '0.43.8'])(
    'operator-wandb %s claims exactly the volumes the StorageClass check names',
    (version) => {
      for (const mode of ['external', 'in-cluster'] as const) {
        const base = testEnvConfig(version);
        const config = {
          ...base,
          mysql:
            mode === 'external'
              ? base.mysql
              : { mode, database: 'wandb_local', user: 'wandb', password: 'in-cluster-password' },
        };
        const cr = buildManifests(config, { includeSecrets: false }).wandbCr as { spec: { values: unknown } };
        const docs = render(path.join(vendor, 'charts', `operator-wandb-${version}.tgz`), cr.spec.values);
        const claims: string[] = [];
        for (const d of docs) {
          if (d.kind === 'PersistentVolumeClaim') claims.push(d.metadata.name);
          if (d.kind === 'StatefulSet')
            for (const t of d.spec?.volumeClaimTemplates ?? [])
              claims.push(`${t.metadata.name}-${d.metadata.name}-0`);
          expect(d.kind === 'PersistentVolumeClaim' ? d.spec?.storageClassName : undefined).toBeUndefined();
        }
        expect(claims.sort()).toEqual(
          defaultVolumeClaims(config)
            .map((c) => c.claim)
            .sort(),
        );
      }
    },
  );

  it('the operator chart (1.3.3 and 1.4.8) renders only the kinds the permission check asks for', () => {
    const config = testEnvConfig();
    const values = buildManifests(config, { includeSecrets: false }).operatorValues;
    for (const file of readdirSync(path.join(vendor, 'charts')).filter((f) =>
      /^operator-1\.\d+\.\d+\.tgz$/.test(f),
    )) {
      const kinds = new Set(
        render(path.join(vendor, 'charts', file), values, 'operator', 'wandb').map((d) => d.kind),
      );
      kinds.delete('CustomResourceDefinition'); // crds/: created once, asked for separately
      expect(
        [...kinds].filter((k) => !(OPERATOR_CHART_KINDS as readonly (string | undefined)[]).includes(k)),
        file,
      ).toEqual([]);
    }
  });
});

describe.skipIf(!haveCluster)('permissions derived from the apply plan (check 2)', () => {
  it('the admin may do everything, including the deletes and the follow reads', async () => {
    const r = await check('kube-access', { config: testEnvConfig(), kubeconfigPath: env('KUBECONFIG') });
    expect(r.status, allText(r)).toBe('pass');
    const asked = r.evidence.map((e) => `${e.label} ${e.request}`);
    expect(asked).toContain('SelfSubjectAccessReview (recovery) can-i delete deployments.apps in wandb');
    expect(asked).toContain('SelfSubjectAccessReview (helm) can-i delete secrets in wandb');
    expect(asked).toContain('SelfSubjectAccessReview (follow) can-i list events in default');
  });

  it('the view identity: install, helm and recovery verbs missing, grouped; the follow reads allowed', async () => {
    const r = await check('kube-access', {
      config: testEnvConfig(),
      kubeconfigPath: env('KUBECONFIG_RESTRICTED'),
    });
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('checks.kubeAccess.missing');
    expect(String(r.message.params.apply)).toContain('create customresourcedefinitions.apiextensions.k8s.io');
    expect(String(r.message.params.recovery)).toContain('delete clusterroles.rbac.authorization.k8s.io');
    expect(r.message.params.follow).toBe('-');
    const follow = r.evidence.filter((e) => e.label === 'SelfSubjectAccessReview (follow)');
    expect(follow.length).toBeGreaterThan(3);
    for (const e of follow) expect(e.response, e.request).toBe('allowed');
  });
});

describe.skipIf(!haveCluster)('StorageClass (check 6)', () => {
  const annotation = 'storageclass.kubernetes.io/is-default-class';

  it('names the claims on the default class; without one it fails naming Redis and Prometheus', async () => {
    const config = testEnvConfig();
    const ok = await check('cluster-fit', { config, kubeconfigPath: env('KUBECONFIG') });
    expect(ok.evidence.find((e) => e.label === 'StorageClass')?.response).toMatch(
      /^pass: default standard .*redis-data-wandb-redis-master-0 8Gi, wandb-prometheus-server 8Gi$/,
    );
    const kubectl = (...args: string[]) =>
      spawnSync(env('KUBECTL'), ['--kubeconfig', env('KUBECONFIG'), ...args]);
    kubectl('annotate', '--overwrite', 'storageclass', 'standard', `${annotation}=false`);
    try {
      const r = await check('cluster-fit', { config, kubeconfigPath: env('KUBECONFIG') });
      expect(r.status).toBe('fail');
      expect(r.message.key).toBe('checks.clusterFit.noDefaultStorage');
      expect(String(r.message.params.claims)).toMatch(/Redis .*Prometheus/);
      expect(r.remedy?.params.example).toBe('standard');
    } finally {
      kubectl('annotate', '--overwrite', 'storageclass', 'standard', `${annotation}=true`);
    }
  });
});

describe.skipIf(!haveCluster)('in-cluster probes on kwok (opt-in)', () => {
  const kc = new KubeConfig();
  if (haveCluster) kc.loadFromFile(kubeconfig as string);
  const core = kc.makeApiClient(CoreV1Api);
  const leftovers = async (namespace: string) => {
    const [pods, claims, secrets] = await Promise.all([
      core.listNamespacedPod({ namespace, labelSelector: PROBE_LABEL }),
      core.listNamespacedPersistentVolumeClaim({ namespace, labelSelector: PROBE_LABEL }),
      core.listNamespacedSecret({ namespace, labelSelector: PROBE_LABEL }),
    ]);
    return [...pods.items, ...claims.items, ...secrets.items].filter((o) => !o.metadata?.deletionTimestamp);
  };

  it('is skipped unless asked for', async () => {
    const r = await check('in-cluster', { config: testEnvConfig(), kubeconfigPath: env('KUBECONFIG') });
    expect(r).toMatchObject({ status: 'skipped', message: { key: 'checks.inCluster.optIn' } });
  });

  it('creates a pod per node with the pull secret and a claim, reads their status, and removes them', async () => {
    const config = testEnvConfig('0.43.8');
    const r = await check('in-cluster', { config, kubeconfigPath: env('KUBECONFIG'), inClusterTest: true });
    const text = allText(r);
    expect(text).not.toContain(env('REGISTRY_PASSWORD'));
    // kwok: the pod runs (so "pulled"), the claim binds (hostPath provisioner), the probe never reports.
    expect(r.status, text).toBe('warn');
    expect(r.message.key).toBe('checks.inCluster.noAnswers');
    expect(r.evidence.find((e) => e.label === 'created')?.response).toMatch(
      /^Secret wandb-wizard-check-\w+-pull, PersistentVolumeClaim wandb-wizard-check-\w+-volume, Pod wandb-wizard-check-\w+-0$/,
    );
    expect(JSON.parse(r.evidence.find((e) => e.label === 'node kwok-node-0')?.response ?? '')).toEqual({
      pull: 'pulled',
    });
    expect(r.evidence.find((e) => e.label === 'volume')?.response).toBe('Bound');
    expect(r.evidence.find((e) => e.label === 'cleanup')?.response).toBe(
      'deleted pods; deleted claims; deleted secrets',
    );
    expect(await leftovers('default')).toEqual([]);
  });

  it('cleans up when cancelled while it waits', async () => {
    const controller = new AbortController();
    const config = testEnvConfig('0.43.8');
    const input: ChecksInput = { config, kubeconfigPath: env('KUBECONFIG'), inClusterTest: true };
    const running = inClusterCheck.run(input, {
      signal: controller.signal,
      deadline: Date.now() + 60_000,
      timeoutMs: 60_000,
    });
    // Wait until the probe's objects exist, then cancel.
    for (let i = 0; i < 50 && (await leftovers('default')).length < 3; i++)
      await new Promise((r) => setTimeout(r, 200));
    expect((await leftovers('default')).length).toBeGreaterThanOrEqual(3);
    controller.abort(new Error('cancelled by the test'));
    const outcome = await running;
    expect(outcome.evidence?.find((e) => e.label === 'cleanup')?.response).toContain('deleted pods');
    expect(await leftovers('default')).toEqual([]);
  });

  it('a node that cannot pull is named with the kubelet reason (the status kwok cannot produce is written here)', async () => {
    const { verdict, judgeProbePod } = await import('./in-cluster');
    const failed = judgeProbePod({
      spec: { nodeName: 'node-b', containers: [] },
      status: {
        containerStatuses: [
          {
            name: 'probe',
            image: 'x',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: {
              waiting: { reason: 'ErrImagePull', message: 'x509: certificate signed by unknown authority' },
            },
          },
        ],
      },
    });
    const r = verdict([{ node: 'kwok-node-0', pull: 'pulled' }, failed], 'Bound', 'img', 'default', []);
    expect(r).toMatchObject({
      status: 'fail',
      message: { key: 'checks.inCluster.pullFailed', params: { nodes: 'node-b' } },
    });
  });
});

describe('bucket over the scheme the configuration says (check 8)', () => {
  it('HTTPS asked of a plain-HTTP endpoint says so and points at the option', async () => {
    const c = testEnvConfig();
    if (c.bucket.provider !== 's3') throw new Error('s3 expected');
    const r = await check('bucket', { config: { ...c, bucket: { ...c.bucket, plainHttp: false } } });
    expect(r.status).toBe('fail');
    expect(r.message.key).toBe('checks.bucket.speaksHttp');
    expect(r.remedy?.key).toBe('checks.bucket.speaksHttp.remedy');
  });

  it("GCS's anonymous probe: an existing private bucket is proven, a missing one fails (against the S3 gateway's XML API)", async () => {
    const endpoint = env('S3_ENDPOINT');
    const ctx = () => ({
      signal: new AbortController().signal,
      deadline: Date.now() + 5_000,
      timeoutMs: 5_000,
    });
    const input = { config: testEnvConfig() };
    const exists = await checkGcsBucket(
      { provider: 'gcs', name: env('S3_BUCKET'), path: '' },
      input,
      ctx(),
      endpoint,
    );
    expect(exists).toMatchObject({ status: 'pass', message: { key: 'checks.bucket.gcs.exists' } });
    const missing = await checkGcsBucket(
      { provider: 'gcs', name: 'no-such-bucket', path: '' },
      input,
      ctx(),
      endpoint,
    );
    expect(missing).toMatchObject({ status: 'fail', message: { key: 'checks.bucket.gcs.missing' } });
  });
});

describe('Azure against Azurite', () => {
  const ACCOUNT = 'devstoreaccount1';
  // Azurite's published development key (not a secret).
  const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  let azurite: ChildProcess | undefined;
  let endpoint = '';
  let dir = '';

  beforeAll(async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    dir = mkdtempSync(path.join(tmpdir(), 'azurite-'));
    azurite = spawn(
      path.resolve('node_modules/.bin/azurite-blob'),
      [
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        '--location',
        dir,
        '--silent',
        '--skipApiVersionCheck',
      ],
      { stdio: 'ignore' },
    );
    endpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
    for (let i = 0; i < 100; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)));
        s.on('error', () => resolve(false));
      });
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const service = new BlobServiceClient(endpoint, new StorageSharedKeyCredential(ACCOUNT, KEY));
    await service.getContainerClient('wandb').createIfNotExists();
  });
  afterAll(() => {
    azurite?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = (o: { container?: string; key?: string; writeTest?: boolean }) =>
    checkAzureContainer({
      account: ACCOUNT,
      container: o.container ?? 'wandb',
      key: o.key ?? KEY,
      endpoint,
      writeTest: o.writeTest ?? false,
      signal: new AbortController().signal,
      timeoutMs: 5_000,
    });

  it('finds the container with the account key, writes and deletes a test blob', async () => {
    expect((await run({})).status).toBe('pass');
    const w = await run({ writeTest: true });
    expect(w).toMatchObject({ status: 'pass', message: { key: 'checks.bucket.azure.passWrite' } });
    expect(w.evidence?.map((e) => e.label)).toEqual(['GetContainerProperties', 'PutBlob', 'DeleteBlob']);
  });

  it('tells a missing container, a refused key and no key apart', async () => {
    expect((await run({ container: 'nope' })).message.key).toBe('checks.bucket.azure.missing');
    const wrongKey = Buffer.from('not the key of this account, but base64').toString('base64');
    // Azurite answers a wrong key 403 AuthorizationFailure (Azure: AuthenticationFailed, see the unit test).
    expect(await run({ key: wrongKey })).toMatchObject({
      status: 'fail',
      message: { key: 'checks.bucket.azure.denied', params: { code: '403 AuthorizationFailure' } },
    });
    expect(await run({ key: '' })).toMatchObject({
      status: 'warn',
      message: { key: 'checks.bucket.azure.noKey' },
    });
  });
});

describe('messages (issue 13, 7)', () => {
  it('a chart repository host that does not resolve is a chart repository problem', async () => {
    const c = testEnvConfig();
    const src = c.charts.operator.source;
    if (src.kind !== 'repo') throw new Error('repo expected');
    const r = await check('charts', {
      config: {
        ...c,
        charts: {
          ...c.charts,
          operator: { source: { ...src, url: 'https://charts.invalid/repo' }, version: '' },
        },
      },
    });
    expect(r.status).toBe('fail');
    expect(r.message).toMatchObject({
      key: 'checks.charts.repo.unresolved',
      params: { host: 'charts.invalid' },
    });
    expect(r.remedy?.key).toBe('checks.charts.repo.unresolved.remedy');
  });

  it('"Helm not found" lists each PATH directory once', async () => {
    const r = await rerunPrerequisiteCheck(
      { config: testEnvConfig(), env: { PATH: '/nonexistent:/usr/bin:/usr/bin/:/nonexistent' } },
      'helm',
    );
    // /usr/bin may hold a helm on some machines; the list is what matters when it does not.
    if (r.status === 'fail')
      expect(r.message).toMatchObject({
        key: 'checks.helm.notFound',
        params: { count: 2, searched: '/nonexistent, /usr/bin' },
      });
  });
});
