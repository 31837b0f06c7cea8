import {
  chartBucketPath,
  chartBucketProvider,
  splitRepository,
  type ImageKey,
  type ResolvedImage,
} from '@/lib/config';

import { secretValue, setPath, type GenerateContext } from './context';

/** Name of the platform chart and the ConfigMap path the operator mounts (`/charts`, key `operator-wandb`). */
export const PLATFORM_CHART_NAME = 'operator-wandb';
export const LOCAL_CHART_PATH = '/charts/operator-wandb';

/** The keys of the chart repository's credential Secret, the operator's defaults for `credentialSecret`. */
export const CHART_CREDENTIAL_KEYS = { username: 'HELM_USERNAME', password: 'HELM_PASSWORD' } as const;

/** The Secret, in the resource's namespace, that `spec.chart.credentialSecret` names. */
export function chartCredentialSecretName(crName: string): string {
  return `${crName}-chart-repository`;
}

/** `username`/`password`, or a `credentialSecret` where the controller reads one (see GenerateContext). */
function chartCredentials(
  context: GenerateContext,
  username: string,
  password: string,
): Record<string, unknown> {
  if (username === '') return {};
  if (context.chartCredentialSecret)
    return {
      credentialSecret: {
        name: chartCredentialSecretName(context.config.target.crName),
        usernameKey: CHART_CREDENTIAL_KEYS.username,
        passwordKey: CHART_CREDENTIAL_KEYS.password,
      },
    };
  return { username, password: secretValue(context, 'chartPassword', password) };
}

/** Keys of the Secrets this wizard creates for references (the chart's defaults where it has them). */
export const SECRET_KEYS = {
  license: 'license',
  mysqlPassword: 'MYSQL_PASSWORD',
  bucketAccessKey: 'ACCESS_KEY',
  bucketSecretKey: 'SECRET_KEY',
} as const;

function chartSpec(context: GenerateContext): Record<string, unknown> {
  const { platform } = context.config.charts;
  const source = platform.source;
  switch (source.kind) {
    case 'local':
      return { path: LOCAL_CHART_PATH };
    case 'repo': {
      const spec: Record<string, unknown> = {
        url: source.url,
        name: PLATFORM_CHART_NAME,
        version: platform.version,
        ...chartCredentials(context, source.username, source.password),
      };
      return spec;
    }
    case 'oci': {
      // OCIRelease (newer operators): url is the chart reference itself.
      const spec: Record<string, unknown> = {
        url: `${source.url.replace(/\/+$/, '')}/${PLATFORM_CHART_NAME}`,
        version: platform.version,
        ...chartCredentials(context, source.username, source.password),
      };
      if (source.plainHttp) spec.plainHTTP = true;
      return spec;
    }
  }
}

function bucketValues(context: GenerateContext): Record<string, unknown> {
  const { bucket, secrets } = context.config;
  const provider = chartBucketProvider(bucket.provider);
  const out: Record<string, unknown> = {};
  const inlineKeys = context.secrets.bucketKeys === 'inline';
  // Procedure order: accessKey, secretKey, name, path, provider, region.
  if (inlineKeys && (bucket.provider === 's3' || bucket.provider === 'azure')) {
    out.accessKey = secretValue(context, 'bucketAccessKey', bucket.accessKey);
    if (bucket.provider === 's3') out.secretKey = secretValue(context, 'bucketSecretKey', bucket.secretKey);
  }
  out.name = bucket.name;
  const path = chartBucketPath(bucket);
  if (path !== '') out.path = path;
  out.provider = provider;
  if (bucket.provider === 's3') {
    if (bucket.region !== '') out.region = bucket.region;
    if (bucket.kmsKey !== '') out.kmsKey = bucket.kmsKey;
  }
  if (context.secrets.bucketKeys === 'ref') {
    out.secret = {
      secretName: secrets.bucketSecretName,
      accessKeyName: SECRET_KEYS.bucketAccessKey,
      secretKeyName: SECRET_KEYS.bucketSecretKey,
    };
  }
  return out;
}

function mysqlValues(context: GenerateContext): Record<string, unknown> {
  const { mysql, secrets } = context.config;
  const out: Record<string, unknown> = { database: mysql.database };
  // Procedure order: database, host, password, port, user.
  if (mysql.mode === 'external') out.host = mysql.host;
  if (context.secrets.mysqlPassword === 'inline')
    out.password = secretValue(context, 'mysqlPassword', mysql.password);
  if (context.secrets.mysqlPassword === 'ref') {
    out.passwordSecret = { name: secrets.mysqlSecretName, passwordKey: SECRET_KEYS.mysqlPassword };
  }
  if (mysql.mode === 'external') out.port = mysql.port;
  out.user = mysql.user;
  return out;
}

/** The values of one image key: `{repository, tag}`, or Bitnami's `{registry, repository, tag}`. */
export function imageValue(image: ResolvedImage, key: ImageKey): Record<string, string> | string {
  if (key.style === 'string') return image.targetRef;
  if (key.style === 'bitnami') {
    const { registry, path } = splitRepository(image.repository);
    return { registry, repository: path, tag: image.tag };
  }
  return { repository: image.repository, tag: image.tag };
}

function globalValues(context: GenerateContext): Record<string, unknown> {
  const { config } = context;
  const global: Record<string, unknown> = { host: config.platform.host };
  if (context.secrets.license === 'ref') {
    global.licenseSecret = { name: config.secrets.licenseSecretName, key: SECRET_KEYS.license };
  } else {
    global.license = secretValue(context, 'license', config.platform.license);
  }
  global.bucket = bucketValues(context);
  global.mysql = mysqlValues(context);
  if (config.platform.extraEnv.length > 0) {
    global.extraEnv = Object.fromEntries(
      config.platform.extraEnv.map((envVar) => [envVar.key, envVar.value]),
    );
  }
  if (context.platformCaCerts.length > 0) global.customCACerts = [...context.platformCaCerts];
  if (context.pullSecret) global.imagePullSecrets = [{ name: config.registry.pullSecretName }];
  return global;
}

/** The host name of the platform URL (the URL as given when it does not parse; the schema rejects that). */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function ingressValues(context: GenerateContext): Record<string, unknown> | null {
  const { ingress, platform } = context.config;
  const out: Record<string, unknown> = {};
  if (ingress.annotations.length > 0) {
    out.annotations = Object.fromEntries(
      ingress.annotations.map((annotation) => [annotation.key, annotation.value]),
    );
  }
  if (ingress.class !== '') out.class = ingress.class;
  if (ingress.tls.enabled) {
    out.tls = [{ secretName: ingress.tls.secretName, hosts: [hostnameOf(platform.host)] }];
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * wandb.yaml: the `WeightsAndBiases` resource (apps.wandb.com/v1) in the procedure's shape and
 * key order — metadata{labels, name, namespace}, spec{chart, values{global, mysql, app, console,
 * ingress}} — followed by the image keys the procedure forgot (weave, parquet, otel, prometheus,
 * redis, and the 0.43 hooks) so that nothing is pulled from the internet.
 */
export function buildWandbCr(context: GenerateContext): Record<string, unknown> {
  const { config } = context;
  const values: Record<string, unknown> = { global: globalValues(context) };
  const mysql: Record<string, unknown> = { install: config.mysql.mode === 'in-cluster' };
  values.mysql = mysql;

  const crImages = context.images.filter((image) => image.artifact === 'crValues' && image.needed);
  const keyed = crImages.flatMap((image) => image.keys.map((key) => ({ image, key })));
  const first = keyed.filter(({ key }) => key.path[0] === 'app' || key.path[0] === 'console');
  for (const { image, key } of first) setPath(values, key.path, imageValue(image, key));
  const ingress = ingressValues(context);
  if (ingress) values.ingress = ingress;
  for (const { image, key } of keyed) {
    if (!first.some((entry) => entry.key === key)) setPath(values, key.path, imageValue(image, key));
  }
  // A named StorageClass goes to every key of this chart version that reaches a claimed volume
  // (lib/config/storage-class.ts: `global.storageClass` for Redis and, from 0.28.2, in-cluster
  // MySQL — Redis's own key before that —, and prometheus 24.5.0's own key, which reads no global).
  // Empty: no key at all, the cluster's default class, as before the setting existed.
  if (context.storageClass.name !== '') {
    for (const key of context.storageClass.keys) setPath(values, key, context.storageClass.name);
  }
  // Subcharts that ignore `global.imagePullSecrets` get the pull secret where they read it.
  if (context.pullSecret) {
    for (const quirk of context.quirks) {
      setPath(values, quirk.pullSecretsAt, [{ name: config.registry.pullSecretName }]);
    }
  }

  return {
    apiVersion: 'apps.wandb.com/v1',
    kind: 'WeightsAndBiases',
    metadata: {
      labels: {
        'app.kubernetes.io/instance': config.target.crName,
        'app.kubernetes.io/name': 'weightsandbiases',
      },
      name: config.target.crName,
      namespace: config.target.crNamespace,
    },
    spec: { chart: chartSpec(context), values },
  };
}
