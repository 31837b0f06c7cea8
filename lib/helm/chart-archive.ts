import 'server-only';

import { readFile } from 'node:fs/promises';

import { gunzipSync } from 'fflate';

import { type ChartMetadata, parseChartMetadata } from './helm';

/** Answer of {@link readChartArchive}. */
export type ChartArchiveResult =
  { kind: 'ok'; chart: ChartMetadata; chartYamlPath: string } | { kind: 'invalid'; reason: string };

const MAX_ARCHIVE_BYTES = 100 * 1024 * 1024;

function tarString(block: Uint8Array, offset: number, length: number): string {
  const slice = block.subarray(offset, offset + length);
  const end = slice.indexOf(0);
  return Buffer.from(end >= 0 ? slice.subarray(0, end) : slice).toString('utf8');
}

/**
 * Finds the top-level `<dir>/Chart.yaml` in a (decompressed) tar archive, following PAX and GNU
 * long names. Pure.
 */
export function findChartYamlInTar(tar: Uint8Array): { path: string; content: string } | undefined {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(tarString(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = tarString(header, 345, 155);
    let name = longName ?? (prefix ? `${prefix}/${tarString(header, 0, 100)}` : tarString(header, 0, 100));
    longName = undefined;
    const dataStart = offset + 512;
    const data = tar.subarray(dataStart, dataStart + size);
    if (type === 'L') {
      longName = tarString(data, 0, size);
    } else if (type === 'x') {
      const path = Buffer.from(data)
        .toString('utf8')
        .match(/^\d+ path=(.*)$/m)?.[1];
      if (path) longName = path;
    } else if (type === '0' || type === '\0') {
      name = name.replace(/^\.\//, '');
      if (/^[^/]+\/Chart\.yaml$/.test(name))
        return { path: name, content: Buffer.from(data).toString('utf8') };
    }
    offset = dataStart + Math.ceil(size / 512) * 512;
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
