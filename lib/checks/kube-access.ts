import 'server-only';

import { toUserError } from '@/lib/errors';
import type { AccessCheck, AccessResult } from '@/lib/kube';

import { exchangesToEvidence, remainingMs } from './evidence';
import type { ChecksInput } from './input';
import { connectKube } from './kube-connection';
import type { CheckDefinition, CheckOutcome } from './types';

const verbs = (list: readonly string[], group: string, resource: string, namespace?: string): AccessCheck[] =>
  list.map((verb) => ({ verb, group, resource, ...(namespace ? { namespace } : {}) }));

/**
 * Everything apply does, as SelfSubjectAccessReview questions: create the namespaces; install the
 * operator chart (its CRD, ClusterRoles and bindings, Roles, ServiceAccount, Deployment, Services,
 * the Helm release Secret) by `helm upgrade --install`; create the Secrets and the chart ConfigMap
 * and apply the WeightsAndBiases resource by server-side apply (patch). Pure.
 */
export function requiredAccess(config: ChecksInput['config']): AccessCheck[] {
  const op = config.target.operatorNamespace;
  const cr = config.target.crNamespace;
  const namespaces = [...new Set([op, cr])];
  const out: AccessCheck[] = [
    ...verbs(['get', 'create'], '', 'namespaces'),
    ...verbs(['get', 'create', 'update', 'patch'], 'apiextensions.k8s.io', 'customresourcedefinitions'),
    ...verbs(
      ['get', 'create', 'update', 'patch', 'bind', 'escalate'],
      'rbac.authorization.k8s.io',
      'clusterroles',
    ),
    ...verbs(['get', 'create', 'update', 'patch'], 'rbac.authorization.k8s.io', 'clusterrolebindings'),
    ...verbs(['get', 'create', 'update', 'patch'], 'rbac.authorization.k8s.io', 'roles', op),
    ...verbs(['get', 'create', 'update', 'patch'], 'rbac.authorization.k8s.io', 'rolebindings', op),
    ...verbs(['get', 'create', 'update', 'patch'], 'apps', 'deployments', op),
    ...verbs(['get', 'create', 'update', 'patch'], '', 'serviceaccounts', op),
    ...verbs(['get', 'create', 'update', 'patch'], '', 'services', op),
    ...verbs(['get', 'create', 'update', 'patch'], '', 'configmaps', op),
  ];
  for (const ns of namespaces)
    out.push(...verbs(['get', 'list', 'create', 'update', 'patch'], '', 'secrets', ns));
  out.push(...verbs(['get', 'create', 'patch'], 'apps.wandb.com', 'weightsandbiases', cr));
  return out;
}

/** `create clusterroles.rbac.authorization.k8s.io` or `patch deployments.apps in wandb`. */
export function describeAccess(a: AccessCheck): string {
  const resource = a.group ? `${a.resource}.${a.group}` : a.resource;
  return `${a.verb} ${resource}${a.namespace ? ` in ${a.namespace}` : ''}`;
}

/**
 * Check 2: the kubeconfig's identity may do everything apply will do, asked one
 * SelfSubjectAccessReview per verb and resource; a failure names each missing one.
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
    const evidence = answers.map((a) => ({
      label: 'SelfSubjectAccessReview',
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
    return {
      status: 'fail',
      message: {
        key: 'checks.kubeAccess.missing',
        params: {
          user,
          count: missing.length,
          total: answers.length,
          missing: missing.map(describeAccess).join(', '),
        },
      },
      remedy: { key: 'checks.kubeAccess.missing.remedy', params: { user } },
      evidence,
    };
  },
};
