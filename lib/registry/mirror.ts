import 'server-only';

import { mirrorRepository, type ResolvedImage } from '@/lib/config';

import type { RegistryClient } from './client';
import type { RegistryFailure } from './failure';
import { type PlatformSelection, selectedImage, selectPlatforms } from './mirror-platforms';
import { MirrorProgress, type ProgressSnapshot } from './mirror-progress';
import { type PushFailure, pushImage, type PushStats } from './mirror-push';
import type { MirrorSource, SourceImage } from './mirror-source';
import { parseImageReference } from './reference';
import { mapWithConcurrency } from './transport';

/** How a source image relates to the configuration's image list. */
export type ImageRelation = 'configured' | 'other-tag' | 'extra';

/** What the site's registry holds under the target tag. */
export type RegistryState =
  | { kind: 'absent' }
  | { kind: 'same'; digest: string }
  | { kind: 'different'; digest: string }
  | { kind: 'error'; failure: RegistryFailure };

/** One image of the source, where it goes, and what the registry holds there. */
export interface PlannedImage {
  image: SourceImage;
  /** The full internal reference (`host/prefix/path:tag`), decided by the configuration's rule. */
  target: string;
  repository: string;
  tag: string;
  relation: ImageRelation;
  /** The configuration's image id, for `configured` and `other-tag`. */
  id?: ResolvedImage['id'];
  /** The tag the configuration uses, for `other-tag`. */
  configuredTag?: string;
  /**
   * What is pushed of the image for the configuration's platforms ({@link selectPlatforms}): the
   * image as read, a narrowed index, or nothing (`none`). The registry state compares the digest
   * of what is pushed.
   */
  selection: PlatformSelection;
  registry: RegistryState;
}

/** An image the configuration needs that the source does not hold. */
export interface UncoveredImage {
  id: ResolvedImage['id'];
  /** Where the source would hold it: the public reference, or its place in a source registry. */
  source: string;
  target: string;
  /** The registry has it already (`present`), or nothing has it (`missing`). */
  state: 'present' | 'missing';
}

/** What a mirror would do: per source image, and the configuration's images the source lacks. */
export interface MirrorPlan {
  /** `host[:port]` of the registry pushed to. */
  registry: string;
  images: PlannedImage[];
  uncovered: UncoveredImage[];
  /** Source archives that could not be read. */
  problems: MirrorSource['problems'];
  /** The platforms chosen (`os/arch[/variant]`); empty: every platform. */
  platforms: string[];
}

const key = (registry: string, repository: string) => `${registry}/${repository}`;

/**
 * Lists what the source holds against the configuration's images (`resolveConfigImages`, the one
 * rule that also writes the values, the image list and the checks) and against the registry.
 * A configured image goes to its `targetRef`; another tag of a configured repository goes to the
 * same repository; an image the configuration does not name goes where the mirroring rule puts it.
 */
export async function planMirror(input: {
  source: MirrorSource;
  configured: readonly ResolvedImage[];
  /** The configuration's `registry.host` (`host[:port][/prefix]`). */
  registryAddress: string;
  client: RegistryClient;
  /** The platforms to keep of an index (`mirror.platforms`); empty or absent: every platform. */
  platforms?: readonly string[];
  signal?: AbortSignal;
  concurrency?: number;
}): Promise<MirrorPlan> {
  const platforms = [...(input.platforms ?? [])];
  const needed = input.configured.filter((i) => i.needed);
  const byRepository = new Map<string, ResolvedImage[]>();
  for (const image of needed) {
    const parsed = parseImageReference(image.sourceRef).value;
    if (!parsed) continue;
    const k = key(parsed.registry, parsed.repository);
    byRepository.set(k, [...(byRepository.get(k) ?? []), image]);
  }
  const problems = [...input.source.problems];
  const planned: Array<Omit<PlannedImage, 'registry'>> = [];
  for (const image of input.source.images) {
    const parsed = parseImageReference(image.ref);
    if (parsed.error) {
      problems.push({
        path: image.reader.where,
        ref: image.ref,
        detail: `not an image reference: ${parsed.error.params.reason}`,
      });
      continue;
    }
    const src = parsed.value;
    const tag = src.tag ?? 'latest';
    const candidates = byRepository.get(key(src.registry, src.repository)) ?? [];
    const exact = candidates.find((c) => c.tag === tag);
    const other = candidates[0];
    let target: string;
    let relation: ImageRelation;
    if (exact) {
      target = exact.targetRef;
      relation = 'configured';
    } else if (other) {
      target = `${other.repository}:${tag}`;
      relation = 'other-tag';
    } else {
      target = `${mirrorRepository(key(src.registry, src.repository), input.registryAddress)}:${tag}`;
      relation = 'extra';
    }
    const t = parseImageReference(target).value;
    if (!t) {
      problems.push({ path: image.reader.where, ref: image.ref, detail: `invalid target ${target}` });
      continue;
    }
    const match = exact ?? other;
    planned.push({
      image,
      selection: selectPlatforms(image, platforms),
      target,
      repository: t.repository,
      tag: t.tag ?? tag,
      relation,
      ...(match ? { id: match.id } : {}),
      ...(!exact && other ? { configuredTag: other.tag } : {}),
    });
  }
  const states = await mapWithConcurrency(
    planned,
    input.concurrency ?? 8,
    async (p): Promise<RegistryState> => {
      const r = await input.client.headManifest(p.repository, p.tag, { signal: input.signal });
      // What would be pushed: a narrowed index has its own digest (`none` compares the source's).
      const pushed = selectedImage(p.selection) ?? p.image;
      if (r.kind === 'present')
        return r.digest === pushed.top.digest
          ? { kind: 'same', digest: r.digest }
          : { kind: 'different', digest: r.digest };
      if (r.kind === 'missing') return { kind: 'absent' };
      return { kind: 'error', failure: r };
    },
  );
  const images = planned.map((p, i) => ({ ...p, registry: states[i] as RegistryState }));
  const covered = new Set(images.filter((p) => p.relation === 'configured').map((p) => p.target));
  const uncovered = await mapWithConcurrency(
    needed.filter((i) => !covered.has(i.targetRef)),
    input.concurrency ?? 8,
    async (i): Promise<UncoveredImage> => {
      const t = parseImageReference(i.targetRef).value;
      const r = t
        ? await input.client.headManifest(t.repository, t.reference, { signal: input.signal })
        : undefined;
      return {
        id: i.id,
        source: input.source.locate?.(i.sourceRef) ?? i.sourceRef,
        target: i.targetRef,
        state: r?.kind === 'present' ? 'present' : 'missing',
      };
    },
  );
  return {
    registry: input.client.url.replace(/^https?:\/\//, ''),
    images,
    uncovered,
    problems,
    platforms,
  };
}

/** The outcome of one image of a run. */
export type ImageOutcome =
  | { target: string; ref: string; result: 'pushed'; stats: PushStats }
  | { target: string; ref: string; result: 'skipped' }
  | { target: string; ref: string; result: 'failed'; failure: PushFailure; stats?: PushStats };

/** What a run did. */
export interface MirrorReport {
  outcomes: ImageOutcome[];
  pushed: number;
  skipped: number;
  failed: number;
  /** Bytes actually sent. */
  uploadedBytes: number;
  elapsedMs: number;
  cancelled: boolean;
}

/** Options of {@link runMirror}. */
export interface RunMirrorOptions {
  signal?: AbortSignal;
  /** Images pushed at once. Default 3. */
  concurrency?: number;
  chunkBytes?: number;
  /** Called as bytes move (at most every `progressIntervalMs`) and when an image ends. */
  onProgress?: (snapshot: ProgressSnapshot) => void;
  progressIntervalMs?: number;
  /** Only these targets (default: every planned image the registry does not hold as is). */
  only?: ReadonlySet<string>;
}

/**
 * Pushes the plan: every image whose tag the registry does not already hold with the same
 * digest (of what is pushed: a narrowed index for chosen platforms), at most `concurrency` at a
 * time. Each image's failure is its own outcome; the others go on — an index none of whose
 * platforms is chosen fails at once, naming its platforms. A second run over the same plan pushes
 * nothing.
 */
export async function runMirror(
  plan: MirrorPlan,
  client: RegistryClient,
  opts: RunMirrorOptions = {},
): Promise<MirrorReport> {
  const started = Date.now();
  const chosen = plan.images.filter((p) => !opts.only || opts.only.has(p.target));
  const unmatched = chosen.filter((p) => p.selection.kind === 'none');
  const work = chosen
    .filter((p) => p.registry.kind !== 'same' && p.selection.kind !== 'none')
    .map((p) => ({ ...p, push: selectedImage(p.selection) ?? p.image }));
  const progress = new MirrorProgress(
    work.map((p) => ({ id: p.target, bytes: p.push.size })),
    opts.onProgress,
    opts.progressIntervalMs ?? 250,
  );
  const knownBlobs = new Map<string, string>();
  const outcomes: ImageOutcome[] = [
    ...unmatched.map((p): ImageOutcome => ({
      target: p.target,
      ref: p.image.ref,
      result: 'failed',
      failure: {
        kind: 'platforms',
        available: p.selection.kind === 'none' ? p.selection.available : [],
        chosen: plan.platforms,
      },
    })),
    ...chosen
      .filter((p) => p.registry.kind === 'same' && p.selection.kind !== 'none')
      .map((p) => ({ target: p.target, ref: p.image.ref, result: 'skipped' as const })),
  ];
  const pushed = await mapWithConcurrency(work, opts.concurrency ?? 3, async (p): Promise<ImageOutcome> => {
    if (opts.signal?.aborted)
      return {
        target: p.target,
        ref: p.image.ref,
        result: 'failed',
        failure: { kind: 'registry', stage: 'upload', what: p.target, failure: { kind: 'aborted' } },
      };
    progress.start(p.target);
    const r = await pushImage(client, p.repository, p.tag, p.push, {
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.chunkBytes ? { chunkBytes: opts.chunkBytes } : {}),
      knownBlobs,
      onBytes: (n) => progress.add(p.target, n),
    });
    progress.end(p.target, r.ok ? 'done' : 'failed');
    return r.ok
      ? { target: p.target, ref: p.image.ref, result: 'pushed', stats: r.stats }
      : { target: p.target, ref: p.image.ref, result: 'failed', failure: r.failure, stats: r.stats };
  });
  progress.flush();
  outcomes.push(...pushed);
  return {
    outcomes,
    pushed: outcomes.filter((o) => o.result === 'pushed').length,
    skipped: outcomes.filter((o) => o.result === 'skipped').length,
    failed: outcomes.filter((o) => o.result === 'failed').length,
    uploadedBytes: outcomes.reduce((n, o) => n + (o.result === 'pushed' ? o.stats.uploadedBytes : 0), 0),
    elapsedMs: Date.now() - started,
    cancelled: !!opts.signal?.aborted,
  };
}
