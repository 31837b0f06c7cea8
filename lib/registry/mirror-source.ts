import 'server-only';

import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

import type { RegistryFailure } from './failure';
import {
  type ArchiveEntry,
  ArchiveError,
  type ArchiveIndex,
  type EntryStream,
  indexArchive,
  streamEntries,
} from './mirror-archive';

/** Media types of the manifests and blobs a mirror writes. */
export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
} as const;

/** The media types of an image index (a manifest list). */
export const INDEX_TYPES: ReadonlySet<string> = new Set([MEDIA.ociIndex, MEDIA.dockerList]);

/** A blob an image needs: in memory, or read from the image's {@link BlobReader} at push time. */
export interface SourceBlob {
  digest: string;
  size: number;
  /** Where the bytes are: the archive entry, or the source repository's `repository@digest`. */
  entry: string;
  data?: Buffer;
}

/**
 * Where an image's blob bytes come from at push time: an archive read again (entries in archive
 * order), or a source registry (one blob GET at a time). The push is the same for both.
 */
export interface BlobReader {
  /** Names the source in problems: the archive's path, or the source repository. */
  readonly where: string;
  /**
   * Hands the bytes of each of `blobs` to `onBlob`, waiting for it (backpressure reaches the
   * source); `onBlob` consumes or destroys the stream. Throws {@link BlobSourceError} when the
   * source cannot give a blob.
   */
  read(
    blobs: readonly SourceBlob[],
    onBlob: (blob: SourceBlob, bytes: EntryStream) => Promise<void>,
    signal?: AbortSignal,
  ): Promise<void>;
}

/** A blob the source could not give (a source registry's answer), naming it. */
export class BlobSourceError extends Error {
  constructor(
    readonly what: string,
    readonly failure: RegistryFailure,
  ) {
    super(`${what}: ${failure.kind}`);
  }
}

/** The blobs of an archive, streamed from it again in archive order. */
export function archiveBlobReader(archive: Pick<ArchiveIndex, 'path' | 'gzip'>): BlobReader {
  return {
    where: archive.path,
    read: async (blobs, onBlob, signal) => {
      const byEntry = new Map(blobs.map((b) => [b.entry, b]));
      await streamEntries(
        archive,
        new Set(byEntry.keys()),
        (entry, stream) => onBlob(byEntry.get(entry) as SourceBlob, stream),
        signal,
      );
    },
  };
}

/** A manifest (image manifest or index) as exact bytes: what is pushed is what was read. */
export interface SourceManifest {
  digest: string;
  mediaType: string;
  bytes: Buffer;
}

/** One image of a source: its top manifest, child manifests (of an index), blobs and platforms. */
export interface SourceImage {
  /** The public reference as the source names it (`wandb/local:0.62.2`, `quay.io/x/y:v1`). */
  ref: string;
  /** Where the blobs not held in memory are read from. */
  reader: BlobReader;
  top: SourceManifest;
  /** Manifests an index points to, pushed by digest before the top one. */
  children: SourceManifest[];
  blobs: SourceBlob[];
  /**
   * `os/architecture[/variant]` of each image manifest: one per child of an index, in the
   * children's order (`unknown` for an attestation), or the one of a single image.
   */
  platforms: string[];
  /** Sum of the blob sizes. */
  size: number;
}

/** A source archive that could not be read as an image, named so that the others go on. */
export interface SourceProblem {
  path: string;
  ref?: string;
  detail: string;
}

/** A chart archive of the source. */
export interface SourceChart {
  path: string;
}

/** What a bundle, a folder or a source registry holds. */
export interface MirrorSource {
  kind: 'wsm-bundle' | 'folder' | 'registry';
  /** The folder, or the source registry's address. */
  root: string;
  /**
   * Where the source looks for a public reference (a source registry's `host/prefix/path:tag`),
   * to name an image it does not hold; the public reference itself when absent.
   */
  locate?: (sourceRef: string) => string;
  images: SourceImage[];
  charts: SourceChart[];
  problems: SourceProblem[];
  /** The bundle's spec.yaml, when there is one. */
  spec?: string;
}

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A descriptor of a manifest or an index, as its JSON holds it. */
export interface Descriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

function parseJson<T>(entry: ArchiveEntry | undefined, what: string, path: string): T {
  if (!entry?.data) throw new ArchiveError(path, `${what} is missing`);
  try {
    return JSON.parse(entry.data.toString('utf8')) as T;
  } catch {
    throw new ArchiveError(path, `${what} is not JSON`);
  }
}

const blobPath = (digest: string): string => `blobs/${digest.replace(':', '/')}`;

/** `os/architecture[/variant]` of a descriptor's platform, or undefined when it names none. */
export function platformOf(p: Descriptor['platform'] | undefined): string | undefined {
  if (!p?.os || !p.architecture) return undefined;
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

/** The blob of an OCI layout entry, checked against its descriptor's size. */
function layoutBlob(index: ArchiveIndex, d: Descriptor): SourceBlob {
  if (!d.digest) throw new ArchiveError(index.path, 'a descriptor has no digest');
  const entry = index.entries.get(blobPath(d.digest));
  if (!entry) throw new ArchiveError(index.path, `blob ${d.digest} is not in the archive`);
  if (d.size !== undefined && d.size !== entry.size)
    throw new ArchiveError(
      index.path,
      `blob ${d.digest} has ${entry.size} bytes, its descriptor says ${d.size}`,
    );
  return {
    digest: d.digest,
    size: entry.size,
    entry: entry.name,
    ...(entry.data ? { data: entry.data } : {}),
  };
}

function layoutManifest(index: ArchiveIndex, d: Descriptor): SourceManifest {
  const blob = layoutBlob(index, d);
  if (!blob.data) throw new ArchiveError(index.path, `manifest ${d.digest} is too large`);
  if (sha256(blob.data) !== blob.digest)
    throw new ArchiveError(index.path, `manifest ${blob.digest} does not match its digest`);
  const mediaType =
    d.mediaType ??
    (JSON.parse(blob.data.toString('utf8')) as { mediaType?: string }).mediaType ??
    MEDIA.ociManifest;
  return { digest: blob.digest, mediaType, bytes: blob.data };
}

interface ImageManifestJson {
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
}

/** An image from an OCI layout (also what `docker save` writes since Docker 25). */
function imageFromLayout(index: ArchiveIndex, d: Descriptor, ref: string): SourceImage {
  const top = layoutManifest(index, d);
  const children: SourceManifest[] = [];
  const blobs = new Map<string, SourceBlob>();
  const platforms: string[] = [];
  const addImageManifest = (m: SourceManifest, platform: string | undefined) => {
    const json = JSON.parse(m.bytes.toString('utf8')) as ImageManifestJson;
    for (const b of [json.config, ...(json.layers ?? [])]) {
      if (!b) continue;
      const blob = layoutBlob(index, b);
      blobs.set(blob.digest, blob);
    }
    const config = json.config ? blobs.get(json.config.digest ?? '') : undefined;
    platforms.push(platform ?? configPlatform(config?.data) ?? 'unknown');
  };
  if (INDEX_TYPES.has(top.mediaType)) {
    const json = JSON.parse(top.bytes.toString('utf8')) as ImageManifestJson;
    for (const child of json.manifests ?? []) {
      // Attestations (buildx) are kept like any other manifest of the index.
      const m = layoutManifest(index, child);
      children.push(m);
      if (INDEX_TYPES.has(m.mediaType))
        throw new ArchiveError(index.path, 'nested image indexes are not supported');
      addImageManifest(m, platformOf(child.platform));
    }
  } else {
    addImageManifest(top, platformOf(d.platform));
  }
  const all = [...blobs.values()];
  return {
    ref,
    reader: archiveBlobReader(index),
    top,
    children,
    blobs: all,
    platforms,
    size: all.reduce((n, b) => n + b.size, 0),
  };
}

/** The platform an image config (its JSON bytes) names, or undefined. */
export function configPlatform(data: Buffer | undefined): string | undefined {
  if (!data) return undefined;
  try {
    const c = JSON.parse(data.toString('utf8')) as { os?: string; architecture?: string; variant?: string };
    return platformOf(c);
  } catch {
    return undefined;
  }
}

const DIGEST_NAME =
  /(?:^|\/)(?:blobs\/)?(sha256)[:/]?([a-f0-9]{64})(?:\.tar(?:\.gz)?)?$|(?:^|\/)([a-f0-9]{64})\.tar(?:\.gz)?$/;

/** The digest a file name states (`blobs/sha256/<hex>`, `<hex>.tar.gz`), if any. */
export function digestFromName(name: string): string | undefined {
  const m = DIGEST_NAME.exec(name);
  if (!m) return undefined;
  return `sha256:${m[2] ?? m[3]}`;
}

interface DockerManifestEntry {
  Config?: string;
  RepoTags?: string[] | null;
  Layers?: string[];
}

/**
 * An image from a classic `docker save` archive (manifest.json): a Docker v2 manifest is written
 * for it from the config and the layers as they are stored (uncompressed layers stay
 * uncompressed: their digest is the config's diff_id, so nothing has to be recompressed).
 */
function imageFromDockerArchive(index: ArchiveIndex, m: DockerManifestEntry, ref: string): SourceImage {
  const configEntry = index.entries.get(m.Config ?? '');
  if (!configEntry?.data) throw new ArchiveError(index.path, `config ${m.Config ?? '(none)'} is missing`);
  const config = JSON.parse(configEntry.data.toString('utf8')) as { rootfs?: { diff_ids?: string[] } };
  const diffIds = config.rootfs?.diff_ids ?? [];
  const configBlob: SourceBlob = {
    digest: sha256(configEntry.data),
    size: configEntry.size,
    entry: configEntry.name,
    data: configEntry.data,
  };
  const layers = (m.Layers ?? []).map((name, i): SourceBlob & { mediaType: string } => {
    const entry = index.entries.get(name);
    if (!entry) throw new ArchiveError(index.path, `layer ${name} is missing`);
    const digest = digestFromName(entry.name) ?? (entry.gzip ? undefined : diffIds[i]);
    if (!digest) throw new ArchiveError(index.path, `the digest of layer ${name} is unknown`);
    return {
      digest,
      size: entry.size,
      entry: entry.name,
      mediaType: entry.gzip ? MEDIA.dockerLayerGzip : MEDIA.dockerLayer,
      ...(entry.data ? { data: entry.data } : {}),
    };
  });
  const manifest = {
    schemaVersion: 2,
    mediaType: MEDIA.dockerManifest,
    config: { mediaType: MEDIA.dockerConfig, size: configBlob.size, digest: configBlob.digest },
    layers: layers.map((l) => ({ mediaType: l.mediaType, size: l.size, digest: l.digest })),
  };
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const blobs = new Map<string, SourceBlob>();
  for (const b of [configBlob, ...layers])
    blobs.set(b.digest, {
      digest: b.digest,
      size: b.size,
      entry: b.entry,
      ...(b.data ? { data: b.data } : {}),
    });
  const all = [...blobs.values()];
  return {
    ref,
    reader: archiveBlobReader(index),
    top: { digest: sha256(bytes), mediaType: MEDIA.dockerManifest, bytes },
    children: [],
    blobs: all,
    platforms: [configPlatform(configEntry.data) ?? 'unknown'],
    size: all.reduce((n, b) => n + b.size, 0),
  };
}

/**
 * The images of one archive: an OCI layout (`index.json`, with `docker save`'s names in its
 * annotations) or a classic `docker save` (`manifest.json`). `name` names the image when the
 * archive holds one (a wsm bundle's folder name); otherwise each image's own name is used.
 */
export function imagesOfArchive(index: ArchiveIndex, name?: string): SourceImage[] {
  const layout = index.entries.get('index.json');
  if (layout && index.entries.has('oci-layout')) {
    const json = parseJson<{ manifests?: Descriptor[] }>(layout, 'index.json', index.path);
    const descriptors = json.manifests ?? [];
    if (descriptors.length === 0) throw new ArchiveError(index.path, 'index.json lists no image');
    const refOf = (d: Descriptor) =>
      d.annotations?.['io.containerd.image.name'] ?? d.annotations?.['org.opencontainers.image.ref.name'];
    const named = new Map<string, Descriptor[]>();
    for (const d of descriptors) {
      const key = refOf(d) ?? '';
      named.set(key, [...(named.get(key) ?? []), d]);
    }
    if (name !== undefined || named.size === 1) {
      const ref = name ?? refOf(descriptors[0] as Descriptor);
      if (!ref) throw new ArchiveError(index.path, 'the archive does not name its image');
      if (descriptors.length === 1) return [imageFromLayout(index, descriptors[0] as Descriptor, ref)];
      // Several manifests for one name: the layout's index is the image's index.
      const bytes = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MEDIA.ociIndex,
          manifests: descriptors.map((d) => ({
            mediaType: d.mediaType,
            digest: d.digest,
            size: d.size,
            ...(d.platform ? { platform: d.platform } : {}),
          })),
        }),
      );
      const digest = sha256(bytes);
      const synthetic = new Map(index.entries);
      synthetic.set(blobPath(digest), {
        name: blobPath(digest),
        size: bytes.length,
        data: bytes,
        gzip: false,
      });
      return [
        imageFromLayout(
          { ...index, entries: synthetic },
          { mediaType: MEDIA.ociIndex, digest, size: bytes.length },
          ref,
        ),
      ];
    }
    return [...named.entries()].map(([ref, ds]) => {
      if (!ref) throw new ArchiveError(index.path, 'an image of the archive has no name');
      return imageFromLayout(index, ds[0] as Descriptor, ref);
    });
  }
  const manifest = index.entries.get('manifest.json');
  if (manifest) {
    const entries = parseJson<DockerManifestEntry[]>(manifest, 'manifest.json', index.path);
    if (!Array.isArray(entries) || entries.length === 0)
      throw new ArchiveError(index.path, 'manifest.json lists no image');
    if (name !== undefined) return [imageFromDockerArchive(index, entries[0] as DockerManifestEntry, name)];
    return entries.map((m) => {
      const ref = m.RepoTags?.[0];
      if (!ref) throw new ArchiveError(index.path, 'an image of the archive has no name (RepoTags)');
      return imageFromDockerArchive(index, m, ref);
    });
  }
  throw new ArchiveError(
    index.path,
    'neither a docker save archive (manifest.json) nor an OCI layout (index.json)',
  );
}

async function walk(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await walk(p, keep)));
    else if (d.isFile() && keep(d.name)) out.push(p);
  }
  return out.sort();
}

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Whether a `.tgz` holds a chart (`<name>/Chart.yaml`) rather than images. */
function isChartIndex(index: ArchiveIndex): boolean {
  return [...index.entries.keys()].some((n) => /^[^/]+\/Chart\.yaml$/.test(n));
}

/**
 * Reads a source: a `wsm download` bundle (`images/<reference>/image.tgz`, `charts/*.tgz`,
 * `spec.yaml`; the folder given may be the bundle or its parent), or a folder of `docker save`
 * and OCI-layout archives (`.tar`, `.tar.gz`, `.tgz`; chart archives among them are charts).
 * An archive that cannot be read is a problem naming it; the others are still listed.
 */
export async function readMirrorSource(root: string, signal?: AbortSignal): Promise<MirrorSource> {
  const bundle = (await isDirectory(join(root, 'images')))
    ? root
    : (await isDirectory(join(root, 'bundle', 'images')))
      ? join(root, 'bundle')
      : undefined;
  const problems: SourceProblem[] = [];
  const images: SourceImage[] = [];
  const charts: SourceChart[] = [];
  if (bundle) {
    const imagesDir = join(bundle, 'images');
    for (const file of await walk(imagesDir, (n) => n === 'image.tgz')) {
      const ref = relative(imagesDir, join(file, '..')).split(sep).join('/');
      try {
        images.push(...imagesOfArchive(await indexArchive(file, signal), ref));
      } catch (e) {
        if (signal?.aborted) throw e;
        problems.push({ path: file, ref, detail: e instanceof Error ? e.message : String(e) });
      }
    }
    if (await isDirectory(join(bundle, 'charts')))
      charts.push(
        ...(await walk(join(bundle, 'charts'), (n) => n.endsWith('.tgz'))).map((path) => ({ path })),
      );
    const spec = await stat(join(bundle, 'spec.yaml')).then(
      () => join(bundle, 'spec.yaml'),
      () => undefined,
    );
    return { kind: 'wsm-bundle', root: bundle, images, charts, problems, ...(spec ? { spec } : {}) };
  }
  for (const file of await walk(root, (n) => /\.(tar|tar\.gz|tgz)$/.test(n))) {
    try {
      const index = await indexArchive(file, signal);
      if (isChartIndex(index)) charts.push({ path: file });
      else images.push(...imagesOfArchive(index));
    } catch (e) {
      if (signal?.aborted) throw e;
      problems.push({ path: file, detail: e instanceof Error ? e.message : String(e) });
    }
  }
  return { kind: 'folder', root, images, charts, problems };
}
