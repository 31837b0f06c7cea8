import 'server-only';

/**
 * Pure builders of helm argument arrays. No secret ever goes into an argument: passwords reach
 * helm through stdin (`--password-stdin`), values through files.
 */

/** Where a chart comes from. */
export type ChartSource =
  /** An HTTP(S) chart repository with an index.yaml (`helm repo add` URL). */
  | { kind: 'repo'; repoUrl: string; chart: string; version?: string }
  /** An OCI reference without tag: `oci://host[:port]/path/chart`. */
  | { kind: 'oci'; ref: string; version?: string }
  /** A local chart archive (.tgz) or directory. */
  | { kind: 'file'; path: string };

/** How to reach the chart's repository or registry. Files are paths; the password is not here. */
export interface ChartAccess {
  username?: string;
  /** CA bundle file that issued the repository's certificate. */
  caFile?: string;
  insecureSkipTlsVerify?: boolean;
  /** OCI registry over plain HTTP. */
  plainHttp?: boolean;
  /** Send credentials to other hosts the index points at (`--pass-credentials`). */
  passCredentials?: boolean;
}

/** The name under which the wizard adds a repository in its throwaway helm home. */
export const WIZARD_REPO_NAME = 'wizard-charts';

/** `helm version --template {{.Version}}`: prints `v3.17.3` / `v4.1.4`. */
export function helmVersionArgs(): string[] {
  return ['version', '--template', '{{.Version}}'];
}

/** A helm version as read from its output. */
export interface HelmVersion {
  version: string;
  major: number;
  minor: number;
  patch: number;
}

/**
 * Reads the version from any of helm's version outputs: `v3.17.3`, `v4.1.4+g05fa379` (`--short`),
 * `version.BuildInfo{Version:"v3.17.3", …}` (Helm 3/4 default) or Helm 2's
 * `Client: &version.Version{SemVer:"v2.16.1", …}`. Pure.
 */
export function parseHelmVersion(output: string): HelmVersion | undefined {
  const m =
    output.match(/(?:Version|SemVer):"v?(\d+)\.(\d+)\.(\d+)[^"]*"/) ??
    output.trim().match(/^v?(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.+-]*)?$/m);
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { version: `${major}.${minor}.${patch}`, major, minor, patch };
}

function tlsArgs(access: ChartAccess): string[] {
  const out: string[] = [];
  if (access.caFile) out.push('--ca-file', access.caFile);
  if (access.insecureSkipTlsVerify) out.push('--insecure-skip-tls-verify');
  return out;
}

/**
 * `helm repo add NAME URL --force-update [--username U --password-stdin] [--ca-file F]
 * [--insecure-skip-tls-verify] [--pass-credentials]`; the password goes to stdin.
 */
export function repoAddArgs(name: string, url: string, access: ChartAccess, withPassword: boolean): string[] {
  const out = ['repo', 'add', name, url, '--force-update'];
  if (access.username !== undefined || withPassword) out.push('--username', access.username ?? '');
  if (withPassword) out.push('--password-stdin');
  out.push(...tlsArgs(access));
  if (access.passCredentials) out.push('--pass-credentials');
  return out;
}

/** The `host[:port]` of an `oci://` reference. */
export function ociHost(ref: string): string {
  return ref.replace(/^oci:\/\//, '').split('/')[0] ?? '';
}

/**
 * `helm registry login HOST --username U --password-stdin [--ca-file F] [--insecure]
 * [--plain-http]`. Helm 3's login has no `--plain-http` (it speaks plain HTTP to localhost on its
 * own); only Helm 4 gets it.
 */
export function registryLoginArgs(host: string, access: ChartAccess, helmMajor: number): string[] {
  const out = ['registry', 'login', host, '--username', access.username ?? '', '--password-stdin'];
  if (access.caFile) out.push('--ca-file', access.caFile);
  if (access.insecureSkipTlsVerify) out.push('--insecure');
  if (access.plainHttp && helmMajor >= 4) out.push('--plain-http');
  return out;
}

/**
 * The chart reference and download flags shared by template/show/pull/upgrade. A `repo` source is
 * referenced as `<repoName>/<chart>` (added beforehand with {@link repoAddArgs}, which holds its
 * CA and credentials).
 */
export function chartRefArgs(
  source: ChartSource,
  access: ChartAccess,
  repoName = WIZARD_REPO_NAME,
): string[] {
  switch (source.kind) {
    case 'file':
      return [source.path];
    case 'repo':
      return [`${repoName}/${source.chart}`, ...(source.version ? ['--version', source.version] : [])];
    case 'oci': {
      const out = [source.ref];
      if (source.version) out.push('--version', source.version);
      out.push(...tlsArgs(access));
      if (access.plainHttp) out.push('--plain-http');
      return out;
    }
  }
}

/** Options of {@link templateArgs}. */
export interface TemplateOptions {
  release: string;
  namespace: string;
  chartArgs: string[];
  valuesFiles?: string[];
  /** Capabilities.KubeVersion to render for, e.g. `v1.33.1` (default: helm's built-in). */
  kubeVersion?: string;
  /** Extra API versions for Capabilities.APIVersions (`monitoring.coreos.com/v1`). */
  apiVersions?: string[];
  includeCrds?: boolean;
}

/** `helm template RELEASE CHART… --namespace NS [-f F]… [--kube-version V] [--api-versions A]… [--include-crds]`. */
export function templateArgs(o: TemplateOptions): string[] {
  const out = ['template', o.release, ...o.chartArgs, '--namespace', o.namespace];
  for (const f of o.valuesFiles ?? []) out.push('--values', f);
  if (o.kubeVersion) out.push('--kube-version', o.kubeVersion);
  for (const a of o.apiVersions ?? []) out.push('--api-versions', a);
  if (o.includeCrds) out.push('--include-crds');
  return out;
}

/** `helm show chart CHART…`: prints Chart.yaml. */
export function showChartArgs(chartArgs: string[]): string[] {
  return ['show', 'chart', ...chartArgs];
}

/** `helm pull CHART… --destination DIR`. */
export function pullArgs(chartArgs: string[], destination: string): string[] {
  return ['pull', ...chartArgs, '--destination', destination];
}

/** Options of {@link upgradeInstallArgs}. */
export interface UpgradeInstallOptions {
  release: string;
  namespace: string;
  chartArgs: string[];
  valuesFiles?: string[];
  createNamespace?: boolean;
  /** Wait until the release's resources are ready. */
  wait?: boolean;
  /** Helm's own operation timeout, e.g. 300 (seconds). */
  timeoutSeconds?: number;
  /** Roll back when the upgrade fails (Helm 3 `--atomic`, Helm 4 `--rollback-on-failure`). */
  rollbackOnFailure?: boolean;
  kubeContext?: string;
  helmMajor: number;
}

/**
 * `helm upgrade --install RELEASE CHART… --namespace NS …` for Helm 3 or 4 (the flags for waiting
 * and rolling back differ: Helm 4 has `--wait=watcher` and `--rollback-on-failure`).
 */
export function upgradeInstallArgs(o: UpgradeInstallOptions): string[] {
  const out = ['upgrade', '--install', o.release, ...o.chartArgs, '--namespace', o.namespace];
  if (o.createNamespace) out.push('--create-namespace');
  for (const f of o.valuesFiles ?? []) out.push('--values', f);
  if (o.wait) out.push(waitFlag(o.helmMajor));
  if (o.rollbackOnFailure) out.push(o.helmMajor >= 4 ? '--rollback-on-failure' : '--atomic');
  return [...out, ...operationTail(o)];
}

/** Helm 3's `--wait`; Helm 4 takes a strategy (`--wait=watcher` waits for readiness like Helm 3's). */
function waitFlag(helmMajor: number): string {
  return helmMajor >= 4 ? '--wait=watcher' : '--wait';
}

/** `--timeout Ns` and `--kube-context C`, shared by the release operations. */
function operationTail(o: { timeoutSeconds?: number; kubeContext?: string }): string[] {
  const out: string[] = [];
  if (o.timeoutSeconds) out.push('--timeout', `${Math.ceil(o.timeoutSeconds)}s`);
  if (o.kubeContext) out.push('--kube-context', o.kubeContext);
  return out;
}

/** Options of {@link rollbackArgs} and {@link uninstallArgs}. */
export interface ReleaseOperationOptions {
  release: string;
  namespace: string;
  /** Wait until the resources are ready (rollback) or deleted (uninstall), up to the timeout. */
  wait?: boolean;
  timeoutSeconds?: number;
  kubeContext?: string;
  helmMajor: number;
}

/**
 * `helm rollback RELEASE [REVISION] --namespace NS [--wait | --wait=watcher] [--timeout Ns]`:
 * without a revision helm goes back to the one before the latest. Helm 3 and 4 share the flags
 * but `--wait` (Helm 4 takes a strategy).
 */
export function rollbackArgs(o: ReleaseOperationOptions & { revision?: number }): string[] {
  const out = ['rollback', o.release];
  if (o.revision !== undefined) out.push(String(o.revision));
  out.push('--namespace', o.namespace);
  if (o.wait) out.push(waitFlag(o.helmMajor));
  return [...out, ...operationTail(o)];
}

/**
 * `helm uninstall RELEASE --namespace NS [--wait | --wait=watcher] [--timeout Ns]`. CRDs of the
 * chart's crds/ directory are not deleted by helm.
 */
export function uninstallArgs(o: ReleaseOperationOptions): string[] {
  const out = ['uninstall', o.release, '--namespace', o.namespace];
  if (o.wait) out.push(waitFlag(o.helmMajor));
  return [...out, ...operationTail(o)];
}
