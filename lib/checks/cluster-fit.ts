import 'server-only';

import { toUserError } from '@/lib/errors';
import { OPERATOR_RELEASE } from '@/lib/generate';
import { WANDB_CR } from '@/lib/kube';

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

/**
 * Check 6: the cluster fits the configuration — the ingress class exists (else the existing ones
 * are listed), a default StorageClass exists when MySQL runs in the cluster, each namespace exists
 * or may be created, and an existing W&B installation (operator release, CRD, custom resources)
 * is detected and described. The most severe finding is the message; every finding is evidence.
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
        if (config.mysql.mode !== 'in-cluster') return;
        const classes = await client.listStorageClasses(call);
        const def = classes.find((c) => c.isDefault);
        if (def)
          note(
            'StorageClass',
            {
              status: 'pass',
              message: { key: 'checks.clusterFit.storageDefault', params: { name: def.name } },
            },
            `default ${def.name} (${def.implementation})`,
          );
        else
          note(
            'StorageClass',
            {
              status: 'fail',
              message: {
                key: 'checks.clusterFit.noDefaultStorage',
                params: { existing: classes.map((c) => c.name).join(', ') || '-' },
              },
              remedy: { key: 'checks.clusterFit.noDefaultStorage.remedy', params: {} },
            },
            `no default StorageClass; existing: ${classes.map((c) => c.name).join(', ') || 'none'}`,
          );
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
