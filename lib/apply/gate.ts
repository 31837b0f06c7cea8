import type { CheckRun } from '@/lib/checks/runs';

/** Why an apply may not start yet. */
export type ApplyRefusal = 'noChecks' | 'checksRunning' | 'checksNotCleared';

/**
 * Whether the latest prerequisite run allows an apply: it must exist, be finished, and every
 * strict check must have passed (or warned) or been bypassed with a reason (`cleared`). Pure.
 * Returns the refusal with the ids of the strict checks in the way, or undefined when clear.
 */
export function applyGate(
  latest: CheckRun | undefined,
): { refusal: ApplyRefusal; checks: string[] } | undefined {
  if (!latest) return { refusal: 'noChecks', checks: [] };
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
