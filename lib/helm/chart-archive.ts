import 'server-only';

import { readFile } from 'node:fs/promises';

import { gunzipSync } from 'fflate';

import { type ChartMetadata, parseChartMetadata } from './helm';
import { tarFiles } from './tar';

/** Answer of {@link readChartArchive}. */
export type ChartArchiveResult =
  { kind: 'ok'; chart: ChartMetadata; chartYamlPath: string } | { kind: 'invalid'; reason: string };

const MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;

/**
 * Finds the top-level `<dir>/Chart.yaml` in a (decompressed) tar archive, following PAX and GNU
 * long names. Pure.
 */
export function findChartYamlInTar(tar: Uint8Array): { path: string; content: string } | undefined {
  for (const file of tarFiles(tar)) {
    if (/^[^/]+\/Chart\.yaml$/.test(file.path))
      return { path: file.path, content: Buffer.from(file.data).toString('utf8') };
  }
  return undefined;
}

/**
 * Opens a chart archive (.tgz) without helm and reads its Chart.yaml: name, version, appVersion.
 * Never throws for a bad archive; file-system errors (missing file, no permission) are thrown.
 */
export async function readChartArchive(path: string): Promise<ChartArchiveResult> {
  const gz = await readFile(path);
  if (gz.length > MAX_ARCHIVE_BYTES)
    return { kind: 'invalid', reason: `larger than ${MAX_ARCHIVE_BYTES} bytes` };
  let tar: Uint8Array;
  try {
    tar = gunzipSync(gz);
  } catch (e) {
    return { kind: 'invalid', reason: `not a gzip archive (${e instanceof Error ? e.message : String(e)})` };
  }
  const found = findChartYamlInTar(tar);
  if (!found) return { kind: 'invalid', reason: 'no <chart>/Chart.yaml inside' };
  const chart = parseChartMetadata(found.content);
  if (!chart) return { kind: 'invalid', reason: `${found.path} has no name or version` };
  return { kind: 'ok', chart, chartYamlPath: found.path };
}
