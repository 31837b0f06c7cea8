import type { CheckRun } from '@/lib/checks/runs';

/** Why an apply may not start yet. */
export type ApplyRefusal = 'noChecks' | 'checksRunning' | 'checksNotCleared' | 'configChanged';

/**
 * Whether the latest prerequisite run allows an apply: it must exist, be finished, have been made
 * on exactly the configuration being applied (`changedFields` empty: the fields whose keyed hashes
 * differ between the run's configuration and the one to apply; null when the run recorded none),
 * and every strict check must have passed (or warned) or been bypassed with a reason (`cleared`).
 * Pure. Returns the refusal with the ids of the strict checks in the way (or the changed fields),
 * or undefined when clear.
 */
export function applyGate(
  latest: CheckRun | undefined,
  changedFields: readonly string[] | null = null,
): { refusal: ApplyRefusal; checks: string[]; fields?: string[] } | undefined {
  if (!latest) return { refusal: 'noChecks', checks: [] };
  if (changedFields === null || changedFields.length > 0)
    return { refusal: 'configChanged', checks: [], fields: [...(changedFields ?? [])] };
  const blocking = latest.checks
    .filter((c) => c.strict)
    .filter((c) => {
      if (c.state !== 'done' || !c.result) return true;
      if (c.result.status === 'pass' || c.result.status === 'warn') return false;
      return !latest.bypasses.some((b) => b.checkId === c.id);
    })
    .map((c) => c.id);
  if (latest.checks.some((c) => c.state !== 'done')) return { refusal: 'checksRunning', checks: blocking };
  if (!latest.cleared || blocking.length > 0) return { refusal: 'checksNotCleared', checks: blocking };
  return undefined;
}
