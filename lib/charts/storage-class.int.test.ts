/**
 * The StorageClass setting against the vendor's real charts, rendered by the real Helm 3 and Helm 4:
 * with the generated values, every PersistentVolumeClaim and StatefulSet volumeClaimTemplate of a
 * default install (and of the in-cluster MySQL) names the chosen class — except the in-cluster MySQL
 * of operator-wandb before 0.28.2, whose template cannot carry one (lib/config/storage-class.ts):
 * there it names none, and the chart still renders. Without a class, no claim names one.
 * Also the finding itself: `global.defaultStorageClass` reaches no claim, and `global.storageClass`
 * breaks 0.18.0's in-cluster MySQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';

import { emptyMysql, PROCEDURE_EXAMPLE, storageClassPlan, type InstallConfig } from '@/lib/config';
import { buildManifests } from '@/lib/generate';
import { HELMS, helmTemplate, NO_HELM } from '@/test/helm';
import { HAVE_VENDOR_CHARTS, NO_VENDOR_CHARTS, vendorChartPath } from '@/test/vendor-charts';

const work = mkdtempSync(path.join(tmpdir(), 'chart-storage-class-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Claim {
  /** `PersistentVolumeClaim <name>` or `StatefulSet <name> volumeClaimTemplate <name>`. */
  readonly what: string;
  readonly storageClassName: string | undefined;
}

interface Doc {
  kind?: string;
  metadata?: { name?: string };
  spec?: {
    storageClassName?: string;
    volumeClaimTemplates?: { metadata?: { name?: string }; spec?: { storageClassName?: string } }[];
  };
}

/** Every claim the rendered chart makes, with the class it names. */
function claims(rendered: string): Claim[] {
  const out: Claim[] = [];
  for (const doc of yaml.loadAll(rendered, undefined, { json: true }) as (Doc | null)[]) {
    if (!doc) continue;
    if (doc.kind === 'PersistentVolumeClaim')
      out.push({
        what: `PersistentVolumeClaim ${doc.metadata?.name}`,
        storageClassName: doc.spec?.storageClassName,
      });
    if (doc.kind === 'StatefulSet')
      for (const t of doc.spec?.volumeClaimTemplates ?? [])
        out.push({
          what: `StatefulSet ${doc.metadata?.name} volumeClaimTemplate ${t.metadata?.name}`,
          storageClassName: t.spec?.storageClassName,
        });
  }
  return out.sort((a, b) => a.what.localeCompare(b.what));
}

function config(version: string, storageClass: string, inCluster: boolean): InstallConfig {
  return {
    ...PROCEDURE_EXAMPLE,
    charts: { ...PROCEDURE_EXAMPLE.charts, platform: { ...PROCEDURE_EXAMPLE.charts.platform, version } },
    platform: { ...PROCEDURE_EXAMPLE.platform, storageClass },
    mysql: inCluster ? emptyMysql('in-cluster') : PROCEDURE_EXAMPLE.mysql,
  };
}

const valuesOf = (c: InstallConfig) =>
  (buildManifests(c, { includeSecrets: false }).wandbCr.spec as { values: Record<string, unknown> }).values;

const skipWhy = !HAVE_VENDOR_CHARTS
  ? `(skipped: ${NO_VENDOR_CHARTS})`
  : NO_HELM
    ? `(skipped: ${NO_HELM})`
    : '';

describe.skipIf(skipWhy !== '')(`a StorageClass on the vendor's charts ${skipWhy}`, () => {
  for (const [helmName, helm] of HELMS) {
    for (const version of ['0.18.0', '0.30.0', '0.43.8']) {
      for (const inCluster of [false, true]) {
        const mysql = inCluster ? 'in-cluster MySQL' : 'external MySQL';
        it(`${helmName}, operator-wandb ${version}, ${mysql}: every claim names the class`, () => {
          const chart = vendorChartPath('operator-wandb', version);
          const named = claims(
            helmTemplate(helm, chart, valuesOf(config(version, 'fast-ssd', inCluster)), work),
          );
          const plain = claims(helmTemplate(helm, chart, valuesOf(config(version, '', inCluster)), work));
          // Redis master and Prometheus server always; the MySQL PVC with the in-cluster database.
          expect(named.map((c) => c.what)).toEqual([
            ...(inCluster ? ['PersistentVolumeClaim wandb-mysql-data'] : []),
            'PersistentVolumeClaim wandb-prometheus-server',
            'StatefulSet wandb-redis-master volumeClaimTemplate redis-data',
          ]);
          const onDefault = storageClassPlan(version, inCluster).onDefault;
          for (const claim of named)
            expect(claim.storageClassName, claim.what).toBe(
              onDefault.includes('mysql') && claim.what.includes('mysql') ? undefined : 'fast-ssd',
            );
          expect(plain.map((c) => c.what)).toEqual(named.map((c) => c.what));
          expect(plain.filter((c) => c.storageClassName !== undefined)).toEqual([]);
        });
      }
    }
  }

  it('the finding: global.defaultStorageClass reaches no claim; global.storageClass breaks 0.18.0 in-cluster MySQL', () => {
    const [, helm] = HELMS[0]!;
    for (const version of ['0.18.0', '0.30.0', '0.43.8']) {
      const base = valuesOf(config(version, '', true));
      const global = base.global as Record<string, unknown>;
      const rendered = claims(
        helmTemplate(
          helm,
          vendorChartPath('operator-wandb', version),
          { ...base, global: { ...global, defaultStorageClass: 'fast-ssd' } },
          work,
        ),
      );
      expect(
        rendered.filter((c) => c.storageClassName !== undefined),
        version,
      ).toEqual([]);
    }
    expect(() =>
      helmTemplate(
        helm,
        vendorChartPath('operator-wandb', '0.18.0'),
        { mysql: { install: true }, global: { storageClass: 'fast-ssd' } },
        work,
      ),
    ).toThrow(/mysql\/templates\/pvc\.yaml/);
  });
});
