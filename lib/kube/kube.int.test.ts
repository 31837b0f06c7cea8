/**
 * lib/kube against the real kube-apiserver of scripts/test-env (admin and read-only identities),
 * and against endpoints that refuse, never answer or present an untrusted certificate.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { toUserError } from '@/lib/errors';

import { KubeClient, WANDB_CR } from './client';
import { loadKubeConfig } from './config';
import { isKubeError } from './errors';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

function client(variable: 'KUBECONFIG' | 'KUBECONFIG_RESTRICTED', requestTimeoutMs?: number): KubeClient {
  const r = loadKubeConfig({ kubeconfigPath: requireEnv(variable) });
  if (r.error) throw new Error(`${variable}: ${r.error.key} ${r.error.detail}`);
  return new KubeClient(r.value.kc, { requestTimeoutMs });
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

const suffix = `${process.pid}-${Date.now().toString(36)}`;

describe('KubeClient against the test API server', () => {
  it('loads the admin kubeconfig and reads the server version', async () => {
    const r = loadKubeConfig({ kubeconfigPath: requireEnv('KUBECONFIG') });
    expect(r.value?.cluster.server).toBe(requireEnv('KUBE_APISERVER_URL'));
    const exchanges: Array<{ request: string; response?: string }> = [];
    const v = await new KubeClient(r.value!.kc).getServerVersion({ exchanges });
    expect(v.gitVersion).toBe(requireEnv('KUBE_VERSION'));
    expect(exchanges).toEqual([
      { request: `GET ${requireEnv('KUBE_APISERVER_URL')}/version`, response: '200' },
    ]);
  });

  it('SelfSubjectAccessReview: admin may create namespaces; the restricted identity may list but not create', async () => {
    const checks = [
      { verb: 'create', group: '', resource: 'namespaces' },
      { verb: 'list', group: '', resource: 'pods', namespace: 'default' },
      { verb: 'create', group: 'apps.wandb.com', resource: 'weightsandbiases', namespace: 'default' },
    ];
    const admin = await client('KUBECONFIG').selfSubjectAccessReview(checks);
    expect(admin.map((r) => r.allowed)).toEqual([true, true, true]);
    const ro = await client('KUBECONFIG_RESTRICTED').selfSubjectAccessReview(checks);
    expect(ro.map((r) => r.allowed)).toEqual([false, true, false]);
    expect(ro[0]).toMatchObject({ verb: 'create', resource: 'namespaces', allowed: false });
  });

  it('lists IngressClasses and StorageClasses with the default annotation', async () => {
    const c = client('KUBECONFIG');
    const ingress = await c.listIngressClasses();
    expect(ingress.find((i) => i.name === 'nginx')).toBeDefined();
    const storage = await c.listStorageClasses();
    expect(storage.find((s) => s.name === 'standard')).toMatchObject({ isDefault: true });
  });

  it('the read-only identity (ClusterRole view) may not list cluster-scoped classes: 403', async () => {
    const e = await caught(client('KUBECONFIG_RESTRICTED').listIngressClasses());
    expect(e).toMatchObject({ statusCode: 403, reason: 'Forbidden' });
  });

  it('gets a namespace, and undefined for one that does not exist', async () => {
    const c = client('KUBECONFIG_RESTRICTED');
    expect((await c.getNamespace('default'))?.metadata?.name).toBe('default');
    expect(await c.getNamespace(`no-such-ns-${suffix}`)).toBeUndefined();
  });

  it('the restricted identity cannot create: KubeError 403 mapped to errors.kube.forbidden', async () => {
    const e = await caught(
      client('KUBECONFIG_RESTRICTED').serverSideApply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: `forbidden-${suffix}` },
      }),
    );
    expect(isKubeError(e)).toBe(true);
    expect(e).toMatchObject({ statusCode: 403, reason: 'Forbidden' });
    expect(toUserError(e).key).toBe('errors.kube.forbidden');
  });

  it('the restricted identity may not list Secrets, so Helm releases cannot be read: 403', async () => {
    const e = await caught(client('KUBECONFIG_RESTRICTED').listHelmReleases('default'));
    expect(e).toMatchObject({ statusCode: 403 });
  });

  describe('with objects created for the test', () => {
    const admin = () => client('KUBECONFIG');
    const objects = () =>
      KubernetesObjectApi.makeApiClient(
        loadKubeConfig({ kubeconfigPath: requireEnv('KUBECONFIG') }).value!.kc,
      );
    const created: KubernetesObject[] = [];
    let crdWasThere = false;

    beforeAll(async () => {
      crdWasThere = !!(await admin().getCrd(WANDB_CR.crdName));
    });

    afterAll(async () => {
      const api = objects();
      for (const o of created.reverse()) {
        try {
          await api.delete(o);
        } catch {
          // Already gone.
        }
      }
    });

    it('server-side apply creates, is a no-op the second time, and honours dryRun', async () => {
      const c = admin();
      const cm = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `ssa-${suffix}`, namespace: 'default' },
        data: { a: '1' },
      };
      const dry = await c.serverSideApply(cm, { dryRun: true });
      expect(dry.metadata?.name).toBe(cm.metadata.name);
      expect(
        await objects()
          .read(cm)
          .catch(() => undefined),
      ).toBeUndefined();

      const first = await c.serverSideApply(cm);
      created.push(cm);
      const second = await c.serverSideApply(cm);
      expect(second.metadata?.resourceVersion).toBe(first.metadata?.resourceVersion);
      expect(first.metadata?.managedFields?.map((f) => f.manager)).toEqual(['wandb-airgap-wizard']);
    });

    it("lists the names of a namespace's TLS Secrets only, and who the credentials are", async () => {
      const c = admin();
      const tls = {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/tls',
        metadata: { name: `tls-${suffix}`, namespace: 'default' },
        data: {
          'tls.crt': Buffer.from('c').toString('base64'),
          'tls.key': Buffer.from('k').toString('base64'),
        },
      };
      const opaque = {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'Opaque',
        metadata: { name: `opaque-${suffix}`, namespace: 'default' },
        data: { a: Buffer.from('b').toString('base64') },
      };
      for (const o of [tls, opaque]) {
        await c.serverSideApply(o);
        created.push(o);
      }
      const names = await c.listSecretNames('default', 'kubernetes.io/tls');
      expect(names).toContain(tls.metadata.name);
      expect(names).not.toContain(opaque.metadata.name);
      const me = await c.whoAmI();
      expect(me.groups).toContain('system:authenticated');
      expect((await client('KUBECONFIG_RESTRICTED').whoAmI()).username).toBe('restricted');
    });

    it('finds Helm releases by their Secrets: the latest revision of each', async () => {
      const c = admin();
      const release = `rel-${suffix}`;
      for (const [revision, status] of [
        [1, 'superseded'],
        [2, 'deployed'],
      ] as const) {
        const secret = {
          apiVersion: 'v1',
          kind: 'Secret',
          type: 'helm.sh/release.v1',
          metadata: {
            name: `sh.helm.release.v1.${release}.v${revision}`,
            namespace: 'default',
            labels: { owner: 'helm', name: release, status, version: String(revision) },
          },
          data: { release: Buffer.from('x').toString('base64') },
        };
        await c.serverSideApply(secret);
        created.push(secret);
      }
      const releases = await c.listHelmReleases('default');
      expect(releases.filter((r) => r.name === release)).toEqual([
        { name: release, namespace: 'default', revision: 2, status: 'deployed' },
      ]);
      expect((await c.listHelmReleases()).some((r) => r.name === release)).toBe(true);
    });

    it('the W&B CRD: absent or present, then a WeightsAndBiases object read back', async () => {
      const c = admin();
      if (!crdWasThere) {
        const crd = yaml.load(
          readFileSync(join(__dirname, '../../test/fixtures/charts/operator/crds/wandb.yaml'), 'utf8'),
        ) as KubernetesObject;
        await c.serverSideApply(crd);
        created.unshift(crd); // deleted last
        for (let i = 0; i < 50 && !(await c.getCrd(WANDB_CR.crdName))?.established; i++)
          await new Promise((r) => setTimeout(r, 100));
      }
      expect(await c.getCrd(WANDB_CR.crdName)).toMatchObject({
        name: WANDB_CR.crdName,
        versions: ['v1'],
        established: true,
      });
      expect(await c.getCrd(`nothings.example.com`)).toBeUndefined();

      const cr = {
        apiVersion: 'apps.wandb.com/v1',
        kind: 'WeightsAndBiases',
        metadata: { name: `wandb-${suffix}`, namespace: 'default' },
        spec: {
          chart: { url: 'http://charts.local', name: 'operator-wandb', version: '0.18.0' },
          values: { global: { host: 'https://wandb.local' } },
        },
      };
      await c.serverSideApply(cr);
      created.push(cr);
      const got = (await c.getWeightsAndBiases('default', cr.metadata.name)) as unknown as typeof cr;
      expect(got.spec.chart.version).toBe('0.18.0');
      expect((await c.listWeightsAndBiases('default')).map((o) => o.metadata?.name)).toContain(
        cr.metadata.name,
      );
      expect((await c.listWeightsAndBiases()).map((o) => o.metadata?.name)).toContain(cr.metadata.name);
      expect(await c.getWeightsAndBiases('default', 'not-there')).toBeUndefined();
    });
  });
});

describe('KubeClient against endpoints that fail', () => {
  let dir: string;
  const kubeconfig = (server: string, caFile?: string) =>
    `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster:
    server: ${server}
${caFile ? `    certificate-authority: ${caFile}\n` : ''}users:
- name: u
  user:
    token: not-a-real-token
contexts:
- name: x
  context: { cluster: c, user: u }
current-context: x
`;
  const kubeFor = (server: string, caFile?: string, requestTimeoutMs?: number) =>
    new KubeClient(loadKubeConfig({ kubeconfigYaml: kubeconfig(server, caFile) }).value!.kc, {
      requestTimeoutMs,
    });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kube-fail-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=Other CA',
        '-keyout',
        join(dir, 'k'),
        '-out',
        join(dir, 'other-ca.crt'),
      ],
      { stdio: 'ignore' },
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the API server with a CA that did not issue its certificate: errors.tls.untrusted', async () => {
    const e = await caught(
      kubeFor(requireEnv('KUBE_APISERVER_URL'), join(dir, 'other-ca.crt')).getServerVersion(),
    );
    expect(toUserError(e).key).toBe('errors.tls.untrusted');
  });

  it('the right CA but a token the server does not know: errors.kube.unauthorized', async () => {
    const e = await caught(
      kubeFor(requireEnv('KUBE_APISERVER_URL'), requireEnv('KUBE_CA_FILE')).listStorageClasses(),
    );
    expect(e).toMatchObject({ statusCode: 401 });
    expect(toUserError(e).key).toBe('errors.kube.unauthorized');
  });

  it('a closed port: errors.network.refused', async () => {
    const s = net.createServer().listen(0, '127.0.0.1');
    await once(s, 'listening');
    const port = (s.address() as net.AddressInfo).port;
    s.close();
    await once(s, 'close');
    const e = await caught(
      kubeFor(`https://127.0.0.1:${port}`, join(dir, 'other-ca.crt')).getServerVersion(),
    );
    expect(toUserError(e).key).toBe('errors.network.refused');
  });

  it("a port that never answers: the request timeout and the caller's signal both end it at once", async () => {
    const sockets: net.Socket[] = [];
    const hole = net.createServer((s) => (sockets.push(s), s.resume())).listen(0, '127.0.0.1');
    await once(hole, 'listening');
    const server = `https://127.0.0.1:${(hole.address() as net.AddressInfo).port}`;
    try {
      let t0 = performance.now();
      const timedOut = await caught(kubeFor(server, join(dir, 'other-ca.crt'), 400).getServerVersion());
      expect(performance.now() - t0).toBeLessThan(1_500);
      expect(toUserError(timedOut).key).toBe('errors.timeout');

      // The caller cancels (a user's Cancel): an abort, not a timeout (AbortSignal.timeout would be one).
      t0 = performance.now();
      const caller = new AbortController();
      const cancel = setTimeout(() => caller.abort(), 300);
      const aborted = await caught(
        kubeFor(server, join(dir, 'other-ca.crt'), 10_000).getServerVersion({ signal: caller.signal }),
      );
      clearTimeout(cancel);
      expect(performance.now() - t0).toBeLessThan(1_500);
      expect(toUserError(aborted).key).toBe('errors.aborted');
    } finally {
      for (const s of sockets) s.destroy();
      hole.close();
    }
  });
});
