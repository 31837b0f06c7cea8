'use server';

import { z } from 'zod';

import { applyGate } from '@/lib/apply/gate';
import {
  type ApplyRun,
  cancelApplyRun,
  getApplyRun,
  getLatestApplyRun,
  hasRunningApply,
  startApplyRun,
} from '@/lib/apply/runs';
import { getLatestRun } from '@/lib/checks/runs';
import { currentDraftConfig, currentDraftId } from '@/lib/draft';

import { type ActionResult, fail, ok } from '../../action-result';

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
  const owner = await currentDraftId();
  const draft = await currentDraftConfig();
  if (!owner || !draft) return fail('apply.ui.noDraft');
  if (!draft.ok)
    return fail(
      'apply.ui.invalidDraft',
      { count: Object.keys(draft.fieldErrors).length },
      { fieldErrors: draft.fieldErrors },
    );
  if (!dryRun && !followOnly) {
    const refused = applyGate(getLatestRun(owner));
    if (refused) return fail(`apply.ui.refused.${refused.refusal}`, { checks: refused.checks.join(', ') });
  }
  if (hasRunningApply(owner)) return fail('apply.ui.refused.running');
  return ok(
    startApplyRun(owner, {
      config: draft.config,
      dryRun,
      recoverStuckRelease: !dryRun && recoverStuckRelease,
      followOnly,
    }),
  );
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
  return run ? ok(run) : fail('apply.ui.unknownRun');
}
