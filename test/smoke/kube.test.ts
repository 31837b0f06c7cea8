/**
 * Smoke test of the test cluster (scripts/test-env.d/70-kube): a real kube-apiserver on etcd, with
 * kube-controller-manager, kube-scheduler and kwok when KUBE_CONTROLLERS=1.
 *
 * It needs the environment of `scripts/test-env up` (`eval "$(scripts/test-env env)"`) and fails,
 * rather than skips, when that environment is missing or the API server does not answer.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

import * as k8s from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);

const DEPLOYMENT_READY_TIMEOUT_MS = 120_000;
const NAMESPACE_GONE_TIMEOUT_MS = 60_000;

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run \`eval "$(scripts/test-env env)"\` after scripts/test-env up`);
  return value;
}

/** The HTTP status of a failed API call (`ApiException.code`), or undefined for other errors. */
function statusOf(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/** Runs `call`, expecting it to fail; returns the HTTP status of the failure. */
async function failureStatus(call: () => Promise<unknown>): Promise<number | undefined> {
  try {
    await call();
  } catch (e) {
    return statusOf(e);
  }
  throw new Error('the call succeeded but was expected to fail');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads a kubeconfig from the test environment and refuses any that does not point at the test
 * API server on loopback: a KUBECONFIG left over in a shell must never let this test write to a
 * real cluster.
 */
function loadTestKubeConfig(file: string): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(file);
  const server = kc.getCurrentCluster()?.server;
  expect(server, `${file} must point at KUBE_APISERVER_URL`).toBe(required('KUBE_APISERVER_URL'));
  expect(server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  expect(kc.getCurrentCluster()?.skipTLSVerify ?? false, 'kubeconfigs verify TLS').toBe(false);
  return kc;
}

interface TestCluster {
  admin: k8s.KubeConfig;
  core: k8s.CoreV1Api;
  apps: k8s.AppsV1Api;
  restrictedCore: k8s.CoreV1Api;
  controllers: boolean;
}

describe('test cluster (70-kube)', () => {
  const namespace = `kube-smoke-${randomBytes(3).toString('hex')}`;
  let cluster: Promise<TestCluster> | undefined;

  /**
   * Connects once and creates the test namespace. Every test awaits it, so a missing environment
   * or an API server that does not answer fails each test with the reason (none is skipped).
   */
  function connect(): Promise<TestCluster> {
    cluster ??= (async () => {
      const admin = loadTestKubeConfig(required('KUBECONFIG'));
      const restricted = loadTestKubeConfig(required('KUBECONFIG_RESTRICTED'));
      const flag = required('KUBE_CONTROLLERS');
      expect(flag).toMatch(/^[01]$/);
      const core = admin.makeApiClient(k8s.CoreV1Api);
      await core.createNamespace({ body: { metadata: { name: namespace } } });
      return {
        admin,
        core,
        apps: admin.makeApiClient(k8s.AppsV1Api),
        restrictedCore: restricted.makeApiClient(k8s.CoreV1Api),
        controllers: flag === '1',
      };
    })();
    return cluster;
  }

  afterAll(async () => {
    // Best effort: a failed test must not hide its own error behind a cleanup error.
    const connected = await cluster?.catch(() => undefined);
    await connected?.core.deleteNamespace({ name: namespace }).catch(() => undefined);
  });

  it('serves Kubernetes >= 1.28, the version KUBE_VERSION names', async () => {
    const { admin } = await connect();
    const version = await admin.makeApiClient(k8s.VersionApi).getCode();
    expect(version.gitVersion).toBe(required('KUBE_VERSION'));
    expect(Number(version.major)).toBe(1);
    expect(Number.parseInt(version.minor, 10)).toBeGreaterThanOrEqual(28);
  });

  it('answers `kubectl version` with the same client and server version', async () => {
    await connect();
    const { stdout } = await execFileAsync(required('KUBECTL'), ['version', '--output=json'], {
      env: { ...process.env, KUBECONFIG: required('KUBECONFIG') },
      timeout: 30_000,
    });
    const out = JSON.parse(stdout) as {
      clientVersion?: { gitVersion?: string };
      serverVersion?: { gitVersion?: string };
    };
    expect(out.serverVersion?.gitVersion).toBe(required('KUBE_VERSION'));
    expect(out.clientVersion?.gitVersion).toBe(required('KUBE_VERSION'));
  });

  it('lets the admin create, read and delete a ConfigMap', async () => {
    const { core } = await connect();
    const name = 'smoke';
    await core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name }, data: { greeting: 'hello' } },
    });
    const read = await core.readNamespacedConfigMap({ namespace, name });
    expect(read.data).toEqual({ greeting: 'hello' });
    await core.deleteNamespacedConfigMap({ namespace, name });
    expect(await failureStatus(() => core.readNamespacedConfigMap({ namespace, name }))).toBe(404);
  });

  it('lets the restricted user read but refuses its writes with 403', async () => {
    const { core, restrictedCore } = await connect();
    await core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: 'visible' }, data: { k: 'v' } },
    });
    const list = await restrictedCore.listNamespacedConfigMap({ namespace });
    expect(list.items.map((cm) => cm.metadata?.name)).toContain('visible');

    const write = () =>
      restrictedCore.createNamespacedConfigMap({
        namespace,
        body: { metadata: { name: 'forbidden' }, data: { k: 'v' } },
      });
    expect(await failureStatus(write)).toBe(403);
    // `view` does not include Secrets.
    expect(await failureStatus(() => restrictedCore.listNamespacedSecret({ namespace }))).toBe(403);
  });

  it('has the IngressClass nginx and a default StorageClass', async () => {
    const { admin } = await connect();
    const ingressClass = await admin.makeApiClient(k8s.NetworkingV1Api).readIngressClass({ name: 'nginx' });
    expect(ingressClass.spec?.controller).toBe('k8s.io/ingress-nginx');
    const classes = await admin.makeApiClient(k8s.StorageV1Api).listStorageClass();
    const defaults = classes.items.filter(
      (sc) => sc.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
    );
    expect(defaults.map((sc) => sc.metadata?.name)).toEqual(['standard']);
  });

  it('deletes a namespace', async () => {
    const { core, controllers } = await connect();
    const name = `${namespace}-gone`;
    await core.createNamespace({ body: { metadata: { name } } });
    await core.deleteNamespace({ name });
    if (!controllers) {
      // Without the namespace controller the namespace stays Terminating.
      const ns = await core.readNamespace({ name });
      expect(ns.status?.phase).toBe('Terminating');
      return;
    }
    const deadline = Date.now() + NAMESPACE_GONE_TIMEOUT_MS;
    for (;;) {
      const status = await core.readNamespace({ name }).then(
        () => 200,
        (e: unknown) => statusOf(e),
      );
      if (status === 404) break;
      expect(status).toBe(200);
      if (Date.now() > deadline) throw new Error(`namespace ${name} still exists after deletion`);
      await sleep(500);
    }
  });

  describe.runIf(process.env.KUBE_CONTROLLERS === '1')('with controllers (KUBE_CONTROLLERS=1)', () => {
    it(
      'brings a Deployment of 1 replica to readyReplicas=1 on the kwok node',
      async () => {
        const { core, apps } = await connect();
        const name = 'smoke';
        const labels = { app: name };
        await apps.createNamespacedDeployment({
          namespace,
          body: {
            metadata: { name },
            spec: {
              replicas: 1,
              selector: { matchLabels: labels },
              template: {
                metadata: { labels },
                spec: { containers: [{ name: 'app', image: '127.0.0.1:25000/mirror/smoke:1' }] },
              },
            },
          },
        });
        const deadline = Date.now() + DEPLOYMENT_READY_TIMEOUT_MS;
        let ready = 0;
        while (Date.now() < deadline) {
          const deployment = await apps.readNamespacedDeployment({ namespace, name });
          ready = deployment.status?.readyReplicas ?? 0;
          if (ready === 1) break;
          await sleep(500);
        }
        expect(ready, 'readyReplicas within the wait').toBe(1);
        const pods = await core.listNamespacedPod({ namespace, labelSelector: `app=${name}` });
        expect(pods.items).toHaveLength(1);
        expect(pods.items[0]?.spec?.nodeName).toBe('kwok-node-0');
        expect(pods.items[0]?.status?.phase).toBe('Running');
      },
      DEPLOYMENT_READY_TIMEOUT_MS + 30_000,
    );
  });
});
