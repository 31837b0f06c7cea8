import 'server-only';

import { randomUUID } from 'node:crypto';

import type { InstallConfig } from '@/lib/config';
import { toUserError } from '@/lib/errors';
import { buildManifests } from '@/lib/generate';
import { findHelm } from '@/lib/helm';
import { KubeClient, openConnection, withKubeconfigFile } from '@/lib/kube';

import type { ReadinessReport } from './follow';
import { buildApplyPlan, type StepSummary, summarizeStep } from './plan';
import { type ApplyEvent, runApplyPlan, type StepChange } from './run';

/** A message key (errors.*, apply.*) with its parameters and, for errors, the redacted detail. */
export interface RunMessage {
  key: string;
  params: Record<string, string | number>;
  detail?: string;
}

/** One step of a run as the page shows it. */
export interface RunStep extends StepSummary {
  state: 'pending' | 'running' | 'done' | 'failed';
  change?: StepChange;
  detail?: string;
  error?: RunMessage;
  startedAt?: string;
  finishedAt?: string;
}

/** An apply or dry run as the store keeps it and the page polls it. No secret is in it. */
export interface ApplyRun {
  id: string;
  dryRun: boolean;
  /** The run recovers a stuck operator release before the upgrade. */
  recoverStuckRelease: boolean;
  /** Only the follow: the readiness of an install done before, nothing changed. */
  followOnly?: boolean;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  /** Set when the run could not start (no helm, unreadable kubeconfig). */
  error?: RunMessage;
  helm?: string;
  steps: RunStep[];
  /** The latest log lines (redacted), oldest first. */
  logs: Array<{ stepId: string; at: string; line: string }>;
  readiness?: ReadinessReport;
}

/** What a run needs besides the configuration. */
export interface ApplyRunInput {
  config: InstallConfig;
  dryRun: boolean;
  /** Recover an operator release left pending by an interrupted helm run first (see runApplyPlan). */
  recoverStuckRelease?: boolean;
  /** Only follow the readiness of what is installed (no helm, no change; `dryRun` is ignored). */
  followOnly?: boolean;
  /** Replaces the configuration's kubeconfig (tests); helm gets the same file. */
  kubeconfigPath?: string;
  /** Environment to find helm in (HELM, PATH). Default: the server's. */
  env?: Record<string, string | undefined>;
  /** Passed to the runner (tests shorten them). */
  followTimeoutMs?: number;
  deploymentTimeoutMs?: number;
}

interface StoredRun {
  owner: string;
  run: ApplyRun;
  controller: AbortController;
  done: Promise<void>;
}

/** Runs kept per draft: another draft's runs never push a draft's own out. */
const MAX_RUNS_PER_OWNER = 10;
const MAX_LOG_LINES = 300;
const STORE_KEY = Symbol.for('wandb-airgap-wizard.apply-runs');
const runs: Map<string, StoredRun> =
  ((globalThis as Record<symbol, unknown>)[STORE_KEY] as Map<string, StoredRun> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STORE_KEY] = new Map<string, StoredRun>());

function remember(stored: StoredRun): void {
  runs.set(stored.run.id, stored);
  const finished = [...runs.values()].filter((r) => r.owner === stored.owner && r.run.status !== 'running');
  const own = [...runs.values()].filter((r) => r.owner === stored.owner).length;
  for (const old of finished.slice(0, Math.max(0, own - MAX_RUNS_PER_OWNER))) runs.delete(old.run.id);
}

function applyEvent(run: ApplyRun, e: ApplyEvent): void {
  const step = run.steps.find((s) => s.id === e.stepId);
  switch (e.type) {
    case 'stepStarted':
      if (step) Object.assign(step, { state: 'running', startedAt: e.at });
      break;
    case 'stepFinished':
      if (step)
        Object.assign(step, {
          state: 'done',
          change: e.change,
          finishedAt: e.at,
          ...(e.detail ? { detail: e.detail } : {}),
        });
      break;
    case 'stepFailed':
      if (step)
        Object.assign(step, {
          state: 'failed',
          finishedAt: e.at,
          error: { key: e.error.key, params: e.error.params, detail: e.error.detail },
        });
      break;
    case 'log':
      run.logs.push({ stepId: e.stepId, at: e.at, line: e.line });
      if (run.logs.length > MAX_LOG_LINES) run.logs.splice(0, run.logs.length - MAX_LOG_LINES);
      break;
    case 'readiness':
      run.readiness = e.report;
      break;
  }
}

/** True when the owner has an apply (not a dry run) in progress. */
export function hasRunningApply(owner: string): boolean {
  return [...runs.values()].some((r) => r.owner === owner && r.run.status === 'running');
}

/**
 * Starts an apply or dry run in the background and returns it at once. `owner` (the draft id)
 * scopes it. The configuration (with secrets) stays in this closure; the stored run carries only
 * step names, changes, redacted logs and mapped errors.
 */
export function startApplyRun(owner: string, input: ApplyRunInput): ApplyRun {
  const fullPlan = buildApplyPlan(input.config, buildManifests(input.config, { includeSecrets: true }));
  const followOnly = !!input.followOnly;
  const plan = followOnly
    ? { ...fullPlan, steps: fullPlan.steps.filter((s) => s.kind === 'follow') }
    : fullPlan;
  const dryRun = input.dryRun && !followOnly;
  const run: ApplyRun = {
    id: randomUUID(),
    dryRun,
    recoverStuckRelease: !dryRun && !followOnly && !!input.recoverStuckRelease,
    ...(followOnly ? { followOnly } : {}),
    startedAt: new Date().toISOString(),
    status: 'running',
    steps: plan.steps.map((s) => ({ ...summarizeStep(s), state: 'pending' })),
    logs: [],
  };
  const controller = new AbortController();
  const finish = (status: ApplyRun['status'], error?: ApplyRun['error']) => {
    run.status = status;
    run.finishedAt = new Date().toISOString();
    if (error) run.error = error;
  };
  const done = (async () => {
    try {
      const conn = openConnection(input.config.target, { kubeconfigPath: input.kubeconfigPath });
      if (!conn.ok)
        return finish(
          'failed',
          // No kubeconfig at all: say what to do, not the system call that failed (an unreadable one keeps its message).
          conn.missing
            ? { key: 'apply.ui.noKubeconfig', params: { where: conn.where } }
            : { key: conn.error.key, params: conn.error.params, detail: conn.error.detail },
        );
      // A follow-only run needs no helm.
      let helm: { path: string; major: number } | undefined;
      if (!followOnly) {
        const found = await findHelm({ env: input.env, signal: controller.signal });
        if (controller.signal.aborted) return finish('cancelled');
        if (found.kind !== 'found') {
          const mapped =
            found.kind === 'unusable'
              ? toUserError(found.error)
              : {
                  key: 'errors.helm.notFound',
                  params: { path: found.searched.join(', ') || 'PATH' },
                  detail: '',
                };
          return finish('failed', { key: mapped.key, params: mapped.params, detail: mapped.detail });
        }
        run.helm = `helm ${found.helm.version}`;
        helm = found.helm;
      }
      const kube = new KubeClient(conn.loaded.kc, { requestTimeoutMs: 15_000 });
      // helm reads a file: an uploaded kubeconfig lives in memory-backed /dev/shm for the run only.
      const outcome = await withKubeconfigFile(conn.source, (kubeconfigPath) =>
        runApplyPlan(plan, {
          kube,
          kubeconfigPath,
          helm,
          config: input.config,
          dryRun,
          recoverStuckRelease: run.recoverStuckRelease,
          signal: controller.signal,
          onEvent: (e) => applyEvent(run, e),
          followTimeoutMs: input.followTimeoutMs,
          deploymentTimeoutMs: input.deploymentTimeoutMs,
        }),
      );
      if (outcome.readiness) run.readiness = outcome.readiness;
      finish(outcome.status);
    } catch (e) {
      const mapped = toUserError(e, { secrets: plan.secrets });
      finish(controller.signal.aborted ? 'cancelled' : 'failed', {
        key: mapped.key,
        params: mapped.params,
        detail: mapped.detail,
      });
    }
  })();
  remember({ owner, run, controller, done });
  return structuredClone(run);
}

/** The run, or undefined when it is unknown, expired or someone else's. */
export function getApplyRun(owner: string, runId: string): ApplyRun | undefined {
  const stored = runs.get(runId);
  return stored && stored.owner === owner ? structuredClone(stored.run) : undefined;
}

/** The owner's most recent run (an apply or a dry run), or undefined. */
export function getLatestApplyRun(owner: string): ApplyRun | undefined {
  let latest: ApplyRun | undefined;
  for (const stored of runs.values()) if (stored.owner === owner) latest = stored.run;
  return latest ? structuredClone(latest) : undefined;
}

/** Cancels a running run (helm gets SIGTERM; no further step starts). Returns the run as it stands. */
export function cancelApplyRun(owner: string, runId: string): ApplyRun | undefined {
  const stored = runs.get(runId);
  if (!stored || stored.owner !== owner) return undefined;
  if (stored.run.status === 'running') stored.controller.abort();
  return structuredClone(stored.run);
}

/** Resolves when the run has ended (for tests and shutdown). */
export async function applyRunDone(owner: string, runId: string): Promise<ApplyRun | undefined> {
  const stored = runs.get(runId);
  if (!stored || stored.owner !== owner) return undefined;
  await stored.done;
  return structuredClone(stored.run);
}
