import 'server-only';

import type { Evidence } from './types';

/** Request/answer pairs (registry, chart repository, API server) as evidence entries. */
export function exchangesToEvidence(
  label: string,
  exchanges: ReadonlyArray<{ request: string; response?: string }>,
): Evidence[] {
  return exchanges.map((x) => ({
    label,
    request: x.request,
    ...(x.response !== undefined ? { response: x.response } : {}),
  }));
}

/** Milliseconds left before `deadline`, minus a margin, at least 100 ms: inner limits stay inside the check's. */
export function remainingMs(deadline: number, marginMs = 250): number {
  return Math.max(100, deadline - Date.now() - marginMs);
}
