import 'server-only';

import { bucketCheck } from './bucket';
import { chartsCheck } from './charts';
import { clusterFitCheck } from './cluster-fit';
import { helmCheck } from './helm-binary';
import { hostCheck } from './host';
import { inClusterCheck } from './in-cluster';
import { type ChecksInput, secretsOf } from './input';
import { kubeAccessCheck } from './kube-access';
import { kubeApiCheck } from './kube-api';
import { mysqlCheck } from './mysql';
import { registryImagesCheck } from './registry-images';
import { renderedImagesCheck } from './rendered-images';
import { runChecks, runOne, type RunOptions } from './runner';
import type { CheckDefinition, CheckResult } from './types';

/** The prerequisite checks, in the order the page lists them (issue 5, 1–10; the opt-in in-cluster check last). */
export const CHECK_DEFINITIONS: ReadonlyArray<CheckDefinition<ChecksInput>> = [
  kubeApiCheck,
  kubeAccessCheck,
  helmCheck,
  registryImagesCheck,
  chartsCheck,
  clusterFitCheck,
  mysqlCheck,
  bucketCheck,
  renderedImagesCheck,
  hostCheck,
  inClusterCheck,
];

/** Every check id. */
export const CHECK_IDS = CHECK_DEFINITIONS.map((d) => d.id);

/** The overall deadline of a run: the longest check's timeout plus a margin. */
export const RUN_DEADLINE_MS = 75_000;

/** Runs every check concurrently under its own timeout and the overall deadline; the configuration's secrets are removed from every result. */
export function runPrerequisiteChecks(
  input: ChecksInput,
  opts: Omit<RunOptions, 'secrets'> = {},
): Promise<CheckResult[]> {
  return runChecks(CHECK_DEFINITIONS, input, {
    deadlineMs: RUN_DEADLINE_MS,
    ...opts,
    secrets: secretsOf(input.config),
  });
}

/** Re-runs one check alone. */
export function rerunPrerequisiteCheck(
  input: ChecksInput,
  id: string,
  opts: Omit<RunOptions, 'secrets'> = {},
): Promise<CheckResult> {
  return runOne(CHECK_DEFINITIONS, id, input, {
    deadlineMs: RUN_DEADLINE_MS,
    ...opts,
    secrets: secretsOf(input.config),
  });
}

export type { ChecksInput } from './input';
export type { CheckDefinition, CheckResult, CheckStatus, Evidence } from './types';
