import 'server-only';

import {
  parseRegistryAddress,
  type ResolvedImage,
  sourceRegistryRef,
  type SourceRegistryLocation,
} from '@/lib/config';

import type { RegistryClient } from './client';
import { failureFromError, type RegistryFailure } from './failure';
import {
  type BlobReader,
  BlobSourceError,
  configPlatform,
  type Descriptor,
  INDEX_TYPES,
  MEDIA,
  type MirrorSource,
  platformOf,
  type SourceBlob,
  type SourceImage,
  type SourceManifest,
  type SourceProblem,
} from './mirror-source';
import { DEFAULT_REGISTRY, parseImageReference } from './reference';
import { mapWithConcurrency } from './transport';

/** Docker Hub's name in references, and the host that serves its registry API. */
const DOCKER_HUB_API = 'registry-1.docker.io';

/** The host that serves a registry's API: Docker Hub's `docker.io` is `registry-1.docker.io`. Pure. */
export function registryApiHost(registry: string): string {
  return registry === DEFAULT_REGISTRY || registry === 'index.docker.io' ? DOCKER_HUB_API : registry;
}

/** One image's place in the source registry: the API host, the repository, the tag or digest. */
export interface SourceLocation {
  /** `host[:port]` as in references (`docker.io` for Docker Hub). */
  registry: string;
  repository: string;
  reference: string;
  /** The whole reference, to name the image (`src:5000/prefix/wandb/local:0.62.2`). */
  ref: string;
}

/**
 * Where `sourceRef` (a public reference) is read from: {@link sourceRegistryRef}'s rule, split
 * into host, repository and tag/digest by the address (not by guessing a host from the path, so a
 * single-label host such as `mirror` stays a host). Null for a reference that cannot be read. Pure.
 */
export function sourceLocation(sourceRef: string, location: SourceRegistryLocation): SourceLocation | null {
  const ref = sourceRegistryRef(sourceRef, location);
  if (location.public) {
    const parsed = parseImageReference(ref).value;
    return parsed
      ? { registry: parsed.registry, repository: parsed.repository, reference: parsed.reference, ref }
      : null;
  }
  const address = parseRegistryAddress(location.address.replace(/\/+$/, ''));
  if (!address) return null;
  const rest = ref.slice(address.host.length + 1);
  const at = rest.indexOf('@');
  const colon = rest.lastIndexOf(':');
  if (at !== -1)
    return { registry: address.host, repository: rest.slice(0, at), reference: rest.slice(at + 1), ref };
  if (colon > rest.lastIndexOf('/'))
    return {
      registry: address.host,
      repository: rest.slice(0, colon),
      reference: rest.slice(colon + 1),
      ref,
    };
  return { registry: address.host, repository: rest, reference: 'latest', ref };
}

const IMAGE_TYPES: ReadonlySet<string> = new Set([MEDIA.ociManifest, MEDIA.dockerManifest]);

interface ManifestJson {
  mediaType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
}

/** A failure as one line of text for a problem (no secret: the registry's own answer, the code). */
export function failureText(f: RegistryFailure): string {
  switch (f.kind) {
    case 'missing':
      return `not found (${f.status}${f.code ? ` ${f.code}` : ''})`;
    case 'unauthorized':
    case 'forbidden':
      return `${f.kind} (${f.status}): ${f.detail}`;
    case 'tls-error':
    case 'unreachable':
      return `${f.kind} (${f.code}): ${f.detail}`;
    case 'timeout':
      return `no answer within ${Math.round(f.afterMs / 1000)} s`;
    case 'aborted':
      return 'cancelled';
    case 'protocol-error':
      return f.detail;
  }
}

class SourceReadError extends Error {
  constructor(
    readonly detail: string,
    readonly failure?: RegistryFailure,
  ) {
    super(detail);
  }
}

/** The blobs of one source repository, read by `GET /v2/<repository>/blobs/<digest>`, one at a time. */
export function registryBlobReader(
  client: RegistryClient,
  at: Pick<SourceLocation, 'registry' | 'repository'>,
  opts: { timeoutMs?: number } = {},
): BlobReader {
  return {
    where: `${at.registry}/${at.repository}`,
    read: async (blobs, onBlob, signal) => {
      for (const blob of blobs) {
        signal?.throwIfAborted();
        const r = await client.openBlob(at.repository, blob.digest, {
          ...(signal ? { signal } : {}),
          ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
        });
        if (r.kind !== 'ok') throw new BlobSourceError(blob.entry, r);
        // A stall or a reset in the body is the source's failure, told by its kind alone: the
        // transport's message names the URL, which after a redirect is a signed storage address.
        let broken: unknown;
        r.stream.once('error', (e) => (broken = e));
        try {
          await onBlob(blob, r.stream);
        } catch (e) {
          if (broken === undefined) throw e;
          throw new BlobSourceError(blob.entry, failureFromError(broken, opts.timeoutMs ?? 0));
        }
      }
    },
  };
}

/** Reads one image from the source registry: its manifest as is, child manifests of an index, blob list, platforms. */
async function readImage(
  client: RegistryClient,
  at: SourceLocation,
  image: ResolvedImage,
  signal: AbortSignal | undefined,
  blobTimeoutMs: number | undefined,
): Promise<SourceImage | 'absent'> {
  const call = signal ? { signal } : {};
  const getManifest = async (reference: string): Promise<SourceManifest> => {
    const r = await client.getManifest(at.repository, reference, call);
    if (r.kind !== 'present') throw new SourceReadError(`${at.ref}: ${failureText(r)}`, r);
    return { digest: r.digest, mediaType: r.mediaType, bytes: r.bytes };
  };
  let top: SourceManifest;
  try {
    top = await getManifest(at.reference);
  } catch (e) {
    if (e instanceof SourceReadError && e.failure?.kind === 'missing') return 'absent';
    throw e;
  }
  const blobs = new Map<string, SourceBlob>();
  const platforms: string[] = [];
  const children: SourceManifest[] = [];
  const blobOf = (d: Descriptor): SourceBlob => {
    if (!d.digest || typeof d.size !== 'number')
      throw new SourceReadError(`${at.ref}: a descriptor has no digest or size`);
    return { digest: d.digest, size: d.size, entry: `${at.registry}/${at.repository}@${d.digest}` };
  };
  const addImageManifest = async (m: SourceManifest, platform: string | undefined) => {
    if (!IMAGE_TYPES.has(m.mediaType))
      throw new SourceReadError(`${at.ref}: manifest type ${m.mediaType || '(none)'} is not supported`);
    const json = JSON.parse(m.bytes.toString('utf8')) as ManifestJson;
    const config = json.config ? blobOf(json.config) : undefined;
    for (const b of [config, ...(json.layers ?? []).map(blobOf)]) if (b) blobs.set(b.digest, b);
    if (platform || !config) {
      platforms.push(platform ?? 'unknown');
      return;
    }
    // The config (small) says the platform of a single-platform image; it is kept for the push.
    const r = await client.openBlob(at.repository, config.digest, call);
    if (r.kind !== 'ok') throw new SourceReadError(`${config.entry}: ${failureText(r)}`, r);
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of r.stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > 4 * 1024 * 1024) {
        r.stream.destroy();
        throw new SourceReadError(`${config.entry}: the image config is larger than 4 MiB`);
      }
      parts.push(chunk);
    }
    const data = Buffer.concat(parts);
    blobs.set(config.digest, { ...config, data });
    platforms.push(configPlatform(data) ?? 'unknown');
  };
  if (INDEX_TYPES.has(top.mediaType)) {
    const json = JSON.parse(top.bytes.toString('utf8')) as ManifestJson;
    for (const d of json.manifests ?? []) {
      if (!d.digest) throw new SourceReadError(`${at.ref}: an index entry has no digest`);
      const child = await getManifest(d.digest);
      if (INDEX_TYPES.has(child.mediaType))
        throw new SourceReadError(`${at.ref}: nested image indexes are not supported`);
      children.push(child);
      await addImageManifest(child, platformOf(d.platform));
    }
  } else {
    await addImageManifest(top, undefined);
  }
  const all = [...blobs.values()];
  return {
    ref: image.sourceRef,
    reader: registryBlobReader(client, at, blobTimeoutMs ? { timeoutMs: blobTimeoutMs } : {}),
    top,
    children,
    blobs: all,
    platforms,
    size: all.reduce((n, b) => n + b.size, 0),
  };
}

/** Options of {@link readRegistrySource}. */
export interface ReadRegistrySourceOptions {
  /** The configuration's images (`resolveConfigImages`); the needed ones are read. */
  images: readonly ResolvedImage[];
  location: SourceRegistryLocation;
  /** The client of a source registry (`host[:port]` as in references; Docker Hub is `docker.io`). */
  clientFor: (registry: string) => RegistryClient;
  signal?: AbortSignal;
  /** Images read at once. Default 4. */
  concurrency?: number;
  /** Limit of each pause of a blob's bytes while pushing. */
  blobTimeoutMs?: number;
}

/**
 * What a source registry holds of the configuration's images, in the shape a bundle's reading
 * has (so the plan, the push and the page are the same): for each needed image, its manifest
 * (image or index, exact bytes and digest), the child manifests of an index (every platform, as
 * the folder path keeps them), the blobs to stream at push time and the platforms. An image the
 * source lacks is left out (the plan names it through `locate`); one the source cannot give (a
 * refused login, TLS, a manifest type not supported) is a problem naming it. No charts: a
 * registry source has none.
 */
export async function readRegistrySource(opts: ReadRegistrySourceOptions): Promise<MirrorSource> {
  const locate = (sourceRef: string) => sourceRegistryRef(sourceRef, opts.location);
  const problems: SourceProblem[] = [];
  const wanted = opts.images.filter((i) => i.needed);
  const read = await mapWithConcurrency(wanted, opts.concurrency ?? 4, async (image) => {
    const at = sourceLocation(image.sourceRef, opts.location);
    if (!at) {
      problems.push({
        path: locate(image.sourceRef),
        ref: image.sourceRef,
        detail: 'not an image reference',
      });
      return undefined;
    }
    try {
      const r = await readImage(opts.clientFor(at.registry), at, image, opts.signal, opts.blobTimeoutMs);
      return r === 'absent' ? undefined : r;
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      problems.push({
        path: at.ref,
        ref: image.sourceRef,
        detail: e instanceof Error ? e.message : String(e),
      });
      return undefined;
    }
  });
  // One image per public reference (two configuration entries may name the same image).
  const images = new Map<string, SourceImage>();
  for (const i of read) if (i && !images.has(i.ref)) images.set(i.ref, i);
  return {
    kind: 'registry',
    root: opts.location.public ? 'public' : opts.location.address,
    images: [...images.values()],
    charts: [],
    problems,
    locate,
  };
}
