import 'server-only';

import { createHash } from 'node:crypto';

import type { SourceImage } from './mirror-source';

/**
 * What a mirror pushes of one source image for the platforms the user chose (the one
 * implementation, for a bundle and for a source registry alike):
 * - `all`: the image as read (nothing chosen, every platform of its index chosen, or an image
 *   whose platform is not known);
 * - `filtered`: an index with only the chosen platforms' manifests (and their blobs), under a new
 *   index written from the source's (see {@link selectPlatforms});
 * - `other-platform`: a single-platform image (no index) of a platform not chosen: pushed all the
 *   same, with a warning (see {@link selectPlatforms});
 * - `none`: an index none of whose platforms is chosen: nothing of it can be pushed.
 */
export type PlatformSelection =
  | { kind: 'all'; image: SourceImage }
  | { kind: 'filtered'; image: SourceImage; dropped: string[] }
  | { kind: 'other-platform'; image: SourceImage }
  | { kind: 'none'; available: string[] };

/** `os/architecture[/variant]` split, or undefined for `unknown` and other non-platforms. */
function parts(platform: string): { os: string; arch: string; variant?: string } | undefined {
  const [os, arch, variant, ...rest] = platform.split('/');
  if (!os || !arch || os === 'unknown' || arch === 'unknown' || rest.length > 0) return undefined;
  return { os, arch, ...(variant ? { variant } : {}) };
}

/**
 * Whether an image's platform is one of `chosen`: the same os and architecture, and the same
 * variant when the chosen entry names one (`linux/arm` takes `linux/arm/v6` and `linux/arm/v7`;
 * `linux/arm/v7` only `linux/arm/v7`). `arm64` without a variant is `arm64/v8`, as containerd
 * matches it. `unknown` (an attestation, an image whose config says nothing) matches nothing. Pure.
 */
export function platformMatches(platform: string, chosen: readonly string[]): boolean {
  const p = parts(platform);
  if (!p) return false;
  const variant = (arch: string, v: string | undefined) => v ?? (arch === 'arm64' ? 'v8' : undefined);
  return chosen.some((c) => {
    const w = parts(c);
    if (!w || w.os !== p.os || w.arch !== p.arch) return false;
    return w.variant === undefined || variant(w.arch, w.variant) === variant(p.arch, p.variant);
  });
}

/** Whether a platform names a real one (not `unknown`, an attestation's). Pure. */
export const isRealPlatform = (platform: string): boolean => parts(platform) !== undefined;

interface IndexDescriptor {
  digest?: unknown;
  annotations?: Record<string, unknown>;
}

interface ManifestJson {
  config?: { digest?: unknown };
  layers?: Array<{ digest?: unknown }>;
}

/** The blob digests an image manifest refers to (its config and layers). */
function blobDigests(bytes: Buffer): string[] {
  const json = JSON.parse(bytes.toString('utf8')) as ManifestJson;
  return [json.config, ...(json.layers ?? [])]
    .map((d) => d?.digest)
    .filter((d): d is string => typeof d === 'string');
}

/** A buildx attestation manifest refers to the image manifest it attests by this annotation. */
function attests(d: IndexDescriptor): string | undefined {
  const a = d.annotations;
  if (a?.['vnd.docker.reference.type'] !== 'attestation-manifest') return undefined;
  const digest = a['vnd.docker.reference.digest'];
  return typeof digest === 'string' ? digest : undefined;
}

/**
 * What to push of `image` for the platforms `chosen` (`os/arch[/variant]`; empty: every platform,
 * the image as read). Pure: the bytes of a filtered index are computed here, so the plan's
 * registry state, the push and a second run all see the same digest.
 *
 * An index with some platforms chosen keeps only the chosen image manifests (and the buildx
 * attestations of those), with the blobs they refer to; its new index is the source's JSON with
 * `manifests` narrowed: the same mediaType, every other field (annotations, subject) and every
 * kept descriptor copied as they are. Every platform chosen keeps the source index's own bytes and
 * digest. One platform chosen still gives an index (of one manifest), not the image manifest
 * alone as `skopeo copy --multi-arch system` does: the tag keeps the source's media type and
 * shape, a later run with more platforms replaces it with a wider index the same way, and every
 * runtime resolves a one-entry index to its manifest.
 *
 * A single-platform image (no index) of a platform not chosen is pushed all the same
 * (`other-platform`, which the plan warns about): there is nothing else to push under its tag,
 * and leaving it out would only turn "runs on another architecture" into "missing" for the
 * registry check and the install. An index none of whose platforms is chosen gives `none` with its
 * platforms, for the run to fail that image alone.
 */
export function selectPlatforms(image: SourceImage, chosen: readonly string[]): PlatformSelection {
  if (chosen.length === 0) return { kind: 'all', image };
  if (image.children.length === 0) {
    const platform = image.platforms[0] ?? 'unknown';
    return !isRealPlatform(platform) || platformMatches(platform, chosen)
      ? { kind: 'all', image }
      : { kind: 'other-platform', image };
  }
  const index = JSON.parse(image.top.bytes.toString('utf8')) as { manifests?: IndexDescriptor[] };
  const descriptors = index.manifests ?? [];
  const platformOf = new Map(image.children.map((c, i) => [c.digest, image.platforms[i] ?? 'unknown']));
  const kept = new Set<string>();
  for (const d of descriptors)
    if (typeof d.digest === 'string' && platformMatches(platformOf.get(d.digest) ?? 'unknown', chosen))
      kept.add(d.digest);
  if (kept.size === 0)
    return { kind: 'none', available: [...new Set(image.platforms.filter(isRealPlatform))] };
  for (const d of descriptors) {
    const of = attests(d);
    if (typeof d.digest === 'string' && of && kept.has(of)) kept.add(d.digest);
  }
  const keptDescriptors = descriptors.filter((d) => typeof d.digest === 'string' && kept.has(d.digest));
  if (keptDescriptors.length === descriptors.length) return { kind: 'all', image };
  const bytes = Buffer.from(JSON.stringify({ ...index, manifests: keptDescriptors }));
  const children = image.children.filter((c) => kept.has(c.digest));
  const needed = new Set(children.flatMap((c) => blobDigests(c.bytes)));
  const blobs = image.blobs.filter((b) => needed.has(b.digest));
  const platforms = image.children.flatMap((c, i) =>
    kept.has(c.digest) ? [image.platforms[i] ?? 'unknown'] : [],
  );
  const dropped = image.children.flatMap((c, i) => {
    const p = image.platforms[i] ?? 'unknown';
    return kept.has(c.digest) || !isRealPlatform(p) ? [] : [p];
  });
  return {
    kind: 'filtered',
    image: {
      ...image,
      top: {
        digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
        mediaType: image.top.mediaType,
        bytes,
      },
      children,
      blobs,
      platforms,
      size: blobs.reduce((n, b) => n + b.size, 0),
    },
    dropped,
  };
}

/** The image a selection pushes, or undefined for `none`. Pure. */
export function selectedImage(s: PlatformSelection): SourceImage | undefined {
  return s.kind === 'none' ? undefined : s.image;
}
