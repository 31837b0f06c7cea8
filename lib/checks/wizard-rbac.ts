import 'server-only';

import type { InstallConfig } from '@/lib/config';

import { requiredAccess } from './kube-access';

/** One rule of a ClusterRole: API groups, resources and verbs. */
export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/**
 * What the checks themselves read or create besides the install's own permissions: the cluster's
 * nodes, StorageClasses and IngressClasses, the CRD and the custom resources already there, helm's
 * release Secrets in every namespace, the access reviews of the permission check, and the in-cluster
 * check's probe pods, claims and pull secrets (created, read and deleted by label); and the readiness
 * follow's StatefulSets, which a configuration with in-cluster MySQL or Redis has.
 */
const CHECK_ACCESS: ReadonlyArray<{ group: string; resource: string; verbs: readonly string[] }> = [
  { group: '', resource: 'nodes', verbs: ['list'] },
  { group: '', resource: 'namespaces', verbs: ['get'] },
  { group: '', resource: 'secrets', verbs: ['list', 'create', 'deletecollection'] },
  { group: '', resource: 'pods', verbs: ['get', 'list', 'create', 'deletecollection'] },
  { group: '', resource: 'persistentvolumeclaims', verbs: ['get', 'list', 'create', 'deletecollection'] },
  { group: '', resource: 'events', verbs: ['list'] },
  { group: 'apps', resource: 'statefulsets', verbs: ['get'] },
  { group: 'storage.k8s.io', resource: 'storageclasses', verbs: ['list'] },
  { group: 'networking.k8s.io', resource: 'ingressclasses', verbs: ['list'] },
  { group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions', verbs: ['get'] },
  { group: 'apps.wandb.com', resource: 'weightsandbiases', verbs: ['get', 'list'] },
  { group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', verbs: ['create'] },
];

/**
 * The ClusterRole rules of the wizard running in the cluster (deploy/wandb-airgap-wizard): the
 * permissions the apply plan needs for `config` (requiredAccess: apply, helm, recovery, follow)
 * and those of the checks, one rule per API group and resource, sorted. Cluster-wide, since the
 * apply creates the namespaces it then writes into. Pure.
 */
export function wizardRbacRules(config: InstallConfig): RbacRule[] {
  const verbs = new Map<string, Set<string>>();
  const add = (group: string, resource: string, vs: readonly string[]) => {
    const key = `${group}/${resource}`;
    const set = verbs.get(key) ?? new Set<string>();
    for (const v of vs) set.add(v);
    verbs.set(key, set);
  };
  for (const a of requiredAccess(config)) add(a.group, a.resource, [a.verb]);
  for (const c of CHECK_ACCESS) add(c.group, c.resource, c.verbs);
  return [...verbs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, vs]) => {
      const [group = '', resource = ''] = key.split('/');
      return { apiGroups: [group], resources: [resource], verbs: [...vs].sort() };
    });
}
