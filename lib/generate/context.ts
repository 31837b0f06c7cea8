import {
  chartLineOf,
  mergeCertificates,
  MYSQL_STORAGE_CLASS_SINCE,
  parseRegistryAddress,
  PLATFORM_VOLUME_NAMES,
  quirksFor,
  currentChartReading,
  resolveConfigImages,
  storageClassOf,
  storageClassPlan,
  type ChartQuirk,
  type ChartReading,
  type ChartLine,
  type InstallConfig,
  type Message,
  type RegistryAddress,
  type ResolvedImage,
  type StorageClassPlan,
} from '@/lib/config';

/**
 * Everything the generators derive from a configuration, computed once: the chart line, the
 * resolved images, which secrets go by reference, the CA certificates of each consumer, and
 * the notes (translatable) that the artifacts and the UI show.
 */

/** How one secret value reaches the platform. */
export type Delivery = 'ref' | 'inline' | 'none';

export interface SecretPlan {
  readonly license: Delivery;
  readonly mysqlPassword: Delivery;
  readonly bucketKeys: Delivery;
}

export interface GenerateContext {
  readonly config: InstallConfig;
  readonly line: ChartLine;
  /** False when the chosen version is newer than the newest line read (its keys are assumed). */
  readonly lineVerified: boolean;
  readonly registry: RegistryAddress;
  readonly images: readonly ResolvedImage[];
  /** The chart archive read for this version, whose keys the images come from (null: the nearest line's). */
  readonly reading: ChartReading | null;
  /** The per-version knowledge that applies to the chart read (or to the nearest line). */
  readonly quirks: readonly ChartQuirk[];
  /**
   * The StorageClass named for the platform's volumes ('' = the cluster's default, and no key is
   * written) and the keys of the chart version that carry it (lib/config/storage-class.ts).
   */
  readonly storageClass: { readonly name: string } & StorageClassPlan;
  /** Whether `global.imagePullSecrets` reaches the pods: the chart read has the key, else the line says. */
  readonly globalImagePullSecrets: boolean;
  readonly secrets: SecretPlan;
  /** Registry credentials given: a pull secret is created and referenced. */
  readonly pullSecret: boolean;
  /**
   * The platform chart repository's credentials go into a Secret that `spec.chart.credentialSecret`
   * names, not into the resource: the source has credentials and the controller reads the Secret
   * (v1.20.0 and later, operator source `pkg/wandb/spec/charts/repo.go`).
   */
  readonly chartCredentialSecret: boolean;
  /** `customCACerts` of the operator: the custom bundle plus the platform chart repository's CA. */
  readonly operatorCaCerts: readonly string[];
  /** `global.customCACerts` of the platform. */
  readonly platformCaCerts: readonly string[];
  readonly notes: readonly Message[];
  /** Write real secret values (true) or the placeholders of `SECRET_PLACEHOLDERS` (false). */
  readonly includeSecrets: boolean;
}

/** Placeholders written instead of secret values when secrets are not included. */
export const SECRET_PLACEHOLDERS = {
  license: 'REPLACE_WITH_LICENSE',
  mysqlPassword: 'REPLACE_WITH_MYSQL_PASSWORD',
  bucketAccessKey: 'REPLACE_WITH_BUCKET_ACCESS_KEY',
  bucketSecretKey: 'REPLACE_WITH_BUCKET_SECRET_KEY',
  registryPassword: 'REPLACE_WITH_REGISTRY_PASSWORD',
  chartPassword: 'REPLACE_WITH_CHART_REPOSITORY_PASSWORD',
  tlsPrivateKey: 'REPLACE_WITH_TLS_PRIVATE_KEY',
} as const;
export type SecretField = keyof typeof SECRET_PLACEHOLDERS;

/** A secret value, or its placeholder when secrets are not included. */
export function secretValue(
  context: Pick<GenerateContext, 'includeSecrets'>,
  field: SecretField,
  value: string,
): string {
  return context.includeSecrets ? value : SECRET_PLACEHOLDERS[field];
}

/** Thrown for a configuration the schema would reject; callers validate first. */
export class InvalidConfigError extends Error {
  constructor(what: string) {
    super(`invalid install configuration: ${what}`);
    this.name = 'InvalidConfigError';
  }
}

/** The first v1 controller that installs an `oci://` chart (earlier ones fail on it). */
export const OCI_CHART_SINCE = '1.22.0';

/** The first v1 controller that reads `spec.chart.credentialSecret`. */
export const CREDENTIAL_SECRET_SINCE = '1.20.0';

/** True when an image tag is a release at or after `since` (`1.22.0`, `v1.22.0`); false for `latest` and the like. */
export function tagAtLeast(tag: string, since: string): boolean {
  const parse = (v: string) => /^v?(\d+)\.(\d+)\.(\d+)$/.exec(v)?.slice(1).map(Number);
  const a = parse(tag);
  const b = parse(since);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

function planSecrets(config: InstallConfig, line: ChartLine): SecretPlan {
  const byRef = config.secrets.delivery === 'secretRef';
  const mysqlHasPassword = config.mysql.password !== '';
  const bucketHasKeys =
    (config.bucket.provider === 's3' && config.bucket.accessKey !== '') ||
    (config.bucket.provider === 'azure' && config.bucket.accessKey !== '');
  return {
    license: byRef && line.secretRefs.license ? 'ref' : 'inline',
    // The in-cluster database reads its root password from the same Secret; the chart manages that one.
    mysqlPassword: !mysqlHasPassword
      ? 'none'
      : byRef && line.secretRefs.mysqlPassword && config.mysql.mode === 'external'
        ? 'ref'
        : 'inline',
    bucketKeys: !bucketHasKeys ? 'none' : byRef && line.secretRefs.bucketKeys ? 'ref' : 'inline',
  };
}

function notesFor(config: InstallConfig, context: Omit<GenerateContext, 'notes'>): Message[] {
  const notes: Message[] = [];
  const version = config.charts.platform.version;
  if (context.reading) {
    const latest = context.images.filter((image) => image.needed && image.tagIsChartLatest);
    if (latest.length > 0) {
      notes.push({
        key: 'generate.note.chartDefaultTags',
        params: { version, images: latest.map((image) => image.sourceRepository).join(', ') },
      });
    }
    const listed = context.reading.keys.filter((key) => key.enabled && key.inList);
    if (listed.length > 0) {
      notes.push({
        key: 'generate.note.imageKeysInLists',
        params: { keys: listed.map((key) => key.path.join('.')).join(', ') },
      });
    }
  } else if (!context.lineVerified) {
    notes.push({
      key: 'generate.note.unverifiedChartVersion',
      params: { version, verified: context.line.verifiedVersion, command: confirmCommand(config) },
    });
  }
  const { secrets } = context;
  const fellBack =
    config.secrets.delivery === 'secretRef' &&
    [secrets.license, secrets.mysqlPassword, secrets.bucketKeys].some((delivery) => delivery === 'inline');
  if (fellBack) notes.push({ key: 'generate.note.secretsInline', params: { version } });
  if (context.pullSecret && !context.globalImagePullSecrets) {
    notes.push({
      key: 'generate.note.pullSecretsIgnored',
      params: { version, secret: config.registry.pullSecretName },
    });
  }
  if (
    config.registry.plainHttp ||
    config.registry.insecureSkipVerify ||
    config.registry.caBundle.trim() !== ''
  ) {
    notes.push({ key: 'generate.note.nodesTrustRegistry', params: { registry: context.registry.host } });
  }
  const controllerTag = context.images.find((image) => image.id === 'controller')?.tag ?? '';
  if (config.charts.platform.source.kind === 'oci' && !tagAtLeast(controllerTag, OCI_CHART_SINCE)) {
    notes.push({
      key: 'generate.note.ociNeedsNewerOperator',
      params: { tag: controllerTag || '?', since: OCI_CHART_SINCE },
    });
  }
  if (context.storageClass.name !== '' && context.storageClass.onDefault.length > 0) {
    notes.push({
      key: 'generate.note.storageClassNotCarried',
      params: {
        version,
        name: context.storageClass.name,
        volumes: context.storageClass.onDefault.map((volume) => PLATFORM_VOLUME_NAMES[volume]).join(', '),
        since: MYSQL_STORAGE_CLASS_SINCE,
      },
    });
  }
  if (config.charts.platform.source.kind === 'repo' && config.charts.platform.source.insecureSkipVerify) {
    notes.push({ key: 'generate.note.operatorVerifiesTls', params: {} });
  }
  if (config.charts.platform.source.kind === 'local') {
    notes.push({
      key: 'generate.note.localChartConfigMap',
      params: { namespace: config.target.operatorNamespace },
    });
  }
  return notes;
}

/** The command that lists, at the site, the images the chart starts (`helm template … | grep image:`). */
export function confirmCommand(config: InstallConfig): string {
  const { platform } = config.charts;
  const source = platform.source;
  const chart =
    source.kind === 'local'
      ? source.path
      : source.kind === 'oci'
        ? `${source.url.replace(/\/+$/, '')}/operator-wandb --version ${platform.version}`
        : `${source.repoName}/operator-wandb --version ${platform.version}`;
  return `helm template ${config.target.crName} ${chart} -f wandb-values.yaml | grep 'image:' | sort -u`;
}

/** Derives the generation context of a configuration that passed `installConfigSchema`. */
export function buildContext(config: InstallConfig, options: { includeSecrets: boolean }): GenerateContext {
  const match = chartLineOf(config);
  if (!match) throw new InvalidConfigError('unsupported operator-wandb version');
  const registry = parseRegistryAddress(config.registry.host);
  if (!registry) throw new InvalidConfigError('registry address');
  const platformSource = config.charts.platform.source;
  const chartCa = platformSource.kind === 'local' ? '' : platformSource.caBundle;
  const reading = currentChartReading(config);
  const images = resolveConfigImages(config);
  const partial = {
    config,
    line: match.line,
    lineVerified: match.verified,
    registry,
    images,
    reading,
    quirks: quirksFor(reading ? reading.parts : match.line.parts),
    storageClass: {
      name: storageClassOf(config.platform),
      ...storageClassPlan(config.charts.platform.version, config.mysql.mode === 'in-cluster'),
    },
    globalImagePullSecrets: reading
      ? reading.globals.includes('imagePullSecrets')
      : match.line.globalImagePullSecrets,
    secrets: planSecrets(config, match.line),
    pullSecret: config.registry.username !== '',
    chartCredentialSecret:
      platformSource.kind !== 'local' &&
      platformSource.username !== '' &&
      tagAtLeast(images.find((image) => image.id === 'controller')?.tag ?? '', CREDENTIAL_SECRET_SINCE),
    operatorCaCerts: mergeCertificates(config.certificates.bundle, chartCa),
    platformCaCerts: mergeCertificates(config.certificates.bundle),
    includeSecrets: options.includeSecrets,
  };
  return { ...partial, notes: notesFor(config, partial) };
}

/** Sets `value` at `path` inside `target`, creating the intermediate objects in insertion order. */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      node = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  });
}
