import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import yaml from 'js-yaml';

/**
 * The real Helm 3 and Helm 4 for tests that render charts: HELM3/HELM4 from `scripts/test-env env`,
 * else the test environment's cached binaries; only those present.
 */
export const HELM_CACHE_BIN = path.join(homedir(), '.cache/wandb-airgap-wizard/bin');
export const HELMS = [
  ['Helm 3', process.env.HELM3 ?? path.join(HELM_CACHE_BIN, 'helm-3.17.3')],
  ['Helm 4', process.env.HELM4 ?? path.join(HELM_CACHE_BIN, 'helm-4.1.4')],
].filter(([, bin]) => existsSync(bin as string)) as [string, string][];

/** Why the tests that need a Helm binary are skipped ('' when one is there). */
export const NO_HELM = HELMS.length === 0 ? `no helm binary in HELM3/HELM4 or ${HELM_CACHE_BIN}` : '';

/** `helm template wandb <chart> -n default` with `values` (written into `work`, which also holds Helm's homes). */
export function helmTemplate(helm: string, chart: string, values: unknown, work: string): string {
  const file = path.join(work, `values-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml.dump(values));
  return execFileSync(helm, ['template', 'wandb', chart, '--namespace', 'default', '--values', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, HELM_CACHE_HOME: work, HELM_CONFIG_HOME: work, HELM_DATA_HOME: work },
  });
}
