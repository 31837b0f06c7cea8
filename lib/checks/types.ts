import 'server-only';

import type { Message } from '@/lib/errors';

/** How a check ended. `error` means the check could not decide (it threw, timed out or was cancelled). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'error' | 'skipped';

/** What a check asked and what came back, secrets removed. `label` names the exchange. */
export interface Evidence {
  label: string;
  request?: string;
  response?: string;
}

/** What a check's `run` returns; the runner adds identity and timing to make a {@link CheckResult}. */
export interface CheckOutcome {
  status: CheckStatus;
  message: Message;
  remedy?: Message;
  evidence?: Evidence[];
}

/** One finished check, ready to show and to store. Times are ISO 8601; evidence is redacted. */
export interface CheckResult {
  id: string;
  titleKey: string;
  strict: boolean;
  status: CheckStatus;
  message: Message;
  remedy?: Message;
  evidence: Evidence[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

/** What the runner hands to a running check. */
export interface CheckContext {
  /** Aborted when the check's own timeout, the overall deadline or the caller's cancel fires. Pass it on. */
  signal: AbortSignal;
  /** Epoch milliseconds by which the check is abandoned; size inner request timeouts below it. */
  deadline: number;
  /** Milliseconds the check had when it started (its timeout, or less under the overall deadline). */
  timeoutMs: number;
}

/**
 * One prerequisite check. Generic in the configuration so that it does not depend on lib/config.
 * An expected failure is an outcome with status `fail`/`warn`, not a throw.
 */
export interface CheckDefinition<C> {
  id: string;
  titleKey: string;
  /** A strict check that does not pass blocks the install; a non-strict one only warns. */
  strict: boolean;
  /** The check's own time limit in milliseconds. */
  timeoutMs: number;
  /** Needs the API server: skipped when the run says no cluster is available. */
  dependsOnCluster?: boolean;
  /** Ids of checks (in the same run) whose `pass`/`warn` this one needs; otherwise it is skipped. */
  dependsOn?: readonly string[];
  /** Secret values in the configuration that this check might echo; the runner removes them from its result. */
  secrets?: (config: C) => ReadonlyArray<string | undefined | null>;
  run: (config: C, ctx: CheckContext) => Promise<CheckOutcome>;
}
