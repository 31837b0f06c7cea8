import { describe, expect, it } from 'vitest';

import { defaultKubeconfig, type InstallConfig, PROCEDURE_EXAMPLE } from '@/lib/config';
import { buildManifests } from '@/lib/generate';

import { buildApplyPlan, helmApplyArgs, helmChartSource, summarizeStep } from './plan';
import { workloadsOf } from './workloads';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function config(patch: Partial<InstallConfig> = {}): InstallConfig {
  return {
    ...PROCEDURE_EXAMPLE,
    target: {
      operatorNamespace: 'wandb',
      crName: 'wandb',
      crNamespace: 'platform',
      kubeContext: '',
      kubeconfig: defaultKubeconfig,
    },
    registry: { ...PROCEDURE_EXAMPLE.registry, username: 'puller', password: 'registry-secret-1' },
    platform: { ...PROCEDURE_EXAMPLE.platform, license: 'license-secret-1' },
    ...patch,
  };
}

function planOf(c: InstallConfig) {
  return buildApplyPlan(c, buildManifests(c, { includeSecrets: true }));
}

describe('buildApplyPlan', () => {
  it('orders namespaces, Secrets, helm, the two waits, the CR and follow', () => {
    const plan = planOf(config());
    const kinds = plan.steps.map((s) => s.kind);
    expect(kinds.slice(0, 2)).toEqual(['namespace', 'namespace']);
    expect(kinds.slice(-5)).toEqual(['helm', 'waitCrd', 'waitDeployment', 'customResource', 'follow']);
    expect(kinds.slice(2, -5).every((k) => k === 'secret')).toBe(true);
    expect(kinds.filter((k) => k === 'secret').length).toBeGreaterThan(0);
    expect(plan.steps.map((s) => s.id)).toContain('namespace:wandb');
    expect(plan.steps.map((s) => s.id)).toContain('namespace:platform');
    expect(plan.steps.map((s) => s.id)).toContain('crd:weightsandbiases.apps.wandb.com');
    expect(plan.steps.map((s) => s.id)).toContain('deployment:wandb/wandb-controller-manager');
    expect(plan.steps.map((s) => s.id)).toContain('cr:platform/wandb');
    expect(new Set(plan.steps.map((s) => s.id)).size).toBe(plan.steps.length);
    expect(plan.fieldManager).toBe('wandb-airgap-wizard');
  });

  it('one namespace when operator and CR share it', () => {
    const c = config({
      target: {
        operatorNamespace: 'wandb',
        crName: 'w',
        crNamespace: 'wandb',
        kubeContext: '',
        kubeconfig: defaultKubeconfig,
      },
    });
    expect(planOf(c).steps.filter((s) => s.kind === 'namespace')).toHaveLength(1);
  });

  it('a local platform chart goes into the wandb-charts ConfigMap after the Secrets, before the operator', () => {
    const c = config({
      charts: {
        ...PROCEDURE_EXAMPLE.charts,
        platform: { source: { kind: 'local', path: '/data/operator-wandb-0.18.0.tgz' }, version: '0.18.0' },
      },
    });
    const steps = planOf(c).steps;
    const i = steps.findIndex((s) => s.kind === 'chartsConfigMap');
    expect(steps[i]).toEqual({
      id: 'configmap:wandb/wandb-charts',
      kind: 'chartsConfigMap',
      namespace: 'wandb',
      name: 'wandb-charts',
      path: '/data/operator-wandb-0.18.0.tgz',
    });
    expect(steps[i - 1]?.kind).toBe('secret');
    expect(steps[i + 1]?.kind).toBe('helm');
    expect(planOf(config()).steps.some((s) => s.kind === 'chartsConfigMap')).toBe(false);
  });

  it('collects every secret value for redaction, and the summaries carry none', () => {
    const plan = planOf(config());
    expect(plan.secrets).toEqual(expect.arrayContaining(['registry-secret-1', 'license-secret-1']));
    const summaries = JSON.stringify(plan.steps.map(summarizeStep));
    for (const s of plan.secrets) expect(summaries).not.toContain(s);
    expect(plan.steps.map(summarizeStep).find((s) => s.kind === 'helm')?.target).toBe('operator (wandb)');
  });

  it('is the same for the same input', () => {
    expect(planOf(config())).toEqual(planOf(config()));
  });
});

describe('helmChartSource and helmApplyArgs', () => {
  it('HTTP repository with user and CA: the alias reference, --version, the password kept out of argv', () => {
    const mapped = helmChartSource(
      {
        kind: 'repo',
        url: 'https://charts.example',
        repoName: 'x',
        username: 'u',
        password: 'pw-secret',
        caBundle: CA,
        insecureSkipVerify: false,
      },
      'operator',
      '1.3.3',
    );
    expect(mapped).toEqual({
      source: { kind: 'repo', repoUrl: 'https://charts.example', chart: 'operator', version: '1.3.3' },
      access: { username: 'u' },
      caPem: CA,
      password: 'pw-secret',
    });
    const args = helmApplyArgs(
      { release: 'operator', namespace: 'wandb', ...mapped, values: {} },
      { helmMajor: 3, valuesFile: '/tmp/v.yaml', caFile: '/tmp/ca.crt' },
    );
    expect(args).toEqual([
      'upgrade',
      '--install',
      'operator',
      'wizard-charts/operator',
      '--version',
      '1.3.3',
      '--namespace',
      'wandb',
      '--create-namespace',
      '--values',
      '/tmp/v.yaml',
      '--timeout',
      '300s',
    ]);
    expect(args.join(' ')).not.toContain('pw-secret');
  });

  it('OCI over plain HTTP, dry run, a kube context; no version when the configuration leaves it empty', () => {
    const mapped = helmChartSource(
      {
        kind: 'oci',
        url: 'oci://127.0.0.1:25000/mirror/charts/',
        username: '',
        password: '',
        caBundle: '',
        plainHttp: true,
        insecureSkipVerify: false,
      },
      'operator',
      '',
    );
    const args = helmApplyArgs(
      { release: 'operator', namespace: 'ops', ...mapped, values: {}, kubeContext: 'prod' },
      { helmMajor: 4, valuesFile: 'v.yaml', dryRun: true, timeoutSeconds: 60 },
    );
    expect(args).toEqual([
      'upgrade',
      '--install',
      'operator',
      'oci://127.0.0.1:25000/mirror/charts/operator',
      '--plain-http',
      '--namespace',
      'ops',
      '--create-namespace',
      '--values',
      'v.yaml',
      '--timeout',
      '60s',
      '--kube-context',
      'prod',
      '--dry-run=server',
    ]);
  });

  it('OCI with a CA gets --ca-file; a local archive is the path itself', () => {
    const oci = helmChartSource(
      {
        kind: 'oci',
        url: 'oci://reg:5000/charts',
        username: 'u',
        password: 'p',
        caBundle: CA,
        plainHttp: false,
        insecureSkipVerify: true,
      },
      'operator',
      '1.3.3',
    );
    expect(
      helmApplyArgs(
        { release: 'operator', namespace: 'n', ...oci, values: {} },
        { helmMajor: 3, valuesFile: 'v', caFile: 'ca' },
      ).slice(3, 10),
    ).toEqual([
      'oci://reg:5000/charts/operator',
      '--version',
      '1.3.3',
      '--ca-file',
      'ca',
      '--insecure-skip-tls-verify',
      '--namespace',
    ]);
    const local = helmChartSource({ kind: 'local', path: '/charts/operator-1.3.3.tgz' }, 'operator', '1.3.3');
    expect(local).toEqual({ source: { kind: 'file', path: '/charts/operator-1.3.3.tgz' }, access: {} });
    expect(
      helmApplyArgs(
        { release: 'operator', namespace: 'n', ...local, values: {} },
        { helmMajor: 3, valuesFile: 'v' },
      )[3],
    ).toBe('/charts/operator-1.3.3.tgz');
  });
});

describe('workloadsOf', () => {
  it('the operator Deployment, the platform Deployments, and MySQL only in the cluster', () => {
    const external = workloadsOf(config());
    expect(external.map((w) => `${w.kind} ${w.namespace}/${w.name}`)).toEqual([
      'Deployment wandb/wandb-controller-manager',
      'Deployment platform/wandb-app',
      'Deployment platform/wandb-console',
      'Deployment platform/wandb-weave',
      'Deployment platform/wandb-parquet',
      'Deployment platform/wandb-prometheus-server',
    ]);
    const inCluster = workloadsOf(
      config({ mysql: { mode: 'in-cluster', database: 'wandb_local', user: 'wandb', password: 'pw-1234' } }),
    );
    expect(inCluster.at(-1)).toEqual({ kind: 'StatefulSet', namespace: 'platform', name: 'wandb-mysql' });
  });

  it('0.43.x: the Deployments as the real chart names them (wandb-base aliases ending in -bc)', () => {
    const c = config();
    const names = workloadsOf({
      ...c,
      charts: { ...c.charts, platform: { ...c.charts.platform, version: '0.43.8' } },
    }).map((w) => w.name);
    expect(names).toEqual([
      'wandb-controller-manager',
      'wandb-app-bc',
      'wandb-console-bc',
      'wandb-weave-bc',
      'wandb-parquet-bc',
      'wandb-prometheus-server',
    ]);
  });
});
