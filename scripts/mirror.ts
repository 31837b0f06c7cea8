/**
 * `npm run mirror -- --source DIR --registry HOST[:PORT][/PREFIX] [options]`: pushes a `wsm
 * download` bundle (or a folder of docker-save / OCI-layout archives) into the internal registry
 * with the wizard's engine, without Docker, under the names the generated values use.
 * `npm run mirror -- --from-registry HOST[:PORT][/PREFIX] --registry … [options]`: copies the
 * configuration's images registry to registry instead (this machine reaches both): each image is
 * read host-stripped under the source address (docker.io/wandb/local:T from HOST/PREFIX/wandb/local:T,
 * as `wsm registry mirror` and this command write them), or with --from-public from its own public
 * registry; manifests keep their bytes and digests, layers stream from one registry to the other.
 *
 *   --chart-version V   operator-wandb version whose image list is used (default: the wizard's)
 *   --plain-http        speak plain HTTP to the registry
 *   --ca FILE           CA bundle of the registry's certificate
 *   --user NAME         user; the password is read from REGISTRY_PASSWORD (never from argv)
 *   --from-registry A   the source registry HOST[:PORT][/PREFIX] (instead of --source)
 *   --from-public       the images' own public registries (docker.io, quay.io…), anonymously
 *   --from-plain-http   speak plain HTTP to the source registry
 *   --from-ca FILE      CA bundle of the source registry's certificate
 *   --from-insecure     do not verify the source registry's certificate (avoid: give --from-ca)
 *   --from-user NAME    source registry user; the password is read from SOURCE_REGISTRY_PASSWORD,
 *                       or asked for (not echoed) when that is unset and stdin is a terminal
 *   --charts-repo URL   also publish the bundle's charts (operator, operator-wandb) there: an
 *                       oci://HOST/PATH registry (pushed as `helm push` does) or an http(s)://
 *                       repository (uploaded through its ChartMuseum API, or the commands that
 *                       publish them by hand are printed); a chart present with the same digest is
 *                       not sent again (a registry source has no charts)
 *   --charts-ca FILE    CA bundle of the chart repository's certificate
 *   --charts-user NAME  chart repository user; the password is read from CHARTS_PASSWORD
 *   --charts-plain-http speak plain HTTP to an oci:// chart repository
 *   --charts-path PATH  shorthand for --charts-repo oci://REGISTRY/PATH with the registry's TLS and login
 *   --platform P        push only platform P (os/arch[/variant], e.g. linux/amd64) of each image
 *                       index, under a new index that lists only the platforms kept; repeat it for
 *                       several (default: every platform, the index as the source has it). An
 *                       index with none of them fails alone; a single-platform image of another
 *                       platform is pushed all the same, with a warning
 *   --concurrency N     images pushed at once (default 3)
 *   --dry-run           print the plan only
 *   --help              print this text
 * Ctrl-C cancels (what is fully uploaded stays; a new run continues from there).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import {
  type ChartSource,
  defaultInstallConfig,
  defaultMirrorRegistry,
  type InstallConfig,
  type MirrorRegistry,
  mirrorPlatformsSchema,
  mirrorRegistrySchema,
  parseRegistryAddress,
  resolveConfigImages,
} from '@/lib/config';
import { isMessageKey, translate } from '@/lib/i18n';
import { sourceClients } from '@/lib/mirror/source-registry';
import { chartFailureMessage } from '@/lib/mirror/chart-view';
import { pushFailureMessage } from '@/lib/mirror/view';
import type { Message } from '@/lib/errors';
import { RegistryClient } from '@/lib/registry';
import { planMirror, runMirror } from '@/lib/registry/mirror';
import {
  type ChartOutcome,
  type PlannedChart,
  planCharts,
  publishCommands,
  runCharts,
} from '@/lib/registry/chart-publish';
import { isRealPlatform, type PlatformSelection, selectedImage } from '@/lib/registry/mirror-platforms';
import { formatBytes, type ProgressSnapshot } from '@/lib/registry/mirror-progress';
import { failureText, readRegistrySource } from '@/lib/registry/mirror-registry-source';
import { type MirrorSource, readMirrorSource } from '@/lib/registry/mirror-source';

const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    registry: { type: 'string' },
    'chart-version': { type: 'string' },
    'plain-http': { type: 'boolean', default: false },
    ca: { type: 'string' },
    user: { type: 'string' },
    'charts-path': { type: 'string' },
    'charts-repo': { type: 'string' },
    'charts-ca': { type: 'string' },
    'charts-user': { type: 'string' },
    'charts-plain-http': { type: 'boolean', default: false },
    'from-registry': { type: 'string' },
    'from-public': { type: 'boolean', default: false },
    'from-plain-http': { type: 'boolean', default: false },
    'from-ca': { type: 'string' },
    'from-insecure': { type: 'boolean', default: false },
    'from-user': { type: 'string' },
    platform: { type: 'string', multiple: true },
    concurrency: { type: 'string', default: '3' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
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

/**
 * The chart repository of the command line as a configuration's chart source: --charts-repo with
 * its own TLS and login, or --charts-path under the registry with the registry's.
 */
function chartSourceOf(registry: InstallConfig['registry'], registryHost: string): ChartSource | undefined {
  const chartsPassword = process.env.CHARTS_PASSWORD ?? '';
  if (values['charts-user'] && !chartsPassword) fail('set CHARTS_PASSWORD with --charts-user');
  const login = values['charts-user']
    ? { username: values['charts-user'], password: chartsPassword }
    : { username: '', password: '' };
  const caBundle = values['charts-ca'] ? readFileSync(values['charts-ca'], 'utf8') : '';
  const url = values['charts-repo'];
  if (url?.startsWith('oci://'))
    return {
      kind: 'oci',
      url,
      ...login,
      caBundle,
      plainHttp: values['charts-plain-http'],
      insecureSkipVerify: false,
    };
  if (url) return { kind: 'repo', url, repoName: 'wandb', ...login, caBundle, insecureSkipVerify: false };
  if (values['charts-path'])
    return {
      kind: 'oci',
      url: `oci://${registryHost}/${values['charts-path'].replace(/^\/+/, '')}`,
      username: registry.username,
      password: registry.password,
      caBundle: registry.caBundle,
      plainHttp: registry.plainHttp,
      insecureSkipVerify: false,
    };
  return undefined;
}

/** An image's platforms as the plan prints them: those kept, those left out, or why none is pushed. */
function platformsText(all: readonly string[], s: PlatformSelection): string {
  const real = all.filter(isRealPlatform);
  if (s.kind === 'none') return `${real.join(',')} (none of them chosen: fails)`;
  if (s.kind === 'other-platform')
    return `${real.join(',')} (WARNING: not a chosen platform; pushed all the same, the nodes cannot run it)`;
  if (s.kind === 'filtered')
    return `${s.image.platforms.filter(isRealPlatform).join(',')} (left out: ${s.dropped.join(',')})`;
  return real.join(',');
}

function chartLine(p: Pick<PlannedChart, 'chart' | 'destination'>, state: string): string {
  const d = p.destination;
  const where =
    d.kind === 'oci' ? `oci://${d.reference}` : d.kind === 'repo' ? d.url : d.kind === 'local' ? d.path : '';
  return `${state.padEnd(9)} chart ${p.chart.name} ${p.chart.version}${where ? ` -> ${where}` : ''}`;
}

function outcomeText(o: ChartOutcome): string {
  if (o.result === 'failed') return `FAILED: ${english(chartFailureMessage(o.failure))}`;
  if (o.result === 'manual')
    return o.reason === 'no-upload-api' ? 'no upload API: publish by hand (below)' : o.reason;
  return o.result;
}

/** A message as the page words it in English. */
const english = (m: Message): string => (isMessageKey(m.key) ? translate('en', m.key, m.params) : m.key);

/** Reads a password from the terminal without echoing it. */
function promptSecret(question: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (text: string) => {
      for (const ch of text) {
        if (ch === '\u0003') {
          process.stderr.write('\n');
          process.exit(130);
        }
        // Enter, or Ctrl-D (end of input) as a terminal ends a line.
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The source registry of the command line (--from-registry / --from-public), validated by the form's schema. */
async function sourceRegistryOf(): Promise<MirrorRegistry | undefined> {
  if (!values['from-registry'] && !values['from-public']) return undefined;
  if (values['from-registry'] && values['from-public'])
    fail('give --from-registry or --from-public, not both');
  let password = '';
  if (values['from-user']) {
    password = process.env.SOURCE_REGISTRY_PASSWORD ?? '';
    if (!password && process.stdin.isTTY)
      password = await promptSecret(`password of ${values['from-user']} at ${values['from-registry']}: `);
    if (!password)
      fail('set SOURCE_REGISTRY_PASSWORD with --from-user (or run it in a terminal to be asked)');
  }
  const source: MirrorRegistry = {
    ...defaultMirrorRegistry,
    public: values['from-public'],
    host: values['from-registry'] ?? '',
    plainHttp: values['from-plain-http'],
    insecureSkipVerify: values['from-insecure'],
    caBundle: values['from-ca'] ? readFileSync(values['from-ca'], 'utf8') : '',
    username: values['from-user'] ?? '',
    password,
  };
  const parsed = mirrorRegistrySchema.safeParse(source);
  if (!parsed.success)
    fail(
      `the source registry: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'address'}: ${i.message}`).join('; ')}`,
    );
  return source;
}

async function main(): Promise<number> {
  if (values.help) {
    const text = readFileSync(new URL(import.meta.url), 'utf8');
    process.stdout.write(
      `${text.slice(text.indexOf('/**') + 4, text.indexOf('*/')).replace(/^ \* ?/gm, '')}`,
    );
    return 0;
  }
  const fromRegistry = await sourceRegistryOf();
  if ((!values.source && !fromRegistry) || !values.registry)
    fail(
      '--source DIR (or --from-registry HOST[/PREFIX], --from-public) and --registry HOST[/PREFIX] are required',
    );
  if (values.source && fromRegistry) fail('give --source or --from-registry/--from-public, not both');
  const address = parseRegistryAddress(values.registry);
  if (!address) fail(`invalid registry address ${values.registry}`);
  const password = process.env.REGISTRY_PASSWORD ?? '';
  if (values.user && !password) fail('set REGISTRY_PASSWORD with --user');
  const platforms = mirrorPlatformsSchema.safeParse(values.platform ?? []);
  if (!platforms.success)
    fail(
      `--platform: ${platforms.error.issues
        .map((i) => {
          const value = values.platform?.[Number(i.path[0])] ?? '';
          return i.message.endsWith('duplicate')
            ? `${value} is given twice`
            : `"${value}" is not os/architecture[/variant] in lower case (e.g. linux/amd64)`;
        })
        .join('; ')}`,
    );
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
  const chartSource = chartSourceOf(config.registry, address.host);
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
  const sources = fromRegistry ? sourceClients(fromRegistry, 30_000) : undefined;
  try {
    const ping = await client.ping({ signal: controller.signal });
    if (ping.kind !== 'ok') fail(`${address.host}: ${failureText(ping)}`);
    let source: MirrorSource;
    if (sources) {
      if (sources.host) {
        const from = await sources.clientFor(sources.host).ping({ signal: controller.signal });
        if (from.kind !== 'ok') fail(`source ${sources.host}: ${failureText(from)}`);
      }
      source = await readRegistrySource({
        images: resolveConfigImages(config),
        location: sources.location,
        clientFor: sources.clientFor,
        signal: controller.signal,
        blobTimeoutMs: 30_000,
      });
    } else {
      source = await readMirrorSource(values.source ?? '', controller.signal);
    }
    const plan = await planMirror({
      source,
      configured: resolveConfigImages(config),
      registryAddress: config.registry.host,
      client,
      platforms: platforms.data,
      signal: controller.signal,
    });
    process.stdout.write(
      platforms.data.length > 0
        ? `platforms: only ${platforms.data.join(', ')} of each image index\n`
        : 'platforms: every platform of each image\n',
    );
    for (const p of plan.images) {
      const state =
        p.selection.kind === 'none'
          ? 'NO PLATFORM'
          : p.registry.kind === 'same'
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
        `${state.padEnd(9)} ${p.image.ref} -> ${p.target}  ${formatBytes((selectedImage(p.selection) ?? p.image).size)} ${platformsText(p.image.platforms, p.selection)}${relation}\n`,
      );
    }
    for (const u of plan.uncovered)
      process.stdout.write(
        `${u.state === 'present' ? 'present' : 'MISSING'}   ${u.source} -> ${u.target} (not in the source${sources ? ' registry' : ''})\n`,
      );
    for (const p of plan.problems) process.stdout.write(`UNREADABLE ${p.ref ?? p.path}: ${p.detail}\n`);
    const charts =
      chartSource &&
      (await planCharts({
        files: source.charts.map((c) => c.path),
        sources: { operator: chartSource, platform: chartSource },
        signal: controller.signal,
      }));
    for (const u of charts?.unreadable ?? [])
      process.stdout.write(`UNREADABLE chart ${u.path}: ${u.detail}\n`);
    for (const p of charts?.charts ?? [])
      process.stdout.write(`${chartLine(p, p.state.kind === 'same' ? 'present' : p.state.kind)}\n`);
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
      if (o.result === 'failed' && o.failure.kind === 'platforms')
        process.stdout.write(
          `FAILED  ${o.ref} -> ${o.target}: none of its platforms (${o.failure.available.join(', ')}) is among --platform ${o.failure.chosen.join(', ')}; nothing of it was pushed\n`,
        );
      else if (o.result === 'failed') {
        // The page's own message, never the failure's raw fields (a source's exchanges name signed URLs).
        process.stdout.write(`FAILED  ${o.ref} -> ${o.target}: ${english(pushFailureMessage(o.failure))}\n`);
      } else process.stdout.write(`${o.result.padEnd(7)} ${o.ref} -> ${o.target}\n`);
    }
    let chartsFailed = 0;
    if (chartSource && charts) {
      const outcomes = await runCharts(charts, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.current) process.stderr.write(`chart ${p.done + 1}/${p.total}: ${p.current}…\n`);
        },
      });
      for (const o of outcomes) process.stdout.write(`${chartLine(o, o.result)}: ${outcomeText(o)}\n`);
      chartsFailed = outcomes.filter((o) => o.result === 'failed').length;
      const byHand = outcomes.filter((o) => o.result === 'manual' && o.reason === 'no-upload-api');
      const first = byHand[0];
      if (first)
        for (const c of publishCommands(
          first.destination,
          byHand.map((o) => o.path),
          {
            ...(chartSource.kind !== 'local' && chartSource.username
              ? { username: chartSource.username }
              : {}),
            ca: chartSource.kind !== 'local' && !!chartSource.caBundle,
          },
        ))
          process.stdout.write(
            `\n# ${c.kind === 'index' ? `a static web server: then copy ${c.folder}/* to the folder that serves ${c.where}` : `a ChartMuseum or Harbor at ${c.where}`}\n${c.lines.join('\n')}\n`,
          );
    } else if (sources)
      process.stdout.write(
        'charts: a registry source has none; publish operator and operator-wandb from a bundle (--source with --charts-repo) or by hand\n',
      );
    else if (source.charts.length > 0)
      process.stdout.write(
        `charts: ${source.charts.length} in the source; publish them with --charts-repo oci://HOST/PATH or https://REPO (or --charts-path PATH in the registry)\n`,
      );
    process.stdout.write(
      report.pushed === 0 && report.failed === 0
        ? `nothing to push: all ${report.skipped} images are in ${address.host} already\n`
        : `${report.pushed} pushed, ${report.skipped} already present, ${report.failed} failed; ${formatBytes(report.uploadedBytes)} sent in ${(report.elapsedMs / 1000).toFixed(1)} s${report.cancelled ? ' (cancelled)' : ''}\n`,
    );
    return report.failed > 0 || chartsFailed > 0 || plan.problems.length > 0 ? 1 : 0;
  } finally {
    client.close();
    sources?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
);
