'use server';

import { z } from 'zod';

import type { FieldErrors } from '@/lib/config';
import { currentDraftId, draftStore } from '@/lib/draft';
import { toUserError } from '@/lib/errors';
import { mirrorConfigFromDraft } from '@/lib/mirror/input';
import {
  cancelMirrorRun,
  getLatestMirrorRun,
  getMirrorRun,
  type MirrorRefusal,
  type MirrorRunView,
  planMirrorSource,
  runningMirrorRun,
  startMirrorRun,
} from '@/lib/mirror/runs';
import type { MirrorPlanView } from '@/lib/mirror/view';

import { type ActionResult, fail, ok } from '../../action-result';

const runIdSchema = z.string().uuid();
/** A plan reads every archive's index and asks the registry for each image: bounded all the same. */
const PLAN_TIMEOUT_MS = 5 * 60_000;

/** The stored draft's configuration for a mirror, or the failure to return. */
async function draftForMirror() {
  const owner = await currentDraftId();
  if (!owner) return { failure: fail<never>('ui.error.noSession') };
  const { values } = await draftStore().resolve(owner);
  const parsed = mirrorConfigFromDraft(values ?? {});
  if (!parsed.ok) {
    const field = Object.keys(parsed.fieldErrors)[0] ?? '';
    return {
      failure: fail<never>(
        field.startsWith('mirror.') ? 'mirrorStep.ui.sourceInvalid' : 'mirrorStep.ui.registryInvalid',
        { count: Object.keys(parsed.fieldErrors).length },
        { fieldErrors: parsed.fieldErrors },
      ),
    };
  }
  return { owner, config: parsed.config };
}

function refused<T>(r: MirrorRefusal): ActionResult<T> {
  const fieldErrors = r.field ? ({ [r.field]: r.error } as FieldErrors) : undefined;
  return fail(r.error.key, r.error.params, fieldErrors ? { fieldErrors } : {});
}

/** Lists what the saved source folder holds against the configuration and the registry. */
export async function planMirror(): Promise<ActionResult<MirrorPlanView>> {
  try {
    const draft = await draftForMirror();
    if (draft.failure) return draft.failure;
    const r = await planMirrorSource(draft.config, AbortSignal.timeout(PLAN_TIMEOUT_MS));
    return r.ok ? ok(r.plan) : refused(r.refusal);
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}

/** Starts pushing the saved source folder to the registry; poll it with {@link pollMirrorRun}. */
export async function startMirror(): Promise<ActionResult<MirrorRunView>> {
  try {
    const draft = await draftForMirror();
    if (draft.failure) return draft.failure;
    if (runningMirrorRun(draft.owner)) return fail('mirrorStep.ui.alreadyRunning');
    return ok(startMirrorRun(draft.owner, draft.config));
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}

/** The run as it stands on the server. */
export async function pollMirrorRun(runId: string): Promise<ActionResult<MirrorRunView>> {
  const owner = await currentDraftId();
  const parsed = runIdSchema.safeParse(runId);
  const run = owner && parsed.success ? getMirrorRun(owner, parsed.data) : undefined;
  return run ? ok(run) : fail('mirrorStep.ui.unknownRun');
}

/** The latest run of this browser's draft (shown again after a reload), or null. */
export async function latestMirrorRun(): Promise<ActionResult<MirrorRunView | null>> {
  const owner = await currentDraftId();
  return ok((owner && getLatestMirrorRun(owner)) || null);
}

/** Cancels the run: what is fully uploaded stays, no half-pushed image gets a tag. */
export async function cancelMirror(runId: string): Promise<ActionResult<MirrorRunView>> {
  const owner = await currentDraftId();
  const parsed = runIdSchema.safeParse(runId);
  const run = owner && parsed.success ? cancelMirrorRun(owner, parsed.data) : undefined;
  return run ? ok(run) : fail('mirrorStep.ui.unknownRun');
}
