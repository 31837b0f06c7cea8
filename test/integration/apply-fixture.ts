/**
 * Shared by the integration tests of lib/apply: the test env's variables, a KubeClient for a
 * kubeconfig, and a fresh namespace with the wizard's config and plan for it.
 */
import { randomBytes } from 'node:crypto';

import { buildApplyPlan } from '@/lib/apply/plan';
import { testEnvConfig } from '@/lib/checks/test-env-config';
import type { InstallConfig } from '@/lib/config';
import { buildManifests } from '@/lib/generate';
import { KubeClient, loadKubeConfig } from '@/lib/kube';

import { removeInstall } from './vendor-operator';

/** A variable of the test env; throws, naming it, when the env is not loaded. */
export function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return v;
}

/** A client for the kubeconfig at `path`. */
export function kubeFor(path: string): KubeClient {
  const loaded = loadKubeConfig({ kubeconfigPath: path });
  if (loaded.error) throw new Error(loaded.error.detail);
  return new KubeClient(loaded.value.kc, { requestTimeoutMs: 15_000 });
}

/**
 * The charts the apply tests install: the vendor's real ones where the environment has them. The
 * fixture `operator` chart's CRD differs from the real one the environment installs for the
 * operator (80-operator), and Helm 4 applies a chart's CRDs server-side: it would conflict.
 */
export function defaultCharts(): 'vendor' | 'fixtures' {
  return process.env.CHARTS_VENDOR === '1' ? 'vendor' : 'fixtures';
}

/**
 * A config for a fresh namespace, and its plan (the operator chart with namespaced RBAC so
 * parallel runs never share a ClusterRole), on `charts` (default {@link defaultCharts}) at
 * `version` (default 0.18.0). Pushes onto `cleanups` the removal of what
 * the operator (the real one reconciles every resource) installed, the uninstall of the operator
 * release and the deletion of the namespace.
 */
export function freshInstall(
  cleanups: Array<() => void>,
  mutate: (c: InstallConfig) => InstallConfig = (c) => c,
  options: { charts?: 'vendor' | 'fixtures'; version?: string } = {},
) {
  const ns = `apply-it-${randomBytes(3).toString('hex')}`;
  const base = testEnvConfig(options.version ?? '0.18.0', { charts: options.charts ?? defaultCharts() });
  const config = mutate({
    ...base,
    target: { ...base.target, operatorNamespace: ns, crNamespace: ns },
  });
  const manifests = buildManifests(config, { includeSecrets: true });
  const plan = buildApplyPlan(config, {
    ...manifests,
    operatorValues: {
      ...manifests.operatorValues,
      namespaceIsolation: { enabled: true, additionalNamespaces: [] },
    },
  });
  cleanups.push(() => removeInstall(ns));
  return { ns, config, plan };
}
