import semverSatisfies from 'semver/functions/satisfies';

/**
 * Which values put the platform's volumes on a named StorageClass, per `operator-wandb` version, as
 * data. Read from the vendor's real charts (operator-wandb 0.18.0, 0.30.0 and 0.43.8, rendered by
 * `helm template` 3.17.3 and 4.1.4 with and without `mysql.install: true`, every
 * PersistentVolumeClaim and volumeClaimTemplate looked at; `lib/charts/storage-class.int.test.ts`
 * renders the generated values again and asserts the class on every claim):
 *
 * - A default install claims two volumes in all three versions: the Redis master's
 *   volumeClaimTemplate `redis-data` (Bitnami redis 18.19.4) and the PVC `<cr>-prometheus-server`
 *   (prometheus-community prometheus 24.5.0, alias `instance`); in-cluster MySQL adds the PVC
 *   `<cr>-mysql-data` (operator-wandb's own `charts/mysql`). None names a class by default.
 * - `global.defaultStorageClass` reaches none of them (the newer Bitnami common library reads it,
 *   but only in subcharts a default install leaves off: etcd, clickhouse in 0.43.8).
 * - `global.storageClass` reaches Redis (Bitnami common `_storage.tpl`) and, from 0.28.2 on, the
 *   in-cluster MySQL (operator-wandb `templates/_storage.tpl` "wandb.storageClass").
 * - Before 0.28.2, MySQL's `charts/mysql/templates/pvc.yaml` indents the helper's line under
 *   `accessModes` (`nindent 4`) and the helper prints `.Values.storageClass` for
 *   `mysql.persistence.storageClass`: any class at all breaks the render ("did not find expected
 *   '-' indicator"). wandb/helm-charts commit 7ed2e9c6, "fix: Incorrect StorageClass ref and
 *   indent (#360)", fixed both in 0.28.2. So before 0.28.2 the generator names Redis's class by its
 *   own key, `redis.master.persistence.storageClass` (a `global.storageClass` would break an
 *   in-cluster MySQL), and MySQL's volume stays on the cluster's default class.
 * - prometheus 24.5.0 reads no global: `server.persistentVolume.storageClass` (`templates/pvc.yaml`)
 *   under the alias, `prometheus.instance.server.persistentVolume.storageClass`.
 */

/** A volume the platform chart claims by default (MySQL only when it runs in the cluster). */
export type PlatformVolume = 'redis' | 'prometheus' | 'mysql';

/** The workload a volume belongs to, as messages name it. */
export const PLATFORM_VOLUME_NAMES: Readonly<Record<PlatformVolume, string>> = {
  redis: 'Redis',
  prometheus: 'Prometheus',
  mysql: 'MySQL',
};

export interface StorageClassKey {
  /** The values key set to the class name. */
  readonly at: readonly string[];
  /** The volumes whose claims it names the class of. */
  readonly volumes: readonly PlatformVolume[];
  /** The `operator-wandb` versions (a semver range) where the key does so and renders. */
  readonly chartVersions: string;
}

/** The first operator-wandb whose in-cluster MySQL renders a StorageClass (helm-charts #360). */
export const MYSQL_STORAGE_CLASS_SINCE = '0.28.2';

export const STORAGE_CLASS_KEYS: readonly StorageClassKey[] = [
  {
    at: ['global', 'storageClass'],
    volumes: ['redis', 'mysql'],
    chartVersions: `>=${MYSQL_STORAGE_CLASS_SINCE}`,
  },
  {
    at: ['redis', 'master', 'persistence', 'storageClass'],
    volumes: ['redis'],
    chartVersions: `<${MYSQL_STORAGE_CLASS_SINCE}`,
  },
  {
    at: ['prometheus', 'instance', 'server', 'persistentVolume', 'storageClass'],
    volumes: ['prometheus'],
    chartVersions: '*',
  },
];

/** What a named StorageClass needs for one configuration. */
export interface StorageClassPlan {
  /** The values keys to set to the class, in {@link STORAGE_CLASS_KEYS} order. */
  readonly keys: readonly (readonly string[])[];
  /** The volumes this configuration claims. */
  readonly volumes: readonly PlatformVolume[];
  /** Volumes no key reaches in this chart version: they stay on the cluster's default class. */
  readonly onDefault: readonly PlatformVolume[];
}

/** The volumes claimed: Redis and Prometheus always, MySQL when it runs in the cluster. */
export function platformVolumes(mysqlInCluster: boolean): PlatformVolume[] {
  return mysqlInCluster ? ['redis', 'prometheus', 'mysql'] : ['redis', 'prometheus'];
}

/** The keys that put this configuration's volumes on a named class, for an operator-wandb version. Pure. */
export function storageClassPlan(chartVersion: string, mysqlInCluster: boolean): StorageClassPlan {
  const volumes = platformVolumes(mysqlInCluster);
  const applying = STORAGE_CLASS_KEYS.filter(
    (key) =>
      semverSatisfies(chartVersion, key.chartVersions, { includePrerelease: true }) &&
      key.volumes.some((volume) => volumes.includes(volume)),
  );
  const reached = new Set(applying.flatMap((key) => key.volumes));
  return {
    keys: applying.map((key) => key.at),
    volumes,
    onDefault: volumes.filter((volume) => !reached.has(volume)),
  };
}
