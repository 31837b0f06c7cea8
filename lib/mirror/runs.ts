import 'server-only';

import { randomUUID } from 'node:crypto';

import { registryClientOptions } from '@/lib/checks/registry-access';
import { type InstallConfig, resolveConfigImages } from '@/lib/config';
import { type Message, redactDeep, toUserError } from '@/lib/errors';
import { RegistryClient, registryFailureMessage } from '@/lib/registry';
import { type MirrorPlan, planMirror, runMirror } from '@/lib/registry/mirror';
import { type ChartPlan, type ChartsProgress, planCharts, runCharts } from '@/lib/registry/chart-publish';
import { readRegistrySource } from '@/lib/registry/mirror-registry-source';
import { type MirrorSource, readMirrorSource } from '@/lib/registry/mirror-source';

import { chartPlanView, chartsReportView } from './chart-view';
import { sourceFolderProblem } from './source-folder';
import { type SourceClients, sourceClients } from './source-registry';
import {
  type MirrorPlanView,
  type MirrorReportView,
  planView,
  progressView,
  type ProgressView,
  reportView,
} from './view';

/** A mirror run as the store keeps it and the page polls it: plain data, no secret. */
export interface MirrorRunView {
  id: string;
  state: 'planning' | 'pushing' | 'succeeded' | 'failed' | 'cancelled';
  startedAt: string;
  finishedAt?: string;
  source: string;
  plan?: MirrorPlanView;
  progress?: ProgressView;
  /** The charts' push, after the images: how many of how many, and the one under way. */
  charts?: ChartsProgress;
  report?: MirrorReportView;
  /** Why the run could not start pushing (an unreachable registry, an unreadable folder). */
  error?: Message;
}

/** Why a plan could not be made; `field` when the source folder or the source registry is at fault. */
export interface MirrorRefusal {
  error: Message;
  field?: 'mirror.source' | 'mirror.registry.host';
}

/** Images pushed at once by a run from the page. */
export const MIRROR_CONCURRENCY = 3;
const REQUEST_TIMEOUT_MS = 30_000;
const RUNS_PER_OWNER = 5;

interface StoredRun {
  owner: string;
  run: MirrorRunView;
  controller: AbortController;
}

// On globalThis: Next.js may bundle server actions separately, and all must see the same runs.
const STORE_KEY = Symbol.for('wandb-airgap-wizard.mirror-runs');
const runs: Map<string, StoredRun> =
  ((globalThis as Record<symbol, unknown>)[STORE_KEY] as Map<string, StoredRun> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STORE_KEY] = new Map<string, StoredRun>());

/** The passwords a run may meet in an answer: the registry's, the source registry's and the chart repositories'. */
const secretsOf = (config: InstallConfig): string[] =>
  [
    config.registry.password,
    config.mirror.registry.password,
    config.charts.operator.source,
    config.charts.platform.source,
  ]
    .map((s) => (typeof s === 'string' ? s : s.kind === 'local' ? '' : s.password))
    .filter((s) => s !== '');

const active = (r: MirrorRunView) => r.state === 'planning' || r.state === 'pushing';

interface Prepared {
  client: RegistryClient;
  /** The source registries' clients (a registry source): the run reads the blobs through them. */
  sources?: SourceClients;
  source: MirrorSource;
  plan: MirrorPlan;
  charts: ChartPlan;
  view: MirrorPlanView;
}

/** What the Mirror step reads from: the folder, or the source registry's address (`public`). */
export function sourceLabel(config: InstallConfig): string {
  const m = config.mirror;
  if (m.from === 'folder') return m.source;
  return m.registry.public ? 'public' : m.registry.host;
}

/** The source registry's images of the configuration, after a ping of a configured one. */
async function readSourceRegistry(
  config: InstallConfig,
  sources: SourceClients,
  signal: AbortSignal,
): Promise<{ ok: true; source: MirrorSource } | { ok: false; refusal: MirrorRefusal }> {
  if (sources.host) {
    const ping = await sources.clientFor(sources.host).ping({ signal });
    if (ping.kind !== 'ok')
      return {
        ok: false,
        refusal: { error: registryFailureMessage(ping, sources.host), field: 'mirror.registry.host' },
      };
  }
  const source = await readRegistrySource({
    images: resolveConfigImages(config),
    location: sources.location,
    clientFor: sources.clientFor,
    signal,
    blobTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  return { ok: true, source };
}

/**
 * Reads the source (the folder, or what the source registry holds of the configuration's images)
 * and asks the registry (with the TLS trust and credentials the checks use) what it holds of it.
 * The clients are returned open for a run; the caller closes them.
 */
async function prepare(
  config: InstallConfig,
  signal: AbortSignal,
): Promise<{ ok: true; value: Prepared } | { ok: false; refusal: MirrorRefusal }> {
  const fromRegistry = config.mirror.from === 'registry';
  if (!fromRegistry) {
    const folder = await sourceFolderProblem(config.mirror.source);
    if (folder) return { ok: false, refusal: { error: folder, field: 'mirror.source' } };
  }
  const sources = fromRegistry ? sourceClients(config.mirror.registry, REQUEST_TIMEOUT_MS) : undefined;
  if (sources === null)
    return {
      ok: false,
      refusal: { error: { key: 'config.required', params: {} }, field: 'mirror.registry.host' },
    };
  const opts = registryClientOptions(config, REQUEST_TIMEOUT_MS);
  const client = new RegistryClient(opts);
  const close = () => {
    client.close();
    sources?.close();
  };
  try {
    const ping = await client.ping({ signal });
    if (ping.kind !== 'ok') {
      close();
      return { ok: false, refusal: { error: registryFailureMessage(ping, opts.registry) } };
    }
    let source: MirrorSource;
    if (sources) {
      const read = await readSourceRegistry(config, sources, signal);
      if (!read.ok) {
        close();
        return read;
      }
      source = read.source;
    } else {
      source = await readMirrorSource(config.mirror.source, signal);
      if (source.images.length === 0 && source.charts.length === 0 && source.problems.length === 0) {
        close();
        return {
          ok: false,
          refusal: {
            error: { key: 'mirrorStep.source.nothing', params: { path: config.mirror.source } },
            field: 'mirror.source',
          },
        };
      }
    }
    const plan = await planMirror({
      source,
      configured: resolveConfigImages(config),
      registryAddress: config.registry.host,
      client,
      platforms: config.mirror.platforms,
      signal,
    });
    const charts = await planCharts({
      files: source.charts.map((c) => c.path),
      sources: { operator: config.charts.operator.source, platform: config.charts.platform.source },
      signal,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
    });
    const view = planView(plan, source, chartPlanView(charts), secretsOf(config));
    return { ok: true, value: { client, ...(sources ? { sources } : {}), source, plan, charts, view } };
  } catch (e) {
    close();
    throw e;
  }
}

function userError(e: unknown, config: InstallConfig): Message {
  const { key, params } = toUserError(e, {
    secrets: secretsOf(config),
    target: sourceLabel(config),
  });
  return { key, params };
}

/**
 * What the source folder holds against the configuration's image list and the registry, for the
 * page's "Plan". Nothing is pushed.
 */
export async function planMirrorSource(
  config: InstallConfig,
  signal: AbortSignal,
): Promise<{ ok: true; plan: MirrorPlanView } | { ok: false; refusal: MirrorRefusal }> {
  try {
    const prepared = await prepare(config, signal);
    if (!prepared.ok) return prepared;
    prepared.value.client.close();
    prepared.value.sources?.close();
    return { ok: true, plan: prepared.value.view };
  } catch (e) {
    return { ok: false, refusal: { error: userError(e, config) } };
  }
}

function remember(stored: StoredRun): void {
  runs.set(stored.run.id, stored);
  const own = [...runs.values()].filter((r) => r.owner === stored.owner && !active(r.run));
  for (const old of own.slice(0, Math.max(0, own.length - RUNS_PER_OWNER))) runs.delete(old.run.id);
}

const snapshot = (run: MirrorRunView): MirrorRunView => structuredClone(run);

/** The owner's run still going on, if any (one at a time per draft). */
export function runningMirrorRun(owner: string): MirrorRunView | undefined {
  const stored = [...runs.values()].find((r) => r.owner === owner && active(r.run));
  return stored && snapshot(stored.run);
}

/**
 * Starts a mirror run in the background and returns it at once: the plan again (the registry may
 * have changed since the page's), then every image the registry does not hold as is, at most
 * {@link MIRROR_CONCURRENCY} at a time, with progress recorded as bytes move, then the charts to
 * the configuration's chart repositories (OCI, or an HTTP repository's ChartMuseum API). `owner` (the draft
 * id) scopes the run; the configuration (with the password) stays in this closure only.
 */
export function startMirrorRun(owner: string, config: InstallConfig): MirrorRunView {
  const controller = new AbortController();
  const run: MirrorRunView = {
    id: randomUUID(),
    state: 'planning',
    startedAt: new Date().toISOString(),
    source: sourceLabel(config),
  };
  remember({ owner, run, controller });
  const finish = (state: MirrorRunView['state'], error?: Message) => {
    run.state = controller.signal.aborted ? 'cancelled' : state;
    if (error && !controller.signal.aborted) run.error = redactDeep(error, secretsOf(config));
    run.finishedAt = new Date().toISOString();
  };
  void (async () => {
    let client: RegistryClient | undefined;
    let sources: SourceClients | undefined;
    try {
      const prepared = await prepare(config, controller.signal);
      if (!prepared.ok) return finish('failed', prepared.refusal.error);
      client = prepared.value.client;
      sources = prepared.value.sources;
      run.plan = prepared.value.view;
      run.state = 'pushing';
      const started = new Map<string, number>();
      const report = await runMirror(prepared.value.plan, client, {
        signal: controller.signal,
        concurrency: MIRROR_CONCURRENCY,
        progressIntervalMs: 250,
        onProgress: (s) => {
          run.progress = progressView(s, started, Date.now());
        },
      });
      // The charts after the images: small, one at a time, each to its own destination.
      const charts = await runCharts(prepared.value.charts, {
        signal: controller.signal,
        onProgress: (progress) => {
          run.charts = progress;
        },
      });
      const chartsView = chartsReportView(prepared.value.charts, charts);
      run.report = reportView(report, secretsOf(config), chartsView);
      finish(report.failed > 0 || chartsView.failed > 0 ? 'failed' : 'succeeded');
    } catch (e) {
      finish('failed', userError(e, config));
    } finally {
      client?.close();
      sources?.close();
    }
  })();
  return snapshot(run);
}

/** The run, or undefined when it is unknown, expired or another draft's. */
export function getMirrorRun(owner: string, runId: string): MirrorRunView | undefined {
  const stored = runs.get(runId);
  return stored && stored.owner === owner ? snapshot(stored.run) : undefined;
}

/** The owner's latest run (what a reload shows), or undefined. */
export function getLatestMirrorRun(owner: string): MirrorRunView | undefined {
  const own = [...runs.values()].filter((r) => r.owner === owner);
  const last = own.at(-1);
  return last && snapshot(last.run);
}

/**
 * Cancels a run: requests in flight are aborted; blobs fully uploaded stay in the registry (a
 * new run skips them), and no tag is written for an image whose manifest was not pushed.
 */
export function cancelMirrorRun(owner: string, runId: string): MirrorRunView | undefined {
  const stored = runs.get(runId);
  if (!stored || stored.owner !== owner) return undefined;
  if (active(stored.run)) stored.controller.abort();
  return snapshot(stored.run);
}

/** Resolves when the run has ended (for tests and the CLI-like callers). */
export async function mirrorRunDone(owner: string, runId: string): Promise<MirrorRunView | undefined> {
  for (;;) {
    const run = getMirrorRun(owner, runId);
    if (!run || !active(run)) return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
