'use server';

import { z } from 'zod';

import { appendAudit } from '@/lib/apply/audit';
import { CHECK_IDS } from '@/lib/checks';
import {
  type CheckRun,
  getLatestRun,
  getRun,
  MAX_RUNNING_PER_OWNER,
  recordBypass,
  rerunCheck,
  runningRuns,
  startRun,
} from '@/lib/checks/runs';
import { currentDraftConfig, currentDraftId } from '@/lib/draft';
import { fingerprintConfig } from '@/lib/draft/fingerprint';
import { toUserError } from '@/lib/errors';
import { currentSession } from '@/lib/session';

import { type ActionResult, fail, ok } from '../../action-result';

const runIdSchema = z.string().uuid();
const checkIdSchema = z.enum(CHECK_IDS as [string, ...string[]]);
const startInput = z
  .object({ bucketWriteTest: z.boolean().default(false), inClusterTest: z.boolean().default(false) })
  .default({ bucketWriteTest: false, inClusterTest: false });

/**
 * Starts a run of every prerequisite check against the stored draft (secrets merged on the server)
 * and returns it at once; poll it with {@link pollChecksRun}.
 */
export async function startChecksRun(input: {
  bucketWriteTest?: boolean;
  inClusterTest?: boolean;
}): Promise<ActionResult<CheckRun>> {
  const parsedInput = startInput.safeParse(input ?? undefined);
  if (!parsedInput.success) return fail('ui.error.badRequest');
  const owner = await currentDraftId();
  const draft = await currentDraftConfig();
  if (!owner || !draft) return fail('checks.ui.noDraft');
  if (!draft.ok)
    return fail(
      'checks.ui.invalidDraft',
      { count: Object.keys(draft.fieldErrors).length },
      { fieldErrors: draft.fieldErrors },
    );
  if (runningRuns(owner) >= MAX_RUNNING_PER_OWNER)
    return fail('errors.security.checksRuns', { limit: MAX_RUNNING_PER_OWNER });
  try {
    // The run records which configuration it checked: apply accepts it for exactly that one.
    const fingerprint = await fingerprintConfig(draft.config);
    return ok(
      startRun(
        owner,
        {
          config: draft.config,
          bucketWriteTest: parsedInput.data.bucketWriteTest,
          inClusterTest: parsedInput.data.inClusterTest,
        },
        fingerprint,
      ),
    );
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}

/** The run as it stands: finished checks carry their results. */
export async function pollChecksRun(runId: string): Promise<ActionResult<CheckRun>> {
  const owner = await currentDraftId();
  const parsed = runIdSchema.safeParse(runId);
  const run = owner && parsed.success ? getRun(owner, parsed.data) : undefined;
  return run ? ok(run) : fail('checks.ui.unknownRun');
}

/** The latest run of this browser's draft (shown again after a reload), or null. */
export async function latestChecksRun(): Promise<ActionResult<CheckRun | null>> {
  const owner = await currentDraftId();
  return ok((owner && getLatestRun(owner)) || null);
}

/** Runs one check of the run again, alone. */
export async function rerunOneCheck(runId: string, checkId: string): Promise<ActionResult<CheckRun>> {
  const owner = await currentDraftId();
  const r = runIdSchema.safeParse(runId);
  const c = checkIdSchema.safeParse(checkId);
  const run = owner && r.success && c.success ? rerunCheck(owner, r.data, c.data) : undefined;
  return run ? ok(run) : fail('checks.ui.unknownRun');
}

/** Records the bypass of a strict check: the confirmation and a reason are both required. */
export async function bypassCheck(
  runId: string,
  checkId: string,
  confirmed: boolean,
  reason: string,
): Promise<ActionResult<CheckRun>> {
  const owner = await currentDraftId();
  const r = runIdSchema.safeParse(runId);
  if (!owner || !r.success) return fail('checks.ui.refused.unknownRun');
  if (typeof checkId !== 'string' || typeof reason !== 'string') return fail('ui.error.badRequest');
  const result = recordBypass(owner, r.data, checkId, confirmed === true, reason);
  if (!('run' in result)) return fail(`checks.ui.refused.${result.refused}`);
  const session = await currentSession();
  await appendAudit({
    at: new Date().toISOString(),
    event: 'bypass',
    phase: 'recorded',
    session: session?.label ?? '',
    draft: owner,
    ...(result.run.configHash ? { configHash: result.run.configHash } : {}),
    runId: result.run.id,
    check: checkId,
    // As recorded in the run: redacted with the configuration's secrets.
    reason: result.run.bypasses.find((b) => b.checkId === checkId)?.reason ?? '',
  });
  return ok(result.run);
}
