'use client';

import { QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import type { ActionResult } from '@/app/action-result';

/** A failed action as an Error whose message is the translation key (and `params` its parameters). */
export type ActionError = Error & {
  params?: Record<string, string | number>;
  /** The form paths the action found invalid (a configuration not valid yet), in its order. */
  fields?: string[];
};

/** The data of an action's result, or a throw of its message (for react-query). */
export async function unwrapAction<T>(p: Promise<ActionResult<T>>): Promise<T> {
  const r = await p;
  if (!r.ok)
    throw Object.assign(new Error(r.error.key), {
      params: r.error.params,
      fields: Object.keys(r.fieldErrors ?? {}),
    }) as ActionError;
  return r.data;
}

/** One query client per panel, with no retry: a failed action is shown, not repeated. */
export function newPanelQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/**
 * A run that lives on the server (the prerequisite checks, an apply). When the panel opens, the
 * user's latest run is picked up, so a reload or a return to the step shows the run again (and
 * one still going on keeps being followed); then the shown run is polled every `intervalMs`
 * while `active` says so. `setRun` shows a run an action returned.
 */
export function useServerRun<R extends { id: string }>(o: {
  name: string;
  latest: () => Promise<ActionResult<R | null>>;
  poll: (runId: string) => Promise<ActionResult<R>>;
  active: (run: R) => boolean;
  intervalMs: number;
}) {
  const qc = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const setRun = (r: R) => {
    qc.setQueryData([o.name, r.id], r);
    setRunId(r.id);
  };
  const latest = useQuery({
    queryKey: [o.name, 'latest'],
    queryFn: async () => {
      const r = await unwrapAction(o.latest());
      if (r) {
        qc.setQueryData([o.name, r.id], r);
        // A run started meanwhile wins over the latest one of before.
        setRunId((current) => current ?? r.id);
      }
      return r;
    },
    staleTime: Infinity,
  });
  const run = useQuery({
    queryKey: [o.name, runId],
    queryFn: () => unwrapAction(o.poll(runId as string)),
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data && !o.active(q.state.data) ? false : o.intervalMs),
  });
  return {
    runId,
    run,
    setRun,
    /** The run of before is still being looked up. */
    loadingLatest: latest.isPending,
    error: (run.error ?? latest.error) as ActionError | null,
  };
}
