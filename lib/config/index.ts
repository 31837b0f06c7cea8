import { z } from 'zod';

import { bucketSchema, defaultBucket } from './bucket';
import { chartLineFor, type ChartLineMatch } from './chart-images';
import { chartsSchema, defaultCharts } from './charts';
import { certificatesSchema, defaultCertificates } from './certificates';
import type { FieldErrors } from './field-errors';
import { parseRegistryAddress } from './formats';
import type { ChartReading } from './chart-reading';
import { resolveChartImages, resolveImages, type ResolvedImage } from './image-ref';
import { defaultImages, imagesSchema } from './images';
import { defaultIngress, ingressSchema } from './ingress';
import { defaultMirror, mirrorSchema } from './mirror';
import { defaultMysql, mysqlSchema } from './mysql';
import { defaultPlatform, platformSchema } from './platform';
import { defaultRegistry, registrySchema } from './registry';
import { defaultSecrets, secretsSchema } from './secrets';
import { defaultTarget, targetSchema } from './target';

/**
 * The one schema of a whole installation. The browser forms use it through zodResolver and
 * every server action parses with it again; messages are translation keys (`field-errors.ts`).
 * There are no zod `.default()`s inside: input and output types are the same, and
 * {@link defaultInstallConfig} is the starting point of the forms.
 */
export const installConfigSchema = z.object({
  target: targetSchema,
  registry: registrySchema,
  images: imagesSchema,
  charts: chartsSchema,
  platform: platformSchema,
  bucket: bucketSchema,
  mysql: mysqlSchema,
  ingress: ingressSchema,
  certificates: certificatesSchema,
  secrets: secretsSchema,
  mirror: mirrorSchema,
});
export type InstallConfig = z.infer<typeof installConfigSchema>;

/** The sections, in the order the schema lists them (not a wizard order). */
export const CONFIG_SECTIONS = [
  'target',
  'registry',
  'images',
  'charts',
  'platform',
  'bucket',
  'mysql',
  'ingress',
  'certificates',
  'secrets',
  'mirror',
] as const satisfies readonly (keyof InstallConfig)[];
export type ConfigSection = (typeof CONFIG_SECTIONS)[number];

/** Defaults for every field: the procedure's names and namespaces, external MySQL, secrets by reference. */
export const defaultInstallConfig: InstallConfig = {
  target: defaultTarget,
  registry: defaultRegistry,
  images: defaultImages,
  charts: defaultCharts,
  platform: defaultPlatform,
  bucket: defaultBucket,
  mysql: defaultMysql,
  ingress: defaultIngress,
  certificates: defaultCertificates,
  secrets: defaultSecrets,
  mirror: defaultMirror,
};

/** Recursive partial of a configuration (drafts, imports). */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  // A discriminated section switches wholesale: a bucket of another provider does not inherit s3 fields.
  for (const tag of ['provider', 'mode', 'kind']) {
    if (tag in patch && tag in base && patch[tag] !== base[tag]) return patch;
  }
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) result[key] = mergeInto(base[key], value);
  return result;
}

/**
 * Lays a partial configuration (a saved draft, an import) over the defaults. The result is not
 * validated: parse it with {@link installConfigSchema} (or `validateInstallConfig` on the server).
 */
export function withDefaults(partial: unknown, base: InstallConfig = defaultInstallConfig): unknown {
  return mergeInto(base, partial);
}

/** The chart line of the configured `operator-wandb` version (null when unsupported). */
export function chartLineOf(config: Pick<InstallConfig, 'charts'>): ChartLineMatch | null {
  return chartLineFor(config.charts.platform.version);
}

/** The chart reading of the configured `operator-wandb` version, if the draft holds one for it. */
export function currentChartReading(config: Pick<InstallConfig, 'charts'>): ChartReading | null {
  const stored = config.charts.platform.reading;
  return stored && stored.version === config.charts.platform.version ? stored : null;
}

/**
 * Every image of the configuration, resolved onto the internal registry: the one list that the
 * generator, the image list, the checks and the mirror use, so they never disagree. With a reading
 * of the configured chart, the platform's images are the chart's own keys and default tags
 * (`resolveChartImages`); without one, the nearest chart line's catalogue. The operator's images
 * come from the catalogue.
 */
export function resolveConfigImages(
  config: Pick<InstallConfig, 'charts' | 'registry' | 'images' | 'mysql'>,
): ResolvedImage[] {
  const match = chartLineOf(config);
  if (!match) return [];
  const fromLine = resolveImages({
    registry: config.registry.host,
    images: config.images,
    line: match.line,
    mysqlInCluster: config.mysql.mode === 'in-cluster',
  });
  const reading = currentChartReading(config);
  if (!reading) return fromLine;
  return [
    ...fromLine.filter((image) => image.artifact === 'operatorValues'),
    ...resolveChartImages({
      registry: config.registry.host,
      images: config.images,
      reading,
      artifact: 'crValues',
      mysqlInCluster: config.mysql.mode === 'in-cluster',
    }),
  ];
}

/** `host[:port]` of the internal registry (the key of a docker config), or '' when the address is invalid. */
export function registryHostOf(config: Pick<InstallConfig, 'registry'>): string {
  return parseRegistryAddress(config.registry.host)?.host ?? '';
}

/** The field errors under some path prefixes (`['registry', 'images']`), e.g. to badge a group of fields. */
export function errorsUnder(errors: FieldErrors, prefixes: readonly string[]): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`))) result[path] = message;
  }
  return result;
}

export { PROCEDURE_EXAMPLE } from './procedure-example';
export {
  toFieldErrors,
  issueToMessage,
  message,
  type FieldErrors,
  type Message,
  type MessageParams,
} from './field-errors';
export * from './chart-images';
export * from './image-ref';
export * from './chart-reading';
export * from './storage-class';
export {
  splitPemBundle,
  mergeCertificates,
  type PemBundle,
  type PemBundleIssue,
  type PemCertificateBlock,
} from './ca-bundle';
export { parseRegistryAddress, parseOciUrl, type RegistryAddress } from './formats';
export {
  chartBucketPath,
  chartBucketProvider,
  emptyBucket,
  parseChartBucketPath,
  s3Target,
  type Bucket,
  type BucketProvider,
} from './bucket';
export { emptyMysql, type Mysql, type MysqlMode } from './mysql';
export {
  chartSourceSchema,
  emptyChartSource,
  type ChartSource,
  type Charts,
  type LocalChartSource,
  type OciChartSource,
  type RepoChartSource,
} from './charts';
export {
  defaultKubeconfig,
  KUBECONFIG_MAX_BYTES,
  KUBECONFIG_SOURCES,
  type KubeconfigChoice,
  kubeconfigSchema,
  type KubeconfigSourceKind,
  type Target,
} from './target';
export type { Registry } from './registry';
export type { Images, ImageOverride } from './images';
export { storageClassOf, type Platform, type EnvVar } from './platform';
export type { Ingress, Annotation } from './ingress';
export type { Certificates } from './certificates';
export type { Secrets, SecretDelivery } from './secrets';
export {
  defaultMirror,
  defaultMirrorRegistry,
  isAbsolutePath,
  isPlatform,
  type Mirror,
  type MirrorRegistry,
  mirrorPlatformsSchema,
  mirrorRegistrySchema,
  sourceRegistryLocation,
  sourceRegistryRef,
  type SourceRegistryLocation,
} from './mirror';
export {
  bucketSchema,
  certificatesSchema,
  chartsSchema,
  imagesSchema,
  ingressSchema,
  mirrorSchema,
  mysqlSchema,
  platformSchema,
  registrySchema,
  secretsSchema,
  targetSchema,
};
