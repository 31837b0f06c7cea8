import type { ChartSource as ConfigChartSource, InstallConfig } from '@/lib/config';
import {
  CHARTS_CONFIGMAP,
  CRD_NAME,
  FIELD_MANAGER,
  type Manifests,
  namespacesOf,
  OPERATOR_DEPLOYMENT,
  OPERATOR_RELEASE,
  WIZARD_LABELS,
} from '@/lib/generate';
import { kubeconfigCredentials } from '@/lib/kube/credentials';
import { type ChartAccess, type ChartSource, chartRefArgs, upgradeInstallArgs } from '@/lib/helm/args';

/**
 * The ordered steps of an install, from a valid configuration and its generated manifests (pure).
 * Namespaces, then the Secrets (server-side apply), then `helm upgrade --install` of the operator,
 * then the waits for the CRD and the operator Deployment, then the custom resource, then follow.
 * The plan holds the Secrets' values and the chart password: it stays on the server.
 */

/** A Kubernetes object to send with server-side apply. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

/** The operator chart: where helm gets it and how. */
export interface OperatorChart {
  release: string;
  namespace: string;
  source: ChartSource;
  /** TLS and user; the CA is `caPem` (written to a private file at run time). */
  access: ChartAccess;
  caPem?: string;
  /** Reaches helm through stdin only. */
  password?: string;
  values: Record<string, unknown>;
  kubeContext?: string;
}

/** One step of the plan. `id` is stable and unique within a plan. */
export type ApplyStep =
  | { id: string; kind: 'namespace'; object: KubeObject }
  | { id: string; kind: 'secret'; object: KubeObject; purpose: string }
  /** The platform chart archive (local source) as ConfigMap `wandb-charts`, key `operator-wandb` = base64 of the tgz. */
  | { id: string; kind: 'chartsConfigMap'; namespace: string; name: string; path: string }
  | { id: string; kind: 'helm'; chart: OperatorChart }
  | { id: string; kind: 'waitCrd'; name: string }
  | { id: string; kind: 'waitDeployment'; namespace: string; name: string }
  | { id: string; kind: 'customResource'; object: KubeObject }
  | { id: string; kind: 'follow'; crName: string; crNamespace: string; operatorNamespace: string };

/** The whole plan. */
export interface ApplyPlan {
  steps: ApplyStep[];
  fieldManager: string;
  /** Every secret value the steps carry, for redaction of logs and errors. */
  secrets: string[];
}

/** What a step shows on the page: no object bodies, no secrets. */
export interface StepSummary {
  id: string;
  kind: ApplyStep['kind'];
  /** e.g. `Secret wandb/wandb-license`, `helm operator (wandb)`. */
  target: string;
}

/** Maps the configuration's chart source to lib/helm's, without the password and the CA text. */
export function helmChartSource(
  source: ConfigChartSource,
  chart: string,
  version: string,
): { source: ChartSource; access: ChartAccess; caPem?: string; password?: string } {
  switch (source.kind) {
    case 'local':
      return { source: { kind: 'file', path: source.path }, access: {} };
    case 'repo':
      return {
        source: { kind: 'repo', repoUrl: source.url, chart, ...(version ? { version } : {}) },
        access: {
          ...(source.username ? { username: source.username } : {}),
          ...(source.insecureSkipVerify ? { insecureSkipTlsVerify: true } : {}),
        },
        ...(source.caBundle.trim() ? { caPem: source.caBundle } : {}),
        ...(source.password ? { password: source.password } : {}),
      };
    case 'oci':
      return {
        source: {
          kind: 'oci',
          ref: `${source.url.replace(/\/+$/, '')}/${chart}`,
          ...(version ? { version } : {}),
        },
        access: {
          ...(source.username ? { username: source.username } : {}),
          ...(source.insecureSkipVerify ? { insecureSkipTlsVerify: true } : {}),
          ...(source.plainHttp ? { plainHttp: true } : {}),
        },
        ...(source.caBundle.trim() ? { caPem: source.caBundle } : {}),
        ...(source.password ? { password: source.password } : {}),
      };
  }
}

function asObject(value: Record<string, unknown>): KubeObject {
  return value as KubeObject;
}

/** Builds the ordered plan. Pure: the same input gives the same plan. */
export function buildApplyPlan(config: InstallConfig, manifests: Manifests): ApplyPlan {
  const { operatorNamespace, crNamespace, crName, kubeContext } = config.target;
  const steps: ApplyStep[] = [];
  for (const ns of namespacesOf(config)) {
    steps.push({
      id: `namespace:${ns}`,
      kind: 'namespace',
      object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { ...WIZARD_LABELS } } },
    });
  }
  for (const s of manifests.secrets) {
    steps.push({
      id: `secret:${s.namespace}/${s.name}`,
      kind: 'secret',
      object: asObject(s.manifest),
      purpose: s.purpose,
    });
  }
  const platformSource = config.charts.platform.source;
  if (platformSource.kind === 'local') {
    steps.push({
      id: `configmap:${operatorNamespace}/${CHARTS_CONFIGMAP}`,
      kind: 'chartsConfigMap',
      namespace: operatorNamespace,
      name: CHARTS_CONFIGMAP,
      path: platformSource.path,
    });
  }
  const chart = helmChartSource(config.charts.operator.source, 'operator', config.charts.operator.version);
  steps.push({
    id: `helm:${operatorNamespace}/${OPERATOR_RELEASE}`,
    kind: 'helm',
    chart: {
      release: OPERATOR_RELEASE,
      namespace: operatorNamespace,
      ...chart,
      values: manifests.operatorValues,
      ...(kubeContext ? { kubeContext } : {}),
    },
  });
  steps.push({ id: `crd:${CRD_NAME}`, kind: 'waitCrd', name: CRD_NAME });
  steps.push({
    id: `deployment:${operatorNamespace}/${OPERATOR_DEPLOYMENT}`,
    kind: 'waitDeployment',
    namespace: operatorNamespace,
    name: OPERATOR_DEPLOYMENT,
  });
  steps.push({
    id: `cr:${crNamespace}/${crName}`,
    kind: 'customResource',
    object: asObject(manifests.wandbCr),
  });
  steps.push({ id: 'follow', kind: 'follow', crName, crNamespace, operatorNamespace });

  const secrets = new Set<string>();
  if (chart.password) secrets.add(chart.password);
  for (const s of manifests.secrets) {
    const data = (s.manifest.stringData ?? {}) as Record<string, unknown>;
    for (const v of Object.values(data)) if (typeof v === 'string' && v.length >= 4) secrets.add(v);
  }
  for (const v of [config.platform.license, config.registry.password, config.mysql.password]) {
    if (v && v.length >= 4) secrets.add(v);
  }
  if (config.bucket.provider === 's3' && config.bucket.secretKey.length >= 4)
    secrets.add(config.bucket.secretKey);
  if (config.bucket.provider === 'azure' && config.bucket.accessKey.length >= 4)
    secrets.add(config.bucket.accessKey);
  if (config.target.kubeconfig.source === 'upload')
    for (const v of kubeconfigCredentials(config.target.kubeconfig.content))
      if (v.length >= 4) secrets.add(v);
  return { steps, fieldManager: FIELD_MANAGER, secrets: [...secrets] };
}

/** What the page shows of a step. */
export function summarizeStep(step: ApplyStep): StepSummary {
  const objectName = (o: KubeObject) =>
    `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
  switch (step.kind) {
    case 'namespace':
    case 'secret':
    case 'customResource':
      return { id: step.id, kind: step.kind, target: objectName(step.object) };
    case 'helm':
      return { id: step.id, kind: step.kind, target: `${step.chart.release} (${step.chart.namespace})` };
    case 'chartsConfigMap':
      return { id: step.id, kind: step.kind, target: `ConfigMap ${step.namespace}/${step.name}` };
    case 'waitCrd':
      return { id: step.id, kind: step.kind, target: `CustomResourceDefinition ${step.name}` };
    case 'waitDeployment':
      return { id: step.id, kind: step.kind, target: `Deployment ${step.namespace}/${step.name}` };
    case 'follow':
      return { id: step.id, kind: step.kind, target: `WeightsAndBiases ${step.crNamespace}/${step.crName}` };
  }
}

/** Options of {@link helmApplyArgs}. */
export interface HelmApplyArgsOptions {
  helmMajor: number;
  /** Path of the values file (written privately at run time). */
  valuesFile: string;
  /** Path of the CA file when the chart source has a CA. */
  caFile?: string;
  dryRun?: boolean;
  timeoutSeconds?: number;
}

/**
 * `helm upgrade --install <release> <chart ref> [--version V] -n <ns> --create-namespace -f values.yaml`
 * for the plan's operator chart (a repository is referenced through the alias added before it; OCI
 * carries its TLS flags). `dryRun` adds `--dry-run=server` (Helm 3.13+ and Helm 4). Pure.
 */
export function helmApplyArgs(chart: OperatorChart, o: HelmApplyArgsOptions): string[] {
  const access: ChartAccess = { ...chart.access, ...(o.caFile ? { caFile: o.caFile } : {}) };
  const args = upgradeInstallArgs({
    release: chart.release,
    namespace: chart.namespace,
    chartArgs: chartRefArgs(chart.source, access),
    valuesFiles: [o.valuesFile],
    createNamespace: true,
    timeoutSeconds: o.timeoutSeconds ?? 300,
    ...(chart.kubeContext ? { kubeContext: chart.kubeContext } : {}),
    helmMajor: o.helmMajor,
  });
  if (o.dryRun) args.push('--dry-run=server');
  return args;
}
