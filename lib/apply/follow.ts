import 'server-only';

import { AppsV1Api, CoreV1Api, type V1Deployment, type V1StatefulSet } from '@kubernetes/client-node';

import type { InstallConfig } from '@/lib/config';
import { OPERATOR_DEPLOYMENT } from '@/lib/generate';
import { isKubeError, type KubeClient, toKubeError } from '@/lib/kube';

import { operatorReason } from './operator-log';
import { type PodProblem, podProblems } from './pod-problems';
import { workloadsOf, type WorkloadRef } from './workloads';

/** One workload's readiness. `total` is the desired replicas; `found: false` when it does not exist yet. */
export interface WorkloadReadiness extends WorkloadRef {
  found: boolean;
  ready: number;
  total: number;
}

/** The custom resource as the operator reports it. */
export interface CrReadiness {
  found: boolean;
  /** `status.phase`: Loading, Applying, Invalid Config, Completed (wandb-values.md §Readiness). */
  phase?: string;
  /** The latest events on the CR (reason: message), newest last. */
  events: string[];
  /** After `Invalid Config`: the operator's own reason, from its pod's log, when that can be read. */
  reason?: string;
}

/** One look at everything the install brings up. */
export interface ReadinessReport {
  at: string;
  cr: CrReadiness;
  workloads: WorkloadReadiness[];
  /** Pods of the install that cannot start (an image missing from the mirror, a crash loop, no node). */
  problems: PodProblem[];
  /**
   * Set by the follow when the CR has existed `seconds` without a phase: the operator (the
   * Deployment named here) has not picked it up — not running, or failing before it reports.
   */
  operatorSilent?: { seconds: number; namespace: string; deployment: string };
  /** CR `Completed` and every workload found with ready = total > 0. */
  ready: boolean;
}

/** The CR phase of a configuration the operator refuses; it stays so until the CR changes. */
const INVALID_CONFIG_PHASE = 'Invalid Config';

export { workloadsOf, type WorkloadRef, type PodProblem };

async function bounded<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'TimeoutError' })),
      ms,
    );
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    const k = toKubeError(e);
    if (isKubeError(k) && k.statusCode === 404) return undefined;
    throw k;
  }
}

/** Ready/total of a Deployment (available replicas) or StatefulSet (ready replicas). */
export function readinessOf(
  ref: WorkloadRef,
  object: V1Deployment | V1StatefulSet | undefined,
): WorkloadReadiness {
  if (!object) return { ...ref, found: false, ready: 0, total: 0 };
  const total = object.spec?.replicas ?? 1;
  const status = object.status as { availableReplicas?: number; readyReplicas?: number } | undefined;
  const ready = ref.kind === 'Deployment' ? (status?.availableReplicas ?? 0) : (status?.readyReplicas ?? 0);
  return { ...ref, found: true, ready, total };
}

/** Reads one workload's readiness (a request bounded to `timeoutMs`). */
export async function readWorkload(
  kube: KubeClient,
  ref: WorkloadRef,
  timeoutMs = 10_000,
): Promise<WorkloadReadiness> {
  const apps = kube.kc.makeApiClient(AppsV1Api);
  const req = { name: ref.name, namespace: ref.namespace };
  const object = await bounded(
    orUndefined<V1Deployment | V1StatefulSet>(
      ref.kind === 'Deployment' ? apps.readNamespacedDeployment(req) : apps.readNamespacedStatefulSet(req),
    ),
    timeoutMs,
  );
  return readinessOf(ref, object);
}

/**
 * Reads the tail of the operator pod's log (the operator chart's Deployment) and returns its reason
 * for refusing the resource. Best effort and bounded: undefined when the pod or its log cannot be
 * read (an identity without pods/log, an operator that runs outside the cluster).
 */
export async function readOperatorReason(
  kube: KubeClient,
  config: InstallConfig,
  timeoutMs = 5_000,
): Promise<string | undefined> {
  const core = kube.kc.makeApiClient(CoreV1Api);
  const namespace = config.target.operatorNamespace;
  try {
    const pods = await bounded(core.listNamespacedPod({ namespace }), timeoutMs);
    let reason: string | undefined;
    for (const pod of pods.items) {
      const name = pod.metadata?.name ?? '';
      if (!name.startsWith(`${OPERATOR_DEPLOYMENT}-`)) continue;
      const log = await bounded(core.readNamespacedPodLog({ namespace, name, tailLines: 500 }), timeoutMs);
      reason = operatorReason(log, config.target.crNamespace, config.target.crName) ?? reason;
    }
    return reason;
  } catch {
    return undefined;
  }
}

/** Reads the CR's phase and its latest events. */
export async function readCr(
  kube: KubeClient,
  namespace: string,
  name: string,
  timeoutMs = 10_000,
): Promise<CrReadiness> {
  const cr = (await kube.getWeightsAndBiases(namespace, name, { signal: AbortSignal.timeout(timeoutMs) })) as
    { status?: { phase?: string } } | undefined;
  if (!cr) return { found: false, events: [] };
  const core = kube.kc.makeApiClient(CoreV1Api);
  const list = await bounded(
    core.listNamespacedEvent({
      namespace,
      fieldSelector: `involvedObject.kind=WeightsAndBiases,involvedObject.name=${name}`,
    }),
    timeoutMs,
  ).catch(() => undefined);
  const events = (list?.items ?? [])
    .sort((a, b) =>
      String(a.lastTimestamp ?? a.eventTime ?? '').localeCompare(
        String(b.lastTimestamp ?? b.eventTime ?? ''),
      ),
    )
    .slice(-5)
    .map((e) => `${e.reason ?? ''}: ${e.message ?? ''}`);
  return { found: true, ...(cr.status?.phase ? { phase: cr.status.phase } : {}), events };
}

/**
 * The problems of the install's pods: those named `<cr>-…` in the CR namespace and the operator's
 * in its namespace. Best effort (an identity that may not list pods gets none), bounded.
 */
export async function readPodProblems(
  kube: KubeClient,
  config: InstallConfig,
  timeoutMs = 10_000,
): Promise<PodProblem[]> {
  const { crName, crNamespace, operatorNamespace } = config.target;
  const prefixes = [
    { namespace: crNamespace, prefix: `${crName}-` },
    { namespace: operatorNamespace, prefix: `${OPERATOR_DEPLOYMENT}-` },
  ];
  const core = kube.kc.makeApiClient(CoreV1Api);
  const lists = await Promise.all(
    [...new Set(prefixes.map((p) => p.namespace))].map((namespace) =>
      bounded(core.listNamespacedPod({ namespace }), timeoutMs).catch(() => undefined),
    ),
  );
  return podProblems(
    lists.flatMap((l) => l?.items ?? []),
    prefixes,
  );
}

/** One readiness report of the install described by `config`. */
export async function readReadiness(kube: KubeClient, config: InstallConfig): Promise<ReadinessReport> {
  const { crName, crNamespace } = config.target;
  const [cr, workloads, problems] = await Promise.all([
    readCr(kube, crNamespace, crName),
    Promise.all(workloadsOf(config).map((w) => readWorkload(kube, w))),
    readPodProblems(kube, config),
  ]);
  const ready =
    cr.phase === 'Completed' && workloads.every((w) => w.found && w.total > 0 && w.ready >= w.total);
  return { at: new Date().toISOString(), cr, workloads, problems, ready };
}

/** Options of {@link followInstall}. */
export interface FollowOptions {
  signal?: AbortSignal;
  /** Give up after this long (the report so far is returned). Default 15 min. */
  timeoutMs?: number;
  /** Between two looks. Default 3 s. */
  intervalMs?: number;
  /** After this long with the CR and no phase, the reports carry `operatorSilent`. Default 2 min. */
  silentAfterMs?: number;
  /** Each report as it is read. */
  onReport?: (report: ReadinessReport) => void;
  /**
   * Reads the operator's log when it refuses the resource, for its reason. Default: the operator
   * pod's log through the API server ({@link readOperatorReason}); an operator that runs outside
   * the cluster (a rehearsal, the test environment) has its log elsewhere.
   */
  operatorLog?: () => Promise<string | undefined>;
}

/**
 * Polls (bounded) the CR's phase and events, the workloads and their pods until everything is
 * ready, the operator refuses the CR (`Invalid Config`: waiting cannot help), the timeout passes
 * or the signal fires. Returns the last report and why it stopped. An API error on one look is
 * retried at the next; the last error is returned if no look succeeded.
 */
export async function followInstall(
  kube: KubeClient,
  config: InstallConfig,
  o: FollowOptions = {},
): Promise<{
  report?: ReadinessReport;
  outcome: 'ready' | 'invalid' | 'timeout' | 'aborted';
  error?: unknown;
}> {
  const deadline = Date.now() + (o.timeoutMs ?? 15 * 60_000);
  const interval = o.intervalMs ?? 3_000;
  const silentAfter = o.silentAfterMs ?? 2 * 60_000;
  let report: ReadinessReport | undefined;
  let error: unknown;
  // Since when the CR has been seen without a phase (the follow's start at the earliest).
  let silentSince: number | undefined;
  for (;;) {
    if (o.signal?.aborted) return { report, outcome: 'aborted' };
    try {
      report = await readReadiness(kube, config);
      error = undefined;
      if (report.cr.found && !report.cr.phase) {
        silentSince ??= Date.now();
        const silent = Date.now() - silentSince;
        if (silent >= silentAfter)
          report = {
            ...report,
            operatorSilent: {
              seconds: Math.round(silent / 1000),
              namespace: config.target.operatorNamespace,
              deployment: OPERATOR_DEPLOYMENT,
            },
          };
      } else {
        silentSince = undefined;
      }
      o.onReport?.(report);
      if (report.ready) return { report, outcome: 'ready' };
      if (report.cr.phase === INVALID_CONFIG_PHASE) {
        const reason = o.operatorLog
          ? await o
              .operatorLog()
              .then((log) =>
                log ? operatorReason(log, config.target.crNamespace, config.target.crName) : undefined,
              )
              .catch(() => undefined)
          : await readOperatorReason(kube, config);
        return { report: reason ? { ...report, cr: { ...report.cr, reason } } : report, outcome: 'invalid' };
      }
    } catch (e) {
      error = e;
    }
    if (Date.now() + interval > deadline) return { report, outcome: 'timeout', ...(error ? { error } : {}) };
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, interval);
      o.signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
}

/** Waits until a Deployment has all its replicas available (polled, bounded). */
export async function waitDeploymentAvailable(
  kube: KubeClient,
  namespace: string,
  name: string = OPERATOR_DEPLOYMENT,
  o: {
    signal?: AbortSignal;
    timeoutMs?: number;
    intervalMs?: number;
    onReport?: (w: WorkloadReadiness) => void;
  } = {},
): Promise<WorkloadReadiness> {
  const deadline = Date.now() + (o.timeoutMs ?? 5 * 60_000);
  const ref: WorkloadRef = { kind: 'Deployment', namespace, name };
  for (;;) {
    o.signal?.throwIfAborted();
    const w = await readWorkload(kube, ref);
    o.onReport?.(w);
    if (w.found && w.total > 0 && w.ready >= w.total) return w;
    if (Date.now() > deadline)
      throw Object.assign(
        new Error(
          `Deployment ${namespace}/${name} is not available after ${Math.round((o.timeoutMs ?? 300_000) / 1000)} s (${w.ready}/${w.total} ready)`,
        ),
        { name: 'TimeoutError' },
      );
    await sleep(o.intervalMs ?? 1_000, o.signal);
  }
}

/** Waits until a CRD exists with condition Established (polled, bounded). */
export async function waitCrdEstablished(
  kube: KubeClient,
  name: string,
  o: { signal?: AbortSignal; timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  for (;;) {
    o.signal?.throwIfAborted();
    const crd = await kube.getCrd(name, { signal: o.signal });
    if (crd?.established) return;
    if (Date.now() > deadline)
      throw Object.assign(
        new Error(
          `CustomResourceDefinition ${name} is ${crd ? 'not Established' : 'missing'} after ${Math.round((o.timeoutMs ?? 60_000) / 1000)} s`,
        ),
        {
          name: 'TimeoutError',
        },
      );
    await sleep(o.intervalMs ?? 500, o.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
