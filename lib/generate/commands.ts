import { parseOciUrl, s3Target, storageClassOf, type ChartSource, type InstallConfig } from '@/lib/config';

import { FIELD_MANAGER } from './secrets';

/**
 * The helm and kubectl commands of an install, as argument vectors (pure; the runbook renders
 * them, and the wizard's own runners can reuse them). No secret value ever appears in an argv:
 * passwords go through `--password-stdin`, secrets through files.
 */

/** Release name of the operator chart, as in the procedure. */
export const OPERATOR_RELEASE = 'operator';
/** Deployment of the operator (`<nameOverride>-controller-manager`, nameOverride defaults to `wandb`). */
export const OPERATOR_DEPLOYMENT = 'wandb-controller-manager';
/** ConfigMap the operator mounts at /charts when airgapped (`<nameOverride>-charts`). */
export const CHARTS_CONFIGMAP = 'wandb-charts';
export const CRD_NAME = 'weightsandbiases.apps.wandb.com';

/** Files the runbook writes CA bundles to (also generated as artifacts). */
export const CA_FILES = {
  registry: 'registry-ca.crt',
  operatorChart: 'operator-chart-ca.crt',
  platformChart: 'platform-chart-ca.crt',
} as const;

export type Argv = readonly string[];

function kubectl(config: InstallConfig, ...args: string[]): Argv {
  const context = config.target.kubeContext;
  return context === '' ? ['kubectl', ...args] : ['kubectl', '--context', context, ...args];
}

function helmContext(config: InstallConfig): string[] {
  return config.target.kubeContext === '' ? [] : ['--kube-context', config.target.kubeContext];
}

/** `helm repo add` for a classic repository (idempotent with --force-update). */
export function helmRepoAdd(source: Extract<ChartSource, { kind: 'repo' }>, caFile: string): Argv {
  const argv = ['helm', 'repo', 'add', source.repoName, source.url, '--force-update'];
  if (source.username !== '') argv.push('--username', source.username, '--password-stdin');
  if (source.caBundle.trim() !== '') argv.push('--ca-file', caFile);
  if (source.insecureSkipVerify) argv.push('--insecure-skip-tls-verify');
  return argv;
}

/** `helm registry login` for an OCI chart registry. */
export function helmRegistryLogin(source: Extract<ChartSource, { kind: 'oci' }>, caFile: string): Argv {
  const host = parseOciUrl(source.url)?.host ?? source.url;
  const argv = ['helm', 'registry', 'login', host, '--username', source.username, '--password-stdin'];
  if (source.caBundle.trim() !== '') argv.push('--ca-file', caFile);
  if (source.insecureSkipVerify) argv.push('--insecure');
  if (source.plainHttp) argv.push('--plain-http');
  return argv;
}

/** The chart reference `helm upgrade --install` takes for the operator chart. */
export function operatorChartRef(config: InstallConfig): string {
  const source = config.charts.operator.source;
  switch (source.kind) {
    case 'repo':
      return `${source.repoName}/operator`;
    case 'oci':
      return `${source.url.replace(/\/+$/, '')}/operator`;
    case 'local':
      return source.path;
  }
}

/** The TLS options helm needs to read the operator chart from an OCI registry (none for the other sources). */
function ociChartOptions(config: InstallConfig): string[] {
  const source = config.charts.operator.source;
  const argv: string[] = [];
  if (source.kind === 'oci') {
    if (source.caBundle.trim() !== '') argv.push('--ca-file', CA_FILES.operatorChart);
    if (source.insecureSkipVerify) argv.push('--insecure-skip-tls-verify');
    if (source.plainHttp) argv.push('--plain-http');
  }
  return argv;
}

/**
 * `helm upgrade --install operator … -f values.yaml`, consistent with the repository alias added
 * before. `version` defaults to the configured operator chart version ('' adds no `--version`; the
 * runbook passes the shell variable it resolved the newest version into).
 */
export function helmInstallOperator(
  config: InstallConfig,
  valuesFile = 'values.yaml',
  version = config.charts.operator.version,
): Argv {
  const source = config.charts.operator.source;
  const argv = ['helm', 'upgrade', '--install', OPERATOR_RELEASE, operatorChartRef(config)];
  if (version !== '' && source.kind !== 'local') argv.push('--version', version);
  argv.push('--namespace', config.target.operatorNamespace, '--create-namespace', '--values', valuesFile);
  argv.push(...ociChartOptions(config));
  argv.push('--wait', '--timeout', '10m', ...helmContext(config));
  return argv;
}

/** `helm show chart` of the newest operator chart the source holds (its `version:` line names it). */
export function helmShowOperatorChart(config: InstallConfig): Argv {
  return ['helm', 'show', 'chart', operatorChartRef(config), ...ociChartOptions(config)];
}

/** `helm <verb> operator` in the operator's namespace (`history`, `rollback`, `uninstall`); the changes wait. */
function helmOperatorRelease(config: InstallConfig, verb: 'history' | 'rollback' | 'uninstall'): Argv {
  const wait = verb === 'history' ? [] : ['--wait', '--timeout', '10m'];
  return [
    'helm',
    verb,
    OPERATOR_RELEASE,
    '--namespace',
    config.target.operatorNamespace,
    ...wait,
    ...helmContext(config),
  ];
}

/** `helm history` of the operator release (the revisions `helm rollback` can go back to). */
export const helmOperatorHistory = (config: InstallConfig): Argv => helmOperatorRelease(config, 'history');

/** `helm rollback` of the operator release to its previous revision. */
export const helmRollbackOperator = (config: InstallConfig): Argv => helmOperatorRelease(config, 'rollback');

/** `helm uninstall` of the operator release (its CRD stays: Helm never deletes a chart's crds/). */
export const helmUninstallOperator = (config: InstallConfig): Argv =>
  helmOperatorRelease(config, 'uninstall');

/**
 * Deletes the W&B resource and waits until it is gone: the operator uninstalls the platform release,
 * then removes its finalizer. Two commands, so that a deletion that hangs can be finished by hand.
 */
export function kubectlDeleteCr(config: InstallConfig): Argv[] {
  const { crName, crNamespace } = config.target;
  return [
    kubectl(config, 'delete', 'weightsandbiases', crName, '--namespace', crNamespace, '--wait=false'),
    kubectl(
      config,
      'wait',
      '--for=delete',
      `weightsandbiases/${crName}`,
      '--namespace',
      crNamespace,
      '--timeout=10m',
    ),
  ];
}

/**
 * What finishes a deletion the operator cannot: `helm uninstall` of the platform release (named
 * after the resource), then the resource's finalizer removed.
 */
export function uninstallPlatformByHand(config: InstallConfig): Argv[] {
  const { crName, crNamespace } = config.target;
  return [
    [
      'helm',
      'uninstall',
      crName,
      '--namespace',
      crNamespace,
      '--wait',
      '--timeout',
      '10m',
      ...helmContext(config),
    ],
    kubectl(
      config,
      'patch',
      'weightsandbiases',
      crName,
      '--namespace',
      crNamespace,
      '--type=merge',
      '--patch={"metadata":{"finalizers":null}}',
    ),
  ];
}

/** Deletes named objects of one kind in a namespace (absent ones are not an error). */
export function kubectlDeleteNamed(
  config: InstallConfig,
  kind: string,
  namespace: string,
  names: readonly string[],
): Argv {
  return kubectl(config, 'delete', kind, ...names, '--namespace', namespace, '--ignore-not-found');
}

/** `kubectl create secret tls` from tls.crt and tls.key, as a manifest to pipe into {@link kubectlApplyStdin}. */
export function kubectlTlsSecretManifest(config: InstallConfig, name: string, namespace: string): Argv {
  return kubectl(
    config,
    'create',
    'secret',
    'tls',
    name,
    '--namespace',
    namespace,
    '--cert=tls.crt',
    '--key=tls.key',
    '--dry-run=client',
    '--output=yaml',
  );
}

/** The type of a Secret (`kubernetes.io/tls` for an ingress certificate), printed on one line. */
export function kubectlSecretType(config: InstallConfig, name: string, namespace: string): Argv {
  return kubectl(config, 'get', 'secret', name, '--namespace', namespace, '--output=jsonpath={.type}');
}

/** The PEM certificate of a TLS Secret, base64 (to pipe into `base64 -d | openssl x509`). */
export function kubectlTlsCertificate(config: InstallConfig, name: string, namespace: string): Argv {
  return kubectl(
    config,
    'get',
    'secret',
    name,
    '--namespace',
    namespace,
    '--output=jsonpath={.data.tls\\.crt}',
  );
}

/** Namespaces to create before anything is put in them (operator first). */
export function namespacesOf(config: InstallConfig): string[] {
  return [...new Set([config.target.operatorNamespace, config.target.crNamespace])];
}

/** `kubectl create namespace X --dry-run=client -o yaml`, to pipe into {@link kubectlApplyStdin}. */
export function kubectlNamespaceManifest(config: InstallConfig, namespace: string): Argv {
  return kubectl(config, 'create', 'namespace', namespace, '--dry-run=client', '--output=yaml');
}

/** Server-side apply of a file with the wizard's field manager. */
export function kubectlApplyFile(config: InstallConfig, file: string): Argv {
  return kubectl(config, 'apply', '--server-side', `--field-manager=${FIELD_MANAGER}`, '--filename', file);
}

/** Server-side apply of a manifest on stdin. */
export function kubectlApplyStdin(config: InstallConfig): Argv {
  return kubectlApplyFile(config, '-');
}

/** The `wandb-charts` ConfigMap from a base64 file (WSM `deploy chart-cm`), as a manifest to apply. */
export function kubectlChartsConfigMap(config: InstallConfig, base64File: string): Argv {
  return kubectl(
    config,
    'create',
    'configmap',
    CHARTS_CONFIGMAP,
    '--namespace',
    config.target.operatorNamespace,
    `--from-file=operator-wandb=${base64File}`,
    '--dry-run=client',
    '--output=yaml',
  );
}

export function kubectlWaitOperator(config: InstallConfig): Argv[] {
  return [
    kubectl(
      config,
      'rollout',
      'status',
      `deployment/${OPERATOR_DEPLOYMENT}`,
      '--namespace',
      config.target.operatorNamespace,
      '--timeout=5m',
    ),
    kubectl(config, 'wait', '--for=condition=Established', `crd/${CRD_NAME}`, '--timeout=60s'),
  ];
}

/** Waits for the CR's phase `Completed` (Helm applied) and then for the platform's Deployments. */
export function kubectlWaitPlatform(config: InstallConfig): Argv[] {
  const { crName, crNamespace } = config.target;
  return [
    kubectl(
      config,
      'wait',
      '--for=jsonpath={.status.phase}=Completed',
      `weightsandbiases/${crName}`,
      '--namespace',
      crNamespace,
      '--timeout=20m',
    ),
    kubectl(
      config,
      'wait',
      '--for=condition=Available',
      'deployment',
      '--selector',
      `app.kubernetes.io/instance=${crName}`,
      '--namespace',
      crNamespace,
      '--timeout=20m',
    ),
    kubectl(
      config,
      'get',
      'pods',
      '--selector',
      `app.kubernetes.io/instance=${crName}`,
      '--namespace',
      crNamespace,
    ),
  ];
}

export function kubectlTroubleshoot(config: InstallConfig): Argv[] {
  const { crName, crNamespace, operatorNamespace } = config.target;
  return [
    kubectl(config, 'describe', 'weightsandbiases', crName, '--namespace', crNamespace),
    kubectl(
      config,
      'logs',
      `deployment/${OPERATOR_DEPLOYMENT}`,
      '--namespace',
      operatorNamespace,
      '--tail=200',
    ),
    kubectl(config, 'get', 'events', '--namespace', crNamespace, '--sort-by=.lastTimestamp'),
    kubectl(config, 'get', 'pods', '--namespace', crNamespace, '--field-selector=status.phase!=Running'),
  ];
}

export function prerequisiteChecks(config: InstallConfig): Argv[] {
  const storageClass = storageClassOf(config.platform);
  return [
    kubectl(config, 'version'),
    ['helm', 'version', '--short'],
    kubectl(config, 'auth', 'can-i', 'create', 'customresourcedefinitions'),
    // The volumes the charts claim (Redis, Prometheus, in-cluster MySQL) need the StorageClass
    // named for them, or else a default one.
    kubectl(config, 'get', 'storageclass', ...(storageClass === '' ? [] : [storageClass])),
    ...(config.ingress.class === '' ? [] : [kubectl(config, 'get', 'ingressclass', config.ingress.class)]),
  ];
}

/**
 * The checks of MySQL and the bucket that a person runs by hand, from a machine with the clients
 * (mysql, aws, gcloud, az) that reaches them as the cluster does; passwords are asked, never typed
 * on the command line. Empty when nothing outside the cluster is named.
 */
export function serviceChecks(config: InstallConfig): Argv[] {
  const out: Argv[] = [];
  const { mysql, bucket } = config;
  if (mysql.mode === 'external') {
    out.push([
      'mysql',
      '--host',
      mysql.host,
      '--port',
      String(mysql.port),
      '--user',
      mysql.user,
      '--password',
      '--execute',
      'SELECT VERSION(); SHOW GRANTS FOR CURRENT_USER();',
      mysql.database,
    ]);
  }
  if (bucket.provider === 's3') {
    const target = s3Target(bucket);
    const endpoint = target.endpoint
      ? ['--endpoint-url', `${bucket.plainHttp ? 'http' : 'https'}://${target.endpoint}`]
      : [];
    out.push([
      'aws',
      's3api',
      'head-bucket',
      '--bucket',
      target.bucket,
      ...endpoint,
      ...(bucket.region ? ['--region', bucket.region] : []),
    ]);
  } else if (bucket.provider === 'gcs') {
    out.push(['gcloud', 'storage', 'ls', `gs://${bucket.name}`]);
  } else {
    const container = bucket.path.trim().split('/')[0] ?? '';
    out.push([
      'az',
      'storage',
      'container',
      'show',
      '--account-name',
      bucket.name,
      '--name',
      container,
      '--auth-mode',
      'key',
    ]);
  }
  return out;
}
