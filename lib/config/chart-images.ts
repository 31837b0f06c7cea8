import semverMajor from 'semver/functions/major';
import semverMinor from 'semver/functions/minor';
import semverSatisfies from 'semver/functions/satisfies';

import type { ChartPart } from './chart-reading';

/**
 * The image catalogue and chart capabilities, as data, per `operator-wandb` version line.
 *
 * Sources (wandb/helm-charts; "HC@0.18.0" = commit 23c0b3f3, "HC@0.43.8" = commit 82d5626a,
 * see ../shared/docs/wandb-values.md). Every entry names the file its keys come from.
 * Default tags are the procedure's `wsm list` output; `wandb/megabinary` and
 * `wandb/weave-python` follow `wandb/local`'s tag; `alpine/k8s` is the chart's own pin;
 * `mysql` 8.0.40 is our pin for the in-cluster database (the chart says `latest`).
 *
 * Decisions recorded here:
 * - Every image key is written with the full internal repository. `global.repositoryPrefix`
 *   (0.43 only) is never set: wandb-base renders `printf "%s/%s" prefix repository`
 *   (charts/wandb-base/templates/_containers.tpl), so setting it next to full repositories
 *   would double the prefix, and it does not reach the otel/prometheus/redis/mysql subcharts.
 * - `global.imageRegistry` (0.43) is never set either: Bitnami subcharts replace `image.registry`
 *   with it, and helm-charts PR #530 (operator-wandb 0.37.6, "Allow global override of docker
 *   registry for all images") may apply it more widely; with full repositories in every key a
 *   global registry can only double a prefix. Redis gets its explicit `redis.image.registry`.
 */

/** Identifier of an image the two charts pull; also the key under `images` in the config. */
export const IMAGE_IDS = [
  'controller',
  'local',
  'console',
  'megabinary',
  'weavePython',
  'alpineK8s',
  'otelCollector',
  'prometheus',
  'configReloader',
  'redis',
  'mysql',
] as const;
export type ImageId = (typeof IMAGE_IDS)[number];

/**
 * How a values key holds an image: `{repository, tag}`, Bitnami's `{registry, repository, tag}`, or
 * a plain `repository:tag` string.
 */
export type ImageKeyStyle = 'repository' | 'bitnami' | 'string';

export interface ImageKey {
  /** Path of the `image` object inside the values (`['app', 'image']`). */
  readonly path: readonly string[];
  readonly style: ImageKeyStyle;
}

/** When an image is pulled at all. */
export type ImageCondition = 'always' | 'mysqlInCluster';

/** Which generated document carries the image keys. */
export type ImageArtifact = 'operatorValues' | 'crValues';

export interface CatalogImage {
  readonly id: ImageId;
  /** Fully qualified public repository (`docker.io/wandb/local`, `quay.io/prometheus/prometheus`). */
  readonly source: string;
  /** Default tag, or the id of the image whose tag it follows. */
  readonly defaultTag: string | { readonly sameAs: ImageId };
  readonly artifact: ImageArtifact;
  readonly keys: readonly ImageKey[];
  readonly when: ImageCondition;
}

/** The `wsm list` tags of the procedure, plus our pins where the chart says `latest`. */
export const DEFAULT_TAGS = {
  controller: '1.16.1',
  local: '0.62.2',
  console: '2.13.1',
  redis: '7.2.4-debian-12-r9',
  configReloader: 'v0.67.0',
  prometheus: 'v2.47.0',
  otelCollector: '0.97.0',
  alpineK8s: '1.31.12',
  mysql: '8.0.40',
} as const;

const repo = (...path: string[]): ImageKey => ({ path, style: 'repository' });
const bitnami = (...path: string[]): ImageKey => ({ path, style: 'bitnami' });

// charts/operator/values.yaml (image.repository/tag; deployment.yaml renders `repository:tag`).
const CONTROLLER: CatalogImage = {
  id: 'controller',
  source: 'docker.io/wandb/controller',
  defaultTag: DEFAULT_TAGS.controller,
  artifact: 'operatorValues',
  keys: [repo('image')],
  when: 'always',
};

// charts/operator-wandb/charts/console/values.yaml (HC@0.18.0); values.yaml `console.image` (HC@0.43.8).
const CONSOLE: CatalogImage = {
  id: 'console',
  source: 'docker.io/wandb/console',
  defaultTag: DEFAULT_TAGS.console,
  artifact: 'crValues',
  keys: [repo('console', 'image')],
  when: 'always',
};

// charts/operator-wandb/charts/otel/charts/agent/values.yaml; the otel chart aliases `agent` as `daemonset`.
const OTEL: CatalogImage = {
  id: 'otelCollector',
  source: 'docker.io/otel/opentelemetry-collector-contrib',
  defaultTag: DEFAULT_TAGS.otelCollector,
  artifact: 'crValues',
  keys: [repo('otel', 'daemonset', 'image')],
  when: 'always',
};

// charts/operator-wandb/charts/prometheus/Chart.yaml aliases prometheus-community `prometheus` 24.x as
// `instance`; its values.yaml has server.image and configmapReload.prometheus.image.
const PROMETHEUS: CatalogImage = {
  id: 'prometheus',
  source: 'quay.io/prometheus/prometheus',
  defaultTag: DEFAULT_TAGS.prometheus,
  artifact: 'crValues',
  keys: [repo('prometheus', 'instance', 'server', 'image')],
  when: 'always',
};
const CONFIG_RELOADER: CatalogImage = {
  id: 'configReloader',
  source: 'quay.io/prometheus-operator/prometheus-config-reloader',
  defaultTag: DEFAULT_TAGS.configReloader,
  artifact: 'crValues',
  keys: [repo('prometheus', 'instance', 'configmapReload', 'prometheus', 'image')],
  when: 'always',
};

// Bitnami redis 18.x (operator-wandb Chart.yaml dependency `redis` 18.*.*): image.{registry,repository,tag};
// HC@0.43.8 values.yaml sets repository `bitnamilegacy/redis`, and `wsm list` names that image for both lines.
const REDIS: CatalogImage = {
  id: 'redis',
  source: 'docker.io/bitnamilegacy/redis',
  defaultTag: DEFAULT_TAGS.redis,
  artifact: 'crValues',
  keys: [bitnami('redis', 'image')],
  when: 'always',
};

// charts/operator-wandb/charts/mysql/values.yaml (`mysql:latest`), rendered only with `mysql.install: true`.
const MYSQL: CatalogImage = {
  id: 'mysql',
  source: 'docker.io/library/mysql',
  defaultTag: DEFAULT_TAGS.mysql,
  artifact: 'crValues',
  keys: [repo('mysql', 'image')],
  when: 'mysqlInCluster',
};

/** Supported `operator-wandb` version lines. */
export const CHART_LINE_IDS = ['0.18', '0.43'] as const;
export type ChartLineId = (typeof CHART_LINE_IDS)[number];

/** What a version line of `operator-wandb` accepts: its images and where a secret may be referenced. */
export interface ChartLine {
  readonly id: ChartLineId;
  /** The chart version whose sources this entry was read from. */
  readonly verifiedVersion: string;
  readonly images: readonly CatalogImage[];
  /**
   * Secret references the chart accepts instead of inline values. HC@0.18.0 accepts none:
   * `global.mysql.passwordSecret` arrived with helm-charts PR #222 (2024-09), bucket secrets with
   * PR #224, the license secret later; HC@0.43.8 has all three (values.yaml, templates/_license.tpl,
   * _mysql.tpl, _bucket.tpl).
   */
  readonly secretRefs: {
    readonly license: boolean;
    readonly mysqlPassword: boolean;
    readonly bucketKeys: boolean;
  };
  /** `global.imagePullSecrets` reaches the W&B pods (wandb-base `_pods.tpl`); HC@0.18.0 app/console ignore it. */
  readonly globalImagePullSecrets: boolean;
  /** The subcharts this line was read with that a quirk in {@link CHART_QUIRKS} may concern. */
  readonly parts: readonly Pick<ChartPart, 'path' | 'name' | 'version'>[];
  /**
   * The Deployments the chart names `<release>-<suffix>` that an install waits for (`helm template`
   * of the real chart with the wizard's values): 0.43.x renders the W&B services through
   * wandb-base aliases ending in `-bc`.
   */
  readonly deploymentSuffixes: readonly string[];
}

// Both lines: charts/operator-wandb/charts/prometheus/Chart.lock pins prometheus-community 24.5.0 as `instance`.
const PROMETHEUS_24_5: Pick<ChartPart, 'path' | 'name' | 'version'> = {
  path: 'operator-wandb/prometheus/instance',
  name: 'prometheus',
  version: '24.5.0',
};

export const CHART_LINES: Readonly<Record<ChartLineId, ChartLine>> = {
  '0.18': {
    id: '0.18',
    verifiedVersion: '0.18.0',
    images: [
      CONTROLLER,
      // HC@0.18.0 charts/operator-wandb/charts/{app,weave,parquet}/values.yaml: all `wandb/local:latest`.
      {
        id: 'local',
        source: 'docker.io/wandb/local',
        defaultTag: DEFAULT_TAGS.local,
        artifact: 'crValues',
        keys: [repo('app', 'image'), repo('weave', 'image'), repo('parquet', 'image')],
        when: 'always',
      },
      CONSOLE,
      OTEL,
      PROMETHEUS,
      CONFIG_RELOADER,
      REDIS,
      MYSQL,
    ],
    secretRefs: { license: false, mysqlPassword: false, bucketKeys: false },
    globalImagePullSecrets: false,
    parts: [PROMETHEUS_24_5],
    deploymentSuffixes: ['app', 'console', 'weave', 'parquet', 'prometheus-server'],
  },
  '0.43': {
    id: '0.43',
    verifiedVersion: '0.43.8',
    images: [
      CONTROLLER,
      // HC@0.43.8 values.yaml `app.image`: wandb/local.
      {
        id: 'local',
        source: 'docker.io/wandb/local',
        defaultTag: DEFAULT_TAGS.local,
        artifact: 'crValues',
        keys: [repo('app', 'image')],
        when: 'always',
      },
      CONSOLE,
      // HC@0.43.8 values.yaml `parquet.image` (install: true) is wandb/megabinary; `internalSignerPreHook.image`
      // (install: true, a pre-install hook) is in helm-charts HEAD values too. Helm ignores the key where
      // a version lacks it, and an unset one would pull `wandb/megabinary:latest` from Docker Hub.
      {
        id: 'megabinary',
        source: 'docker.io/wandb/megabinary',
        defaultTag: { sameAs: 'local' },
        artifact: 'crValues',
        keys: [repo('parquet', 'image'), repo('internalSignerPreHook', 'image')],
        when: 'always',
      },
      // HC@0.43.8 values.yaml `weave.image`: wandb/weave-python.
      {
        id: 'weavePython',
        source: 'docker.io/wandb/weave-python',
        defaultTag: { sameAs: 'local' },
        artifact: 'crValues',
        keys: [repo('weave', 'image')],
        when: 'always',
      },
      // HC@0.43.8 values.yaml `appRenamePreHook.image` / `appRenamePostHook.image`: alpine/k8s:1.31.12, install: true.
      {
        id: 'alpineK8s',
        source: 'docker.io/alpine/k8s',
        defaultTag: DEFAULT_TAGS.alpineK8s,
        artifact: 'crValues',
        keys: [repo('appRenamePreHook', 'image'), repo('appRenamePostHook', 'image')],
        when: 'always',
      },
      OTEL,
      PROMETHEUS,
      CONFIG_RELOADER,
      REDIS,
      MYSQL,
    ],
    secretRefs: { license: true, mysqlPassword: true, bucketKeys: true },
    globalImagePullSecrets: true,
    parts: [PROMETHEUS_24_5],
    deploymentSuffixes: ['app-bc', 'console-bc', 'weave-bc', 'parquet-bc', 'prometheus-server'],
  },
};

/** The chart line a version belongs to, and whether it is the exact line we read or only the nearest one. */
export interface ChartLineMatch {
  readonly line: ChartLine;
  /** False for any version outside the lines read (their keys are assumed; read the chart to know them). */
  readonly verified: boolean;
}

/** The oldest `operator-wandb` version the wizard accepts. */
export const OLDEST_PLATFORM_VERSION = '0.18.0';

/**
 * The nearest version line for an `operator-wandb` version: 0.18.x → 0.18 and 0.43.x → 0.43 (verified);
 * every other version from 0.18.0 on → the line of the nearest minor version (0.19–0.30 → 0.18,
 * 0.31–0.42 and anything newer than 0.43 → 0.43), unverified: the chart itself, when the wizard can
 * read it, decides its image keys. Older than 0.18.0 or not a version: null.
 */
export function chartLineFor(version: string): ChartLineMatch | null {
  let major: number;
  let minor: number;
  try {
    major = semverMajor(version);
    minor = semverMinor(version);
  } catch {
    return null;
  }
  if (major === 0 && minor < 18) return null;
  if (major === 0 && minor === 18) return { line: CHART_LINES['0.18'], verified: true };
  if (major === 0 && minor === 43) return { line: CHART_LINES['0.43'], verified: true };
  if (major === 0 && minor - 18 <= 43 - minor) return { line: CHART_LINES['0.18'], verified: false };
  return { line: CHART_LINES['0.43'], verified: false };
}

/** Human form of the accepted versions, for messages. */
export const SUPPORTED_CHART_LINES = `>= ${OLDEST_PLATFORM_VERSION}`;

/** Every image id any line uses (for forms that list overrides). */
export function catalogImage(lineId: ChartLineId, id: ImageId): CatalogImage | undefined {
  return CHART_LINES[lineId].images.find((image) => image.id === id);
}

/**
 * Images whose public home moved after the chart was published, as data: the chart's default
 * still names the old place, the mirror copies from the new one. Bitnami's Docker Hub images moved
 * to `bitnamilegacy/` (2025); the procedure's `wsm list` names `bitnamilegacy/redis` for both lines.
 */
export const MOVED_SOURCES: readonly { readonly from: string; readonly to: string }[] = [
  { from: 'docker.io/bitnami/', to: 'docker.io/bitnamilegacy/' },
];

/** A chart's public repository after {@link MOVED_SOURCES}. */
export function currentSource(source: string): string {
  const moved = MOVED_SOURCES.find((entry) => source.startsWith(entry.from));
  return moved ? `${moved.to}${source.slice(moved.from.length)}` : source;
}

/** The catalogue id of a public repository (its overrides and pinned tag apply), if it has one. */
export function catalogueIdOf(source: string): ImageId | undefined {
  const current = currentSource(source);
  for (const line of Object.values(CHART_LINES)) {
    const found = line.images.find((image) => image.source === current);
    if (found) return found.id;
  }
  return undefined;
}

/** The wizard's pinned tag of a catalogue image (`wsm list`'s), or undefined where it follows the chart. */
export function pinnedTag(id: ImageId): string | undefined {
  for (const line of Object.values(CHART_LINES)) {
    const found = line.images.find((image) => image.id === id);
    if (found && typeof found.defaultTag === 'string') return found.defaultTag;
  }
  return undefined;
}

/**
 * What the wizard knows about a subchart version that the chart's values alone do not say, as
 * data applied when the chart read (or the nearest line) has that subchart.
 */
export interface ChartQuirk {
  readonly id: 'prometheusPullSecrets';
  /** The subchart it concerns: alias path, chart name, and a semver range of its versions. */
  readonly part: { readonly path: string; readonly name: string; readonly range: string };
  /** The subchart ignores `global.imagePullSecrets`; the pull secret goes to this values key instead. */
  readonly pullSecretsAt: readonly string[];
}

export const CHART_QUIRKS: readonly ChartQuirk[] = [
  // prometheus-community prometheus 24.x templates/deploy.yaml renders `.Values.imagePullSecrets` only.
  {
    id: 'prometheusPullSecrets',
    part: { path: 'operator-wandb/prometheus/instance', name: 'prometheus', range: '24.x' },
    pullSecretsAt: ['prometheus', 'instance', 'imagePullSecrets'],
  },
];

/** The quirks that concern these chart parts. */
export function quirksFor(parts: readonly Pick<ChartPart, 'path' | 'name' | 'version'>[]): ChartQuirk[] {
  return CHART_QUIRKS.filter((quirk) =>
    parts.some(
      (part) =>
        part.path === quirk.part.path &&
        part.name === quirk.part.name &&
        semverSatisfies(part.version, quirk.part.range),
    ),
  );
}
