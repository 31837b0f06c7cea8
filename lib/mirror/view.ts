import 'server-only';

import type { Message } from '@/lib/errors';
import { redactDeep } from '@/lib/errors';
import { registryFailureMessage } from '@/lib/registry';
import type { ImageOutcome, MirrorPlan, MirrorReport, PlannedImage } from '@/lib/registry/mirror';
import { type ImageProgress, type ProgressSnapshot, rateAndEta } from '@/lib/registry/mirror-progress';
import { isRealPlatform, selectedImage } from '@/lib/registry/mirror-platforms';
import type { PushFailure } from '@/lib/registry/mirror-push';
import type { MirrorSource } from '@/lib/registry/mirror-source';
import type { PublishCommands } from '@/lib/registry/chart-publish';

import type { MirrorChartsReportView, MirrorPlanChart } from './chart-view';

export type { MirrorChartOutcomeView, MirrorChartsReportView, MirrorPlanChart } from './chart-view';

/**
 * What the Mirror step shows of a source image against the configuration and the registry:
 * `missing` (configured, not in the registry: pushed), `present` (the registry holds it as is:
 * skipped), `outdated` (configured; the registry holds another image under the tag: pushed),
 * `tag-differs` (a configured image under another tag than the configuration uses), `extra` (not
 * in the configuration), `error` (the registry did not answer for it), `no-platform` (an index
 * none of whose platforms is chosen: a run fails it).
 */
export type MirrorImageStatus =
  'missing' | 'present' | 'outdated' | 'tag-differs' | 'extra' | 'error' | 'no-platform';

/** One source image as the page lists it. */
export interface MirrorPlanRow {
  ref: string;
  target: string;
  /** Bytes of what is pushed (the chosen platforms' blobs of an index). */
  size: number;
  /** Every platform of the source image (an attestation's `unknown` left out). */
  platforms: string[];
  /** The platforms a run pushes of it (all of `platforms` when none are chosen; none for `no-platform`). */
  pushPlatforms: string[];
  /** A single-platform image of a platform not chosen: pushed all the same, but the nodes would not run it. */
  otherPlatform?: boolean;
  status: MirrorImageStatus;
  /** The tag the configuration uses (for `tag-differs`). */
  configuredTag?: string;
  /** Whether a run pushes it (everything the registry does not hold as is). */
  willPush: boolean;
  /** Why the registry could not be asked (for `error`). */
  error?: Message;
}

/** The plan as the page shows it: plain data, no secret, nothing of the archives' bytes. */
export interface MirrorPlanView {
  /** The folder, or the source registry's address (`public` for the images' own registries). */
  source: string;
  kind: MirrorSource['kind'];
  /** `host[:port]` pushed to. */
  registry: string;
  images: MirrorPlanRow[];
  /** Images the configuration needs that the source does not hold, and whether the registry has them. */
  notInSource: Array<{ source: string; target: string; present: boolean }>;
  /** Each chart of the source, where it goes and what is there already. */
  charts: MirrorPlanChart[];
  /** The commands that publish charts the wizard may not be able to push (no upload API, a file). */
  chartsPublish: PublishCommands[];
  /** Archives that could not be read as images. */
  problems: Array<{ what: string; detail: string }>;
  toPush: number;
  bytesToPush: number;
  /** Every platform of the source's images (sorted), for the page's choice. */
  platforms: string[];
  /** The platforms chosen (`mirror.platforms`); empty: every platform. */
  chosenPlatforms: string[];
}

/** The status of one planned image (see {@link MirrorImageStatus}). Pure. */
export function imageStatus(p: Pick<PlannedImage, 'relation' | 'registry' | 'selection'>): MirrorImageStatus {
  if (p.selection.kind === 'none') return 'no-platform';
  if (p.registry.kind === 'error') return 'error';
  if (p.registry.kind === 'same') return 'present';
  if (p.relation === 'extra') return 'extra';
  if (p.relation === 'other-tag') return 'tag-differs';
  return p.registry.kind === 'different' ? 'outdated' : 'missing';
}

/** An image's platforms as the page lists them: attestations' `unknown` left out, unless nothing else is known. */
function shownPlatforms(platforms: readonly string[]): string[] {
  const real = platforms.filter(isRealPlatform);
  return real.length > 0 ? real : [...platforms];
}

/**
 * The page's view of a plan, with every text run through the redaction of `secrets` (the registry
 * password): a registry's answer may echo what it was sent. Pure.
 */
export function planView(
  plan: MirrorPlan,
  source: Pick<MirrorSource, 'root' | 'kind'>,
  charts: { charts: MirrorPlanChart[]; publish: PublishCommands[] },
  secrets: readonly string[],
): MirrorPlanView {
  const images = plan.images.map((p): MirrorPlanRow => {
    const status = imageStatus(p);
    const pushed = selectedImage(p.selection);
    return {
      ref: p.image.ref,
      target: p.target,
      size: (pushed ?? p.image).size,
      platforms: shownPlatforms(p.image.platforms),
      pushPlatforms: pushed ? shownPlatforms(pushed.platforms) : [],
      ...(p.selection.kind === 'other-platform' ? { otherPlatform: true } : {}),
      status,
      ...(p.configuredTag ? { configuredTag: p.configuredTag } : {}),
      willPush: p.registry.kind !== 'same' && !!pushed,
      ...(p.registry.kind === 'error' ? { error: registryFailureMessage(p.registry.failure, p.target) } : {}),
    };
  });
  const pushed = images.filter((i) => i.willPush);
  return redactDeep(
    {
      source: source.root,
      kind: source.kind,
      registry: plan.registry,
      images,
      notInSource: plan.uncovered.map((u) => ({
        source: u.source,
        target: u.target,
        present: u.state === 'present',
      })),
      charts: charts.charts,
      chartsPublish: charts.publish,
      problems: plan.problems.map((p) => ({ what: p.ref ?? p.path, detail: p.detail })),
      toPush: pushed.length,
      bytesToPush: pushed.reduce((n, i) => n + i.size, 0),
      platforms: [...new Set(images.flatMap((i) => i.platforms).filter(isRealPlatform))].sort(),
      chosenPlatforms: [...plan.platforms],
    },
    [...secrets],
  );
}

/** The cause of one image's failure as a message: the registry's answer, a digest, the archive, or the source registry's answer. Pure. */
export function pushFailureMessage(f: PushFailure): Message {
  switch (f.kind) {
    case 'registry':
      return f.failure.kind === 'aborted'
        ? { key: 'mirrorStep.failure.cancelled', params: {} }
        : registryFailureMessage(f.failure, f.what);
    case 'digest-mismatch':
      return {
        key: 'mirrorStep.failure.digest',
        params: { what: f.what, expected: f.expected, actual: f.actual },
      };
    case 'archive':
      return { key: 'mirrorStep.failure.archive', params: { detail: f.detail } };
    case 'source':
      return f.failure.kind === 'aborted'
        ? { key: 'mirrorStep.failure.cancelled', params: {} }
        : registryFailureMessage(f.failure, f.what);
    case 'platforms':
      return {
        key: 'mirrorStep.failure.platforms',
        params: { available: f.available.join(', ') || '—', chosen: f.chosen.join(', ') },
      };
  }
}

/** One image of a finished run, as the report lists it. */
export interface MirrorOutcomeView {
  ref: string;
  target: string;
  result: ImageOutcome['result'];
  /** Bytes sent for it. */
  uploadedBytes: number;
  failure?: Message;
}

/** The final report of a run: the engine's counts, each image's and each chart's outcome as the page shows it. */
export interface MirrorReportView extends Omit<MirrorReport, 'outcomes'> {
  outcomes: MirrorOutcomeView[];
  charts?: MirrorChartsReportView;
}

/** The page's view of a run's report, failures first, with the secrets redacted. Pure. */
export function reportView(
  report: MirrorReport,
  secrets: readonly string[],
  charts?: MirrorChartsReportView,
): MirrorReportView {
  const order: Record<ImageOutcome['result'], number> = { failed: 0, pushed: 1, skipped: 2 };
  const outcomes = [...report.outcomes]
    .sort((a, b) => order[a.result] - order[b.result] || a.target.localeCompare(b.target))
    .map((o): MirrorOutcomeView => ({
      ref: o.ref,
      target: o.target,
      result: o.result,
      uploadedBytes: o.result === 'skipped' ? 0 : (o.stats?.uploadedBytes ?? 0),
      ...(o.result === 'failed' ? { failure: pushFailureMessage(o.failure) } : {}),
    }));
  return redactDeep({ ...report, outcomes, ...(charts ? { charts } : {}) }, [...secrets]);
}

/** One image's progress with its own rate and time left (while it is being pushed). */
export interface ImageProgressView extends ImageProgress {
  rate: number;
  etaSeconds?: number;
}

/** A run's progress: bytes, rate and time left in total and per image. */
export interface ProgressView extends Omit<ProgressSnapshot, 'images'> {
  images: ImageProgressView[];
}

/**
 * Adds each image's rate and time left to a snapshot, from when the image started (`started`,
 * updated here: an image seen running for the first time starts now). Pure but for that map.
 */
export function progressView(s: ProgressSnapshot, started: Map<string, number>, now: number): ProgressView {
  return {
    ...s,
    images: s.images.map((i): ImageProgressView => {
      if (i.state === 'waiting') return { ...i, rate: 0 };
      const since = started.get(i.id) ?? now;
      started.set(i.id, since);
      return { ...i, ...rateAndEta(i.bytes, i.totalBytes, now - since) };
    }),
  };
}
