import 'server-only';

import { storageClassOf, storageClassPlan, type PlatformVolume } from '@/lib/config';
import { toUserError } from '@/lib/errors';
import { OPERATOR_RELEASE } from '@/lib/generate';
import { isKubeError, WANDB_CR } from '@/lib/kube';

import { remainingMs } from './evidence';
import type { ChecksInput } from './input';
import { connectKube } from './kube-connection';
import type { CheckDefinition, CheckOutcome, Evidence } from './types';

type Finding = {
  status: 'pass' | 'warn' | 'fail';
  message: { key: string; params: Record<string, string | number> };
  remedy?: { key: string; params: Record<string, string | number> };
};

const RANK = { pass: 0, warn: 1, fail: 2 } as const;

/** A volume the platform chart claims by default, and where that claim comes from. */
export interface VolumeClaim {
  volume: PlatformVolume;
  workload: string;
  claim: string;
  size: string;
  source: string;
}

/**
 * The PersistentVolumeClaims operator-wandb 0.18.0 and 0.43.8 make with the wizard's values (the
 * same in both lines, read from the real charts; the integration test renders them and compares).
 * None names a StorageClass unless the Platform step names one (lib/config/storage-class.ts says
 * which keys carry it per chart version); without one each needs the default class:
 * - Redis master: redis 18.19.4 (Bitnami) `master.persistence.enabled: true`, 8Gi, a
 *   volumeClaimTemplate `redis-data` of the StatefulSet `<cr>-redis-master`;
 * - Prometheus server: prometheus 24.5.0 (alias `instance`) `server.persistentVolume.enabled: true`,
 *   8Gi, the PVC `<cr>-prometheus-server`;
 * - in-cluster MySQL: operator-wandb's `charts/mysql/templates/pvc.yaml`, `mysql.persistence.size`
 *   20Gi, the PVC `<cr>-mysql-data`.
 * The operator installs the platform chart with the custom resource's name as release name. Pure.
 */
export function defaultVolumeClaims(config: ChecksInput['config']): VolumeClaim[] {
  const cr = config.target.crName;
  const claims: VolumeClaim[] = [
    {
      volume: 'redis',
      workload: `Redis (StatefulSet ${cr}-redis-master)`,
      claim: `redis-data-${cr}-redis-master-0`,
      size: '8Gi',
      source: 'redis 18.19.4 master.persistence.enabled',
    },
    {
      volume: 'prometheus',
      workload: `Prometheus (Deployment ${cr}-prometheus-server)`,
      claim: `${cr}-prometheus-server`,
      size: '8Gi',
      source: 'prometheus 24.5.0 server.persistentVolume.enabled',
    },
  ];
  if (config.mysql.mode === 'in-cluster')
    claims.push({
      volume: 'mysql',
      workload: `MySQL (${cr}-mysql)`,
      claim: `${cr}-mysql-data`,
      size: '20Gi',
      source: 'operator-wandb charts/mysql/templates/pvc.yaml',
    });
  return claims;
}

/**
 * The operator chart's ClusterRole: `{{ include "name" . }}-manager-role`, with the chart's default
 * `nameOverride: wandb` (charts/operator/values.yaml of 1.3.3 and 1.4.8; the wizard does not change
 * it). Its name is the same in every namespace, so one cluster holds one operator release.
 */
export const OPERATOR_CLUSTER_ROLE = 'wandb-manager-role';

/**
 * Check 6: the cluster fits the configuration — the ingress class exists (else the existing ones
 * are listed), the StorageClass named in the Platform step exists (else the existing ones are
 * listed) or, without one, exactly one default StorageClass exists for the volumes the platform
 * claims by default (Redis, Prometheus, and MySQL when it runs in the cluster; a volume the chart
 * version cannot put on the named class needs the default one too), each namespace exists
 * or may be created, an operator release of another namespace or name (whose ClusterRole helm
 * would refuse to take over) fails, and an existing W&B installation (operator release, CRD,
 * custom resources) is detected and described. The most severe finding is the message; every finding is evidence.
 */
export const clusterFitCheck: CheckDefinition<ChecksInput> = {
  id: 'cluster-fit',
  titleKey: 'checks.clusterFit.title',
  strict: true,
  timeoutMs: 15_000,
  dependsOn: ['kube-api'],
  async run(input, ctx): Promise<CheckOutcome> {
    const conn = connectKube(input, remainingMs(ctx.deadline));
    if (!conn.ok) return conn.outcome;
    const { client } = conn;
    const { config } = input;
    const call = { signal: ctx.signal };
    const findings: Finding[] = [];
    const evidence: Evidence[] = [];
    const note = (label: string, f: Finding, detail: string) => {
      findings.push(f);
      evidence.push({ label, response: `${f.status}: ${detail}` });
    };
    const guard = async (label: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (e) {
        const err = toUserError(e);
        note(label, { status: 'fail', message: { key: err.key, params: err.params } }, err.detail);
      }
    };

    await Promise.all([
      guard('IngressClass', async () => {
        const wanted = config.ingress.class;
        if (!wanted) return;
        const classes = await client.listIngressClasses(call);
        const names = classes.map((c) => c.name);
        if (names.includes(wanted))
          note(
            'IngressClass',
            { status: 'pass', message: { key: 'checks.clusterFit.ingressFound', params: { name: wanted } } },
            `${wanted} exists`,
          );
        else
          note(
            'IngressClass',
            {
              status: 'fail',
              message: {
                key: 'checks.clusterFit.ingressMissing',
                params: { name: wanted, existing: names.join(', ') || '-' },
              },
              remedy: { key: 'checks.clusterFit.ingressMissing.remedy', params: {} },
            },
            `${wanted} not found; existing: ${names.join(', ') || 'none'}`,
          );
      }),
      guard('StorageClass', async () => {
        let claims = defaultVolumeClaims(config);
        const classes = await client.listStorageClasses(call);
        const existing = classes.map((c) => c.name).join(', ') || '-';
        const named = storageClassOf(config.platform);
        if (named !== '') {
          const { onDefault } = storageClassPlan(
            config.charts.platform.version,
            config.mysql.mode === 'in-cluster',
          );
          const onNamed = claims.filter((c) => !onDefault.includes(c.volume));
          const found = classes.find((c) => c.name === named);
          const params = {
            name: named,
            count: onNamed.length,
            claims: onNamed.map((c) => `${c.workload} (${c.size})`).join(', '),
            existing,
          };
          if (found)
            note(
              'StorageClass',
              {
                status: 'pass',
                message: {
                  key: 'checks.clusterFit.storageNamed',
                  params: { ...params, provisioner: found.implementation || '-' },
                },
              },
              `${named} (${found.implementation}) for ${onNamed.map((c) => `${c.claim} ${c.size}`).join(', ')}`,
            );
          else
            note(
              'StorageClass',
              {
                status: 'fail',
                message: { key: 'checks.clusterFit.storageNamedMissing', params },
                remedy: { key: 'checks.clusterFit.storageNamedMissing.remedy', params },
              },
              `platform.storageClass ${named} not found; existing: ${existing === '-' ? 'none' : existing}`,
            );
          // What the chart version cannot put on the named class still needs the default one.
          claims = claims.filter((c) => onDefault.includes(c.volume));
          if (claims.length === 0) return;
        }
        const defaults = classes.filter((c) => c.isDefault);
        const params = {
          count: claims.length,
          claims: claims.map((c) => `${c.workload} (${c.size})`).join(', '),
          existing,
        };
        if (defaults.length === 0)
          note(
            'StorageClass',
            {
              status: 'fail',
              message: { key: 'checks.clusterFit.noDefaultStorage', params },
              remedy: {
                key: 'checks.clusterFit.noDefaultStorage.remedy',
                params: { ...params, example: classes[0]?.name ?? '<class>' },
              },
            },
            `no default StorageClass; existing: ${existing}; claims: ${claims.map((c) => `${c.claim} ${c.size} from ${c.source}`).join('; ')}`,
          );
        else if (defaults.length > 1)
          note(
            'StorageClass',
            {
              status: 'warn',
              message: {
                key: 'checks.clusterFit.severalDefaultStorage',
                params: { ...params, names: defaults.map((d) => d.name).join(', ') },
              },
              remedy: { key: 'checks.clusterFit.severalDefaultStorage.remedy', params },
            },
            `several default StorageClasses: ${defaults.map((d) => d.name).join(', ')}`,
          );
        else {
          const def = defaults[0] as (typeof defaults)[number];
          note(
            'StorageClass',
            {
              status: 'pass',
              message: { key: 'checks.clusterFit.storageDefault', params: { ...params, name: def.name } },
            },
            `default ${def.name} (${def.implementation}) for ${claims.map((c) => `${c.claim} ${c.size}`).join(', ')}`,
          );
        }
      }),
      ...[...new Set([config.target.operatorNamespace, config.target.crNamespace])].map((ns) =>
        guard('Namespace', async () => {
          const existing = await client.getNamespace(ns, call);
          if (existing) {
            note(
              'Namespace',
              {
                status: 'pass',
                message: { key: 'checks.clusterFit.namespaceExists', params: { namespace: ns } },
              },
              `${ns} exists`,
            );
            return;
          }
          const [review] = await client.selfSubjectAccessReview(
            [{ verb: 'create', group: '', resource: 'namespaces' }],
            call,
          );
          if (review?.allowed)
            note(
              'Namespace',
              {
                status: 'pass',
                message: { key: 'checks.clusterFit.namespaceCreatable', params: { namespace: ns } },
              },
              `${ns} absent, may be created`,
            );
          else
            note(
              'Namespace',
              {
                status: 'fail',
                message: { key: 'checks.clusterFit.namespaceBlocked', params: { namespace: ns } },
                remedy: { key: 'checks.clusterFit.namespaceBlocked.remedy', params: { namespace: ns } },
              },
              `${ns} absent and may not be created`,
            );
        }),
      ),
      guard('operator ClusterRole', async () => {
        let owner: Awaited<ReturnType<typeof client.getClusterRoleOwner>>;
        try {
          owner = await client.getClusterRoleOwner(OPERATOR_CLUSTER_ROLE, call);
        } catch (e) {
          // May not read ClusterRoles: the access check names that permission.
          if (isKubeError(e) && e.statusCode === 403) return;
          throw e;
        }
        const { operatorNamespace } = config.target;
        if (!owner || (owner.release === OPERATOR_RELEASE && owner.namespace === operatorNamespace)) return;
        const params = {
          role: OPERATOR_CLUSTER_ROLE,
          release: owner.release || '-',
          namespace: owner.namespace || '-',
          target: operatorNamespace,
        };
        note(
          'operator ClusterRole',
          {
            status: 'fail',
            message: { key: 'checks.clusterFit.operatorElsewhere', params },
            remedy: { key: 'checks.clusterFit.operatorElsewhere.remedy', params },
          },
          `ClusterRole ${OPERATOR_CLUSTER_ROLE} belongs to release ${params.release} in ${params.namespace}`,
        );
      }),
      guard('existing installation', async () => {
        const [releases, crd] = await Promise.all([
          client.listHelmReleases(config.target.operatorNamespace, call),
          client.getCrd(WANDB_CR.crdName, call),
        ]);
        const release = releases.find((r) => r.name === OPERATOR_RELEASE);
        const objects = crd ? await client.listWeightsAndBiases(undefined, call) : [];
        const crs = objects.map((o) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`);
        const parts: string[] = [];
        if (release)
          parts.push(
            `release ${release.namespace}/${release.name} revision ${release.revision} (${release.status})`,
          );
        if (crd)
          parts.push(`CRD ${crd.name} (${crd.versions.join(', ')}${crd.established ? ', established' : ''})`);
        if (crs.length) parts.push(`WeightsAndBiases ${crs.join(', ')}`);
        if (parts.length === 0) {
          note(
            'existing installation',
            { status: 'pass', message: { key: 'checks.clusterFit.fresh', params: {} } },
            'no operator release, CRD or WeightsAndBiases found',
          );
          return;
        }
        note(
          'existing installation',
          {
            status: 'warn',
            message: { key: 'checks.clusterFit.existing', params: { found: parts.join('; ') } },
            remedy: { key: 'checks.clusterFit.existing.remedy', params: {} },
          },
          parts.join('; '),
        );
      }),
    ]);

    const worst = findings.reduce<Finding | undefined>(
      (w, f) => (!w || RANK[f.status] > RANK[w.status] ? f : w),
      undefined,
    );
    if (!worst || worst.status === 'pass') {
      return {
        status: 'pass',
        message: { key: 'checks.clusterFit.pass', params: { count: findings.length } },
        evidence,
      };
    }
    const outcome: CheckOutcome = { status: worst.status, message: worst.message, evidence };
    if (worst.remedy) outcome.remedy = worst.remedy;
    return outcome;
  },
};
