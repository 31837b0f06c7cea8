/**
 * Test support for the vendor's real operator (scripts/test-env.d/80-operator) and charts
 * (40-charts, `…/vendor`): why they are unavailable, a configuration of the test environment in a
 * fresh namespace, the wait for a release's workloads on the kwok node, the operator's log, a
 * pause of the operator process, and the cleanup of a namespace the operator reconciled in.
 * Shared by test/smoke/operator-vendor.test.ts, lib/apply/apply.int.test.ts and e2e/checks-apply.spec.ts.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { testEnvConfig } from '@/lib/checks/test-env-config';
import type { InstallConfig } from '@/lib/config';

/** Why the vendor's operator or charts cannot be used here ('' when both can). */
export const vendorWhy =
  process.env.WANDB_OPERATOR !== '1'
    ? process.env.WANDB_OPERATOR_WHY || 'WANDB_OPERATOR is not 1'
    : process.env.CHARTS_VENDOR !== '1'
      ? process.env.CHARTS_VENDOR_WHY || 'CHARTS_VENDOR is not 1'
      : '';

/** Runs the test environment's kubectl with the admin kubeconfig. */
export const kubectl = (args: string[], input?: string): string =>
  execFileSync(process.env.KUBECTL ?? 'kubectl', ['--kubeconfig', process.env.KUBECONFIG ?? '', ...args], {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input === undefined ? {} : { input }),
  });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh namespace name `<prefix>-<version>-<random>`. */
export function freshNamespace(prefix: string, version: string): string {
  return `${prefix}-${version.replace(/\./g, '-')}-${randomBytes(3).toString('hex')}`;
}

/**
 * The test environment's configuration on the vendor's charts (HTTPS repository with basic auth,
 * the controller tag the environment runs) for `version`, with the resource in `namespace`.
 */
export function vendorConfig(version: string, namespace: string): InstallConfig {
  const c = testEnvConfig(version, { charts: 'vendor' });
  return { ...c, target: { ...c.target, crNamespace: namespace } };
}

/** One workload of a release and whether every replica is ready. */
export interface ReleaseWorkload {
  kind: string;
  name: string;
  ready: boolean;
}

/**
 * Waits (up to `timeoutMs`) until every Deployment, StatefulSet and DaemonSet in `namespace` is
 * ready on the kwok node, and returns them (possibly not all ready when the time ran out).
 */
export async function releaseWorkloads(namespace: string, timeoutMs = 120_000): Promise<ReleaseWorkload[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = JSON.parse(kubectl(['get', 'deploy,sts,ds', '-n', namespace, '-o', 'json'])) as {
      items: Array<{
        kind: string;
        metadata: { name: string };
        spec: { replicas?: number };
        status: Record<string, number | undefined>;
      }>;
    };
    const workloads = list.items.map((w) => ({
      kind: w.kind,
      name: w.metadata.name,
      ready:
        w.kind === 'DaemonSet'
          ? (w.status.numberReady ?? 0) >= 1 && w.status.numberReady === w.status.desiredNumberScheduled
          : (w.status.readyReplicas ?? 0) === (w.spec.replicas ?? 1),
    }));
    if ((workloads.length > 0 && workloads.every((w) => w.ready)) || Date.now() > deadline) return workloads;
    await sleep(1_000);
  }
}

/** The operator's log so far ('' when there is none). */
export function operatorLog(): string {
  const file = process.env.WANDB_OPERATOR_LOG;
  return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/**
 * Stops the operator process (SIGSTOP, by the PID the test environment keeps) until the returned
 * function is called (SIGCONT): for the cases where no operator reports. A no-op without one.
 */
export function pauseOperator(): () => void {
  const pidFile = path.join(process.env.TEST_ENV_DIR ?? '.test-env', 'pids', 'wandb-operator.pid');
  if (process.env.WANDB_OPERATOR !== '1' || !existsSync(pidFile)) return () => {};
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  process.kill(pid, 'SIGSTOP');
  let resumed = false;
  return () => {
    if (resumed) return;
    resumed = true;
    process.kill(pid, 'SIGCONT');
  };
}

/**
 * Removes what the operator installed for every WeightsAndBiases resource in `namespace`: the
 * resource (its finalizer let go first, so that the operator stops reconciling it), then its Helm
 * release. The releases' ClusterRoles have fixed names (`wandb-console`, …), so the next install
 * can happen only after this. v1.22.0 does not read credentialSecret when it prunes
 * (RepoRelease.Prune): its own uninstall gets 401 from the repository and keeps the finalizer.
 */
export function uninstallReleases(namespace: string): void {
  let names: string[];
  try {
    names = kubectl(['get', 'wandb', '-n', namespace, '-o', 'jsonpath={.items[*].metadata.name}'])
      .split(' ')
      .filter(Boolean);
  } catch {
    return; // no namespace, or no CRD
  }
  for (const name of names) {
    const dropFinalizers = () =>
      kubectl([
        'patch',
        'wandb',
        name,
        '-n',
        namespace,
        '--type',
        'merge',
        '-p',
        '{"metadata":{"finalizers":null}}',
      ]);
    dropFinalizers();
    kubectl(['delete', 'wandb', name, '-n', namespace, '--ignore-not-found', '--wait=false']);
    // A helm install the operator had under way when the resource went may finish after an
    // uninstall: uninstall until the release stays gone.
    const helm = (args: string[]) =>
      execFileSync(process.env.HELM3 ?? 'helm', [...args, '-n', namespace], {
        env: { ...process.env },
      }).toString();
    // Each round waits a short while only: objects that a late install made again after the
    // uninstall deleted them never go, and helm would wait its whole 5 minutes for them (the
    // release record is purged either way, and the next round removes what came back).
    let gone = false;
    for (let round = 0; round < 5 && !gone; round++) {
      try {
        helm(['uninstall', name, '--ignore-not-found', '--wait', '--timeout', '30s']);
      } catch {
        /* the wait ran out: the next round looks again */
      }
      execFileSync('sleep', ['3']);
      gone = !helm(['list', '-a', '-q']).split('\n').includes(name);
    }
    if (!gone) throw new Error(`the release ${namespace}/${name} is still there after 5 uninstalls`);
    // A reconcile that was under way may have put the finalizer back before the deletion.
    try {
      dropFinalizers();
    } catch {
      /* gone */
    }
  }
}

/**
 * Everything an install into `namespace` left: {@link uninstallReleases}, the operator's release
 * (by whichever of the environment's helms installed it), then the namespace (not waited for).
 */
export function removeInstall(namespace: string): void {
  uninstallReleases(namespace);
  for (const helm of [process.env.HELM3, process.env.HELM4].filter((h): h is string => !!h)) {
    try {
      execFileSync(helm, ['uninstall', 'operator', '-n', namespace, '--wait', '--timeout', '60s'], {
        env: { ...process.env },
        stdio: 'ignore',
      });
      break;
    } catch {
      /* not installed with this one, or already gone */
    }
  }
  kubectl(['delete', 'namespace', namespace, '--wait=false', '--ignore-not-found']);
}

/** {@link uninstallReleases}, then the namespace's deletion (not waited for). */
export function cleanupNamespace(namespace: string): void {
  uninstallReleases(namespace);
  kubectl(['delete', 'namespace', namespace, '--wait=false', '--ignore-not-found']);
}
