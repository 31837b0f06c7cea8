import { CHART_CREDENTIAL_KEYS, chartCredentialSecretName, SECRET_KEYS } from './wandb-cr';
import { secretValue, type GenerateContext, type SecretField } from './context';

/** Labels on every object the wizard creates, so that they can be found (and pruned) again. */
export const WIZARD_LABELS = {
  'app.kubernetes.io/managed-by': 'wandb-airgap-wizard',
  'app.kubernetes.io/part-of': 'wandb',
} as const;

/** Field manager of server-side apply, in the runbook and in the wizard's own apply. */
export const FIELD_MANAGER = 'wandb-airgap-wizard';

/** Why a Secret exists, so the runbook and the UI can explain it. */
export type SecretPurpose =
  'registryPull' | 'license' | 'mysqlPassword' | 'bucketKeys' | 'ingressTls' | 'chartCredentials';

/** One Secret manifest and, for the runbook, which of its keys hold which secret field. */
export interface SecretManifest {
  readonly purpose: SecretPurpose;
  readonly name: string;
  readonly namespace: string;
  /** `stringData` key → secret field (for the placeholders and the fill-in commands). */
  readonly fields: Readonly<Record<string, SecretField>>;
  readonly manifest: Record<string, unknown>;
}

function secret(
  purpose: SecretPurpose,
  name: string,
  namespace: string,
  type: string,
  stringData: Record<string, string>,
  fields: Record<string, SecretField>,
): SecretManifest {
  return {
    purpose,
    name,
    namespace,
    fields,
    manifest: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, namespace, labels: { ...WIZARD_LABELS } },
      type,
      stringData,
    },
  };
}

/**
 * The `.dockerconfigjson` of the pull secret. Kubelet reads `username`/`password` as well as
 * `auth`; `auth` is written only with the real values (a placeholder cannot be base64'd usefully).
 */
export function dockerConfigJson(
  host: string,
  username: string,
  password: string,
  withAuth: boolean,
): string {
  const entry: Record<string, string> = { username, password };
  if (withAuth) entry.auth = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  return JSON.stringify({ auths: { [host]: entry } });
}

/**
 * The Secret manifests of an install (`stringData`, applied server-side):
 * - the registry pull secret (kubernetes.io/dockerconfigjson) in the operator and the CR namespaces;
 * - the license, MySQL password and bucket keys where the chart line accepts a reference;
 * - the ingress TLS Secret when a certificate and key were given;
 * - the platform chart repository's credentials where `spec.chart.credentialSecret` names them.
 * With `includeSecrets: false` every secret value is a `REPLACE_WITH_…` placeholder.
 */
export function buildSecretManifests(context: GenerateContext): SecretManifest[] {
  const { config } = context;
  const result: SecretManifest[] = [];
  const crNamespace = config.target.crNamespace;

  if (context.pullSecret) {
    const namespaces = [...new Set([config.target.operatorNamespace, crNamespace])];
    const password = secretValue(context, 'registryPassword', config.registry.password);
    const json = dockerConfigJson(
      context.registry.host,
      config.registry.username,
      password,
      context.includeSecrets,
    );
    for (const namespace of namespaces) {
      result.push(
        secret(
          'registryPull',
          config.registry.pullSecretName,
          namespace,
          'kubernetes.io/dockerconfigjson',
          { '.dockerconfigjson': json },
          { '.dockerconfigjson': 'registryPassword' },
        ),
      );
    }
  }
  if (context.secrets.license === 'ref') {
    result.push(
      secret(
        'license',
        config.secrets.licenseSecretName,
        crNamespace,
        'Opaque',
        { [SECRET_KEYS.license]: secretValue(context, 'license', config.platform.license) },
        { [SECRET_KEYS.license]: 'license' },
      ),
    );
  }
  if (context.secrets.mysqlPassword === 'ref') {
    result.push(
      secret(
        'mysqlPassword',
        config.secrets.mysqlSecretName,
        crNamespace,
        'Opaque',
        { [SECRET_KEYS.mysqlPassword]: secretValue(context, 'mysqlPassword', config.mysql.password) },
        { [SECRET_KEYS.mysqlPassword]: 'mysqlPassword' },
      ),
    );
  }
  if (
    context.secrets.bucketKeys === 'ref' &&
    (config.bucket.provider === 's3' || config.bucket.provider === 'azure')
  ) {
    const data: Record<string, string> = {
      [SECRET_KEYS.bucketAccessKey]: secretValue(context, 'bucketAccessKey', config.bucket.accessKey),
    };
    const fields: Record<string, SecretField> = { [SECRET_KEYS.bucketAccessKey]: 'bucketAccessKey' };
    if (config.bucket.provider === 's3') {
      data[SECRET_KEYS.bucketSecretKey] = secretValue(context, 'bucketSecretKey', config.bucket.secretKey);
      fields[SECRET_KEYS.bucketSecretKey] = 'bucketSecretKey';
    }
    result.push(secret('bucketKeys', config.secrets.bucketSecretName, crNamespace, 'Opaque', data, fields));
  }
  const chartSource = config.charts.platform.source;
  if (context.chartCredentialSecret && chartSource.kind !== 'local') {
    result.push(
      secret(
        'chartCredentials',
        chartCredentialSecretName(config.target.crName),
        crNamespace,
        'Opaque',
        {
          [CHART_CREDENTIAL_KEYS.username]: chartSource.username,
          [CHART_CREDENTIAL_KEYS.password]: secretValue(context, 'chartPassword', chartSource.password),
        },
        { [CHART_CREDENTIAL_KEYS.password]: 'chartPassword' },
      ),
    );
  }
  const tls = config.ingress.tls;
  if (tls.enabled && tls.certificate.trim() !== '' && tls.privateKey.trim() !== '') {
    const certificate = tls.certificate.replace(/\r\n?/g, '\n').trim() + '\n';
    const key = tls.privateKey.replace(/\r\n?/g, '\n').trim() + '\n';
    result.push(
      secret(
        'ingressTls',
        tls.secretName,
        crNamespace,
        'kubernetes.io/tls',
        { 'tls.crt': certificate, 'tls.key': secretValue(context, 'tlsPrivateKey', key) },
        { 'tls.key': 'tlsPrivateKey' },
      ),
    );
  }
  return result;
}
