import 'server-only';

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ChartRender } from '@/lib/config/chart-reading';
import { type ChartOperation, helmPull, helmTemplate } from '@/lib/helm';

import { readRendered } from './rendered';
import { chartDigest, readChart, type ReadChartResult } from './read-chart';

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

/** Rendered manifests with a document that cannot be read: the reading's reason, not a helm failure. */
class UnreadableRender extends Error {}

/**
 * The images of rendered manifests (lib/charts/rendered): those an install starts, in Docker's
 * long form, and the `helm.sh/hook: test` ones apart (`Kind/name image`). Pure.
 */
export function renderedImages(manifests: string): Pick<ChartRender, 'started' | 'testHooks'> {
  const { images, testHooks, unreadable } = readRendered(manifests, 'operator-wandb');
  // A document that cannot be read may hold images: a list without them would pass as complete.
  if (unreadable.length > 0)
    throw new UnreadableRender(
      `helm template output that cannot be read: ${unreadable.map((u) => `${u.source}: ${u.reason}`).join('; ')}`,
    );
  return {
    started: [...new Set(images.map((i) => withRegistry(i.image)))].sort(),
    testHooks: testHooks.flatMap((i) =>
      [...new Set(i.uses.map((use) => use.split(':')[0]))].map((at) => `${at} ${i.image}`),
    ),
  };
}

/** The archive at `path`, or why it is not read (too large for a chart). */
async function readArchive(path: string): Promise<Buffer | string> {
  const bytes = await readFile(path);
  return bytes.length > MAX_ARCHIVE_BYTES ? `larger than ${MAX_ARCHIVE_BYTES} bytes` : bytes;
}

/** Reads a chart archive file (a local path or an upload saved by the server). */
export async function readChartFile(path: string): Promise<ReadChartResult> {
  const bytes = await readArchive(path);
  return typeof bytes === 'string' ? { ok: false, reason: bytes } : readChart(bytes);
}

const renders = new Map<string, ChartRender>();

/**
 * Reads the chart `op` names (pulling it from its repository unless it is a file) and renders it
 * with its defaults: the reading with `rendered`. `helm template` runs while the archive is read
 * (helm is a process of its own, so the two take as long as the slower one, not their sum); the
 * render is cached by the archive's digest. Throws HelmError where helm fails (unreachable
 * repository, bad credentials).
 */
export async function fetchAndReadChart(
  op: ChartOperation & { release: string; namespace: string },
): Promise<ReadChartResult> {
  const dir = await mkdtemp(join(tmpdir(), 'wandb-chart-'));
  const stop = new AbortController();
  try {
    const file =
      op.chart.kind === 'file' ? op.chart.path : (await helmPull({ ...op, destination: dir })).file;
    const bytes = await readArchive(file);
    if (typeof bytes === 'string') return { ok: false, reason: bytes };
    const digest = chartDigest(bytes);
    let started: () => void = () => {};
    const spawned = new Promise<void>((resolve) => (started = resolve));
    const cached = renders.get(digest);
    const rendering: Promise<ChartRender> = cached
      ? Promise.resolve(cached)
      : helmTemplate({
          helm: op.helm,
          chart: { kind: 'file', path: file },
          release: op.release,
          namespace: op.namespace,
          signal: op.signal ? AbortSignal.any([op.signal, stop.signal]) : stop.signal,
          timeoutMs: op.timeoutMs,
          commands: op.commands,
          onSpawn: started,
        }).then(({ manifests }) => ({ helm: `v${op.helm.major}`, ...renderedImages(manifests) }));
    // Not a chart: the reading says why, and the render it no longer needs is stopped.
    rendering.catch(() => {});
    if (!cached) await Promise.race([spawned, rendering.then(noop, noop)]);
    const result = readChart(bytes);
    if (!result.ok) return result;
    let rendered: ChartRender;
    try {
      rendered = await rendering;
    } catch (e) {
      if (e instanceof UnreadableRender) return { ok: false, reason: e.message };
      throw e;
    }
    renders.set(digest, rendered);
    return { ok: true, reading: { ...result.reading, rendered } };
  } finally {
    // A read that failed or threw leaves no helm rendering from the folder removed below.
    stop.abort();
    await rm(dir, { recursive: true, force: true });
  }
}

const noop = (): void => {};
