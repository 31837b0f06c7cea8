import 'server-only';

import { toUserError } from '@/lib/errors';
import { buildApplyPlan } from '@/lib/apply/plan';
import { workloadsOf } from '@/lib/apply/workloads';
import { buildManifests } from '@/lib/generate';
import type { AccessCheck, AccessResult } from '@/lib/kube';

import { exchangesToEvidence, remainingMs } from './evidence';
import type { ChecksInput } from './input';
import { connectKube } from './kube-connection';
import type { CheckDefinition, CheckOutcome } from './types';

/** Which part of the wizard's work needs a permission. Only `follow` is not needed to install. */
export type AccessPurpose = 'apply' | 'helm' | 'recovery' | 'follow';

/** One permission the wizard needs, and why. */
export interface AccessNeed extends AccessCheck {
  purpose: AccessPurpose;
}

/** API group and plural resource of each kind the wizard creates, reads or deletes. */
const RESOURCES: Record<string, { group: string; resource: string; namespaced: boolean }> = {
  Namespace: { group: '', resource: 'namespaces', namespaced: false },
  Secret: { group: '', resource: 'secrets', namespaced: true },
  ConfigMap: { group: '', resource: 'configmaps', namespaced: true },
  ServiceAccount: { group: '', resource: 'serviceaccounts', namespaced: true },
  Service: { group: '', resource: 'services', namespaced: true },
  Pod: { group: '', resource: 'pods', namespaced: true },
  Event: { group: '', resource: 'events', namespaced: true },
  Deployment: { group: 'apps', resource: 'deployments', namespaced: true },
  StatefulSet: { group: 'apps', resource: 'statefulsets', namespaced: true },
  Role: { group: 'rbac.authorization.k8s.io', resource: 'roles', namespaced: true },
  RoleBinding: { group: 'rbac.authorization.k8s.io', resource: 'rolebindings', namespaced: true },
  ClusterRole: { group: 'rbac.authorization.k8s.io', resource: 'clusterroles', namespaced: false },
  ClusterRoleBinding: {
    group: 'rbac.authorization.k8s.io',
    resource: 'clusterrolebindings',
    namespaced: false,
  },
  CustomResourceDefinition: {
    group: 'apiextensions.k8s.io',
    resource: 'customresourcedefinitions',
    namespaced: false,
  },
  WeightsAndBiases: { group: 'apps.wandb.com', resource: 'weightsandbiases', namespaced: true },
};

/**
 * The kinds the operator chart installs with the wizard's values (namespaceIsolation off), as
 * `helm template` renders operator 1.3.3 and 1.4.8: the manager's ClusterRole and binding, the
 * leader-election Role and binding, the ServiceAccount, the Deployment and a ConfigMap in the
 * operator's namespace; the CRD comes from `crds/` (created once, never upgraded or deleted by
 * helm). The integration test renders the real charts and fails when a kind is missing here.
 */
export const OPERATOR_CHART_KINDS = [
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'ServiceAccount',
  'Deployment',
  'ConfigMap',
] as const;

/** Server-side apply: read the object first, then a PATCH that creates it or changes it. */
const SSA = ['get', 'create', 'patch'] as const;
/**
 * helm on the objects of a release: install creates, upgrade reads and patches (or updates with
 * --force), and deletes what the new chart no longer has (pruning); rollback does the same towards
 * an older revision, and uninstall deletes them all.
 */
const HELM_OBJECT = ['get', 'list', 'create', 'patch', 'update', 'delete'] as const;
/** helm's release storage: one Secret per revision, read, listed, created, updated, and deleted (history limit, uninstall). */
const HELM_STORAGE = ['get', 'list', 'create', 'update', 'delete'] as const;

function needsOf(
  purpose: AccessPurpose,
  kind: string,
  verbs: readonly string[],
  namespace?: string,
): AccessNeed[] {
  const r = RESOURCES[kind];
  if (!r) throw new Error(`no resource known for kind ${kind}`);
  return verbs.map((verb) => ({
    purpose,
    verb,
    group: r.group,
    resource: r.resource,
    ...(r.namespaced && namespace ? { namespace } : {}),
  }));
}

/**
 * Every permission the wizard needs, derived from what it does: the apply plan's steps (namespaces,
 * Secrets and the chart ConfigMap by server-side apply, the operator chart by helm, the waits, the
 * custom resource), helm's release storage and its rollback/uninstall/pruning deletes (stuck-release
 * recovery), and the readiness follow's reads (the CR and its events, each workload, the pods of
 * each workload's namespace). Duplicates are removed, the first purpose kept. Pure.
 */
export function requiredAccess(config: ChecksInput['config']): AccessNeed[] {
  const plan = buildApplyPlan(config, buildManifests(config, { includeSecrets: false }));
  const out: AccessNeed[] = [];
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'namespace':
      case 'secret':
      case 'customResource':
        out.push(...needsOf('apply', step.object.kind, SSA, step.object.metadata.namespace));
        break;
      case 'chartsConfigMap':
        out.push(...needsOf('apply', 'ConfigMap', SSA, step.namespace));
        break;
      case 'helm': {
        const ns = step.chart.namespace;
        out.push(...needsOf('helm', 'Namespace', ['get', 'create'])); // --create-namespace
        out.push(...needsOf('helm', 'CustomResourceDefinition', ['get', 'create']));
        for (const kind of OPERATOR_CHART_KINDS) {
          out.push(...needsOf('helm', kind, ['get', 'create', 'patch'], ns));
          out.push(...needsOf('recovery', kind, HELM_OBJECT, ns));
        }
        // Creating the manager's ClusterRole and binding needs its permissions, or these two verbs.
        out.push(...needsOf('helm', 'ClusterRole', ['bind', 'escalate']));
        out.push(...needsOf('helm', 'Secret', HELM_STORAGE, ns));
        break;
      }
      case 'waitCrd':
        out.push(...needsOf('apply', 'CustomResourceDefinition', ['get']));
        break;
      case 'waitDeployment':
        out.push(...needsOf('apply', 'Deployment', ['get'], step.namespace));
        break;
      case 'follow': {
        out.push(...needsOf('follow', 'WeightsAndBiases', ['get'], step.crNamespace));
        out.push(...needsOf('follow', 'Event', ['list'], step.crNamespace));
        const workloads = workloadsOf(config);
        for (const w of workloads) out.push(...needsOf('follow', w.kind, ['get'], w.namespace));
        for (const ns of new Set(workloads.map((w) => w.namespace)))
          out.push(...needsOf('follow', 'Pod', ['list'], ns));
        break;
      }
    }
  }
  const seen = new Set<string>();
  return out.filter((a) => {
    const key = describeAccess(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `create clusterroles.rbac.authorization.k8s.io` or `patch deployments.apps in wandb`. */
export function describeAccess(a: AccessCheck): string {
  const resource = a.group ? `${a.resource}.${a.group}` : a.resource;
  return `${a.verb} ${resource}${a.namespace ? ` in ${a.namespace}` : ''}`;
}

/**
 * Check 2: the kubeconfig's identity may do everything the wizard will do, asked one
 * SelfSubjectAccessReview per verb and resource. A missing permission of the install, of helm or
 * of its rollback/uninstall/pruning fails (each is named, by purpose); one the readiness follow
 * alone needs is a warning (the install works, the wizard cannot watch it).
 */
export const kubeAccessCheck: CheckDefinition<ChecksInput> = {
  id: 'kube-access',
  titleKey: 'checks.kubeAccess.title',
  strict: true,
  timeoutMs: 15_000,
  dependsOn: ['kube-api'],
  async run(input, ctx): Promise<CheckOutcome> {
    const conn = connectKube(input, remainingMs(ctx.deadline));
    if (!conn.ok) return conn.outcome;
    const questions = requiredAccess(input.config);
    const exchanges: Array<{ request: string; response?: string }> = [];
    let answers: AccessResult[];
    try {
      answers = await conn.client.selfSubjectAccessReview(questions, { signal: ctx.signal, exchanges });
    } catch (e) {
      const err = toUserError(e);
      return {
        status: 'fail',
        message: { key: err.key, params: err.params },
        evidence: [
          ...exchangesToEvidence('SelfSubjectAccessReview', exchanges.slice(0, 3)),
          { label: 'error', response: err.detail },
        ],
      };
    }
    const purposeOf = (a: AccessResult) =>
      (a as AccessResult & { purpose?: AccessPurpose }).purpose ?? 'apply';
    const evidence = answers.map((a) => ({
      label: `SelfSubjectAccessReview (${purposeOf(a)})`,
      request: `can-i ${describeAccess(a)}`,
      response: a.allowed
        ? 'allowed'
        : `denied${a.reason ? `: ${a.reason}` : ''}${a.evaluationError ? ` (${a.evaluationError})` : ''}`,
    }));
    const missing = answers.filter((a) => !a.allowed);
    const user = conn.loaded.user;
    if (missing.length === 0)
      return {
        status: 'pass',
        message: { key: 'checks.kubeAccess.pass', params: { count: answers.length, user } },
        evidence,
      };
    const list = (purposes: AccessPurpose[]) =>
      missing
        .filter((a) => purposes.includes(purposeOf(a)))
        .map(describeAccess)
        .join(', ');
    const blocking = missing.filter((a) => purposeOf(a) !== 'follow');
    const params = {
      user,
      count: missing.length,
      total: answers.length,
      apply: list(['apply', 'helm']) || '-',
      recovery: list(['recovery']) || '-',
      follow: list(['follow']) || '-',
      missing: missing.map(describeAccess).join(', '),
    };
    if (blocking.length === 0)
      return {
        status: 'warn',
        message: { key: 'checks.kubeAccess.followOnly', params },
        remedy: { key: 'checks.kubeAccess.followOnly.remedy', params },
        evidence,
      };
    return {
      status: 'fail',
      message: { key: 'checks.kubeAccess.missing', params },
      remedy: { key: 'checks.kubeAccess.missing.remedy', params },
      evidence,
    };
  },
};
