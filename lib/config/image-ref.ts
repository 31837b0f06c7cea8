import {
  catalogueIdOf,
  currentSource,
  pinnedTag,
  type CatalogImage,
  type ChartLine,
  type ImageArtifact,
  type ImageId,
  type ImageKey,
} from './chart-images';
import type { ChartReading } from './chart-reading';
import type { Images } from './images';

/**
 * The mirroring rule, shared by the generators, the registry checks and the test environment:
 * a public image's path without its registry host (`docker.io/`, `quay.io/`, and `library/`
 * for Docker Hub's official images) goes under `<registry host>/<prefix>/`.
 *
 *   docker.io/wandb/local        + registry.example.com:5000/mirror → registry.example.com:5000/mirror/wandb/local
 *   quay.io/prometheus/prometheus + 127.0.0.1:25001/mirror          → 127.0.0.1:25001/mirror/prometheus/prometheus
 *   docker.io/library/mysql      + registry.example.com             → registry.example.com/mysql
 */

/** True when the first path component of a reference names a registry host rather than a namespace. */
function isRegistryHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/** Splits `host/path` into its registry host (`docker.io` when there is none) and the path. */
export function splitRepository(repository: string): { registry: string; path: string } {
  const slash = repository.indexOf('/');
  const first = slash === -1 ? '' : repository.slice(0, slash);
  if (slash !== -1 && isRegistryHost(first)) return { registry: first, path: repository.slice(slash + 1) };
  return { registry: 'docker.io', path: repository };
}

/** The path a public repository keeps on the mirror (no registry host, no Docker Hub `library/`). */
export function mirrorPath(source: string): string {
  const { registry, path } = splitRepository(source);
  if ((registry === 'docker.io' || registry === 'index.docker.io') && path.startsWith('library/')) {
    return path.slice('library/'.length);
  }
  return path;
}

/** The internal repository of a public one under `registry` (`host[:port][/prefix]`). */
export function mirrorRepository(source: string, registry: string): string {
  return `${registry.replace(/\/+$/, '')}/${mirrorPath(source)}`;
}

/** An image of the install, with its public source and its internal target. */
export interface ResolvedImage {
  /** The catalogue id (its override applies), or null for an image only the chart read names. */
  readonly id: ImageId | null;
  readonly artifact: ImageArtifact;
  readonly keys: readonly ImageKey[];
  /** Whether this install pulls it (in-cluster MySQL only when chosen). */
  readonly needed: boolean;
  /** Public repository (`docker.io/wandb/local`). */
  readonly sourceRepository: string;
  /** Internal repository written into the values. */
  readonly repository: string;
  readonly tag: string;
  /** `sourceRepository:tag`. */
  readonly sourceRef: string;
  /** `repository:tag`. */
  readonly targetRef: string;
  readonly repositoryOverridden: boolean;
  readonly tagOverridden: boolean;
  /** The tag is the chart's own default `latest` (no pin, no override): worth pinning. */
  readonly tagIsChartLatest?: boolean;
}

export interface ResolveImagesInput {
  /** `host[:port][/prefix]` of the internal registry. */
  readonly registry: string;
  readonly images: Images;
  readonly line: ChartLine;
  readonly mysqlInCluster: boolean;
}

function defaultTag(image: CatalogImage, line: ChartLine, images: Images, seen: Set<ImageId>): string {
  const spec = image.defaultTag;
  if (typeof spec === 'string') return spec;
  if (seen.has(image.id)) return '';
  seen.add(image.id);
  const ref = line.images.find((candidate) => candidate.id === spec.sameAs);
  if (!ref) return '';
  const override = images[ref.id].tag;
  return override !== '' ? override : defaultTag(ref, line, images, seen);
}

/** Resolves every image of a chart line: repository and tag after the mirroring rule and the overrides. */
export function resolveImages(input: ResolveImagesInput): ResolvedImage[] {
  const { registry, images, line, mysqlInCluster } = input;
  return line.images.map((image) => {
    const override = images[image.id];
    const repository =
      override.repository !== '' ? override.repository : mirrorRepository(image.source, registry);
    const tag = override.tag !== '' ? override.tag : defaultTag(image, line, images, new Set());
    return {
      id: image.id,
      artifact: image.artifact,
      keys: image.keys,
      needed: image.when === 'always' || mysqlInCluster,
      sourceRepository: image.source,
      repository,
      tag,
      sourceRef: `${image.source}:${tag}`,
      targetRef: `${repository}:${tag}`,
      repositoryOverridden: override.repository !== '',
      tagOverridden: override.tag !== '',
    };
  });
}

export interface ResolveChartImagesInput {
  /** `host[:port][/prefix]` of the internal registry. */
  readonly registry: string;
  readonly images: Images;
  readonly reading: ChartReading;
  readonly artifact: ImageArtifact;
  readonly mysqlInCluster: boolean;
}

/** Docker's short form of a reference's repository, for matching rendered `image:` values. */
function normalizedRef(ref: string): string {
  return ref.startsWith('docker.io/library/')
    ? ref.slice('docker.io/library/'.length)
    : ref.replace(/^docker\.io\//, '');
}

/**
 * Resolves the image keys read from a chart (lib/charts): every key that holds an image gets the
 * internal repository (the mirroring rule, or the catalogue id's override) and a tag: the user's,
 * else the chart's own default unless that is empty or `latest` and the wizard pins the image
 * (`wsm list`'s tag), else the chart's `latest`. Keys in lists are left out (values cannot patch
 * them). A key is needed when its subchart is on by default and, where the chart was rendered,
 * its image is one a default install starts; the in-cluster MySQL when chosen.
 */
export function resolveChartImages(input: ResolveChartImagesInput): ResolvedImage[] {
  const { registry, images, reading, artifact, mysqlInCluster } = input;
  const started = reading.rendered ? new Set(reading.rendered.started.map(normalizedRef)) : null;
  const byTarget = new Map<string, { image: ResolvedImage; keys: ImageKey[] }>();
  for (const key of reading.keys) {
    if (key.inList) continue;
    const id = catalogueIdOf(key.source) ?? null;
    const needed =
      id === 'mysql'
        ? mysqlInCluster
        : key.enabled && (started === null || started.has(normalizedRef(`${key.source}:${key.tag}`)));
    const source = currentSource(key.source);
    const override = id === null ? { repository: '', tag: '' } : images[id];
    const pin = id === null ? undefined : pinnedTag(id);
    const chartTag = key.tag === '' ? 'latest' : key.tag;
    const tag = override.tag !== '' ? override.tag : chartTag !== 'latest' ? chartTag : (pin ?? chartTag);
    const repository = override.repository !== '' ? override.repository : mirrorRepository(source, registry);
    const targetRef = `${repository}:${tag}`;
    const entry = byTarget.get(targetRef);
    const imageKey: ImageKey = { path: key.path, style: key.style };
    if (entry) {
      entry.keys.push(imageKey);
      if (needed && !entry.image.needed) entry.image = { ...entry.image, needed };
      continue;
    }
    byTarget.set(targetRef, {
      keys: [imageKey],
      image: {
        id,
        artifact,
        keys: [],
        needed,
        sourceRepository: source,
        repository,
        tag,
        sourceRef: `${source}:${tag}`,
        targetRef,
        repositoryOverridden: override.repository !== '',
        tagOverridden: override.tag !== '',
        tagIsChartLatest: override.tag === '' && pin === undefined && tag === 'latest',
      },
    });
  }
  return [...byTarget.values()].map(({ image, keys }) => ({ ...image, keys }));
}
