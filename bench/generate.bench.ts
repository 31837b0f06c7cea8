/**
 * Generation budget: producing every artifact (values.yaml, wandb.yaml, Secrets, runbook, image lists)
 * from a configuration must feel instant. Prints the median and 95th percentile over many runs for the
 * procedure's example (chart 0.18) and for the newest chart line with every option on.
 */
import { performance } from 'node:perf_hooks';

import { PROCEDURE_EXAMPLE, type InstallConfig } from '@/lib/config';
import { generateArtifacts } from '@/lib/generate';

const RUNS = 500;

function measure(name: string, config: InstallConfig) {
  for (let i = 0; i < 20; i++) generateArtifacts(config, { includeSecrets: false }); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const out = generateArtifacts(config, { includeSecrets: false });
    times.push(performance.now() - t0);
    bytes = Object.values(out).reduce((n, v) => n + (typeof v === 'string' ? v.length : 0), 0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return {
    case: name,
    runs: RUNS,
    median: `${at(0.5).toFixed(2)} ms`,
    p95: `${at(0.95).toFixed(2)} ms`,
    output: `${bytes} chars`,
  };
}

const newest: InstallConfig = {
  ...PROCEDURE_EXAMPLE,
  charts: {
    ...PROCEDURE_EXAMPLE.charts,
    platform: { ...PROCEDURE_EXAMPLE.charts.platform, version: '0.43.8' },
  },
} as InstallConfig;

console.table([
  measure('procedure example (0.18.0)', PROCEDURE_EXAMPLE),
  measure('operator-wandb 0.43.8', newest),
]);
