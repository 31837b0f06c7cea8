import 'server-only';

import { randomUUID } from 'node:crypto';

import type { ConfigFingerprint } from '@/lib/draft/fingerprint';
import { redact } from '@/lib/errors';

import { CHECK_DEFINITIONS, rerunPrerequisiteCheck, runPrerequisiteChecks } from './index';
import { type ChecksInput, secretsOf } from './input';
import type { CheckResult } from './types';

/** A strict check the user chose to bypass, with the confirmation and reason, as recorded. */
export interface Bypass {
  checkId: string;
  reason: string;
  /** The status the check had when it was bypassed. */
  status: CheckResult['status'];
  at: string;
}

/** One check of a run as the page shows it: pending, running again, or finished. */
export interface RunCheck {
  id: string;
  titleKey: string;
  strict: boolean;
  state: 'running' | 'done';
  /** When a re-run of this check started (while it runs again; the result has its own times). */
  rerunStartedAt?: string;
  result?: CheckResult;
}

/** A run of the prerequisite checks as the store keeps it and the page polls it. */
export interface CheckRun {
  id: string;
  startedAt: string;
  finishedAt?: string;
  bucketWriteTest: boolean;
  inClusterTest: boolean;
  checks: RunCheck[];
  bypasses: Bypass[];
  /** True when every strict check passed (or warned) or was bypassed: apply may proceed. */
  cleared: boolean;
  /** Keyed hash of the configuration the run checked (secrets included, never stored). */
  configHash?: string;
}

interface StoredRun {
  owner: string;
  run: CheckRun;
  input: ChecksInput;
  fingerprint?: ConfigFingerprint;
}

/** Runs kept per draft: another draft's runs never push a draft's own out. */
const MAX_RUNS_PER_OWNER = 10;
/** Runs of one draft going on at once. */
export const MAX_RUNNING_PER_OWNER = 3;
// On globalThis: Next.js may bundle the server actions and the report route separately, and both
// must see the same runs.
const STORE_KEY = Symbol.for('wandb-airgap-wizard.check-runs');
const runs: Map<string, StoredRun> =
  ((globalThis as Record<symbol, unknown>)[STORE_KEY] as Map<string, StoredRun> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STORE_KEY] = new Map<string, StoredRun>());

function cleared(run: CheckRun): boolean {
  return run.checks.every((c) => {
    if (!c.strict) return true;
    if (c.state !== 'done' || !c.result) return false;
    return (
      c.result.status === 'pass' || c.result.status === 'warn' || run.bypasses.some((b) => b.checkId === c.id)
    );
  });
}

function snapshot(run: CheckRun): CheckRun {
  return structuredClone({ ...run, cleared: cleared(run) });
}

function remember(stored: StoredRun): void {
  runs.set(stored.run.id, stored);
  const own = [...runs.values()].filter((r) => r.owner === stored.owner);
  for (const old of own.slice(0, Math.max(0, own.length - MAX_RUNS_PER_OWNER))) runs.delete(old.run.id);
}

/** How many of the owner's runs are still going on. */
export function runningRuns(owner: string): number {
  return [...runs.values()].filter(
    (r) => r.owner === owner && r.run.checks.some((c) => c.state === 'running'),
  ).length;
}

/**
 * Starts a run in the background and returns it at once (every check `running`). Results are
 * recorded as each check finishes. `owner` (the draft id) scopes the run: another owner cannot
 * read it. The input (with secrets) stays in server memory for re-runs and is never returned.
 */
export function startRun(owner: string, input: ChecksInput, fingerprint?: ConfigFingerprint): CheckRun {
  const run: CheckRun = {
    id: randomUUID(),
    startedAt: new Date().toISOString(),
    bucketWriteTest: !!input.bucketWriteTest,
    inClusterTest: !!input.inClusterTest,
    checks: CHECK_DEFINITIONS.map((d) => ({
      id: d.id,
      titleKey: d.titleKey,
      strict: d.strict,
      state: 'running',
    })),
    bypasses: [],
    cleared: false,
    ...(fingerprint ? { configHash: fingerprint.hash } : {}),
  };
  remember({ owner, run, input, ...(fingerprint ? { fingerprint } : {}) });
  void runPrerequisiteChecks(input, {
    onResult: (result) => {
      const check = run.checks.find((c) => c.id === result.id);
      if (check) Object.assign(check, { state: 'done', result });
    },
  }).then(() => {
    run.finishedAt = new Date().toISOString();
  });
  return snapshot(run);
}

/** The run, or undefined when it is unknown, expired or someone else's. */
export function getRun(owner: string, runId: string): CheckRun | undefined {
  const stored = runs.get(runId);
  return stored && stored.owner === owner ? snapshot(stored.run) : undefined;
}

/** Re-runs one check of a run alone (in the background); a bypass of it is withdrawn. */
export function rerunCheck(owner: string, runId: string, checkId: string): CheckRun | undefined {
  const stored = runs.get(runId);
  if (!stored || stored.owner !== owner) return undefined;
  const check = stored.run.checks.find((c) => c.id === checkId);
  if (!check) return undefined;
  check.state = 'running';
  check.rerunStartedAt = new Date().toISOString();
  stored.run.bypasses = stored.run.bypasses.filter((b) => b.checkId !== checkId);
  void rerunPrerequisiteCheck(stored.input, checkId).then((result) => {
    Object.assign(check, { state: 'done', result });
    delete check.rerunStartedAt;
  });
  return snapshot(stored.run);
}

/** Why a bypass was refused. */
export type BypassRefusal =
  'unknownRun' | 'unknownCheck' | 'notStrict' | 'notFinished' | 'passed' | 'noConfirmation' | 'noReason';

/**
 * Records the bypass of a strict check that did not pass: needs the explicit confirmation and a
 * reason, both kept in the run (and so in its report).
 */
export function recordBypass(
  owner: string,
  runId: string,
  checkId: string,
  confirmed: boolean,
  reason: string,
): { run: CheckRun } | { refused: BypassRefusal } {
  const stored = runs.get(runId);
  if (!stored || stored.owner !== owner) return { refused: 'unknownRun' };
  const check = stored.run.checks.find((c) => c.id === checkId);
  if (!check) return { refused: 'unknownCheck' };
  if (!check.strict) return { refused: 'notStrict' };
  if (check.state !== 'done' || !check.result) return { refused: 'notFinished' };
  if (check.result.status === 'pass' || check.result.status === 'warn') return { refused: 'passed' };
  if (!confirmed) return { refused: 'noConfirmation' };
  const trimmed = redact(reason.trim().slice(0, 1000), secretsOf(stored.input.config));
  if (trimmed === '') return { refused: 'noReason' };
  stored.run.bypasses = [
    ...stored.run.bypasses.filter((b) => b.checkId !== checkId),
    { checkId, reason: trimmed, status: check.result.status, at: new Date().toISOString() },
  ];
  return { run: snapshot(stored.run) };
}

/** The secrets of a run's configuration, for redacting its exports (never returned to the browser). */
export function getRunSecrets(
  owner: string,
  runId: string,
  secretsOf: (config: ChecksInput['config']) => string[],
): string[] {
  const stored = runs.get(runId);
  return stored && stored.owner === owner ? secretsOf(stored.input.config) : [];
}

/**
 * The owner's most recent run, or undefined. Apply consults it: `cleared` is true only when every
 * strict check passed (or warned) or was bypassed with a recorded confirmation.
 */
export function getLatestRun(owner: string): CheckRun | undefined {
  let latest: StoredRun | undefined;
  for (const stored of runs.values()) if (stored.owner === owner) latest = stored;
  return latest ? snapshot(latest.run) : undefined;
}

/** The fingerprint of the configuration a run checked (server side: apply compares it). */
export function getRunFingerprint(owner: string, runId: string): ConfigFingerprint | undefined {
  const stored = runs.get(runId);
  return stored && stored.owner === owner ? stored.fingerprint : undefined;
}
