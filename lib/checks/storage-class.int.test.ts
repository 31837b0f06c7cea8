/**
 * Integration: the StorageClass setting against the test environment's cluster (kube-apiserver,
 * kube-controller-manager's hostPath provisioner, kwok; `scripts/test-env up`). A class `fast-ssd`
 * is created here beside the environment's default `standard` and deleted afterwards:
 * - the cluster fit check passes on a named class that exists (naming its provisioner), even with
 *   no default class, and fails on one that does not, naming the field and the classes there are;
 * - the in-cluster MySQL of operator-wandb 0.18.0, which cannot carry a class, still needs the default;
 * - the listing the Platform step's picker shows (name, provisioner, default);
 * - the opt-in probe's claim is made, and binds, on the named class.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { emptyMysql, type InstallConfig } from '@/lib/config';
import { KubeClient } from '@/lib/kube';

import { inspectCluster } from './cluster-inspect';
import { PROBE_LABEL } from './in-cluster';
import { rerunPrerequisiteCheck } from './index';
import type { ChecksInput } from './input';
import { testEnvConfig } from './test-env-config';

const kubeconfig = process.env.KUBECONFIG;
const haveCluster = !!kubeconfig && existsSync(kubeconfig);
const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run \`eval "$(scripts/test-env env)"\``);
  return v;
};
const kubectl = (...args: string[]) => {
  const r = spawnSync(env('KUBECTL'), ['--kubeconfig', env('KUBECONFIG'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const check = (id: string, extra: Partial<ChecksInput> & Pick<ChecksInput, 'config'>) =>
  rerunPrerequisiteCheck(
    { env: { PATH: '/nonexistent', HELM: env('HELM3') }, kubeconfigPath: env('KUBECONFIG'), ...extra },
    id,
  );
const withClass = (config: InstallConfig, storageClass: string): InstallConfig => ({
  ...config,
  platform: { ...config.platform, storageClass },
});
const DEFAULT_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const CLASS = 'fast-ssd';

describe.skipIf(!haveCluster)('a named StorageClass on the test cluster', () => {
  beforeAll(() => {
    kubectl('delete', 'storageclass', CLASS, '--ignore-not-found');
    const r = spawnSync(env('KUBECTL'), ['--kubeconfig', env('KUBECONFIG'), 'apply', '-f', '-'], {
      encoding: 'utf8',
      input: JSON.stringify({
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: CLASS },
        provisioner: 'kubernetes.io/host-path',
        volumeBindingMode: 'Immediate',
      }),
    });
    if (r.status !== 0) throw new Error(r.stderr);
  });
  afterAll(() => {
    kubectl('annotate', '--overwrite', 'storageclass', 'standard', `${DEFAULT_ANNOTATION}=true`);
    kubectl('delete', 'storageclass', CLASS, '--ignore-not-found');
  });

  it('the listing the picker shows: every class with its provisioner, the default marked', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(env('KUBECONFIG'));
    const classes = await new KubeClient(kc).listStorageClasses();
    expect(classes).toEqual(
      expect.arrayContaining([
        { name: 'standard', implementation: 'kubernetes.io/host-path', isDefault: true },
        { name: CLASS, implementation: 'kubernetes.io/host-path', isDefault: false },
      ]),
    );
  });

  it('the inspection of the Platform step carries them, sorted, for the StorageClass field', async () => {
    const r = await inspectCluster(testEnvConfig('0.43.8'));
    expect(r.storageClasses?.filter((c) => c.name === CLASS || c.name === 'standard')).toEqual([
      { name: CLASS, provisioner: 'kubernetes.io/host-path', isDefault: false },
      { name: 'standard', provisioner: 'kubernetes.io/host-path', isDefault: true },
    ]);
  });

  it('passes on a class that exists, naming its provisioner, also with no default class', async () => {
    const config = withClass(testEnvConfig('0.43.8'), CLASS);
    kubectl('annotate', '--overwrite', 'storageclass', 'standard', `${DEFAULT_ANNOTATION}=false`);
    try {
      const r = await check('cluster-fit', { config });
      const storage = r.evidence.filter((e) => e.label === 'StorageClass');
      expect(storage.map((e) => e.response)).toEqual([
        `pass: ${CLASS} (kubernetes.io/host-path) for redis-data-wandb-redis-master-0 8Gi, wandb-prometheus-server 8Gi`,
      ]);
      // (The environment's CRD, installed by the operator, makes the whole check a warning at most.)
      expect(r.status, JSON.stringify(r)).not.toBe('fail');

      // 0.18.0's in-cluster MySQL cannot name a class: its volume still needs the default one.
      const old = await check('cluster-fit', {
        config: { ...withClass(testEnvConfig('0.18.0'), CLASS), mysql: emptyMysql('in-cluster') },
      });
      expect(old.status).toBe('fail');
      expect(old.message.key).toBe('checks.clusterFit.noDefaultStorage');
      expect(old.message.params).toMatchObject({ count: 1, claims: 'MySQL (wandb-mysql) (20Gi)' });
      expect(old.evidence.filter((e) => e.label === 'StorageClass')[0]?.response).toMatch(
        new RegExp(`^pass: ${CLASS} .*redis.*prometheus`),
      );
    } finally {
      kubectl('annotate', '--overwrite', 'storageclass', 'standard', `${DEFAULT_ANNOTATION}=true`);
    }
  });

  it('fails on a class that does not exist, naming the field and the classes there are', async () => {
    const r = await check('cluster-fit', { config: withClass(testEnvConfig('0.43.8'), 'no-such-class') });
    expect(r.status).toBe('fail');
    expect(r.message).toEqual({
      key: 'checks.clusterFit.storageNamedMissing',
      params: {
        name: 'no-such-class',
        count: 2,
        claims:
          'Redis (StatefulSet wandb-redis-master) (8Gi), Prometheus (Deployment wandb-prometheus-server) (8Gi)',
        existing: expect.stringMatching(new RegExp(`^(${CLASS}, standard|standard, ${CLASS})$`)),
      },
    });
    expect(r.remedy?.key).toBe('checks.clusterFit.storageNamedMissing.remedy');
  });

  it('the opt-in probe claims its volume on the named class, where it binds', async () => {
    const config = withClass(testEnvConfig('0.43.8'), CLASS);
    const core = (() => {
      const kc = new KubeConfig();
      kc.loadFromFile(env('KUBECONFIG'));
      return kc.makeApiClient(CoreV1Api);
    })();
    const r = await check('in-cluster', { config, inClusterTest: true });
    const volume = r.evidence.find((e) => e.label === 'volume');
    expect(volume).toMatchObject({
      request: `PersistentVolumeClaim 1Mi on the StorageClass ${CLASS}`,
      response: 'Bound',
    });
    const left = await core.listNamespacedPersistentVolumeClaim({
      namespace: 'default',
      labelSelector: PROBE_LABEL,
    });
    expect(left.items.filter((c) => !c.metadata?.deletionTimestamp)).toEqual([]);
  });
});
