import { createHash } from 'node:crypto';

import { gunzipSync } from 'fflate';
import yaml from 'js-yaml';

import type { ChartImageKey, ChartPart, ChartReading } from '@/lib/config/chart-reading';

import { tarFiles } from '@/lib/helm/tar';

export type { ChartImageKey, ChartPart, ChartReading };

/**
 * The chart reader: a chart archive (.tgz bytes) in, its image keys out. It reads Chart.yaml and
 * values.yaml of the chart and of every subchart (directories under `charts/` and nested `.tgz`),
 * lays each subchart's defaults under its alias the way Helm coalesces them (the parent's values
 * win), evaluates the dependencies' `condition`s on those defaults, and finds every key that holds
 * an image: `{repository, tag}`, Bitnami's `{registry, repository, tag}` and plain `image:` strings.
 * Pure: no file system, no network; the result is plain data keyed by the archive's sha256.
 */

/** Answer of {@link readChart}: the reading, or why the bytes are not a chart. */
export type ReadChartResult = { ok: true; reading: ChartReading } | { ok: false; reason: string };

type Values = Record<string, unknown>;

interface LoadedChart {
  readonly name: string;
  readonly version: string;
  readonly appVersion: string;
  readonly dependencies: readonly { name: string; alias: string; condition: string }[];
  readonly values: Values;
  readonly subcharts: readonly LoadedChart[];
}

const MAX_DEPTH = 8;

function isObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function loadYaml(text: string | undefined): Values {
  if (text === undefined || text.trim() === '') return {};
  const value = yaml.load(text);
  return isObject(value) ? value : {};
}

function text(data: Uint8Array | undefined): string | undefined {
  return data === undefined ? undefined : Buffer.from(data).toString('utf8');
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Loads the chart rooted at `root/` from a map of archive paths, with its subcharts. */
function loadChart(files: ReadonlyMap<string, Uint8Array>, root: string, depth: number): LoadedChart {
  if (depth > MAX_DEPTH) throw new Error(`subcharts nested deeper than ${MAX_DEPTH} levels`);
  const meta = loadYaml(text(files.get(`${root}Chart.yaml`)));
  const name = str(meta.name);
  const version = str(meta.version);
  if (name === '' || version === '') throw new Error(`${root}Chart.yaml has no name or version`);
  const dependencies = (Array.isArray(meta.dependencies) ? meta.dependencies : [])
    .filter(isObject)
    .map((dep) => ({
      name: str(dep.name),
      alias: str(dep.alias) || str(dep.name),
      condition: str(dep.condition),
    }));
  const subcharts: LoadedChart[] = [];
  const subDirs = new Set<string>();
  for (const [path, data] of files) {
    if (!path.startsWith(`${root}charts/`)) continue;
    const rest = path.slice(`${root}charts/`.length);
    const slash = rest.indexOf('/');
    if (slash === -1 && rest.endsWith('.tgz')) subcharts.push(loadArchive(data, depth + 1));
    else if (slash !== -1 && rest.slice(slash) === '/Chart.yaml') subDirs.add(rest.slice(0, slash));
  }
  for (const dir of [...subDirs].sort()) subcharts.push(loadChart(files, `${root}charts/${dir}/`, depth + 1));
  return {
    name,
    version,
    appVersion: str(meta.appVersion),
    dependencies,
    values: loadYaml(text(files.get(`${root}values.yaml`))),
    subcharts,
  };
}

function loadArchive(gz: Uint8Array, depth: number): LoadedChart {
  const files = new Map<string, Uint8Array>();
  for (const file of tarFiles(gunzipSync(gz))) files.set(file.path, file.data);
  const chartYaml = [...files.keys()].find((path) => /^[^/]+\/Chart\.yaml$/.test(path));
  if (!chartYaml) throw new Error('no <chart>/Chart.yaml inside');
  return loadChart(files, chartYaml.slice(0, -'Chart.yaml'.length), depth);
}

/** Helm's coalescing of defaults: `over` wins, objects merge, anything else replaces. */
function coalesce(defaults: unknown, over: unknown): unknown {
  if (over === undefined) return defaults;
  if (!isObject(defaults) || !isObject(over)) return over;
  const out: Values = { ...defaults };
  for (const [key, value] of Object.entries(over)) out[key] = coalesce(defaults[key], value);
  return out;
}

function lookup(values: Values, dotted: string): unknown {
  let node: unknown = values;
  for (const key of dotted.split('.')) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Helm's `condition`: the first of its comma-separated paths that holds a boolean decides; none: enabled. */
function conditionHolds(values: Values, condition: string): boolean {
  for (const path of condition.split(',').map((part) => part.trim())) {
    if (path === '') continue;
    const value = lookup(values, path);
    if (typeof value === 'boolean') return value;
  }
  return true;
}

/** Docker's normalisation of a repository: a host is added when the first component is not one. */
function withRegistry(repository: string): string {
  const slash = repository.indexOf('/');
  const first = slash === -1 ? '' : repository.slice(0, slash);
  const isHost = first.includes('.') || first.includes(':') || first === 'localhost';
  if (isHost) return repository;
  return slash === -1 ? `docker.io/library/${repository}` : `docker.io/${repository}`;
}

/** Splits a plain image string `repo[:tag][@digest]` into repository and tag. */
function splitImageString(image: string): { repository: string; tag: string } {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) return { repository: name.slice(0, colon), tag: name.slice(colon + 1) };
  return { repository: name, tag: '' };
}

const IMAGE_KEY = /image$/i;

interface Walk {
  readonly chart: string;
  readonly appVersion: string;
  readonly enabled: boolean;
  readonly keys: ChartImageKey[];
}

function imageKeyOf(
  key: string,
  value: unknown,
  path: string[],
  inList: boolean,
  walk: Walk,
): ChartImageKey | null {
  if (!IMAGE_KEY.test(key)) return null;
  const common = { path, chart: walk.chart, enabled: walk.enabled, inList };
  const withTag = (tag: string) =>
    tag !== ''
      ? { tag, tagFrom: 'values' as const }
      : walk.appVersion !== ''
        ? { tag: walk.appVersion, tagFrom: 'appVersion' as const }
        : { tag: '', tagFrom: 'none' as const };
  if (typeof value === 'string') {
    if (value.trim() === '' || value.includes('{{') || /\s/.test(value.trim())) return null;
    const { repository, tag } = splitImageString(value.trim());
    return { ...common, style: 'string', source: withRegistry(repository), ...withTag(tag) };
  }
  if (!isObject(value)) return null;
  const repository = str(value.repository);
  if (repository === '' || repository.includes('{{')) return null;
  const registry = str(value.registry);
  const tag = str(value.tag);
  if ('registry' in value) {
    const full = registry === '' ? withRegistry(repository) : withRegistry(`${registry}/${repository}`);
    return { ...common, style: 'bitnami', source: full, ...withTag(tag) };
  }
  return { ...common, style: 'repository', source: withRegistry(repository), ...withTag(tag) };
}

function walkValues(
  node: unknown,
  path: string[],
  inList: boolean,
  skip: ReadonlySet<string>,
  walk: Walk,
): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walkValues(item, [...path, String(index)], true, new Set(), walk));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (path.length === 0 && (skip.has(key) || key === 'global')) continue;
    const found = imageKeyOf(key, value, [...path, key], inList, walk);
    if (found) walk.keys.push(found);
    else walkValues(value, [...path, key], inList, new Set(), walk);
  }
}

/** Coalesces a chart's defaults with its parent's values, then collects its parts and image keys. */
function visit(
  chart: LoadedChart,
  over: unknown,
  at: { path: string[]; chart: string; enabled: boolean },
  parts: ChartPart[],
  keys: ChartImageKey[],
): void {
  const merged = coalesce(chart.values, over);
  const values = isObject(merged) ? merged : {};
  parts.push({
    path: at.chart,
    name: chart.name,
    version: chart.version,
    appVersion: chart.appVersion,
    enabled: at.enabled,
  });
  const aliases = new Set<string>();
  const uses: { sub: LoadedChart; alias: string; condition: string }[] = [];
  for (const sub of chart.subcharts) {
    const deps = chart.dependencies.filter((dep) => dep.name === sub.name);
    if (deps.length === 0) uses.push({ sub, alias: sub.name, condition: '' });
    for (const dep of deps) uses.push({ sub, alias: dep.alias, condition: dep.condition });
  }
  for (const use of uses) aliases.add(use.alias);
  walkValues(values, at.path, false, aliases, {
    chart: at.chart,
    appVersion: chart.appVersion,
    enabled: at.enabled,
    keys,
  });
  for (const use of uses) {
    visit(
      use.sub,
      values[use.alias],
      {
        path: [...at.path, use.alias],
        chart: `${at.chart}/${use.alias}`,
        enabled: at.enabled && conditionHolds(values, use.condition),
      },
      parts,
      keys,
    );
  }
}

/** The `sha256:<hex>` digest of an archive: the key of a reading. */
export function chartDigest(archive: Uint8Array): string {
  return `sha256:${createHash('sha256').update(archive).digest('hex')}`;
}

/** Reads a chart archive. Never throws for bad bytes: the reason comes back instead. */
export function readChartUncached(archive: Uint8Array): ReadChartResult {
  let chart: LoadedChart;
  try {
    chart = loadArchive(archive, 0);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const parts: ChartPart[] = [];
  const keys: ChartImageKey[] = [];
  visit(chart, undefined, { path: [], chart: chart.name, enabled: true }, parts, keys);
  return {
    ok: true,
    reading: {
      digest: chartDigest(archive),
      name: chart.name,
      version: chart.version,
      appVersion: chart.appVersion,
      parts,
      keys,
      globals: isObject(chart.values.global) ? Object.keys(chart.values.global) : [],
    },
  };
}

const CACHE_LIMIT = 32;
const cache = new Map<string, ReadChartResult>();

/**
 * {@link readChartUncached}, cached by the archive's digest (the newest {@link CACHE_LIMIT} archives):
 * the same bytes are read once per process.
 */
export function readChart(archive: Uint8Array): ReadChartResult {
  const digest = chartDigest(archive);
  const hit = cache.get(digest);
  if (hit) return hit;
  const result = readChartUncached(archive);
  cache.set(digest, result);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return result;
}
