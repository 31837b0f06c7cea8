import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { platformMatches, selectPlatforms } from './mirror-platforms';
import {
  archiveBlobReader,
  MEDIA,
  type SourceBlob,
  type SourceImage,
  type SourceManifest,
} from './mirror-source';

const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const blob = (name: string, size: number): SourceBlob => ({
  digest: digestOf(Buffer.from(name)),
  size,
  entry: `blobs/${name}`,
});
const manifest = (json: unknown, mediaType: string = MEDIA.ociManifest): SourceManifest => {
  const bytes = Buffer.from(JSON.stringify(json));
  return { digest: digestOf(bytes), mediaType, bytes };
};

/** An image manifest of one platform: a config and two layers, the second shared by every platform. */
function platformImage(arch: string) {
  const config = blob(`${arch}-config`, 100);
  const layer = blob(`${arch}-layer`, 10_000);
  const shared = blob('shared-layer', 5_000);
  const m = manifest({
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...pick(config) },
    layers: [layer, shared].map((l) => ({
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      ...pick(l),
    })),
  });
  return { manifest: m, blobs: [config, layer, shared] };
}
const pick = (b: SourceBlob) => ({ digest: b.digest, size: b.size });

/** An index over linux/amd64, linux/arm64 and linux/arm/v7, with a buildx attestation of amd64. */
function indexImage(mediaType: string = MEDIA.ociIndex): SourceImage {
  const amd64 = platformImage('amd64');
  const arm64 = platformImage('arm64');
  const armv7 = platformImage('armv7');
  const attestationLayer = blob('amd64-attestation', 300);
  const attestation = manifest({
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...pick(blob('att-config', 2)) },
    layers: [{ mediaType: 'application/vnd.in-toto+json', ...pick(attestationLayer) }],
  });
  const descriptor = (
    m: SourceManifest,
    platform: Record<string, string>,
    annotations?: Record<string, string>,
  ) => ({
    mediaType: m.mediaType,
    digest: m.digest,
    size: m.bytes.length,
    platform,
    ...(annotations ? { annotations } : {}),
  });
  const top = manifest(
    {
      schemaVersion: 2,
      mediaType,
      manifests: [
        descriptor(amd64.manifest, { architecture: 'amd64', os: 'linux' }, { 'org.example.kept': 'yes' }),
        descriptor(arm64.manifest, { architecture: 'arm64', os: 'linux' }),
        descriptor(armv7.manifest, { architecture: 'arm', os: 'linux', variant: 'v7' }),
        descriptor(
          attestation,
          { architecture: 'unknown', os: 'unknown' },
          {
            'vnd.docker.reference.digest': amd64.manifest.digest,
            'vnd.docker.reference.type': 'attestation-manifest',
          },
        ),
      ],
      annotations: { 'org.opencontainers.image.created': '2024-01-01T00:00:00Z' },
    },
    mediaType,
  );
  const blobs = new Map<string, SourceBlob>();
  for (const b of [...amd64.blobs, ...arm64.blobs, ...armv7.blobs, blob('att-config', 2), attestationLayer])
    blobs.set(b.digest, b);
  const all = [...blobs.values()];
  return {
    ref: 'wandb/controller:1.0',
    reader: archiveBlobReader({ path: '/b/images/wandb/controller:1.0/image.tgz', gzip: false }),
    top,
    children: [amd64.manifest, arm64.manifest, armv7.manifest, attestation],
    blobs: all,
    platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'unknown/unknown'],
    size: all.reduce((n, b) => n + b.size, 0),
  };
}

function singleImage(platform: string): SourceImage {
  const one = platformImage('single');
  return {
    ref: 'wandb/local:1.0',
    reader: archiveBlobReader({ path: '/b/images/wandb/local:1.0/image.tgz', gzip: false }),
    top: one.manifest,
    children: [],
    blobs: one.blobs,
    platforms: [platform],
    size: one.blobs.reduce((n, b) => n + b.size, 0),
  };
}

describe('platformMatches', () => {
  it('matches os and architecture, and the variant only when the choice names one', () => {
    expect(platformMatches('linux/amd64', ['linux/amd64'])).toBe(true);
    expect(platformMatches('linux/arm64', ['linux/amd64'])).toBe(false);
    expect(platformMatches('windows/amd64', ['linux/amd64'])).toBe(false);
    expect(platformMatches('linux/arm/v7', ['linux/arm'])).toBe(true);
    expect(platformMatches('linux/arm/v6', ['linux/arm/v7'])).toBe(false);
    expect(platformMatches('linux/arm/v7', ['linux/arm/v7'])).toBe(true);
  });

  it('takes arm64 without a variant as arm64/v8, and never matches unknown', () => {
    expect(platformMatches('linux/arm64', ['linux/arm64/v8'])).toBe(true);
    expect(platformMatches('linux/arm64/v8', ['linux/arm64'])).toBe(true);
    expect(platformMatches('unknown/unknown', ['linux/amd64'])).toBe(false);
    expect(platformMatches('unknown', ['linux/amd64'])).toBe(false);
  });
});

describe('selectPlatforms', () => {
  it('keeps the image as read when nothing is chosen', () => {
    const image = indexImage();
    expect(selectPlatforms(image, [])).toEqual({ kind: 'all', image });
  });

  it('keeps the source index bytes and digest when every platform is chosen', () => {
    const image = indexImage();
    const s = selectPlatforms(image, ['linux/amd64', 'linux/arm64', 'linux/arm']);
    expect(s.kind).toBe('all');
    expect(s.kind !== 'none' && s.image.top).toBe(image.top);
  });

  it('narrows an index to one platform: its manifest, its attestation, their blobs, a new index of the same type', () => {
    const image = indexImage();
    const s = selectPlatforms(image, ['linux/amd64']);
    if (s.kind !== 'filtered') throw new Error(s.kind);
    const source = JSON.parse(image.top.bytes.toString('utf8')) as { manifests: unknown[] };
    const index = JSON.parse(s.image.top.bytes.toString('utf8')) as Record<string, unknown>;
    // The source's fields as they were, manifests narrowed to the exact descriptors kept.
    expect(index).toEqual({ ...source, manifests: [source.manifests[0], source.manifests[3]] });
    expect(Object.keys(index)).toEqual(Object.keys(source));
    expect(s.image.top.mediaType).toBe(MEDIA.ociIndex);
    expect(s.image.top.digest).toBe(digestOf(s.image.top.bytes));
    expect(s.image.top.digest).not.toBe(image.top.digest);
    expect(s.image.children).toEqual([image.children[0], image.children[3]]);
    expect(s.image.platforms).toEqual(['linux/amd64', 'unknown/unknown']);
    expect(s.dropped).toEqual(['linux/arm64', 'linux/arm/v7']);
    expect(s.image.blobs.map((b) => b.entry).sort()).toEqual(
      [
        'blobs/amd64-config',
        'blobs/amd64-layer',
        'blobs/shared-layer',
        'blobs/att-config',
        'blobs/amd64-attestation',
      ].sort(),
    );
    expect(s.image.size).toBe(100 + 10_000 + 5_000 + 2 + 300);
    expect(s.image.reader).toBe(image.reader);
    expect(s.image.ref).toBe(image.ref);
  });

  it('gives the same bytes every time (a second run and the plan see one digest)', () => {
    const a = selectPlatforms(indexImage(), ['linux/amd64', 'linux/arm64']);
    const b = selectPlatforms(indexImage(), ['linux/arm64', 'linux/amd64']);
    if (a.kind !== 'filtered' || b.kind !== 'filtered') throw new Error('not filtered');
    expect(a.image.top.digest).toBe(b.image.top.digest);
    expect(a.image.platforms).toEqual(['linux/amd64', 'linux/arm64', 'unknown/unknown']);
  });

  it('keeps the media type of a Docker manifest list, and drops an attestation whose image is dropped', () => {
    const s = selectPlatforms(indexImage(MEDIA.dockerList), ['linux/arm64']);
    if (s.kind !== 'filtered') throw new Error(s.kind);
    expect(s.image.top.mediaType).toBe(MEDIA.dockerList);
    expect(JSON.parse(s.image.top.bytes.toString('utf8'))).toMatchObject({ mediaType: MEDIA.dockerList });
    expect(s.image.platforms).toEqual(['linux/arm64']);
    expect(s.image.blobs.map((b) => b.entry).sort()).toEqual(
      ['blobs/arm64-config', 'blobs/arm64-layer', 'blobs/shared-layer'].sort(),
    );
  });

  it('names the platforms of an index none of which is chosen', () => {
    expect(selectPlatforms(indexImage(), ['linux/s390x'])).toEqual({
      kind: 'none',
      available: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
    });
  });

  it('pushes a single-platform image of another platform all the same, and says so', () => {
    const image = singleImage('linux/arm64');
    expect(selectPlatforms(image, ['linux/amd64'])).toEqual({ kind: 'other-platform', image });
    expect(selectPlatforms(singleImage('linux/amd64'), ['linux/amd64']).kind).toBe('all');
    expect(selectPlatforms(singleImage('unknown'), ['linux/amd64']).kind).toBe('all');
  });
});
