import 'server-only';

import type { ChartSource } from '@/lib/config';
import { readChartArchive } from '@/lib/helm';
import {
  chartVersionsFromTags,
  fetchChartIndex,
  findChartVersion,
  RegistryClient,
  type RegistryFailure,
} from '@/lib/registry';
import { chartEndpoint } from '@/lib/registry/chart-publish';

import { exchangesToEvidence, remainingMs } from './evidence';
import type { ChecksInput } from './input';
import type { CheckDefinition, CheckOutcome, Evidence } from './types';

type Msg = { key: string; params: Record<string, string | number> };

/** The outcome for one chart: found (with the version), or the message saying why not. */
export interface ChartLookup {
  chart: string;
  ok: boolean;
  message: Msg;
  /** What to do when the repository itself failed (not a missing version). */
  remedy?: Msg;
  evidence: Evidence[];
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);

/** The host of a repository URL or OCI reference (`oci://h:5000/x` → `h:5000`), or the text. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/**
 * A chart repository's failure in chart-repository words, with a remedy that points at the Charts
 * step: a host that does not resolve, a refused connection, TLS, credentials, an index.yaml or
 * tag list that is not there. Pure.
 */
export function chartRepoFailure(
  f: RegistryFailure,
  url: string,
  chart: string,
): { message: Msg; remedy: Msg } {
  const host = hostOf(url);
  const params = { chart, url, host };
  const of = (key: string, extra: Record<string, string | number> = {}) => ({
    message: { key: `checks.charts.repo.${key}`, params: { ...params, ...extra } },
    remedy: { key: `checks.charts.repo.${key}.remedy`, params: { ...params, ...extra } },
  });
  switch (f.kind) {
    case 'unreachable':
      return DNS_CODES.has(f.code) ? of('unresolved', { code: f.code }) : of('unreachable', { code: f.code });
    case 'tls-error':
      return of('tls', { code: f.code });
    case 'unauthorized':
    case 'forbidden':
      return of('unauthorized', { status: f.status });
    case 'missing':
      return of('notRepository', { status: f.status });
    case 'timeout':
      return of('timeout', { seconds: Math.round(f.afterMs / 100) / 10 });
    case 'aborted':
      return {
        message: { key: 'errors.aborted', params: {} },
        remedy: of('unreachable', { code: '-' }).remedy,
      };
    case 'protocol-error':
      return of('protocol', { status: f.status ?? '', detail: f.detail.slice(0, 200) });
  }
}

function versionResult(
  chart: string,
  wanted: string,
  versions: string[],
  where: string,
  evidence: Evidence[],
): ChartLookup {
  const found = wanted ? versions.find((v) => v === wanted) : versions[0];
  if (found)
    return {
      chart,
      ok: true,
      message: { key: 'checks.charts.found', params: { chart, version: found, where } },
      evidence,
    };
  if (versions.length === 0)
    return {
      chart,
      ok: false,
      message: { key: 'checks.charts.chartMissing', params: { chart, where } },
      evidence,
    };
  return {
    chart,
    ok: false,
    message: {
      key: 'checks.charts.versionMissing',
      params: { chart, version: wanted, where, available: versions.slice(0, 20).join(', ') },
    },
    evidence,
  };
}

/**
 * Looks one chart up where the configuration says it is: an HTTP(S) repository's index.yaml, an
 * OCI repository's tags, or a local .tgz whose Chart.yaml is read. Never throws.
 */
export async function lookUpChart(
  source: ChartSource,
  chart: string,
  version: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<ChartLookup> {
  if (source.kind === 'local') {
    const read = await readChartArchive(source.path).catch((e: unknown) => ({
      kind: 'invalid' as const,
      reason: (e as Error).message,
    }));
    const evidence: Evidence[] = [
      {
        label: 'archive',
        request: `read ${source.path}`,
        response:
          read.kind === 'ok'
            ? `${read.chartYamlPath}: ${read.chart.name} ${read.chart.version}`
            : read.reason,
      },
    ];
    if (read.kind !== 'ok')
      return {
        chart,
        ok: false,
        message: {
          key: 'checks.charts.archiveInvalid',
          params: { chart, path: source.path, reason: read.reason },
        },
        evidence,
      };
    if (read.chart.name !== chart)
      return {
        chart,
        ok: false,
        message: {
          key: 'checks.charts.archiveWrongChart',
          params: { chart, path: source.path, found: read.chart.name },
        },
        evidence,
      };
    return versionResult(chart, version, [read.chart.version], source.path, evidence);
  }
  const endpoint = chartEndpoint(source, timeoutMs);
  if (endpoint.kind === 'repo') {
    const index = await fetchChartIndex(endpoint.repo, { signal });
    const evidence = exchangesToEvidence('index.yaml', index.exchanges);
    if (index.kind !== 'ok')
      return { chart, ok: false, ...chartRepoFailure(index, source.url, chart), evidence };
    const lookup = findChartVersion(index.index, chart, '');
    const versions = lookup.found ? (index.index[chart] ?? []).map((v) => v.version) : lookup.available;
    evidence.push({
      label: 'index.yaml',
      response: `${chart}: ${versions.slice(0, 20).join(', ') || 'absent'}`,
    });
    return versionResult(chart, version, versions, source.url, evidence);
  }
  if (endpoint.kind !== 'oci')
    return {
      chart,
      ok: false,
      message: { key: 'checks.charts.badUrl', params: { chart, url: source.url } },
      evidence: [],
    };
  const oci = endpoint;
  const client = new RegistryClient(endpoint.client);
  try {
    const repository = `${oci.path}/${chart}`;
    const tags = await client.listTags(repository, { signal });
    const evidence = exchangesToEvidence('tags', tags.exchanges);
    if (tags.kind === 'missing')
      return {
        chart,
        ok: false,
        message: { key: 'checks.charts.chartMissing', params: { chart, where: source.url } },
        evidence,
      };
    if (tags.kind !== 'ok')
      return { chart, ok: false, ...chartRepoFailure(tags, source.url, chart), evidence };
    const versions = chartVersionsFromTags(tags.tags);
    evidence.push({ label: 'tags', response: `${chart}: ${versions.slice(0, 20).join(', ') || 'none'}` });
    return versionResult(chart, version, versions, source.url, evidence);
  } finally {
    client.close();
  }
}

/**
 * Check 5: both chart repositories are reachable and hold the chosen `operator` and
 * `operator-wandb` versions (index.yaml over HTTP, tags over OCI, Chart.yaml of a local .tgz);
 * a missing version is reported with the versions that exist.
 */
export const chartsCheck: CheckDefinition<ChecksInput> = {
  id: 'charts',
  titleKey: 'checks.charts.title',
  strict: true,
  timeoutMs: 20_000,
  secrets: (input) =>
    [input.config.charts.operator.source, input.config.charts.platform.source].map((s) =>
      s.kind === 'local' ? '' : s.password,
    ),
  async run(input, ctx): Promise<CheckOutcome> {
    const { operator, platform } = input.config.charts;
    const timeout = remainingMs(ctx.deadline, 500);
    const results = await Promise.all([
      lookUpChart(operator.source, 'operator', operator.version, ctx.signal, timeout),
      lookUpChart(platform.source, 'operator-wandb', platform.version, ctx.signal, timeout),
    ]);
    const evidence: Evidence[] = results.flatMap((r) => [
      ...r.evidence.map((e) => ({ ...e, label: `${r.chart}: ${e.label}` })),
      {
        label: r.chart,
        response: `${r.ok ? 'ok' : 'fail'}: ${r.message.key} ${JSON.stringify(r.message.params)}`,
      },
    ]);
    const failed = results.filter((r) => !r.ok);
    if (failed.length === 0) {
      const [op, pl] = results as [ChartLookup, ChartLookup];
      return {
        status: 'pass',
        message: {
          key: 'checks.charts.pass',
          params: {
            operator: String(op.message.params.version),
            platform: String(pl.message.params.version),
          },
        },
        evidence,
      };
    }
    const first = failed[0] as ChartLookup;
    return {
      status: 'fail',
      message: first.message,
      remedy: first.remedy ?? { key: 'checks.charts.remedy', params: { chart: first.chart } },
      evidence,
    };
  },
};
