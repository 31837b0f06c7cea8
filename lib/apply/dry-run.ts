import 'server-only';

import type { ApplyPlan } from './plan';
import { type ApplyOutcome, runApplyPlan, type RunApplyOptions } from './run';

/**
 * The plan with nothing persisted: objects with server-side apply `dryRun=All`, the operator
 * chart with `helm upgrade --install --dry-run=server` (Helm 3.13+ and Helm 4), waits and follow
 * skipped. Returns what each step would change (`create` / `update` / `unchanged`, `install` /
 * `upgrade`).
 */
export function dryRunApply(plan: ApplyPlan, o: Omit<RunApplyOptions, 'dryRun'>): Promise<ApplyOutcome> {
  return runApplyPlan(plan, { ...o, dryRun: true });
}
