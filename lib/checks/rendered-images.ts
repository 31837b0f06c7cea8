import 'server-only';

import { chartLineOf, type ChartSource, mirrorPath as publicPath, parseRegistryAddress } from '@/lib/config';
import { helmChartSource } from '@/lib/apply/plan';
import { toUserError } from '@/lib/errors';
import { buildManifests } from '@/lib/generate';
import { type ChartOperation, findHelm, type HelmBinary, type HelmCommand, helmTemplate } from '@/lib/helm';
import { parseImageReference, type RegistryFailure } from '@/lib/registry';

import { type ChartName, dig, readRendered, type RenderedImage } from '@/lib/charts/rendered';

import { remainingMs } from './evidence';
import type { ChecksInput } from './input';
import { failureLabel, registryClientOptions, verifyImages } from './registry-access';
import type { CheckDefinition, CheckOutcome, Evidence } from './types';

export {
  type ChartName,
  readRendered,
  type RenderedImage,
  type RenderedManifests,
  type UnreadableDocument,
} from '@/lib/charts/rendered';

/**
 * Every image in `helm template` output that an install would pull: containers, init containers
 * and ephemeral containers of Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and
 * CronJobs, leaving out `helm.sh/hook: test` resources. Pure.
 */
export function collectImages(manifests: string, chart: ChartName): RenderedImage[] {
  return readRendered(manifests, chart).images;
}

/**
 * True when an image reference lies under the internal registry's whole prefix (`host[:port]` and
 * the path prefix, `127.0.0.1:5000/mirror`): an image on the same host outside the prefix is not
 * one the wizard mirrored. Pure.
 */
export function isUnderRegistry(image: string, registry: string): boolean {
  const address = parseRegistryAddress(registry);
  const parsed = parseImageReference(image);
  if (!address || parsed.error) return false;
  if (parsed.value.registry !== address.host) return false;
  return address.prefix === '' || parsed.value.repository.startsWith(`${address.prefix}/`);
}

/**
 * The values keys that set a foreign image, from the image catalogue of the configured chart line:
 * the keys of the catalogue image with the same public path, narrowed to those the values leave
 * unset (those are the ones that fall back to the chart's public default). Empty when the image is
 * not in the catalogue. Pure.
 */
export function keysForImage(
  image: string,
  chart: ChartName,
  config: ChecksInput['config'],
  values: { operator: Record<string, unknown>; platform: Record<string, unknown> },
): string[] {
  const line = chartLineOf(config)?.line;
  const parsed = parseImageReference(image);
  if (!line || parsed.error) return [];
  const path = publicPath(`${parsed.value.registry}/${parsed.value.repository}`);
  const artifact = chart === 'operator' ? 'operatorValues' : 'crValues';
  const candidates = line.images
    .filter(
      (i) =>
        i.artifact === artifact &&
        (publicPath(i.source) === path || path.endsWith(`/${publicPath(i.source)}`)),
    )
    .flatMap((i) => i.keys.map((k) => k.path));
  const own = chart === 'operator' ? values.operator : values.platform;
  const unset = candidates.filter((p) => {
    const v = dig(own, p);
    return !(
      typeof v === 'object' &&
      v !== null &&
      typeof (v as { repository?: unknown }).repository === 'string'
    );
  });
  return (unset.length > 0 ? unset : candidates).map((p) => p.join('.'));
}

/** The configured chart source as helm's operation fields (the apply plan's one mapping). */
function helmChart(
  source: ChartSource,
  chart: ChartName,
  version: string,
): Pick<ChartOperation, 'chart' | 'access' | 'password' | 'caPem'> {
  const { source: mapped, ...rest } = helmChartSource(source, chart, version);
  return { chart: mapped, ...rest };
}

/** Renders both charts with `helm template` and the given values, from the configured sources. Throws HelmError. */
export async function renderCharts(
  input: ChecksInput,
  helm: Pick<HelmBinary, 'path' | 'major'>,
  values: { operator: Record<string, unknown>; platform: Record<string, unknown> },
  signal: AbortSignal,
  timeoutMs: number,
  commands: HelmCommand[],
): Promise<{ operator: string; platform: string }> {
  const { config } = input;
  const [operator, platform] = await Promise.all([
    helmTemplate({
      helm,
      ...helmChart(config.charts.operator.source, 'operator', config.charts.operator.version),
      release: 'operator',
      namespace: config.target.operatorNamespace,
      values: values.operator,
      signal,
      timeoutMs,
      commands,
    }),
    helmTemplate({
      helm,
      ...helmChart(config.charts.platform.source, 'operator-wandb', config.charts.platform.version),
      release: config.target.crName,
      namespace: config.target.crNamespace,
      values: values.platform,
      signal,
      timeoutMs,
      commands,
    }),
  ]);
  return { operator: operator.manifests, platform: platform.manifests };
}

/**
 * Check 9: renders `operator` (with values.yaml) and `operator-wandb` (with the CR's spec.values)
 * from the configured repositories, collects every image the output would pull, and verifies
 * each one is on the internal registry and present there. An image that would come from the
 * internet is named with the values key that fixes it — whatever the chart version, nothing is
 * pulled from outside.
 */
export const renderedImagesCheck: CheckDefinition<ChecksInput> = {
  id: 'rendered-images',
  titleKey: 'checks.renderedImages.title',
  strict: true,
  timeoutMs: 60_000,
  // Not `dependsOn: ['helm']`: it finds Helm itself (skipped without it), so it need not wait for that check.
  secrets: (input) => [
    input.config.registry.password,
    ...[input.config.charts.operator.source, input.config.charts.platform.source].map((s) =>
      s.kind === 'local' ? '' : s.password,
    ),
  ],
  async run(input, ctx): Promise<CheckOutcome> {
    const { config } = input;
    const found = await findHelm({ env: input.env, signal: ctx.signal, timeoutMs: 10_000 });
    if (found.kind !== 'found')
      return { status: 'skipped', message: { key: 'checks.renderedImages.noHelm', params: {} } };
    const generated = buildManifests(config, { includeSecrets: false });
    const values = {
      operator: input.renderValues?.operator ?? generated.operatorValues,
      platform:
        input.renderValues?.platform ??
        (dig(generated.wandbCr, ['spec', 'values']) as Record<string, unknown> | undefined) ??
        {},
    };
    const commands: HelmCommand[] = [];
    let rendered: { operator: string; platform: string };
    try {
      rendered = await renderCharts(
        input,
        found.helm,
        values,
        ctx.signal,
        remainingMs(ctx.deadline, 5_000),
        commands,
      );
    } catch (e) {
      const err = toUserError(e);
      return {
        status: 'fail',
        message: { key: 'checks.renderedImages.renderFailed', params: { reason: err.detail.slice(0, 300) } },
        remedy: { key: err.key, params: err.params },
        evidence: commands.map((c) => ({
          label: 'helm',
          request: c.command,
          response: `exit ${c.exitCode ?? '-'}${c.stderrTail ? `: ${c.stderrTail}` : ''}`,
        })),
      };
    }
    const evidence: Evidence[] = commands.map((c) => ({
      label: 'helm',
      request: c.command,
      response: `exit ${c.exitCode ?? '-'} in ${Math.round(c.durationMs)} ms`,
    }));
    const read = [
      readRendered(rendered.operator, 'operator'),
      readRendered(rendered.platform, 'operator-wandb'),
    ];
    const images = read.flatMap((r) => r.images);
    const testHooks = read.flatMap((r) => r.testHooks);
    const unreadable = read.flatMap((r) => r.unreadable);
    const opts = registryClientOptions(config, remainingMs(ctx.deadline, 1_000));
    const internalHost = parseRegistryAddress(config.registry.host)?.host ?? opts.registry;
    for (const u of unreadable) evidence.push({ label: u.source, response: `UNREADABLE: ${u.reason}` });
    for (const t of testHooks)
      evidence.push({
        label: t.image,
        response: `not started by an install (helm.sh/hook: test); used by ${t.uses.join(', ')}`,
      });

    const foreign: Array<{ image: RenderedImage; keys: string[] }> = [];
    const internal: RenderedImage[] = [];
    for (const image of images) {
      if (isUnderRegistry(image.image, config.registry.host)) internal.push(image);
      else foreign.push({ image, keys: keysForImage(image.image, image.chart, config, values) });
    }
    const usesOf = (image: string) =>
      internal
        .filter((i) => i.image === image)
        .flatMap((i) => i.uses)
        .join(', ');
    const presence = await verifyImages([...new Set(internal.map((i) => i.image))], opts, ctx.signal);
    const missing: Array<{ image: string; failure: RegistryFailure }> = [];
    for (const p of presence) {
      if (p.result.kind === 'present')
        evidence.push({
          label: p.image,
          response: `internal, present (${p.result.method}); used by ${usesOf(p.image)}`,
        });
      else {
        missing.push({ image: p.image, failure: p.result });
        evidence.push({
          label: p.image,
          response: `internal, ${failureLabel(p.result)}; used by ${usesOf(p.image)}`,
        });
      }
    }
    for (const f of foreign)
      evidence.push({
        label: f.image.image,
        response: `FOREIGN (${f.image.chart}) — ${f.keys.length ? `set ${f.keys.join(' / ')}` : 'not in the image catalogue'}; used by ${f.image.uses.join(', ')}`,
      });

    if (foreign.length > 0) {
      const list = foreign
        .map(
          (f) =>
            `${f.image.image} → ${f.keys.length ? f.keys.join(', ') : '?'} (${f.image.chart === 'operator' ? 'values.yaml' : 'wandb.yaml spec.values'})`,
        )
        .join('; ');
      const unknown = foreign.filter((f) => f.keys.length === 0).map((f) => f.image.image);
      return {
        status: 'fail',
        message: {
          key: 'checks.renderedImages.foreign',
          params: { count: foreign.length, total: images.length, images: list },
        },
        remedy: unknown.length
          ? { key: 'checks.renderedImages.unknownImage.remedy', params: { images: unknown.join(', ') } }
          : {
              key: 'checks.renderedImages.foreign.remedy',
              params: { keys: [...new Set(foreign.flatMap((f) => f.keys))].join(', ') },
            },
        evidence,
      };
    }
    if (missing.length > 0)
      return {
        status: 'fail',
        message: {
          key: 'checks.renderedImages.missing',
          params: {
            count: missing.length,
            total: images.length,
            images: missing.map((m) => `${m.image} (${failureLabel(m.failure)})`).join('; '),
          },
        },
        remedy: { key: 'checks.renderedImages.missing.remedy', params: {} },
        evidence,
      };
    if (unreadable.length > 0)
      return {
        status: 'fail',
        message: {
          key: 'checks.renderedImages.unreadable',
          params: {
            count: unreadable.length,
            documents: unreadable.map((u) => `${u.source} (${u.reason})`).join('; '),
          },
        },
        remedy: { key: 'checks.renderedImages.unreadable.remedy', params: {} },
        evidence,
      };
    const tests = [...new Set(testHooks.flatMap((t) => t.uses.map((u) => u.split(':')[0] ?? u)))];
    const params = { count: images.length, registry: config.registry.host || internalHost };
    return {
      status: 'pass',
      message:
        tests.length > 0
          ? { key: 'checks.renderedImages.passWithTests', params: { ...params, tests: tests.join(', ') } }
          : { key: 'checks.renderedImages.pass', params },
      evidence,
    };
  },
};
