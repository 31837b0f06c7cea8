import 'server-only';

import yaml from 'js-yaml';
import semver from 'semver';

import { failureFromError, type RegistryFailure } from './failure';
import type { ParseResult } from './reference';
import { type Exchange, HttpClient, type TlsTrust } from './transport';

/** One chart version listed in a repository's index.yaml. */
export interface ChartVersionEntry {
  name: string;
  version: string;
  appVersion?: string;
  urls: string[];
  digest?: string;
  created?: string;
  deprecated?: boolean;
}

/** Chart name → its versions, newest first. */
export type ChartIndex = Record<string, ChartVersionEntry[]>;

/** Answer of {@link fetchChartIndex}. */
export type ChartIndexResult = ({ kind: 'ok'; index: ChartIndex } | RegistryFailure) & {
  exchanges: Exchange[];
};

/** An HTTP(S) chart repository, as `helm repo add` takes it. */
export interface ChartRepositoryOptions extends TlsTrust {
  /** Repository URL (the directory that holds index.yaml). */
  url: string;
  username?: string;
  password?: string;
  /** Default 15 s. */
  requestTimeoutMs?: number;
}

const MAX_INDEX_BYTES = 64 * 1024 * 1024;

const newestFirst = (a: ChartVersionEntry, b: ChartVersionEntry): number => {
  const va = semver.valid(a.version);
  const vb = semver.valid(b.version);
  if (va && vb) return semver.rcompare(va, vb);
  if (va) return -1;
  if (vb) return 1;
  return b.version.localeCompare(a.version);
};

/**
 * Parses a chart repository index.yaml into chart name → versions (newest first). Timestamps stay
 * strings. Pure; returns `{ error }` for text that is not a chart index.
 */
export function parseChartIndex(text: string): ParseResult<ChartIndex> {
  let doc: unknown;
  try {
    // CORE_SCHEMA: no implicit timestamps or other surprises, just strings, numbers and booleans.
    doc = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    return {
      error: {
        key: 'errors.chartIndex.invalid',
        params: { reason: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) },
      },
    };
  }
  const entries = doc && typeof doc === 'object' ? (doc as { entries?: unknown }).entries : undefined;
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) {
    return { error: { key: 'errors.chartIndex.invalid', params: { reason: 'no "entries" map' } } };
  }
  const index: ChartIndex = {};
  for (const [name, list] of Object.entries(entries as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    const versions: ChartVersionEntry[] = [];
    for (const raw of list) {
      if (!raw || typeof raw !== 'object') continue;
      const r = raw as Record<string, unknown>;
      if (r.version === undefined || r.version === null) continue;
      const entry: ChartVersionEntry = {
        name: typeof r.name === 'string' ? r.name : name,
        version: String(r.version),
        urls: Array.isArray(r.urls) ? r.urls.map(String) : [],
      };
      if (r.appVersion !== undefined && r.appVersion !== null) entry.appVersion = String(r.appVersion);
      if (typeof r.digest === 'string') entry.digest = r.digest;
      if (r.created !== undefined && r.created !== null) entry.created = String(r.created);
      if (r.deprecated === true) entry.deprecated = true;
      versions.push(entry);
    }
    index[name] = versions.sort(newestFirst);
  }
  return { value: index };
}

/** Result of looking a chart version up: the entry, or the versions that exist (newest first). */
export type ChartVersionLookup =
  { found: true; entry: ChartVersionEntry } | { found: false; chartExists: boolean; available: string[] };

/**
 * Finds `name` at `version` in a list of versions. An empty `version` means the newest. The list
 * of available versions is what to show when the one asked for is missing.
 */
export function findChartVersion(index: ChartIndex, name: string, version: string): ChartVersionLookup {
  const versions = index[name] ?? [];
  const entry = version
    ? versions.find((v) => v.version === version || semver.clean(v.version) === semver.clean(version))
    : versions[0];
  if (entry) return { found: true, entry };
  return { found: false, chartExists: versions.length > 0, available: versions.map((v) => v.version) };
}

/** Helm stores a chart version as an OCI tag with `+` written as `_`; this undoes it. */
export function ociTagToChartVersion(tag: string): string {
  return tag.replace(/_/g, '+');
}

/** Chart versions from the tags of an OCI repository, newest first (non-semver tags dropped). */
export function chartVersionsFromTags(tags: readonly string[]): string[] {
  return tags
    .map(ociTagToChartVersion)
    .filter((v) => semver.valid(v))
    .sort((a, b) => semver.rcompare(a, b));
}

/**
 * Downloads and parses `<url>/index.yaml` of an HTTP(S) chart repository with the given CA and
 * Basic credentials (sent up front, as Helm does). Never throws: each failure is a result.
 */
export async function fetchChartIndex(
  repo: ChartRepositoryOptions,
  call: { signal?: AbortSignal } = {},
): Promise<ChartIndexResult> {
  const exchanges: Exchange[] = [];
  const timeoutMs = repo.requestTimeoutMs ?? 15_000;
  let url: URL;
  try {
    url = new URL(repo.url.replace(/\/+$/, '') + '/index.yaml');
  } catch {
    return { kind: 'protocol-error', detail: `invalid repository URL "${repo.url}"`, exchanges };
  }
  const client = new HttpClient(repo, { maxSockets: 2 });
  const headers: Record<string, string> = { accept: 'application/x-yaml, text/yaml, */*' };
  if (repo.username || repo.password) {
    headers.authorization = `Basic ${Buffer.from(`${repo.username ?? ''}:${repo.password ?? ''}`).toString('base64')}`;
  }
  try {
    const answer = await client.request(url, {
      headers,
      authLabel: headers.authorization ? 'Basic' : undefined,
      signal: call.signal,
      timeoutMs,
      exchanges,
      maxBodyBytes: MAX_INDEX_BYTES,
    });
    if (answer.status === 401) {
      return {
        kind: 'unauthorized',
        status: 401,
        detail: headers.authorization ? 'credentials rejected' : 'credentials required',
        exchanges,
      };
    }
    if (answer.status === 403) return { kind: 'forbidden', status: 403, detail: 'access refused', exchanges };
    if (answer.status === 404) return { kind: 'missing', status: 404, exchanges };
    if (answer.status !== 200)
      return {
        kind: 'protocol-error',
        status: answer.status,
        detail: `${answer.status} ${answer.statusMessage}`,
        exchanges,
      };
    const parsed = parseChartIndex(answer.body.toString('utf8'));
    if (parsed.error)
      return {
        kind: 'protocol-error',
        status: 200,
        detail: `index.yaml: ${parsed.error.params.reason}`,
        exchanges,
      };
    return { kind: 'ok', index: parsed.value, exchanges };
  } catch (e) {
    return { ...failureFromError(e, timeoutMs), exchanges };
  } finally {
    client.close();
  }
}
