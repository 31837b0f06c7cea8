import 'server-only';

import { readFile } from 'node:fs/promises';

import { KubernetesObjectApi } from '@kubernetes/client-node';

import type { InstallConfig } from '@/lib/config';
import { CRD_NAME, WIZARD_LABELS } from '@/lib/generate';
import { MessageError, redact, toUserError, type UserError } from '@/lib/errors';
import type { HelmCommand } from '@/lib/helm';
import { isKubeError, type KubeClient, toKubeError } from '@/lib/kube';

import {
  followInstall,
  type FollowOptions,
  type ReadinessReport,
  waitCrdEstablished,
  waitDeploymentAvailable,
} from './follow';
import { recoverRelease, runHelmStep } from './helm-step';
import type { ApplyPlan, ApplyStep, KubeObject, OperatorChart } from './plan';
import { findStuckRelease, stuckReleaseError } from './stuck';

/** What a step did (or, in a dry run, would do). */
export type StepChange =
  'create' | 'update' | 'unchanged' | 'install' | 'upgrade' | 'waited' | 'skipped' | 'followed';

/** Progress of a run, in order. Nothing in an event carries a secret. */
export type ApplyEvent =
  | { type: 'stepStarted'; stepId: string; at: string }
  | { type: 'stepFinished'; stepId: string; at: string; change: StepChange; detail?: string }
  | { type: 'stepFailed'; stepId: string; at: string; error: UserError }
  | { type: 'log'; stepId: string; at: string; line: string }
  | { type: 'readiness'; stepId: string; at: string; report: ReadinessReport };

/** Options of {@link runApplyPlan}. */
export interface RunApplyOptions {
  kube: KubeClient;
  /** The kubeconfig file helm uses (same identity as `kube`). */
  kubeconfigPath: string;
  /** Needed when the plan has a helm step (a follow-only run has none). */
  helm?: { path: string; major: number };
  config: InstallConfig;
  dryRun?: boolean;
  /**
   * The user agreed to recover an operator release left pending by an interrupted helm run
   * (rollback to the last good revision, or uninstall when nothing was ever deployed) before the
   * upgrade. Without it such a release fails the helm step with `errors.helm.stuckRelease`.
   * Ignored in a dry run, which never changes anything.
   */
  recoverStuckRelease?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: ApplyEvent) => void;
  /** Limit of the waits for the CRD and the operator Deployment. Default 60 s / 5 min. */
  crdTimeoutMs?: number;
  deploymentTimeoutMs?: number;
  /** How long the follow step watches the CR and the workloads; 0 skips it. Default 15 min. */
  followTimeoutMs?: number;
  followIntervalMs?: number;
  /** After this long with no CR phase the follow says the operator is silent. Default 2 min. */
  followSilentAfterMs?: number;
  /** Where the follow reads the operator's log for its reason to refuse the CR (see {@link FollowOptions}). */
  operatorLog?: FollowOptions['operatorLog'];
}

/** How a run ended. */
export interface ApplyOutcome {
  status: 'succeeded' | 'failed' | 'cancelled';
  failedStep?: string;
  error?: UserError;
  changes: Array<{ stepId: string; change: StepChange; detail?: string }>;
  readiness?: ReadinessReport;
}

/** Fields the server changes on its own (or that describe, not define, the object). */
const VOLATILE_METADATA = ['managedFields', 'resourceVersion', 'generation', 'creationTimestamp', 'uid'];

/** The object without its status and volatile metadata, with sorted keys, as text to compare. */
function comparable(o: Record<string, unknown> | undefined): string | undefined {
  if (!o) return undefined;
  const metadata = Object.fromEntries(
    Object.entries((o.metadata ?? {}) as Record<string, unknown>).filter(
      ([k]) => !VOLATILE_METADATA.includes(k),
    ),
  );
  const rest = Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'status' && k !== 'metadata'));
  return JSON.stringify({ ...rest, metadata }, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

async function readObject(
  kube: KubeClient,
  object: KubeObject,
): Promise<Record<string, unknown> | undefined> {
  const api = kube.kc.makeApiClient(KubernetesObjectApi);
  try {
    return (await api.read({
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: {
        name: object.metadata.name,
        ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
      },
    })) as unknown as Record<string, unknown>;
  } catch (e) {
    const k = toKubeError(e);
    if (isKubeError(k) && k.statusCode === 404) return undefined;
    throw k;
  }
}

/**
 * Server-side apply of one object (field manager `wandb-airgap-wizard`, force). The change is
 * told by the object before and after: a second apply of the same input leaves the
 * resourceVersion as it was (`unchanged`); where it moved, or in a dry run (`dryRun=All`), the
 * objects are compared without their status and volatile metadata.
 */
async function applyObject(
  kube: KubeClient,
  object: KubeObject,
  fieldManager: string,
  dryRun: boolean,
  signal: AbortSignal | undefined,
): Promise<StepChange> {
  const before = await readObject(kube, object);
  const after = (await kube.serverSideApply(object, {
    signal,
    dryRun,
    fieldManager,
    force: true,
  })) as unknown as Record<string, unknown>;
  if (!before) return 'create';
  const rv = (o: Record<string, unknown>) =>
    (o.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
  // A resourceVersion that moved only because another writer (the operator updating the resource's
  // status) wrote meanwhile is not a change of what the wizard applies: the content decides then.
  if (!dryRun && rv(before) === rv(after)) return 'unchanged';
  return comparable(before) === comparable(after) ? 'unchanged' : 'update';
}

/**
 * Executes the plan step by step, emitting progress events; stops at the first failure (mapped
 * with toUserError, secrets removed) or when `signal` fires. With `dryRun`, every object is sent
 * with `dryRun=All`, helm runs with `--dry-run=server`, the waits and the follow are skipped,
 * and the custom resource is checked only when its CRD is already installed. An operator release
 * left pending by an interrupted helm run fails the helm step (dry run too) unless
 * `recoverStuckRelease` is set.
 */
export async function runApplyPlan(plan: ApplyPlan, o: RunApplyOptions): Promise<ApplyOutcome> {
  const emit = (e: ApplyEvent) => o.onEvent?.(e);
  const now = () => new Date().toISOString();
  const clean = (text: string) => redact(text, plan.secrets);
  const outcome: ApplyOutcome = { status: 'succeeded', changes: [] };
  const dryRun = !!o.dryRun;
  // In a dry run a namespace is not created, so what goes into it cannot be validated yet.
  const pendingNamespaces = new Set<string>();
  for (const step of plan.steps) {
    if (o.signal?.aborted) {
      outcome.status = 'cancelled';
      return outcome;
    }
    emit({ type: 'stepStarted', stepId: step.id, at: now() });
    try {
      const { change, detail } = await runStep(
        step,
        o,
        plan,
        dryRun,
        pendingNamespaces,
        (line) => emit({ type: 'log', stepId: step.id, at: now(), line: clean(line) }),
        (report) => {
          outcome.readiness = report;
          emit({ type: 'readiness', stepId: step.id, at: now(), report });
        },
      );
      const safeDetail = detail === undefined ? undefined : clean(detail);
      outcome.changes.push({ stepId: step.id, change, ...(safeDetail ? { detail: safeDetail } : {}) });
      emit({
        type: 'stepFinished',
        stepId: step.id,
        at: now(),
        change,
        ...(safeDetail ? { detail: safeDetail } : {}),
      });
    } catch (e) {
      if (o.signal?.aborted) {
        outcome.status = 'cancelled';
        const error = toUserError(e, { secrets: plan.secrets });
        emit({ type: 'stepFailed', stepId: step.id, at: now(), error });
        return outcome;
      }
      const error = toUserError(e, { secrets: plan.secrets });
      emit({ type: 'stepFailed', stepId: step.id, at: now(), error });
      return { ...outcome, status: 'failed', failedStep: step.id, error };
    }
  }
  return outcome;
}

async function runStep(
  step: ApplyStep,
  o: RunApplyOptions,
  plan: ApplyPlan,
  dryRun: boolean,
  pendingNamespaces: Set<string>,
  log: (line: string) => void,
  onReport: (r: ReadinessReport) => void,
): Promise<{ change: StepChange; detail?: string }> {
  const { kube, signal } = o;
  const notYet = (ns: string | undefined) =>
    dryRun && ns !== undefined && pendingNamespaces.has(ns)
      ? { change: 'create' as const, detail: `namespace ${ns} does not exist yet; validated at apply` }
      : undefined;
  switch (step.kind) {
    case 'namespace': {
      const change = await applyObject(kube, step.object, plan.fieldManager, dryRun, signal);
      if (dryRun && change === 'create') pendingNamespaces.add(step.object.metadata.name);
      return { change };
    }
    case 'secret':
      return (
        notYet(step.object.metadata.namespace) ?? {
          change: await applyObject(kube, step.object, plan.fieldManager, dryRun, signal),
        }
      );
    case 'chartsConfigMap': {
      const pending = notYet(step.namespace);
      const archive = await readFile(step.path);
      if (pending) return { ...pending, detail: `${pending.detail}; ${archive.length} bytes` };
      const object: KubeObject = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: step.name, namespace: step.namespace, labels: { ...WIZARD_LABELS } },
        data: { 'operator-wandb': archive.toString('base64') },
      };
      return {
        change: await applyObject(kube, object, plan.fieldManager, dryRun, signal),
        detail: `${archive.length} bytes`,
      };
    }
    case 'customResource': {
      const pending = notYet(step.object.metadata.namespace);
      if (pending) return pending;
      if (dryRun) {
        const crd = await kube.getCrd(CRD_NAME, { signal });
        if (!crd?.established)
          return {
            change: 'create',
            detail: 'the CRD is installed by the operator chart; not validated yet',
          };
      }
      return { change: await applyObject(kube, step.object, plan.fieldManager, dryRun, signal) };
    }
    case 'helm':
      return runOperatorHelm(step.chart, o, dryRun, log);
    case 'waitCrd':
      if (dryRun) return { change: 'skipped' };
      await waitCrdEstablished(kube, step.name, { signal, timeoutMs: o.crdTimeoutMs ?? 60_000 });
      return { change: 'waited', detail: 'Established' };
    case 'waitDeployment': {
      if (dryRun) return { change: 'skipped' };
      let last = '';
      const w = await waitDeploymentAvailable(kube, step.namespace, step.name, {
        signal,
        timeoutMs: o.deploymentTimeoutMs ?? 5 * 60_000,
        onReport: (r) => {
          const line = r.found ? `${r.ready}/${r.total} available` : 'not created yet';
          if (line !== last) log((last = line));
        },
      });
      return { change: 'waited', detail: `${w.ready}/${w.total} available` };
    }
    case 'follow': {
      if (dryRun || o.followTimeoutMs === 0) return { change: 'skipped' };
      const r = await followInstall(kube, o.config, {
        signal,
        timeoutMs: o.followTimeoutMs,
        intervalMs: o.followIntervalMs,
        silentAfterMs: o.followSilentAfterMs,
        onReport,
        ...(o.operatorLog ? { operatorLog: o.operatorLog } : {}),
      });
      if (r.outcome === 'aborted')
        throw new MessageError('apply.follow.stopped', {}, 'stopped following on request');
      if (r.outcome === 'invalid') throw invalidConfigError(step.crNamespace, step.crName, r.report);
      if (r.outcome === 'timeout') {
        if (r.error && !r.report) throw r.error;
        throw notReadyError(o.followTimeoutMs ?? 15 * 60_000, r.report);
      }
      return { change: 'followed' };
    }
  }
}

/** The operator refused the CR (`Invalid Config`): its events say why. */
function invalidConfigError(namespace: string, name: string, report?: ReadinessReport): MessageError {
  const events = report?.cr.events ?? [];
  const reason = report?.cr.reason;
  return new MessageError(
    'apply.follow.invalidConfig',
    { resource: `${namespace}/${name}`, events: reason ?? (events.join(' / ') || '—') },
    [...(reason ? [reason] : []), ...events].join('\n'),
  );
}

/**
 * The install did not become ready in time: the message names the most telling cause — images
 * the nodes cannot pull, an operator that never reported on the CR, other pod problems — or else
 * the CR phase and the workloads still waiting. The detail lists every problem.
 */
function notReadyError(timeoutMs: number, report?: ReadinessReport): MessageError {
  const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
  const problems = report?.problems ?? [];
  const detail = problems
    .map((p) =>
      [`${p.namespace}/${p.pod}`, p.container, p.reason, p.image, p.message].filter(Boolean).join(' · '),
    )
    .join('\n');
  const images = [...new Set(problems.filter((p) => p.imagePull && p.image).map((p) => p.image as string))];
  if (images.length > 0)
    return new MessageError(
      'apply.follow.notReady.imagePull',
      { minutes, images: images.join(', ') },
      detail,
    );
  if (report?.operatorSilent)
    return new MessageError(
      'apply.follow.notReady.operatorSilent',
      { minutes, namespace: report.operatorSilent.namespace, deployment: report.operatorSilent.deployment },
      detail,
    );
  if (problems.length > 0) {
    const first = problems[0]!;
    return new MessageError(
      'apply.follow.notReady.pods',
      { minutes, count: problems.length, pod: `${first.namespace}/${first.pod}`, reason: first.reason },
      detail,
    );
  }
  const waiting = (report?.workloads ?? [])
    .filter((w) => !(w.found && w.total > 0 && w.ready >= w.total))
    .map((w) => `${w.namespace}/${w.name}`);
  return new MessageError(
    'apply.follow.notReady',
    { minutes, phase: report?.cr.phase ?? '—', waiting: waiting.join(', ') || '—' },
    detail,
  );
}

/** The operator release's revisions; none when the identity may not list Secrets (helm will tell). */
async function releaseRevisions(kube: KubeClient, chart: OperatorChart, signal: AbortSignal | undefined) {
  return kube.listHelmRevisions(chart.namespace, chart.release, { signal }).catch((e: unknown) => {
    if (isKubeError(e) && e.statusCode === 403) return [];
    throw e;
  });
}

/** Runs helm through `fn`, then logs each helm command it ran (redacted; the exit code when not 0). */
async function loggedHelm<T>(log: (line: string) => void, fn: (commands: HelmCommand[]) => Promise<T>) {
  const commands: HelmCommand[] = [];
  try {
    return await fn(commands);
  } finally {
    for (const c of commands) log(`$ ${c.command}${c.exitCode ? ` (exit ${c.exitCode})` : ''}`);
  }
}

/**
 * The helm step: reads the release's revisions first. A release left pending by an interrupted
 * helm run fails the step with errors.helm.stuckRelease, before helm runs; with `recoverStuckRelease`
 * (not in a dry run) it is rolled back or uninstalled first, read again, then upgraded as usual.
 */
async function runOperatorHelm(
  chart: OperatorChart,
  o: RunApplyOptions,
  dryRun: boolean,
  log: (line: string) => void,
): Promise<{ change: StepChange; detail?: string }> {
  const { kube, signal } = o;
  if (!o.helm) throw new Error('the plan has a helm step but no helm was given');
  const helmOptions = { helm: o.helm, kubeconfig: o.kubeconfigPath, signal };
  let revisions = await releaseRevisions(kube, chart, signal);
  const stuck = findStuckRelease(revisions);
  const notes: string[] = [];
  if (stuck) {
    if (dryRun || !o.recoverStuckRelease) throw stuckReleaseError(stuck, chart.kubeContext);
    const { status, revision } = stuck.latest;
    const how =
      stuck.recovery.action === 'rollback'
        ? `rollback to revision ${stuck.recovery.toRevision}`
        : 'uninstall';
    log(`release ${chart.release} is ${status} at revision ${revision}: recovering with helm ${how}`);
    await loggedHelm(log, (commands) => recoverRelease(chart, stuck.recovery, { ...helmOptions, commands }));
    revisions = await releaseRevisions(kube, chart, signal);
    const still = findStuckRelease(revisions);
    if (still) throw stuckReleaseError(still, chart.kubeContext);
    notes.push(`recovered from ${status} by ${how}`);
  }
  const existing = revisions.at(-1);
  const out = await loggedHelm(log, (commands) => runHelmStep(chart, { ...helmOptions, dryRun, commands }));
  const summary = /^(Release|NAME|STATUS|REVISION|LAST DEPLOYED)/;
  for (const l of out.split('\n')) if (summary.test(l.trim())) log(l);
  if (existing) notes.push(`revision ${existing.revision} → ${existing.revision + 1}`);
  return { change: existing ? 'upgrade' : 'install', ...(notes.length ? { detail: notes.join('; ') } : {}) };
}
