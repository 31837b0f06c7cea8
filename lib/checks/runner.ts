import 'server-only';

import { type Message, redactDeep, toUserError } from '@/lib/errors';

import type { CheckContext, CheckDefinition, CheckOutcome, CheckResult } from './types';

/** Options of one run. */
export interface RunOptions {
  /** Overall deadline in milliseconds for the whole run; no check outlives it. Default 60 s. */
  deadlineMs?: number;
  /** Cancels the whole run (e.g. the request was closed). Running checks are aborted and reported `error`. */
  signal?: AbortSignal;
  /** Called once per check as soon as it finishes, in completion order, for progress display. */
  onResult?: (result: CheckResult) => void;
  /** False when no cluster is configured: checks with `dependsOnCluster` are `skipped`. Default true. */
  clusterAvailable?: boolean;
  /** Secret values removed from every result (in addition to each definition's own `secrets`). */
  secrets?: ReadonlyArray<string | undefined | null>;
}

const DEFAULT_DEADLINE_MS = 60_000;
const seconds = (ms: number): number => Math.round(ms / 100) / 10;

type Ending =
  | { kind: 'done'; outcome: CheckOutcome }
  | { kind: 'timeout'; byDeadline: boolean; limitMs: number }
  | { kind: 'cancelled' };

/** Turns a finished run of one check into its result, redacting everything it says. */
function toResult<C>(
  def: CheckDefinition<C>,
  config: C,
  outcome: CheckOutcome,
  startedAt: number,
  t0: number,
  opts: RunOptions,
): CheckResult {
  let ownSecrets: ReadonlyArray<string | undefined | null> = [];
  try {
    ownSecrets = def.secrets?.(config) ?? [];
  } catch {
    // A secrets accessor that throws on a partial config must not lose the result.
  }
  const secrets = [...(opts.secrets ?? []), ...ownSecrets];
  const durationMs = Math.round((performance.now() - t0) * 10) / 10;
  const result: CheckResult = {
    id: def.id,
    titleKey: def.titleKey,
    strict: def.strict,
    status: outcome.status,
    message: redactDeep(outcome.message, secrets),
    evidence: redactDeep(outcome.evidence ?? [], secrets),
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(startedAt + durationMs).toISOString(),
    durationMs,
  };
  if (outcome.remedy) result.remedy = redactDeep(outcome.remedy, secrets);
  return result;
}

function skipped(message: Message): CheckOutcome {
  return { status: 'skipped', message };
}

/**
 * Runs one check under its own timeout, the run's deadline and the caller's signal. When a limit
 * fires, the check's signal is aborted (its sockets and processes are cancelled) and its promise
 * is abandoned: the result is reported at once, whatever the check does afterwards.
 */
async function execute<C>(
  def: CheckDefinition<C>,
  config: C,
  deadlineAt: number,
  parent: AbortSignal | undefined,
  opts: RunOptions,
): Promise<CheckResult> {
  const startedAt = Date.now();
  const t0 = performance.now();
  if (parent?.aborted)
    return toResult(
      def,
      config,
      { status: 'error', message: { key: 'errors.check.cancelled', params: {} } },
      startedAt,
      t0,
      opts,
    );

  const remaining = Math.max(0, deadlineAt - startedAt);
  const byDeadline = remaining < def.timeoutMs;
  const limitMs = Math.min(def.timeoutMs, remaining);
  const controller = new AbortController();
  let ending: Ending | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onParentAbort: (() => void) | undefined;

  // Set `ending` before aborting, so that a check rejecting synchronously from an abort listener
  // still counts as timed out (or cancelled), not as a thrown error.
  const limits = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      ending ??= { kind: 'timeout', byDeadline, limitMs };
      controller.abort(new DOMException(`check ${def.id} exceeded ${limitMs} ms`, 'TimeoutError'));
      resolve();
    }, limitMs);
    if (parent) {
      onParentAbort = () => {
        ending ??= { kind: 'cancelled' };
        controller.abort(parent.reason);
        resolve();
      };
      parent.addEventListener('abort', onParentAbort, { once: true });
    }
  });

  const ctx: CheckContext = { signal: controller.signal, deadline: startedAt + limitMs, timeoutMs: limitMs };
  const run = Promise.resolve()
    .then(() => def.run(config, ctx))
    .then(
      (outcome) => {
        ending ??= { kind: 'done', outcome };
      },
      (e: unknown) => {
        const err = toUserError(e);
        ending ??= {
          kind: 'done',
          outcome: {
            status: 'error',
            message: { key: err.key, params: err.params },
            evidence: [{ label: 'error', response: err.detail }],
          },
        };
      },
    );

  await Promise.race([run, limits]);
  clearTimeout(timer);
  if (parent && onParentAbort) parent.removeEventListener('abort', onParentAbort);
  // Whatever the check left running (a parallel request it no longer awaits) is cancelled now.
  if (!controller.signal.aborted)
    controller.abort(new DOMException(`check ${def.id} finished`, 'AbortError'));

  const end = ending as Ending;
  let outcome: CheckOutcome;
  if (end.kind === 'done') outcome = end.outcome;
  else if (end.kind === 'cancelled')
    outcome = { status: 'error', message: { key: 'errors.check.cancelled', params: {} } };
  else
    outcome = {
      status: 'error',
      message: end.byDeadline
        ? {
            key: 'errors.check.deadline',
            params: { seconds: seconds(opts.deadlineMs ?? DEFAULT_DEADLINE_MS), limitMs: end.limitMs },
          }
        : { key: 'errors.check.timeout', params: { seconds: seconds(end.limitMs), limitMs: end.limitMs } },
    };
  return toResult(def, config, outcome, startedAt, t0, opts);
}

function unknownCheck(id: string): CheckResult {
  const now = new Date().toISOString();
  return {
    id,
    titleKey: '',
    strict: false,
    status: 'error',
    message: { key: 'errors.check.unknown', params: { id } },
    evidence: [],
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
  };
}

/**
 * Runs every check concurrently, each under its own timeout and all under one overall deadline;
 * a check that depends on others waits for them and is skipped unless they pass or warn.
 * Each result is passed to `onResult` as soon as it is known. Resolves with the results in
 * definition order. Never rejects.
 */
export async function runChecks<C>(
  definitions: ReadonlyArray<CheckDefinition<C>>,
  config: C,
  opts: RunOptions = {},
): Promise<CheckResult[]> {
  const deadlineAt = Date.now() + (opts.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const promises = new Map<string, Promise<CheckResult>>();

  const start = (def: CheckDefinition<C>, stack: readonly string[]): Promise<CheckResult> => {
    const existing = promises.get(def.id);
    if (existing) return existing;
    const p = (async (): Promise<CheckResult> => {
      const startedAt = Date.now();
      const t0 = performance.now();
      if (def.dependsOnCluster && opts.clusterAvailable === false) {
        return toResult(
          def,
          config,
          skipped({ key: 'errors.check.noCluster', params: {} }),
          startedAt,
          t0,
          opts,
        );
      }
      for (const dep of def.dependsOn ?? []) {
        const depDef = byId.get(dep);
        if (!depDef || stack.includes(dep)) {
          return toResult(
            def,
            config,
            { status: 'error', message: { key: 'errors.check.badDependency', params: { dependency: dep } } },
            startedAt,
            t0,
            opts,
          );
        }
      }
      const deps = await Promise.all(
        (def.dependsOn ?? []).map((dep) => start(byId.get(dep) as CheckDefinition<C>, [...stack, def.id])),
      );
      const blocker = deps.find((r) => r.status !== 'pass' && r.status !== 'warn');
      if (blocker) {
        return toResult(
          def,
          config,
          skipped({ key: 'errors.check.dependencyFailed', params: { dependency: blocker.id } }),
          startedAt,
          t0,
          opts,
        );
      }
      return execute(def, config, deadlineAt, opts.signal, opts);
    })().then((result) => {
      try {
        opts.onResult?.(result);
      } catch {
        // A failing progress callback must not stop the run.
      }
      return result;
    });
    promises.set(def.id, p);
    return p;
  };

  const seen = new Set<string>();
  return Promise.all(
    definitions.map((d) => {
      if (seen.has(d.id)) {
        // Two definitions with one id would share one result; report the second instead of hiding it.
        const now = Date.now();
        const dup = toResult(
          d,
          config,
          { status: 'error', message: { key: 'errors.check.duplicateId', params: { id: d.id } } },
          now,
          performance.now(),
          opts,
        );
        opts.onResult?.(dup);
        return dup;
      }
      seen.add(d.id);
      return start(d, []);
    }),
  );
}

/**
 * The same run as {@link runChecks}, as an async iterator yielding each result as it finishes.
 * Breaking out of the loop cancels the checks still running.
 */
export async function* streamChecks<C>(
  definitions: ReadonlyArray<CheckDefinition<C>>,
  config: C,
  opts: RunOptions = {},
): AsyncGenerator<CheckResult, void, undefined> {
  const queue: CheckResult[] = [];
  let wake: (() => void) | undefined;
  const cancel = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, cancel.signal]) : cancel.signal;
  let done = false;
  const all = runChecks(definitions, config, {
    ...opts,
    signal,
    onResult: (r) => {
      opts.onResult?.(r);
      queue.push(r);
      wake?.();
    },
  }).then(() => {
    done = true;
    wake?.();
  });
  try {
    while (true) {
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    await all;
  } finally {
    if (!done) cancel.abort(new DOMException('result stream closed', 'AbortError'));
  }
}

/**
 * Re-runs one check alone (its dependencies are not re-run), under its own timeout and the
 * deadline. An unknown id gives an `error` result rather than a throw.
 */
export async function runOne<C>(
  definitions: ReadonlyArray<CheckDefinition<C>>,
  id: string,
  config: C,
  opts: RunOptions = {},
): Promise<CheckResult> {
  const def = definitions.find((d) => d.id === id);
  if (!def) return unknownCheck(id);
  const [result] = await runChecks([{ ...def, dependsOn: [] }], config, opts);
  return result ?? unknownCheck(id);
}
