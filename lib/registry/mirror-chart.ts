import 'server-only';

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { load } from 'js-yaml';

import type { RegistryClient } from './client';
import { ArchiveError, indexArchive } from './mirror-archive';
import { type PushFailure, pushImage } from './mirror-push';
import { archiveBlobReader, type SourceImage } from './mirror-source';

/** Media types of a Helm chart stored as an OCI artifact (what `helm push` writes). */
export const HELM_MEDIA = {
  config: 'application/vnd.cncf.helm.config.v1+json',
  content: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
} as const;

/** A chart archive with the metadata of its Chart.yaml. */
export interface ChartArchive {
  path: string;
  name: string;
  version: string;
  metadata: Record<string, unknown>;
}

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Reads `<name>/Chart.yaml` of a chart `.tgz`. */
export async function readChartArchive(path: string): Promise<ChartArchive> {
  const index = await indexArchive(path);
  const entry = [...index.entries.values()].find((e) => /^[^/]+\/Chart\.yaml$/.test(e.name));
  if (!entry?.data) throw new ArchiveError(path, 'no Chart.yaml at the top of the archive');
  const metadata = load(entry.data.toString('utf8')) as Record<string, unknown> | null;
  const name = metadata?.name;
  const version = metadata?.version;
  if (!metadata || typeof name !== 'string' || typeof version !== 'string')
    throw new ArchiveError(path, 'Chart.yaml has no name or version');
  return { path, name, version: String(version), metadata };
}

/** The OCI tag of a chart version (`+` is not allowed in tags; Helm writes `_`). */
export const chartTag = (version: string): string => version.replace(/\+/g, '_');

/**
 * Pushes a chart as `helm push` does: the Chart.yaml metadata as the config, the archive as the
 * one layer, an OCI manifest tagged with the version, to `<path>/<chart name>`.
 */
export async function pushChartOci(
  client: RegistryClient,
  path: string,
  chart: ChartArchive,
  signal?: AbortSignal,
): Promise<{ ok: true; reference: string } | { ok: false; reference: string; failure: PushFailure }> {
  const content = await readFile(chart.path);
  const config = Buffer.from(JSON.stringify(chart.metadata));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: HELM_MEDIA.config, digest: sha256(config), size: config.length },
      layers: [{ mediaType: HELM_MEDIA.content, digest: sha256(content), size: content.length }],
      annotations: {
        'org.opencontainers.image.title': chart.name,
        'org.opencontainers.image.version': chart.version,
      },
    }),
  );
  const image: SourceImage = {
    ref: `${chart.name}:${chart.version}`,
    reader: archiveBlobReader({ path: chart.path, gzip: true }),
    top: {
      digest: sha256(manifest),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      bytes: manifest,
    },
    children: [],
    blobs: [
      { digest: sha256(config), size: config.length, entry: 'config', data: config },
      { digest: sha256(content), size: content.length, entry: chart.path, data: content },
    ],
    platforms: [],
    size: config.length + content.length,
  };
  const repository = `${path.replace(/^\/+|\/+$/g, '')}/${chart.name}`;
  const tag = chartTag(chart.version);
  const reference = `${repository}:${tag}`;
  const r = await pushImage(client, repository, tag, image, signal ? { signal } : {});
  return r.ok ? { ok: true, reference } : { ok: false, reference, failure: r.failure };
}
