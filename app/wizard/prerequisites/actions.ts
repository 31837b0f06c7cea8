'use server';

import { z } from 'zod';

import { CHECK_IDS } from '@/lib/checks';
import { type CheckRun, getLatestRun, getRun, recordBypass, rerunCheck, startRun } from '@/lib/checks/runs';
import { currentDraftConfig, currentDraftId } from '@/lib/draft';

import { type ActionResult, fail, ok } from '../../action-result';

const runIdSchema = z.string().uuid();
const checkIdSchema = z.enum(CHECK_IDS as [string, ...string[]]);

/**
 * Starts a run of every prerequisite check against the stored draft (secrets merged on the server)
 * and returns it at once; poll it with {@link pollChecksRun}.
 */
export async function startChecksRun(input: {
  bucketWriteTest?: boolean;
  inClusterTest?: boolean;
}): Promise<ActionResult<CheckRun>> {
  const owner = await currentDraftId();
  const draft = await currentDraftConfig();
  if (!owner || !draft) return fail('checks.ui.noDraft');
  if (!draft.ok)
    return fail(
      'checks.ui.invalidDraft',
      { count: Object.keys(draft.fieldErrors).length },
      { fieldErrors: draft.fieldErrors },
    );
  return ok(
    startRun(owner, {
      config: draft.config,
      bucketWriteTest: input.bucketWriteTest === true,
      inClusterTest: input.inClusterTest === true,
    }),
  );
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
  const result = recordBypass(owner, r.data, checkId, confirmed === true, String(reason ?? ''));
  return 'run' in result ? ok(result.run) : fail(`checks.ui.refused.${result.refused}`);
}
