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
import { afterAll, describe, expect, it } from 'vitest';

import { operatorReason } from '@/lib/apply/operator-log';
import type { InstallConfig } from '@/lib/config';
import { generateArtifacts } from '@/lib/generate';
import {
  cleanupNamespace,
  freshNamespace,
  kubectl,
  operatorLog,
  releaseWorkloads,
  sleep,
  vendorConfig,
  vendorWhy as why,
} from '@/test/integration/vendor-operator';

const namespaces: string[] = [];

function configIn(version: string): InstallConfig {
  const namespace = freshNamespace('vendor', version);
  namespaces.push(namespace);
  return vendorConfig(version, namespace);
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
  const workloads = await releaseWorkloads(config.target.crNamespace);
  // 0.18.0 names them wandb-app, wandb-console…; 0.43.x wandb-app-bc (a wandb-base alias) and so on
  expect(workloads.length).toBeGreaterThanOrEqual(6);
  expect(workloads.some((w) => w.name.startsWith('wandb-app'))).toBe(true);
  expect(workloads.filter((w) => !w.ready)).toEqual([]);
}

describe.skipIf(why !== '')(`the generated resource, reconciled by the vendor's operator ${why}`, () => {
  afterAll(() => {
    for (const ns of namespaces.splice(0)) cleanupNamespace(ns);
  });

  it.each(['0.18.0', '0.43.8'])(
    'operator-wandb %s: Completed, every workload of the release ready on the kwok node',
    async (version) => {
      const config = configIn(version);
      try {
        await reconcileAndCheck(config);
      } finally {
        cleanupNamespace(config.target.crNamespace);
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
    expect(operatorReason(operatorLog(), config.target.crNamespace, config.target.crName)).toContain(
      '0.18.99',
    );
  }, 120_000);
});
