import 'server-only';

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { type ChartSource, chartSourceSchema, parseOciUrl } from '@/lib/config';

import { type ChartRepositoryOptions, fetchChartIndex } from './chart-index';
import { RegistryClient, type RegistryClientOptions } from './client';
import { failureFromError, type RegistryFailure } from './failure';
import { type ChartArchive, chartTag, HELM_MEDIA, pushChartOci, readChartArchive } from './mirror-chart';
import type { PushFailure } from './mirror-push';
import { HttpClient, mapWithConcurrency } from './transport';

/**
 * Where a chart repository of the configuration is reached: an OCI registry path, an HTTP(S)
 * repository, or a file; with the TLS trust and the login the prerequisite check of the charts
 * uses (`lookUpChart` takes it from here too), so that a push and the check can never disagree.
 */
export type ChartEndpoint =
  | { kind: 'oci'; url: string; path: string; client: RegistryClientOptions }
  | { kind: 'repo'; url: string; repo: ChartRepositoryOptions }
  | { kind: 'local'; path: string };

/** The endpoint of a chart source, or `invalid` for an `oci://` address that does not parse. Pure. */
export function chartEndpoint(
  source: ChartSource,
  requestTimeoutMs: number,
): ChartEndpoint | { kind: 'invalid'; url: string } {
  if (source.kind === 'local') return { kind: 'local', path: source.path };
  const tls = {
    ...(source.caBundle.trim() ? { ca: source.caBundle } : {}),
    insecureSkipTlsVerify: source.insecureSkipVerify,
  };
  const creds = source.username ? { username: source.username, password: source.password } : {};
  if (source.kind === 'repo')
    return { kind: 'repo', url: source.url, repo: { url: source.url, ...tls, ...creds, requestTimeoutMs } };
  const oci = parseOciUrl(source.url);
  if (!oci) return { kind: 'invalid', url: source.url };
  return {
    kind: 'oci',
    url: `oci://${oci.host}/${oci.path}`,
    path: oci.path,
    client: { registry: oci.host, plainHttp: source.plainHttp, ...tls, ...creds, requestTimeoutMs },
  };
}

/** The configuration's two charts and the names their archives carry. */
export const CONFIGURED_CHARTS = { operator: 'operator', platform: 'operator-wandb' } as const;
export type ChartRole = keyof typeof CONFIGURED_CHARTS;

/**
 * Where a chart of the source goes: the OCI registry path or the HTTP repository of the
 * configuration's chart source, the file the configuration installs it from (`local`), nowhere
 * because the Charts step has no valid repository yet (`unconfigured`), or nowhere because the
 * configuration does not install a chart of that name (`extra`).
 */
export type ChartDestination =
  | { kind: 'oci'; url: string; reference: string }
  | { kind: 'repo'; url: string; api: 'chartmuseum' | 'unknown' }
  | { kind: 'local'; path: string }
  | { kind: 'unconfigured'; role: ChartRole }
  | { kind: 'extra' };

/** What the destination holds of the chart version: the same package, another one, nothing. */
export type ChartState =
  | { kind: 'absent' }
  | { kind: 'same' }
  | { kind: 'different'; digest: string }
  | { kind: 'error'; failure: RegistryFailure }
  /** Not pushed by the wizard (a file, no repository configured, not a configured chart). */
  | { kind: 'manual' };

/** One chart archive of the source, where it goes, and what is there already. */
export interface PlannedChart {
  path: string;
  chart: ChartArchive;
  /** `sha256:` of the .tgz (the layer of an OCI chart, the `digest` of an index.yaml entry). */
  digest: string;
  size: number;
  destination: ChartDestination;
  state: ChartState;
  /** How to reach the destination (credentials included): kept on the server, never shown. */
  endpoint?: Exclude<ChartEndpoint, { kind: 'local' }>;
}

/** The charts of a source against the configuration's chart repositories. */
export interface ChartPlan {
  charts: PlannedChart[];
  /** Archives that are not charts (no Chart.yaml). */
  unreadable: Array<{ path: string; detail: string }>;
}

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

const basicAuth = (repo: ChartRepositoryOptions): Record<string, string> =>
  repo.username || repo.password
    ? {
        authorization: `Basic ${Buffer.from(`${repo.username ?? ''}:${repo.password ?? ''}`).toString('base64')}`,
      }
    : {};

/** The ChartMuseum upload address of an HTTP repository: `<repo>/api/charts`. Pure. */
export function chartMuseumApi(url: string): string {
  return `${url.replace(/\/+$/, '')}/api/charts`;
}

/**
 * What an OCI registry holds under the chart's tag: the same package when the manifest's chart
 * layer has the archive's digest (whoever wrote the manifest: `helm push` or the wizard, whose
 * config JSON may differ byte for byte), another one, or nothing.
 */
async function ociState(
  client: RegistryClient,
  repository: string,
  tag: string,
  digest: string,
  signal?: AbortSignal,
): Promise<ChartState> {
  const answer = await client.request(
    'GET',
    `/v2/${repository}/manifests/${tag}`,
    `repository:${repository}:pull`,
    {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
      ...(signal ? { signal } : {}),
    },
  );
  if ('kind' in answer) return { kind: 'error', failure: answer };
  if (answer.status === 404) return { kind: 'absent' };
  if (answer.status !== 200) return { kind: 'error', failure: client.unexpected(answer) };
  try {
    const manifest = JSON.parse(answer.body.toString('utf8')) as {
      layers?: Array<{ mediaType?: string; digest?: string }>;
    };
    const layer = manifest.layers?.find((l) => l.mediaType === HELM_MEDIA.content) ?? manifest.layers?.[0];
    return layer?.digest === digest ? { kind: 'same' } : { kind: 'different', digest: layer?.digest ?? '' };
  } catch {
    return {
      kind: 'error',
      failure: { kind: 'protocol-error', status: 200, detail: 'the manifest is not JSON' },
    };
  }
}

/** Whether `GET <repo>/api/charts` answers as ChartMuseum does (200 with a JSON map or list). */
async function probeChartMuseum(repo: ChartRepositoryOptions, signal?: AbortSignal): Promise<boolean> {
  const http = new HttpClient(repo, { maxSockets: 1 });
  try {
    const answer = await http.request(new URL(chartMuseumApi(repo.url)), {
      headers: { accept: 'application/json', ...basicAuth(repo) },
      ...(signal ? { signal } : {}),
      timeoutMs: repo.requestTimeoutMs ?? 15_000,
      maxBodyBytes: 16 * 1024 * 1024,
    });
    if (answer.status !== 200) return false;
    const body = JSON.parse(answer.body.toString('utf8')) as unknown;
    return typeof body === 'object' && body !== null;
  } catch {
    return false;
  } finally {
    http.close();
  }
}

/** A version an HTTP repository's index.yaml lists: its digest when given, and where it is. */
interface IndexedVersion {
  digest?: string;
  url?: string;
}

/** What one HTTP repository holds (its index.yaml) and whether it has the upload API. */
interface RepoSurvey {
  index?: Map<string, IndexedVersion>;
  failure?: RegistryFailure;
  api: 'chartmuseum' | 'unknown';
}

async function surveyRepo(repo: ChartRepositoryOptions, signal?: AbortSignal): Promise<RepoSurvey> {
  const [index, api] = await Promise.all([
    fetchChartIndex(repo, signal ? { signal } : {}),
    probeChartMuseum(repo, signal),
  ]);
  const kind = api ? ('chartmuseum' as const) : ('unknown' as const);
  // A repository without index.yaml yet is an empty one.
  if (index.kind === 'missing') return { index: new Map(), api: kind };
  if (index.kind !== 'ok') {
    const failure = { ...index } as Partial<typeof index>;
    delete failure.exchanges;
    return { failure: failure as RegistryFailure, api: kind };
  }
  const entries = new Map<string, IndexedVersion>();
  for (const [name, versions] of Object.entries(index.index))
    for (const v of versions)
      entries.set(`${name}@${v.version}`, {
        ...(v.digest ? { digest: v.digest.replace(/^sha256:/, '') } : {}),
        ...(v.urls[0] ? { url: v.urls[0] } : {}),
      });
  return { index: entries, api: kind };
}

/**
 * The sha256 of a package the repository serves, for an index.yaml that gives no digest (Gitea's
 * does not): downloaded as Helm would, the login sent only to the repository's own origin.
 */
async function packageDigest(
  repo: ChartRepositoryOptions,
  url: string,
  signal?: AbortSignal,
): Promise<string | RegistryFailure> {
  const base = repo.url.replace(/\/+$/, '') + '/';
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return { kind: 'protocol-error', detail: `invalid package URL "${url}" in index.yaml` };
  }
  const http = new HttpClient(repo, { maxSockets: 1 });
  const timeoutMs = repo.requestTimeoutMs ?? 15_000;
  try {
    const answer = await http.request(target, {
      headers: target.origin === new URL(base).origin ? basicAuth(repo) : {},
      ...(signal ? { signal } : {}),
      timeoutMs,
      maxBodyBytes: 64 * 1024 * 1024,
    });
    if (answer.status !== 200)
      return {
        kind: 'protocol-error',
        status: answer.status,
        detail: `${target.href}: ${answer.status} ${answer.statusMessage}`,
      };
    return createHash('sha256').update(answer.body).digest('hex');
  } catch (e) {
    return failureFromError(e, timeoutMs);
  } finally {
    http.close();
  }
}

/** The configuration's chart sources, as the plan reads them. */
export type ChartSources = Record<ChartRole, ChartSource>;

/**
 * Reads each chart archive of the source and decides where it goes (the configuration's source of
 * `operator` or `operator-wandb`) and what is there already: for an OCI repository the manifest
 * of the version's tag, for an HTTP repository its index.yaml (and whether it answers the
 * ChartMuseum API). A source that is not valid counts as not configured. Never throws.
 */
export async function planCharts(input: {
  files: readonly string[];
  sources: ChartSources;
  signal?: AbortSignal;
  requestTimeoutMs?: number;
}): Promise<ChartPlan> {
  const timeout = input.requestTimeoutMs ?? 30_000;
  const unreadable: ChartPlan['unreadable'] = [];
  const read = await mapWithConcurrency(input.files, 4, async (path) => {
    try {
      const chart = await readChartArchive(path);
      const bytes = await readFile(path);
      return { path, chart, digest: sha256(bytes), size: bytes.length };
    } catch (e) {
      unreadable.push({ path, detail: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  });
  const surveys = new Map<string, Promise<RepoSurvey>>();
  const clients = new Map<string, RegistryClient>();
  try {
    const charts = await mapWithConcurrency(
      read.filter((r) => r !== undefined),
      4,
      async (r): Promise<PlannedChart> => {
        const role = (Object.keys(CONFIGURED_CHARTS) as ChartRole[]).find(
          (k) => CONFIGURED_CHARTS[k] === r.chart.name,
        );
        if (!role) return { ...r, destination: { kind: 'extra' }, state: { kind: 'manual' } };
        const source = input.sources[role];
        const endpoint = chartSourceSchema.safeParse(source).success
          ? chartEndpoint(source, timeout)
          : undefined;
        if (!endpoint || endpoint.kind === 'invalid')
          return { ...r, destination: { kind: 'unconfigured', role }, state: { kind: 'manual' } };
        if (endpoint.kind === 'local')
          return { ...r, destination: { kind: 'local', path: endpoint.path }, state: { kind: 'manual' } };
        if (endpoint.kind === 'repo') {
          let survey = surveys.get(endpoint.url);
          if (!survey) surveys.set(endpoint.url, (survey = surveyRepo(endpoint.repo, input.signal)));
          const s = await survey;
          const destination = { kind: 'repo' as const, url: endpoint.url, api: s.api };
          if (!s.index) return { ...r, destination, endpoint, state: { kind: 'error', failure: s.failure! } };
          const listed = s.index.get(`${r.chart.name}@${r.chart.version}`);
          const digest = r.digest.replace(/^sha256:/, '');
          let state: ChartState = { kind: 'absent' };
          if (listed) {
            const served =
              listed.digest ??
              (listed.url ? await packageDigest(endpoint.repo, listed.url, input.signal) : '');
            state =
              typeof served !== 'string'
                ? { kind: 'error', failure: served }
                : served === digest
                  ? { kind: 'same' }
                  : { kind: 'different', digest: served };
          }
          return { ...r, destination, endpoint, state };
        }
        let client = clients.get(endpoint.url);
        if (!client) clients.set(endpoint.url, (client = new RegistryClient(endpoint.client)));
        const repository = `${endpoint.path}/${r.chart.name}`;
        const tag = chartTag(r.chart.version);
        const state = await ociState(client, repository, tag, r.digest, input.signal);
        return {
          ...r,
          destination: {
            kind: 'oci',
            url: endpoint.url,
            reference: `${endpoint.client.registry}/${repository}:${tag}`,
          },
          endpoint,
          state,
        };
      },
    );
    return { charts, unreadable };
  } finally {
    for (const c of clients.values()) c.close();
  }
}

/** Where a chart run is: `done` of `total` charts finished, and the one under way. */
export interface ChartsProgress {
  done: number;
  total: number;
  current?: string;
}

/** Why a chart was not published. */
export type ChartFailure =
  | PushFailure
  /** The HTTP repository holds another package under this version and refuses to replace it. */
  | { kind: 'conflict'; what: string; detail: string };

/** The outcome of one chart of a run. */
export type ChartOutcome = Pick<PlannedChart, 'path' | 'chart' | 'destination'> &
  (
    | { result: 'pushed' | 'present' }
    /** Not pushed by the wizard: publish it by hand (see {@link publishCommands}). */
    | { result: 'manual'; reason: 'local' | 'unconfigured' | 'extra' | 'no-upload-api' }
    | { result: 'failed'; failure: ChartFailure }
  );

/** Uploads a chart through the ChartMuseum API: `POST <repo>/api/charts` with the .tgz as the body. */
async function uploadChartMuseum(
  repo: ChartRepositoryOptions,
  planned: PlannedChart,
  signal?: AbortSignal,
): Promise<ChartOutcome> {
  const base = { path: planned.path, chart: planned.chart, destination: planned.destination };
  const api = chartMuseumApi(repo.url);
  const what = `${planned.chart.name} ${planned.chart.version}`;
  const http = new HttpClient(repo, { maxSockets: 1 });
  const timeoutMs = Math.max(repo.requestTimeoutMs ?? 30_000, 60_000);
  try {
    const answer = await http.request(new URL(api), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json', ...basicAuth(repo) },
      body: await readFile(planned.path),
      ...(signal ? { signal } : {}),
      timeoutMs,
    });
    const body = answer.body.toString('utf8', 0, Math.min(answer.body.length, 300)).trim();
    if (answer.status === 200 || answer.status === 201) return { ...base, result: 'pushed' };
    if (answer.status === 404 || answer.status === 405 || answer.status === 501)
      return { ...base, result: 'manual', reason: 'no-upload-api' };
    if (answer.status === 409)
      return { ...base, result: 'failed', failure: { kind: 'conflict', what, detail: body } };
    const failure: RegistryFailure =
      answer.status === 401
        ? { kind: 'unauthorized', status: 401, detail: body }
        : answer.status === 403
          ? { kind: 'forbidden', status: 403, detail: body }
          : {
              kind: 'protocol-error',
              status: answer.status,
              detail: `${answer.status} ${answer.statusMessage}${body ? `: ${body}` : ''}`,
            };
    return { ...base, result: 'failed', failure: { kind: 'registry', stage: 'upload', what: api, failure } };
  } catch (e) {
    return {
      ...base,
      result: 'failed',
      failure: { kind: 'registry', stage: 'upload', what: api, failure: failureFromError(e, timeoutMs) },
    };
  } finally {
    http.close();
  }
}

/**
 * Publishes the plan's charts: an OCI destination gets the chart as `helm push` writes it, an HTTP
 * repository gets it through the ChartMuseum API (one that answers 404/405/501 to the upload has
 * no such API: the outcome is `manual`, to publish with {@link publishCommands}). A chart the
 * destination holds as is is `present` and not sent again. One at a time (charts are small); a
 * chart's failure is its own outcome.
 */
export async function runCharts(
  plan: ChartPlan,
  opts: {
    signal?: AbortSignal;
    /** Before each chart (`current`, `done` of `total` finished) and once at the end (no `current`). */
    onProgress?: (progress: ChartsProgress) => void;
  } = {},
): Promise<ChartOutcome[]> {
  const clients = new Map<string, RegistryClient>();
  const noApi = new Set<string>();
  const outcomes: ChartOutcome[] = [];
  const total = plan.charts.length;
  try {
    for (const p of plan.charts) {
      opts.onProgress?.({ done: outcomes.length, total, current: `${p.chart.name} ${p.chart.version}` });
      const base = { path: p.path, chart: p.chart, destination: p.destination };
      const d = p.destination;
      if (d.kind === 'extra' || d.kind === 'local' || d.kind === 'unconfigured') {
        outcomes.push({ ...base, result: 'manual', reason: d.kind });
        continue;
      }
      if (p.state.kind === 'same') {
        outcomes.push({ ...base, result: 'present' });
        continue;
      }
      if (opts.signal?.aborted) {
        outcomes.push({
          ...base,
          result: 'failed',
          failure: { kind: 'registry', stage: 'upload', what: p.chart.name, failure: { kind: 'aborted' } },
        });
        continue;
      }
      const e = p.endpoint;
      if (e?.kind === 'repo') {
        if (noApi.has(e.url)) {
          outcomes.push({ ...base, result: 'manual', reason: 'no-upload-api' });
          continue;
        }
        const o = await uploadChartMuseum(e.repo, p, opts.signal);
        if (o.result === 'manual') noApi.add(e.url);
        outcomes.push(o);
      } else if (e?.kind === 'oci') {
        let client = clients.get(e.url);
        if (!client) clients.set(e.url, (client = new RegistryClient(e.client)));
        const r = await pushChartOci(client, e.path, p.chart, opts.signal);
        outcomes.push(
          r.ok ? { ...base, result: 'pushed' } : { ...base, result: 'failed', failure: r.failure },
        );
      }
    }
    opts.onProgress?.({ done: outcomes.length, total });
    return outcomes;
  } finally {
    for (const c of clients.values()) c.close();
  }
}

/** One way to publish charts by hand: the shell lines, in order, and what they are for. */
export interface PublishCommands {
  /** The HTTP repository, or the file the configuration installs from. */
  where: string;
  kind: 'index' | 'upload' | 'copy';
  lines: string[];
  /** The folder the `index` lines gather the packages in. */
  folder?: string;
}

const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The exact commands that publish chart archives where the wizard could not: for an HTTP
 * repository, the static way (the repository's index.yaml merged with the new packages by
 * `helm repo index`, then the .tgz files and index.yaml copied to the web server) and the upload
 * API of a ChartMuseum or Harbor (`curl --data-binary`); for a file the configuration installs
 * from, a copy. The login is the user name only (curl asks for the password); `CA.pem` stands for
 * the CA certificates of the Charts step. Pure.
 */
export function publishCommands(
  destination: ChartDestination,
  files: readonly string[],
  login: { username?: string; ca?: boolean } = {},
): PublishCommands[] {
  if (destination.kind === 'local')
    return files.slice(0, 1).map((f) => ({
      where: destination.path,
      kind: 'copy' as const,
      lines: [`cp ${quote(f)} ${quote(destination.path)}`],
    }));
  if (destination.kind !== 'repo') return [];
  const url = destination.url.replace(/\/+$/, '');
  const curl = [
    'curl -fsS',
    ...(login.username ? [`-u ${quote(login.username)}`] : []),
    ...(login.ca ? ['--cacert CA.pem'] : []),
  ].join(' ');
  const dir = 'wandb-charts';
  return [
    {
      where: url,
      kind: 'index',
      folder: dir,
      lines: [
        `mkdir -p ${dir} && cp ${files.map(quote).join(' ')} ${dir}/`,
        `${curl} -o ${dir}/index.yaml ${quote(`${url}/index.yaml`)} || rm -f ${dir}/index.yaml`,
        `helm repo index ${dir} --url ${quote(url)} --merge ${dir}/index.yaml`,
      ],
    },
    {
      where: url,
      kind: 'upload',
      lines: files.map(
        (f) =>
          `${curl} -H 'Content-Type: application/octet-stream' --data-binary @${quote(f)} ${quote(chartMuseumApi(url))}`,
      ),
    },
  ];
}

/** The archive's file name (for lists). */
export const chartFileName = (p: Pick<PlannedChart, 'path'>) => basename(p.path);
