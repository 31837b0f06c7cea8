import 'server-only';

import { constants } from 'node:fs';
import { access, readdir } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

import yaml from 'js-yaml';

import { isHelmError } from '@/lib/errors';

import {
  type ChartAccess,
  chartRefArgs,
  type ChartSource,
  helmVersionArgs,
  ociHost,
  parseHelmVersion,
  pullArgs,
  registryLoginArgs,
  repoAddArgs,
  showChartArgs,
  templateArgs,
  upgradeInstallArgs,
  WIZARD_REPO_NAME,
} from './args';
import { type HelmCommand, type HelmHome, runHelm, withHelmHome } from './runner';

/** A helm binary that answered `helm version`. */
export interface HelmBinary {
  path: string;
  version: string;
  major: number;
  /** Where it was found: given explicitly, the HELM variable, or PATH. */
  source: 'explicit' | 'HELM' | 'PATH';
}

/** Answer of {@link findHelm}. */
export type FindHelmResult =
  | { kind: 'found'; helm: HelmBinary; commands: HelmCommand[] }
  | { kind: 'not-found'; searched: string[] }
  | { kind: 'unusable'; path: string; source: HelmBinary['source']; error: unknown; commands: HelmCommand[] };

/** Options of {@link findHelm}. */
export interface FindHelmOptions {
  /** An explicit path (from the configuration); wins over HELM and PATH. */
  path?: string;
  /** Environment to read HELM and PATH from. Default: the server's. */
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds helm as the procedure says: the configured path, else `$HELM`, else `helm` on `$PATH`;
 * then asks it for its version (in a throwaway helm home). Helm 3 and Helm 4 both answer
 * `version --template {{.Version}}`; older output forms are parsed too.
 */
export async function findHelm(opts: FindHelmOptions = {}): Promise<FindHelmResult> {
  const env = opts.env ?? process.env;
  let path: string | undefined;
  let source: HelmBinary['source'];
  const searched: string[] = [];
  if (opts.path) {
    path = opts.path;
    source = 'explicit';
  } else if (env.HELM) {
    path = env.HELM;
    source = 'HELM';
  } else {
    source = 'PATH';
    // Each directory once: PATH often repeats one (/usr/bin twice, a trailing slash).
    const dirs = [
      ...new Set(
        (env.PATH ?? '')
          .split(delimiter)
          .filter(isAbsolute)
          .map((d) => resolve(d)),
      ),
    ];
    for (const dir of dirs) {
      const candidate = join(dir, 'helm');
      searched.push(candidate);
      if (await isExecutable(candidate)) {
        path = candidate;
        break;
      }
    }
  }
  if (!path) return { kind: 'not-found', searched };
  const found = path;
  const commands: HelmCommand[] = [];
  try {
    const out = await withHelmHome((home) =>
      runHelm(found, helmVersionArgs(), {
        env: home.env,
        signal: opts.signal,
        timeoutMs: opts.timeoutMs ?? 15_000,
        commands,
      }),
    );
    const version = parseHelmVersion(out.stdout);
    if (!version)
      return {
        kind: 'unusable',
        path: found,
        source,
        error: new Error(`helm printed no version: ${out.stdout.slice(0, 200)}`),
        commands,
      };
    return {
      kind: 'found',
      helm: { path: found, version: version.version, major: version.major, source },
      commands,
    };
  } catch (e) {
    if (isHelmError(e) && e.details.errorCode === 'ENOENT' && source !== 'PATH')
      return { kind: 'not-found', searched: [found] };
    return { kind: 'unusable', path: found, source, error: e, commands };
  }
}

/** What every chart operation needs: which helm, which chart, how to reach it. */
export interface ChartOperation {
  helm: Pick<HelmBinary, 'path' | 'major'>;
  chart: ChartSource;
  access?: ChartAccess;
  /** The repository or registry password; reaches helm through stdin only. */
  password?: string;
  /** CA bundle as PEM text (written to a private file), when there is no `access.caFile`. */
  caPem?: string;
  signal?: AbortSignal;
  /** Limit of each helm invocation. Default 120 s. */
  timeoutMs?: number;
  /** Each helm invocation is appended here, also when one fails (for a check's evidence). */
  commands?: HelmCommand[];
}

/** Chart.yaml as `helm show chart` prints it (the fields the wizard reads). */
export interface ChartMetadata {
  name: string;
  version: string;
  appVersion?: string;
  apiVersion?: string;
  description?: string;
  type?: string;
  dependencies?: Array<{
    name: string;
    version?: string;
    repository?: string;
    alias?: string;
    condition?: string;
  }>;
}

/**
 * Adds the repository (HTTP) or logs in to the registry (OCI) inside the helm home, then returns
 * the chart arguments. The password goes through stdin.
 */
async function prepare(home: HelmHome, op: ChartOperation): Promise<string[]> {
  let access: ChartAccess = op.access ?? {};
  if (op.caPem && !access.caFile)
    access = { ...access, caFile: await home.writePrivateFile('ca.crt', op.caPem) };
  const run = (args: string[], stdin?: string) =>
    runHelm(op.helm.path, args, {
      env: home.env,
      signal: op.signal,
      timeoutMs: op.timeoutMs,
      stdin,
      secrets: [op.password],
      commands: op.commands,
    });
  if (op.chart.kind === 'repo') {
    await run(
      repoAddArgs(WIZARD_REPO_NAME, op.chart.repoUrl, access, op.password !== undefined),
      op.password,
    );
  } else if (op.chart.kind === 'oci' && (access.username || op.password)) {
    await run(registryLoginArgs(ociHost(op.chart.ref), access, op.helm.major), op.password ?? '');
  }
  return chartRefArgs(op.chart, access);
}

function valuesText(values: string | Record<string, unknown>): string {
  return typeof values === 'string' ? values : yaml.dump(values, { noRefs: true, lineWidth: -1 });
}

/**
 * Renders a chart with `helm template` and the given values (YAML text or an object), from an HTTP
 * repository, an OCI registry or a local archive. Returns the rendered manifests as text.
 * Throws a HelmError when helm fails.
 */
export async function helmTemplate(
  op: ChartOperation & {
    release: string;
    namespace: string;
    values?: string | Record<string, unknown>;
    kubeVersion?: string;
    apiVersions?: string[];
    includeCrds?: boolean;
    /** Called once helm has been started. */
    onSpawn?: () => void;
  },
): Promise<{ manifests: string }> {
  return withHelmHome(async (home) => {
    const chartArgs = await prepare(home, op);
    const valuesFiles =
      op.values === undefined ? [] : [await home.writePrivateFile('values.yaml', valuesText(op.values))];
    const args = templateArgs({
      release: op.release,
      namespace: op.namespace,
      chartArgs,
      valuesFiles,
      kubeVersion: op.kubeVersion,
      apiVersions: op.apiVersions,
      includeCrds: op.includeCrds,
    });
    const out = await runHelm(op.helm.path, args, {
      env: home.env,
      signal: op.signal,
      timeoutMs: op.timeoutMs,
      secrets: [op.password],
      commands: op.commands,
      onSpawn: op.onSpawn,
    });
    return { manifests: out.stdout };
  });
}

/** Parses Chart.yaml text into its metadata; undefined when it has no name or version. Pure. */
export function parseChartMetadata(text: string): ChartMetadata | undefined {
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object') return undefined;
  const d = doc as Record<string, unknown>;
  if (d.name === undefined || d.name === null || d.version === undefined || d.version === null)
    return undefined;
  const meta: ChartMetadata = { name: String(d.name), version: String(d.version) };
  for (const k of ['appVersion', 'apiVersion', 'description', 'type'] as const)
    if (d[k] !== undefined && d[k] !== null) meta[k] = String(d[k]);
  if (Array.isArray(d.dependencies)) {
    meta.dependencies = d.dependencies
      .filter(
        (x): x is Record<string, unknown> =>
          !!x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string',
      )
      .map((x) => ({
        name: String(x.name),
        ...(x.version !== undefined ? { version: String(x.version) } : {}),
        ...(typeof x.repository === 'string' ? { repository: x.repository } : {}),
        ...(typeof x.alias === 'string' ? { alias: x.alias } : {}),
        ...(typeof x.condition === 'string' ? { condition: x.condition } : {}),
      }));
  }
  return meta;
}

/** `helm show chart`: the chart's name, version and appVersion, from a repository, a registry or a local archive. */
export async function helmShowChart(op: ChartOperation): Promise<{ chart: ChartMetadata; raw: string }> {
  return withHelmHome(async (home) => {
    const chartArgs = await prepare(home, op);
    const out = await runHelm(op.helm.path, showChartArgs(chartArgs), {
      env: home.env,
      signal: op.signal,
      timeoutMs: op.timeoutMs,
      secrets: [op.password],
      commands: op.commands,
    });
    const chart = parseChartMetadata(out.stdout);
    if (!chart)
      throw new Error(`helm show chart printed no chart name and version: ${out.stdout.slice(0, 200)}`);
    return { chart, raw: out.stdout };
  });
}

/** `helm pull` into `destination`; returns the path of the downloaded archive. */
export async function helmPull(op: ChartOperation & { destination: string }): Promise<{ file: string }> {
  return withHelmHome(async (home) => {
    const chartArgs = await prepare(home, op);
    const before = new Set(await readdir(op.destination));
    await runHelm(op.helm.path, pullArgs(chartArgs, op.destination), {
      env: home.env,
      signal: op.signal,
      timeoutMs: op.timeoutMs,
      secrets: [op.password],
      commands: op.commands,
    });
    const added = (await readdir(op.destination)).filter((f) => !before.has(f) && f.endsWith('.tgz'));
    if (added.length !== 1)
      throw new Error(`helm pull left ${added.length} new archives in ${op.destination}`);
    return { file: join(op.destination, added[0] as string) };
  });
}

/**
 * `helm upgrade --install` (the apply step): with the kubeconfig given, values from a private
 * file, Helm 3 or 4 flags. Returns helm's output.
 */
export async function helmUpgradeInstall(
  op: ChartOperation & {
    release: string;
    namespace: string;
    kubeconfig: string;
    kubeContext?: string;
    values?: string | Record<string, unknown>;
    createNamespace?: boolean;
    wait?: boolean;
    timeoutSeconds?: number;
    rollbackOnFailure?: boolean;
  },
): Promise<{ output: string }> {
  return withHelmHome(
    async (home) => {
      const chartArgs = await prepare(home, op);
      const valuesFiles =
        op.values === undefined ? [] : [await home.writePrivateFile('values.yaml', valuesText(op.values))];
      const args = upgradeInstallArgs({
        release: op.release,
        namespace: op.namespace,
        chartArgs,
        valuesFiles,
        createNamespace: op.createNamespace,
        wait: op.wait,
        timeoutSeconds: op.timeoutSeconds,
        rollbackOnFailure: op.rollbackOnFailure,
        kubeContext: op.kubeContext,
        helmMajor: op.helm.major,
      });
      // helm's own --timeout bounds waiting; ours must be longer so helm can roll back cleanly.
      const timeoutMs = Math.max(op.timeoutMs ?? 0, ((op.timeoutSeconds ?? 300) + 60) * 1000);
      const out = await runHelm(op.helm.path, args, {
        env: home.env,
        signal: op.signal,
        timeoutMs,
        secrets: [op.password],
        commands: op.commands,
      });
      return { output: out.stdout };
    },
    { kubeconfig: op.kubeconfig },
  );
}
