/**
 * `npm run mirror -- --source DIR --registry HOST[:PORT][/PREFIX] [options]`: pushes a `wsm
 * download` bundle (or a folder of docker-save / OCI-layout archives) into the internal registry
 * with the wizard's engine, without Docker, under the names the generated values use.
 *
 *   --chart-version V   operator-wandb version whose image list is used (default: the wizard's)
 *   --plain-http        speak plain HTTP to the registry
 *   --ca FILE           CA bundle of the registry's certificate
 *   --user NAME         user; the password is read from REGISTRY_PASSWORD (never from argv)
 *   --charts-path PATH  also push the bundle's charts as OCI artifacts under PATH in the registry
 *   --concurrency N     images pushed at once (default 3)
 *   --dry-run           print the plan only
 * Ctrl-C cancels (what is fully uploaded stays; a new run continues from there).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import {
  defaultInstallConfig,
  type InstallConfig,
  parseRegistryAddress,
  resolveConfigImages,
} from '@/lib/config';
import { RegistryClient } from '@/lib/registry';
import { planMirror, runMirror } from '@/lib/registry/mirror';
import { pushChartOci, readChartArchive } from '@/lib/registry/mirror-chart';
import { formatBytes, type ProgressSnapshot } from '@/lib/registry/mirror-progress';
import { readMirrorSource } from '@/lib/registry/mirror-source';

const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    registry: { type: 'string' },
    'chart-version': { type: 'string' },
    'plain-http': { type: 'boolean', default: false },
    ca: { type: 'string' },
    user: { type: 'string' },
    'charts-path': { type: 'string' },
    concurrency: { type: 'string', default: '3' },
    'dry-run': { type: 'boolean', default: false },
  },
});

function fail(text: string): never {
  process.stderr.write(`mirror: ${text}\n`);
  process.exit(2);
}

function progressLine(s: ProgressSnapshot): string {
  const done = s.images.filter((i) => i.state === 'done' || i.state === 'failed').length;
  const eta = s.etaSeconds === undefined ? '' : `  ETA ${Math.ceil(s.etaSeconds)} s`;
  return `${formatBytes(s.bytes)} / ${formatBytes(s.totalBytes)}  ${formatBytes(s.rate)}/s${eta}  (${done}/${s.images.length} images)`;
}

async function main(): Promise<number> {
  if (!values.source || !values.registry) fail('--source DIR and --registry HOST[/PREFIX] are required');
  const address = parseRegistryAddress(values.registry);
  if (!address) fail(`invalid registry address ${values.registry}`);
  const password = process.env.REGISTRY_PASSWORD ?? '';
  if (values.user && !password) fail('set REGISTRY_PASSWORD with --user');
  const config: InstallConfig = {
    ...defaultInstallConfig,
    registry: {
      ...defaultInstallConfig.registry,
      host: values.registry,
      plainHttp: values['plain-http'],
      caBundle: values.ca ? readFileSync(values.ca, 'utf8') : '',
      username: values.user ?? '',
      password: values.user ? password : '',
    },
    charts: {
      ...defaultInstallConfig.charts,
      platform: {
        ...defaultInstallConfig.charts.platform,
        version: values['chart-version'] ?? defaultInstallConfig.charts.platform.version,
      },
    },
  };
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nmirror: cancelling (Ctrl-C again to quit at once)\n');
    controller.abort();
  });
  const client = new RegistryClient({
    registry: address.host,
    plainHttp: config.registry.plainHttp,
    ...(config.registry.caBundle ? { ca: config.registry.caBundle } : {}),
    ...(config.registry.username ? { username: config.registry.username, password } : {}),
    requestTimeoutMs: 30_000,
  });
  try {
    const ping = await client.ping({ signal: controller.signal });
    if (ping.kind !== 'ok') fail(`${address.host}: ${ping.kind} ${'detail' in ping ? ping.detail : ''}`);
    const source = await readMirrorSource(values.source, controller.signal);
    const plan = await planMirror({
      source,
      configured: resolveConfigImages(config),
      registryAddress: config.registry.host,
      client,
      signal: controller.signal,
    });
    for (const p of plan.images) {
      const state =
        p.registry.kind === 'same'
          ? 'present'
          : p.registry.kind === 'error'
            ? `error: ${p.registry.failure.kind}`
            : 'to push';
      const relation =
        p.relation === 'other-tag'
          ? ` (the configuration uses ${p.configuredTag})`
          : p.relation === 'extra'
            ? ' (not in the configuration)'
            : '';
      process.stdout.write(
        `${state.padEnd(9)} ${p.image.ref} -> ${p.target}  ${formatBytes(p.image.size)} ${p.image.platforms.join(',')}${relation}\n`,
      );
    }
    for (const u of plan.uncovered)
      process.stdout.write(
        `${u.state === 'present' ? 'present' : 'MISSING'}   ${u.source} -> ${u.target} (not in the source)\n`,
      );
    for (const p of plan.problems) process.stdout.write(`UNREADABLE ${p.ref ?? p.path}: ${p.detail}\n`);
    if (values['dry-run']) return 0;

    const tty = process.stderr.isTTY;
    const report = await runMirror(plan, client, {
      signal: controller.signal,
      concurrency: Math.max(1, Number(values.concurrency) || 3),
      progressIntervalMs: tty ? 250 : 5_000,
      onProgress: (s) => process.stderr.write(tty ? `\r${progressLine(s)}\x1b[K` : `${progressLine(s)}\n`),
    });
    if (tty) process.stderr.write('\n');
    for (const o of report.outcomes) {
      if (o.result === 'failed')
        process.stdout.write(`FAILED  ${o.ref} -> ${o.target}: ${JSON.stringify(o.failure)}\n`);
      else process.stdout.write(`${o.result.padEnd(7)} ${o.ref} -> ${o.target}\n`);
    }
    if (values['charts-path'])
      for (const c of source.charts) {
        const chart = await readChartArchive(c.path);
        const r = await pushChartOci(client, values['charts-path'], chart, controller.signal);
        process.stdout.write(
          r.ok
            ? `chart   ${chart.name} ${chart.version} -> oci://${address.host}/${r.reference}\n`
            : `FAILED  chart ${chart.name}: ${JSON.stringify(r.failure)}\n`,
        );
      }
    else if (source.charts.length > 0)
      process.stdout.write(
        `charts: ${source.charts.length} in the source; push them with --charts-path PATH (OCI) or: helm push CHART.tgz oci://${address.host}/PATH\n`,
      );
    process.stdout.write(
      report.pushed === 0 && report.failed === 0
        ? `nothing to push: all ${report.skipped} images are in ${address.host} already\n`
        : `${report.pushed} pushed, ${report.skipped} already present, ${report.failed} failed; ${formatBytes(report.uploadedBytes)} sent in ${(report.elapsedMs / 1000).toFixed(1)} s${report.cancelled ? ' (cancelled)' : ''}\n`,
    );
    return report.failed > 0 || plan.problems.length > 0 ? 1 : 0;
  } finally {
    client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
);
