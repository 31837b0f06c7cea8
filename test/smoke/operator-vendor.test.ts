/**
 * The wizard's own output reconciled for real (issue 10): the vendor's v1 controller (80-operator)
 * takes the generated `secrets.yaml` and `wandb.yaml` for the test environment, downloads the
 * vendor's real `operator-wandb` from the internal HTTPS repository (CA through SSL_CERT_FILE,
 * password through `credentialSecret`), installs it, reports `Completed`, and every Deployment,
 * StatefulSet and DaemonSet of the release becomes ready on the kwok node. Nothing here writes a
 * status or creates a workload. A chart version the repository lacks ends in `Invalid Config`
 * within seconds, with the operator's reason in its log. Each case uses a fresh namespace (the
 * charts label their workloads differently, so one resource cannot move between them).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { operatorReason } from '@/lib/apply/operator-log';
import { testEnvConfig } from '@/lib/checks/test-env-config';
import type { InstallConfig } from '@/lib/config';
import { generateArtifacts } from '@/lib/generate';

const why =
  process.env.WANDB_OPERATOR !== '1'
    ? process.env.WANDB_OPERATOR_WHY || 'WANDB_OPERATOR is not 1'
    : process.env.CHARTS_VENDOR !== '1'
      ? process.env.CHARTS_VENDOR_WHY || 'CHARTS_VENDOR is not 1'
      : '';

const kubectl = (args: string[], input?: string): string =>
  execFileSync(process.env.KUBECTL ?? 'kubectl', ['--kubeconfig', process.env.KUBECONFIG ?? '', ...args], {
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const namespaces: string[] = [];

function configIn(version: string): InstallConfig {
  const c = testEnvConfig(version, { charts: 'vendor' });
  const namespace = `vendor-${version.replace(/\./g, '-')}-${randomBytes(3).toString('hex')}`;
  namespaces.push(namespace);
  return { ...c, target: { ...c.target, crNamespace: namespace } };
}

/** Applies the generated Secrets and resource, as the runbook does; returns the phase it settles in. */
async function applyAndWait(config: InstallConfig): Promise<string> {
  const artifacts = generateArtifacts(config, { includeSecrets: true });
  for (const ns of [config.target.operatorNamespace, config.target.crNamespace])
    kubectl(
      ['apply', '--server-side', '-f', '-'],
      kubectl(['create', 'namespace', ns, '--dry-run=client', '-o', 'yaml']),
    );
  kubectl(['apply', '--server-side', '-f', '-'], artifacts['secrets.yaml']);
  kubectl(['apply', '--server-side', '-f', '-'], artifacts['wandb.yaml']);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const phase = kubectl([
      'get',
      'wandb',
      '-n',
      config.target.crNamespace,
      config.target.crName,
      '-o',
      'jsonpath={.status.phase}',
    ]);
    if (phase === 'Completed' || phase === 'Invalid Config' || Date.now() > deadline) return phase;
    await sleep(1_000);
  }
}

/** Applies the generated resource and expects Completed, then every workload ready on the kwok node. */
async function reconcileAndCheck(config: InstallConfig): Promise<void> {
  expect(generateArtifacts(config, { includeSecrets: true })['wandb.yaml']).toContain('credentialSecret');
  expect(await applyAndWait(config)).toBe('Completed');
  const ns = config.target.crNamespace;
  const deadline = Date.now() + 120_000;
  let workloads: Array<{ kind: string; name: string; ready: boolean }> = [];
  for (;;) {
    const list = JSON.parse(kubectl(['get', 'deploy,sts,ds', '-n', ns, '-o', 'json'])) as {
      items: Array<{
        kind: string;
        metadata: { name: string };
        spec: { replicas?: number };
        status: Record<string, number | undefined>;
      }>;
    };
    workloads = list.items.map((w) => ({
      kind: w.kind,
      name: w.metadata.name,
      ready:
        w.kind === 'DaemonSet'
          ? (w.status.numberReady ?? 0) >= 1 && w.status.numberReady === w.status.desiredNumberScheduled
          : (w.status.readyReplicas ?? 0) === (w.spec.replicas ?? 1),
    }));
    if ((workloads.length > 0 && workloads.every((w) => w.ready)) || Date.now() > deadline) break;
    await sleep(1_000);
  }
  // 0.18.0 names them wandb-app, wandb-console…; 0.43.x wandb-app-bc (a wandb-base alias) and so on
  expect(workloads.length).toBeGreaterThanOrEqual(6);
  expect(workloads.some((w) => w.name.startsWith('wandb-app'))).toBe(true);
  expect(workloads.filter((w) => !w.ready)).toEqual([]);
}

/**
 * Uninstalls a case's release and removes its namespace. The release's ClusterRoles have fixed
 * names (`wandb-console`, …), so the next case can install only after this. v1.22.0 does not read
 * credentialSecret when it prunes (RepoRelease.Prune), so its own uninstall gets 401 from the
 * repository and keeps the finalizer: Helm uninstalls, then the finalizer is let go.
 */
function cleanup(ns: string): void {
  const names = kubectl(['get', 'wandb', '-n', ns, '-o', 'jsonpath={.items[*].metadata.name}'])
    .split(' ')
    .filter(Boolean);
  for (const name of names) {
    execFileSync(process.env.HELM3 ?? 'helm', ['uninstall', name, '-n', ns, '--ignore-not-found', '--wait'], {
      env: { ...process.env },
    });
    kubectl(['patch', 'wandb', name, '-n', ns, '--type', 'merge', '-p', '{"metadata":{"finalizers":null}}']);
  }
  kubectl(['delete', 'namespace', ns, '--wait=false', '--ignore-not-found']);
}

describe.skipIf(why !== '')(`the generated resource, reconciled by the vendor's operator ${why}`, () => {
  afterAll(() => {
    for (const ns of namespaces.splice(0)) cleanup(ns);
  });

  it.each(['0.18.0', '0.43.8'])(
    'operator-wandb %s: Completed, every workload of the release ready on the kwok node',
    async (version) => {
      const config = configIn(version);
      try {
        await reconcileAndCheck(config);
      } finally {
        cleanup(config.target.crNamespace);
        namespaces.splice(namespaces.indexOf(config.target.crNamespace), 1);
      }
    },
    300_000,
  );

  it('a chart version the repository lacks: Invalid Config within seconds, the reason in the operator log', async () => {
    const base = configIn('0.18.0');
    const config = {
      ...base,
      charts: { ...base.charts, platform: { ...base.charts.platform, version: '0.18.99' } },
    };
    const started = Date.now();
    expect(await applyAndWait(config)).toBe('Invalid Config');
    expect(Date.now() - started).toBeLessThan(60_000);
    const log = readFileSync(process.env.WANDB_OPERATOR_LOG ?? '', 'utf8');
    expect(operatorReason(log, config.target.crNamespace, config.target.crName)).toContain('0.18.99');
  }, 120_000);
});
