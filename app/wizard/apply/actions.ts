'use server';

import { z } from 'zod';

import { randomUUID } from 'node:crypto';

import { type AuditEntry, appendAudit, readAudit } from '@/lib/apply/audit';
import { applyGate } from '@/lib/apply/gate';
import { buildApplyPlan, type StepSummary, summarizeStep } from '@/lib/apply/plan';
import { acquireApplyLock, applyLockKeys, type LockHolder, releaseApplyLock } from '@/lib/apply/lock';
import {
  type ApplyRun,
  applyRunDone,
  cancelApplyRun,
  getApplyRun,
  getLatestApplyRun,
  hasRunningApply,
  startApplyRun,
} from '@/lib/apply/runs';
import { CHECK_DEFINITIONS } from '@/lib/checks';
import { getLatestRun, getRunFingerprint } from '@/lib/checks/runs';
import type { InstallConfig } from '@/lib/config';
import { currentDraftConfig, currentDraftId } from '@/lib/draft';
import { changedFingerprintFields, fingerprintConfig } from '@/lib/draft/fingerprint';
import { toUserError } from '@/lib/errors';
import { buildManifests } from '@/lib/generate';
import { openConnection } from '@/lib/kube';
import { currentSession } from '@/lib/session';

import { type ActionResult, fail, ok } from '../../action-result';
import { currentLocale, serverTranslator } from '../../locale';

/** What the audit log says an apply targets; the cluster is its API server's address. */
function auditTarget(config: InstallConfig): NonNullable<AuditEntry['target']> {
  const conn = openConnection(config.target);
  return {
    cluster: conn.ok ? conn.loaded.cluster.server : `context ${config.target.kubeContext || '(current)'}`,
    operatorNamespace: config.target.operatorNamespace,
    crNamespace: config.target.crNamespace,
    crName: config.target.crName,
    operatorChart: config.charts.operator.version,
    platformChart: config.charts.platform.version,
  };
}

/** Field paths as the user knows them: their labels in the user's language. */
async function fieldLabels(fields: readonly string[]): Promise<string> {
  const t = serverTranslator(await currentLocale());
  return fields
    .map((f) => {
      const key = `ui.field.${f}`;
      const label = t(key);
      return label === key ? f : `${label} (${f})`;
    })
    .join(', ');
}

/** Checks as the user knows them: their titles in the user's language, not their ids. */
async function checkTitles(ids: readonly string[]): Promise<string> {
  const t = serverTranslator(await currentLocale());
  return ids
    .map((id) => {
      const definition = CHECK_DEFINITIONS.find((d) => d.id === id);
      return definition ? t(definition.titleKey) : id;
    })
    .join(', ');
}

const runIdSchema = z.string().uuid();
const startInput = z.object({
  dryRun: z.boolean().default(true),
  /** Roll back or uninstall an operator release left pending by an interrupted helm run first. */
  recoverStuckRelease: z.boolean().default(false),
  /** Only follow the readiness of what is installed: reads, never writes, so no gate. */
  followOnly: z.boolean().default(false),
});

/**
 * Starts an apply (`dryRun: false`; refused until the latest prerequisite run is cleared: every
 * strict check passed or bypassed) or a dry run of the stored draft, and returns it at once;
 * poll it with {@link pollApplyRun}. `recoverStuckRelease` (apply only) first recovers an operator
 * release that an interrupted helm run left pending. `followOnly` only follows the readiness of
 * what is installed (after a stopped or timed-out follow, or another day).
 */
export async function startApply(input: {
  dryRun: boolean;
  recoverStuckRelease?: boolean;
  followOnly?: boolean;
}): Promise<ActionResult<ApplyRun>> {
  const parsed = startInput.safeParse(input ?? {});
  if (!parsed.success) return fail('ui.error.badRequest');
  const { dryRun, recoverStuckRelease, followOnly } = parsed.data;
  const session = await currentSession();
  const owner = await currentDraftId();
  const draft = await currentDraftConfig();
  if (!owner || !session || !draft) return fail('apply.ui.noDraft');
  if (!draft.ok)
    return fail(
      'apply.ui.invalidDraft',
      { count: Object.keys(draft.fieldErrors).length },
      { fieldErrors: draft.fieldErrors },
    );
  const changes = !dryRun && !followOnly;
  let fingerprint;
  try {
    fingerprint = await fingerprintConfig(draft.config);
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
  const target = auditTarget(draft.config);
  const event: AuditEntry['event'] = followOnly
    ? 'follow'
    : dryRun
      ? 'dryRun'
      : recoverStuckRelease
        ? 'recover'
        : 'apply';
  const audit = (fields: Partial<AuditEntry> & Pick<AuditEntry, 'phase'>) =>
    appendAudit({
      at: new Date().toISOString(),
      event,
      session: session.label,
      draft: owner,
      configHash: fingerprint.hash,
      target,
      ...fields,
    });
  if (changes) {
    // Only a run made on exactly this configuration (secrets included) clears an apply.
    const latest = getLatestRun(owner);
    const checked = latest ? getRunFingerprint(owner, latest.id) : undefined;
    const refused = applyGate(latest, checked ? changedFingerprintFields(checked, fingerprint) : null);
    if (refused) {
      await audit({ phase: 'recorded', result: 'refused', error: refused.refusal });
      if (refused.refusal === 'configChanged')
        return fail('apply.security.changedSinceChecks', { fields: await fieldLabels(refused.fields ?? []) });
      return fail(`apply.ui.refused.${refused.refusal}`, { checks: await checkTitles(refused.checks) });
    }
  }
  if (hasRunningApply(owner)) return fail('apply.ui.refused.running');
  // One apply per cluster and release, whoever starts it.
  const keys = changes ? applyLockKeys(target.cluster, draft.config.target) : [];
  const holder: LockHolder = { holder: session.label, since: new Date().toISOString(), runId: randomUUID() };
  if (changes) {
    const lock = acquireApplyLock(keys, holder);
    if ('held' in lock) {
      await audit({ phase: 'recorded', result: 'refused', error: 'locked' });
      return fail('apply.security.locked', { holder: lock.held.holder, since: lock.held.since });
    }
  }
  let run: ApplyRun;
  try {
    run = startApplyRun(owner, {
      config: draft.config,
      dryRun,
      recoverStuckRelease: !dryRun && recoverStuckRelease,
      followOnly,
    });
  } catch (e) {
    releaseApplyLock(keys, holder.runId);
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
  holder.runId = run.id;
  await audit({ phase: 'started', runId: run.id });
  void applyRunDone(owner, run.id).then(async (ended) => {
    releaseApplyLock(keys, run.id);
    const failedStep = ended?.steps.find((s) => s.state === 'failed');
    await audit({
      phase: 'ended',
      runId: run.id,
      result: ended?.status ?? 'unknown',
      ...((ended?.error ?? failedStep?.error) ? { error: (ended?.error ?? failedStep?.error)!.key } : {}),
    });
  });
  return ok(run);
}

/** The run as it stands. */
export async function pollApplyRun(runId: string): Promise<ActionResult<ApplyRun>> {
  const owner = await currentDraftId();
  const parsed = runIdSchema.safeParse(runId);
  const run = owner && parsed.success ? getApplyRun(owner, parsed.data) : undefined;
  return run ? ok(run) : fail('apply.ui.unknownRun');
}

/** The latest run of this browser's draft (shown again after a reload), or null. */
export async function latestApplyRun(): Promise<ActionResult<ApplyRun | null>> {
  const owner = await currentDraftId();
  return ok((owner && getLatestApplyRun(owner)) || null);
}

/** Cancels the run: helm is stopped and no further step starts. */
export async function cancelApply(runId: string): Promise<ActionResult<ApplyRun>> {
  const owner = await currentDraftId();
  const parsed = runIdSchema.safeParse(runId);
  const run = owner && parsed.success ? cancelApplyRun(owner, parsed.data) : undefined;
  if (!run || !owner) return fail('apply.ui.unknownRun');
  const session = await currentSession();
  await appendAudit({
    at: new Date().toISOString(),
    event: 'cancel',
    phase: 'recorded',
    session: session?.label ?? '',
    draft: owner,
    runId: run.id,
  });
  return ok(run);
}

/** The newest entries of the audit log (this server, every session). */
export async function readAuditLog(): Promise<ActionResult<AuditEntry[]>> {
  if (!(await currentDraftId())) return fail('ui.error.noSession');
  return ok(await readAudit(50));
}

/** What the confirmation names before an apply: the cluster, and every object the apply writes. */
export interface ApplyConfirmation {
  /** The API server's address, or where the wizard looked for a kubeconfig. */
  cluster: string;
  context: string;
  writes: StepSummary[];
}

/**
 * The exact writes of an apply of the stored draft (the plan's namespaces, Secrets, chart
 * ConfigMap, operator release and custom resource), for the confirmation: it promises only what
 * this configuration creates. Reads nothing from the cluster.
 */
export async function applyConfirmation(): Promise<ActionResult<ApplyConfirmation>> {
  const draft = await currentDraftConfig();
  if (!draft) return fail('apply.ui.noDraft');
  if (!draft.ok)
    return fail(
      'apply.ui.invalidDraft',
      { count: Object.keys(draft.fieldErrors).length },
      { fieldErrors: draft.fieldErrors },
    );
  try {
    // With the secrets, as the apply builds it: the Secrets are steps only then (only their names leave).
    const plan = buildApplyPlan(draft.config, buildManifests(draft.config, { includeSecrets: true }));
    const conn = openConnection(draft.config.target);
    return ok({
      cluster: conn.ok ? conn.loaded.cluster.server : conn.where,
      context: conn.ok ? conn.loaded.context : draft.config.target.kubeContext,
      writes: plan.steps
        .filter((s) => ['namespace', 'secret', 'chartsConfigMap', 'helm', 'customResource'].includes(s.kind))
        .map(summarizeStep),
    });
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}
