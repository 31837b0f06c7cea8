import 'server-only';

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import yaml from 'js-yaml';

import type { ChartRender, ChartReading } from '@/lib/config/chart-reading';
import { type ChartOperation, helmPull, helmTemplate } from '@/lib/helm';

import { readChart, type ReadChartResult } from './read-chart';

/**
 * The server step of chart reading: gets the archive the site will install (from the internal
 * HTTP or OCI repository with `helm pull`, or a local/uploaded `.tgz`), reads it (lib/charts,
 * cached by digest), and renders it with its defaults to know which images a default install
 * starts. Its result goes into the draft (`charts.platform.reading`), where generation takes it.
 */

const MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;

/** Docker's short form of a reference, as the reading's keys are matched against it. */
function withRegistry(image: string): string {
  const slash = image.indexOf('/');
  const first = slash === -1 ? '' : image.slice(0, slash);
  if (first.includes('.') || first.includes(':') || first === 'localhost') return image;
  return slash === -1 ? `docker.io/library/${image}` : `docker.io/${image}`;
}

/**
 * The images of rendered manifests: containers and init containers of every object, the
 * `helm.sh/hook: test` ones apart (`Kind/name image`). A repeated key keeps its last value, as Helm's
 * own parser does. Pure.
 */
export function renderedImages(manifests: string): Pick<ChartRender, 'started' | 'testHooks'> {
  const started = new Set<string>();
  const testHooks: string[] = [];
  for (const doc of yaml.loadAll(manifests, undefined, { json: true })) {
    if (typeof doc !== 'object' || doc === null) continue;
    const object = doc as {
      kind?: string;
      metadata?: { name?: string; annotations?: Record<string, string> };
    };
    const isTest = (object.metadata?.annotations?.['helm.sh/hook'] ?? '').split(',').includes('test');
    const walk = (node: unknown, key: string): void => {
      if (Array.isArray(node)) {
        for (const item of node) {
          const image =
            typeof item === 'object' && item !== null ? (item as { image?: unknown }).image : undefined;
          if ((key === 'containers' || key === 'initContainers') && typeof image === 'string') {
            if (isTest) testHooks.push(`${object.kind}/${object.metadata?.name} ${image}`);
            else started.add(withRegistry(image));
          }
          walk(item, '');
        }
      } else if (typeof node === 'object' && node !== null) {
        for (const [k, v] of Object.entries(node)) walk(v, k);
      }
    };
    walk(doc, '');
  }
  return { started: [...started].sort(), testHooks };
}

/** Reads a chart archive file (a local path or an upload saved by the server). */
export async function readChartFile(path: string): Promise<ReadChartResult> {
  const bytes = await readFile(path);
  if (bytes.length > MAX_ARCHIVE_BYTES)
    return { ok: false, reason: `larger than ${MAX_ARCHIVE_BYTES} bytes` };
  return readChart(bytes);
}

const renders = new Map<string, ChartRender>();

/**
 * Reads the chart `op` names (pulling it from its repository unless it is a file) and renders it
 * with its defaults: the reading with `rendered`. The render is cached by the archive's digest.
 * Throws HelmError where helm fails (unreachable repository, bad credentials).
 */
export async function fetchAndReadChart(
  op: ChartOperation & { release: string; namespace: string },
): Promise<ReadChartResult> {
  const dir = await mkdtemp(join(tmpdir(), 'wandb-chart-'));
  try {
    const file =
      op.chart.kind === 'file' ? op.chart.path : (await helmPull({ ...op, destination: dir })).file;
    const result = await readChartFile(file);
    if (!result.ok) return result;
    const reading: ChartReading = result.reading;
    let rendered = renders.get(reading.digest);
    if (!rendered) {
      const { manifests } = await helmTemplate({
        helm: op.helm,
        chart: { kind: 'file', path: file },
        release: op.release,
        namespace: op.namespace,
        signal: op.signal,
        timeoutMs: op.timeoutMs,
        commands: op.commands,
      });
      rendered = { helm: `v${op.helm.major}`, ...renderedImages(manifests) };
      renders.set(reading.digest, rendered);
    }
    return { ok: true, reading: { ...reading, rendered } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
