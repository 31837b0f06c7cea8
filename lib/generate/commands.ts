import { parseOciUrl, type ChartSource, type InstallConfig } from '@/lib/config';

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

/** `helm upgrade --install operator … -f values.yaml`, consistent with the repository alias added before. */
export function helmInstallOperator(config: InstallConfig, valuesFile = 'values.yaml'): Argv {
  const source = config.charts.operator.source;
  const argv = ['helm', 'upgrade', '--install', OPERATOR_RELEASE, operatorChartRef(config)];
  if (config.charts.operator.version !== '' && source.kind !== 'local')
    argv.push('--version', config.charts.operator.version);
  argv.push('--namespace', config.target.operatorNamespace, '--create-namespace', '--values', valuesFile);
  if (source.kind === 'oci') {
    if (source.caBundle.trim() !== '') argv.push('--ca-file', CA_FILES.operatorChart);
    if (source.insecureSkipVerify) argv.push('--insecure-skip-tls-verify');
    if (source.plainHttp) argv.push('--plain-http');
  }
  argv.push('--wait', '--timeout', '10m', ...helmContext(config));
  return argv;
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
  return [
    kubectl(config, 'version'),
    ['helm', 'version', '--short'],
    kubectl(config, 'auth', 'can-i', 'create', 'customresourcedefinitions'),
  ];
}
