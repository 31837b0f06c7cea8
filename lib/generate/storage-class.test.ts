import { describe, expect, it } from 'vitest';

import { emptyMysql, PROCEDURE_EXAMPLE, storageClassPlan, type InstallConfig } from '@/lib/config';

import { buildManifests, generateArtifacts, generationNotes, importInstallConfig } from './index';
import { at } from './test-support';

/**
 * The StorageClass setting (lib/config/storage-class.ts). What the vendor's charts read, found by
 * `helm template` of operator-wandb 0.18.0, 0.30.0 and 0.43.8 (lib/charts/storage-class.int.test.ts
 * renders these values and checks every claim):
 * - `global.defaultStorageClass`: no claim of a default install;
 * - `global.storageClass`: the Redis master's volumeClaimTemplate in all three, the in-cluster
 *   MySQL PVC from 0.28.2 on; before that MySQL's pvc.yaml fails to render with any class;
 * - `prometheus.instance.server.persistentVolume.storageClass`: the Prometheus server PVC (the
 *   prometheus 24.5.0 subchart reads no global);
 * - `redis.master.persistence.storageClass`: the Redis master alone.
 */

function withClass(
  version: string,
  storageClass: string | undefined,
  mysql = PROCEDURE_EXAMPLE.mysql,
): InstallConfig {
  return {
    ...PROCEDURE_EXAMPLE,
    charts: { ...PROCEDURE_EXAMPLE.charts, platform: { ...PROCEDURE_EXAMPLE.charts.platform, version } },
    platform: { ...PROCEDURE_EXAMPLE.platform, ...(storageClass === undefined ? {} : { storageClass }) },
    mysql,
  };
}

const values = (config: InstallConfig) =>
  at(buildManifests(config, { includeSecrets: false }).wandbCr, ['spec', 'values']) as Record<
    string,
    unknown
  >;

const IN_CLUSTER = emptyMysql('in-cluster');
const PROMETHEUS_KEY = ['prometheus', 'instance', 'server', 'persistentVolume', 'storageClass'];
const REDIS_KEY = ['redis', 'master', 'persistence', 'storageClass'];

describe('storageClassPlan', () => {
  it('names the keys each chart version reads, and what stays on the default class', () => {
    expect(storageClassPlan('0.18.0', false)).toEqual({
      keys: [REDIS_KEY, PROMETHEUS_KEY],
      volumes: ['redis', 'prometheus'],
      onDefault: [],
    });
    expect(storageClassPlan('0.18.0', true).onDefault).toEqual(['mysql']);
    expect(storageClassPlan('0.28.1', true).keys).toEqual([REDIS_KEY, PROMETHEUS_KEY]);
    for (const version of ['0.28.2', '0.30.0', '0.43.8', '0.99.0', '0.44.0-rc.1'])
      for (const mysqlInCluster of [false, true])
        expect(storageClassPlan(version, mysqlInCluster), version).toMatchObject({
          keys: [['global', 'storageClass'], PROMETHEUS_KEY],
          onDefault: [],
        });
  });
});

describe('generation with a StorageClass', () => {
  it('writes nothing for an empty or absent class: the output is the same bytes', () => {
    for (const version of ['0.18.0', '0.43.8']) {
      const absent = generateArtifacts(withClass(version, undefined), { includeSecrets: false });
      const empty = generateArtifacts(withClass(version, ''), { includeSecrets: false });
      expect(empty).toEqual(absent);
      expect(absent['wandb.yaml']).not.toMatch(/storageClass/);
    }
  });

  it('0.43.8: global.storageClass (Redis, MySQL) and the Prometheus key', () => {
    for (const mysql of [PROCEDURE_EXAMPLE.mysql, IN_CLUSTER]) {
      const v = values(withClass('0.43.8', 'fast-ssd', mysql));
      expect(at(v, ['global', 'storageClass'])).toBe('fast-ssd');
      expect(at(v, PROMETHEUS_KEY)).toBe('fast-ssd');
      expect(at(v, REDIS_KEY)).toBeUndefined();
      expect(generationNotes(withClass('0.43.8', 'fast-ssd', mysql)).map((n) => n.key)).not.toContain(
        'generate.note.storageClassNotCarried',
      );
    }
  });

  it('0.18.0: Redis by its own key (a global one breaks in-cluster MySQL), and a note for MySQL', () => {
    const config = withClass('0.18.0', 'fast-ssd', IN_CLUSTER);
    const v = values(config);
    expect(at(v, ['global', 'storageClass'])).toBeUndefined();
    expect(at(v, REDIS_KEY)).toBe('fast-ssd');
    expect(at(v, PROMETHEUS_KEY)).toBe('fast-ssd');
    expect(at(v, ['mysql'])).toEqual({ install: true, image: expect.any(Object) });
    expect(generationNotes(config)).toContainEqual({
      key: 'generate.note.storageClassNotCarried',
      params: { version: '0.18.0', name: 'fast-ssd', volumes: 'MySQL', since: '0.28.2' },
    });
    expect(generationNotes(withClass('0.18.0', 'fast-ssd')).map((n) => n.key)).not.toContain(
      'generate.note.storageClassNotCarried',
    );
  });

  it('keeps the Prometheus image and pull-secret keys beside the class', () => {
    const v = values({
      ...withClass('0.43.8', 'fast-ssd'),
      registry: { ...PROCEDURE_EXAMPLE.registry, username: 'u', password: 'p' },
    });
    const server = at(v, ['prometheus', 'instance', 'server']) as Record<string, unknown>;
    expect(Object.keys(server)).toEqual(['image', 'persistentVolume']);
    expect(at(v, ['prometheus', 'instance', 'imagePullSecrets'])).toBeDefined();
  });

  it('is read back by the import, from either chart line', () => {
    for (const version of ['0.18.0', '0.43.8']) {
      const text = generateArtifacts(withClass(version, 'fast-ssd'), { includeSecrets: true })['wandb.yaml'];
      const result = importInstallConfig({ wandbYaml: text });
      expect(result.unknownKeys).toEqual([]);
      expect(result.config.platform?.storageClass).toBe('fast-ssd');
    }
    const plain = importInstallConfig({
      wandbYaml: generateArtifacts(withClass('0.43.8', undefined), { includeSecrets: true })['wandb.yaml'],
    });
    expect(plain.config.platform?.storageClass).toBeUndefined();
  });
});

describe('the runbook with a StorageClass', () => {
  it('checks the named class among the prerequisites, and says where the volumes go', () => {
    const named = generateArtifacts(withClass('0.43.8', 'fast-ssd'), { includeSecrets: false })['RUNBOOK.md'];
    expect(named).toContain('kubectl get storageclass fast-ssd');
    expect(named).toMatch(/StorageClass fast-ssd: it must exist/);
    const ja = generateArtifacts(withClass('0.43.8', 'fast-ssd'), { includeSecrets: false, locale: 'ja' })[
      'RUNBOOK.md'
    ];
    expect(ja).toContain('StorageClass fast-ssd に作成されます');
    const plain = generateArtifacts(withClass('0.43.8', ''), { includeSecrets: false })['RUNBOOK.md'];
    expect(plain).toMatch(/kubectl get storageclass\n/);
    expect(plain).not.toContain('fast-ssd');
  });
});
