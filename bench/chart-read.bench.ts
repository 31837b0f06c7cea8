/**
 * Chart reading budget (issue 15): reading operator-wandb 0.43.8 (the archive, its 50-odd
 * subcharts' values, every image key) cold and from the digest cache, rendering it with Helm
 * (`helm template` with the generated values) and discovering the started images, and generating
 * every artifact from the keys read. Target: under 1 s cold, instant from the cache.
 *
 *   WANDB_VENDOR_DIR=../shared/vendor npx tsx --conditions=react-server bench/chart-read.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import yaml from 'js-yaml';

import { fetchAndReadChart } from '@/lib/charts/fetch-chart';
import { readChart, readChartUncached } from '@/lib/charts/read-chart';
import { PROCEDURE_EXAMPLE, type InstallConfig } from '@/lib/config';
import { buildManifests, generateArtifacts } from '@/lib/generate';

import { median } from './support';

const vendor = process.env.WANDB_VENDOR_DIR ?? path.resolve(process.cwd(), '../shared/vendor');
const archivePath = path.join(vendor, 'charts/operator-wandb-0.43.8.tgz');
const helm = process.env.HELM3 ?? path.join(homedir(), '.cache/wandb-airgap-wizard/bin/helm-3.17.3');
const RUNS = 5;
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  if (!existsSync(archivePath)) {
    console.log(`skipped: ${archivePath} is absent (set WANDB_VENDOR_DIR)`);
    return;
  }
  const bytes = readFileSync(archivePath);
  const t0 = performance.now();
  readChartUncached(bytes);
  const cold = performance.now() - t0;
  // The wizard's own server step, with nothing of this archive cached in the process (the
  // uncached read above fills no cache): the archive read while `helm template` renders it
  // beside, as the Charts step does.
  let serverStep: number | undefined;
  if (existsSync(helm)) {
    const t = performance.now();
    const result = await fetchAndReadChart({
      helm: { path: helm, major: helm.includes('helm-4') ? 4 : 3 },
      chart: { kind: 'file', path: archivePath },
      release: 'wandb',
      namespace: 'default',
    });
    if (!result.ok) throw new Error(result.reason);
    serverStep = performance.now() - t;
  }
  const first = readChart(bytes);
  if (!first.ok) throw new Error(first.reason);
  const uncached: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    readChartUncached(bytes);
    uncached.push(performance.now() - t);
  }
  const cached: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    readChart(bytes);
    cached.push(performance.now() - t);
  }
  const config: InstallConfig = {
    ...PROCEDURE_EXAMPLE,
    charts: {
      ...PROCEDURE_EXAMPLE.charts,
      platform: { ...PROCEDURE_EXAMPLE.charts.platform, version: '0.43.8', reading: first.reading },
    },
  };
  const generate: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    generateArtifacts(config, { includeSecrets: false });
    generate.push(performance.now() - t);
  }
  const rows: Record<string, string | number>[] = [
    { step: 'read 0.43.8, first in the process (cold)', time: ms(cold) },
    { step: `read 0.43.8 again, cache bypassed (median of ${RUNS})`, time: ms(median(uncached)) },
    { step: 'read 0.43.8 from the digest cache (median of 100)', time: ms(median(cached)) },
    { step: 'generate every artifact from the keys read (median of 50)', time: ms(median(generate)) },
  ];
  if (existsSync(helm)) {
    const work = mkdtempSync(path.join(tmpdir(), 'chart-read-bench-'));
    try {
      const values = path.join(work, 'values.yaml');
      writeFileSync(
        values,
        yaml.dump(
          (buildManifests(config, { includeSecrets: false }).wandbCr.spec as { values: unknown }).values,
        ),
      );
      const render: number[] = [];
      let images = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const out = execFileSync(helm, ['template', 'wandb', archivePath, '--values', values], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, HELM_CACHE_HOME: work, HELM_CONFIG_HOME: work, HELM_DATA_HOME: work },
        });
        images = new Set(out.match(/^\s*(?:- )?image: .*$/gm) ?? []).size;
        render.push(performance.now() - t);
      }
      rows.push({
        step: `helm template + image lines (${images} images, median of ${RUNS})`,
        time: ms(median(render)),
      });
      rows.push({
        step: 'read (cold) + render + discover, one after the other',
        time: ms(cold + median(render)),
      });
      if (serverStep !== undefined)
        rows.push({
          step: 'the Charts step on the server, cold: read beside render + discover (target < 1 s)',
          time: ms(serverStep),
        });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } else {
    rows.push({ step: `helm template: skipped, no helm at ${helm}`, time: '' });
  }
  console.table(rows);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
