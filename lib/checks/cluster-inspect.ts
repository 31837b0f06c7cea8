import 'server-only';

import type { InstallConfig } from '@/lib/config';
import { toUserError } from '@/lib/errors';
import {
  type ConnectionTarget,
  describeKubeSource,
  KubeClient,
  kubeSourceOf,
  loadKubeConfig,
  openConnection,
} from '@/lib/kube';

import { type AccessPurpose, describeAccess, requiredAccess } from './kube-access';
import { judgeKubeVersion, MIN_KUBE_VERSION, NEWEST_TESTED_KUBE_MINOR } from './kube-api';

/** A context of the kubeconfig, as `kubectl config get-contexts` lists it. */
export interface KubeContextInfo {
  name: string;
  cluster: string;
  server: string;
  user: string;
  namespace?: string;
}

type Message = { key: string; params: Record<string, string | number> };

/** What the Platform step shows of the cluster connection. */
export interface ClusterInspection {
  /** Where the kubeconfig was read: a path, or "uploaded kubeconfig". */
  where: string;
  /** The kubeconfig has no file at all (not connected, nothing wrong). */
  missing: boolean;
  contexts: KubeContextInfo[];
  /** The kubeconfig's own current-context. */
  currentContext: string;
  /** The context used: the configured one, else the current one. */
  context: string;
  /** Why the kubeconfig or its context cannot be used, or the API server did not answer. */
  problem?: Message;
  server?: string;
  version?: {
    gitVersion: string;
    verdict: 'pass' | 'warn' | 'fail' | 'unknown';
    /** The supported range the verdict was judged against. */
    minimum: string;
    newest: string;
  };
  /** Who the API server takes the credentials for (SelfSubjectReview). */
  identity?: { username: string; groups: string[] };
  identityProblem?: Message;
  /** The permissions the install needs, asked of the API server (SelfSubjectAccessReview). */
  access?: { total: number; missing: { purpose: AccessPurpose; what: string }[] };
  accessProblem?: Message;
  /** Namespaces of the cluster (for the namespace fields), when the identity may list them. */
  namespaces?: string[];
  /** StorageClasses of the cluster (for the StorageClass field), when the identity may list them. */
  storageClasses?: { name: string; provisioner: string; isDefault: boolean }[];
}

const asMessage = (e: unknown): Message => {
  const { key, params } = toUserError(e);
  return { key, params };
};

/**
 * Connects with the configuration's kubeconfig and context and says what the user would otherwise
 * learn from `kubectl config get-contexts`, `kubectl version`, `kubectl auth whoami` and
 * `kubectl auth can-i`: the contexts to pick from, the server and its version, who the credentials
 * are, and which of the permissions the install needs are missing; and the namespaces and
 * StorageClasses the Platform step's fields suggest. Every question to the API server
 * is asked at once, each answered or failed on its own; nothing is written to the cluster.
 */
export async function inspectCluster(
  config: InstallConfig,
  options: { requestTimeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ClusterInspection> {
  const target: ConnectionTarget = config.target;
  const source = kubeSourceOf(target);
  const { where } = describeKubeSource(source);
  // The contexts come from the file whatever the configured context is: an unknown one is picked anew.
  const whole = loadKubeConfig({ ...source, context: undefined });
  const contexts: KubeContextInfo[] = whole.value
    ? whole.value.kc.getContexts().map((c) => ({
        name: c.name,
        cluster: c.cluster,
        server: whole.value.kc.getCluster(c.cluster)?.server ?? '',
        user: c.user,
        ...(c.namespace ? { namespace: c.namespace } : {}),
      }))
    : [];
  const currentContext = whole.value?.kc.getCurrentContext() ?? '';
  const base = { where, contexts, currentContext, context: target.kubeContext || currentContext };

  const conn = openConnection(target);
  if (!conn.ok) {
    return {
      ...base,
      // With no kubeconfig at all the library invents a "loaded-context": there is nothing to pick.
      ...(conn.missing ? { contexts: [], currentContext: '', context: target.kubeContext } : {}),
      missing: conn.missing,
      problem: conn.missing
        ? { key: 'ui.cluster.missing', params: { where } }
        : { key: conn.error.key, params: { ...conn.error.params } },
    };
  }
  const client = new KubeClient(conn.loaded.kc, { requestTimeoutMs: options.requestTimeoutMs ?? 5_000 });
  const call = { signal: options.signal };
  let questions: ReturnType<typeof requiredAccess> = [];
  let questionsProblem: Message | undefined;
  try {
    questions = requiredAccess(config);
  } catch (e) {
    questionsProblem = asMessage(e);
  }
  const [version, identity, access, namespaces, storageClasses] = await Promise.allSettled([
    client.getServerVersion(call),
    client.whoAmI(call),
    questions.length ? client.selfSubjectAccessReview(questions, call) : Promise.resolve([]),
    client.listNamespaceNames(call),
    client.listStorageClasses(call),
  ]);
  const out: ClusterInspection = {
    ...base,
    context: conn.loaded.context,
    missing: false,
    server: conn.loaded.cluster.server,
  };
  if (version.status === 'rejected') {
    // No answer to GET /version: the rest failed for the same reason, one message says it.
    out.problem = asMessage(version.reason);
    return out;
  }
  out.version = {
    gitVersion: version.value.gitVersion,
    verdict: judgeKubeVersion(version.value.gitVersion),
    minimum: MIN_KUBE_VERSION,
    newest: NEWEST_TESTED_KUBE_MINOR,
  };
  if (identity.status === 'fulfilled') out.identity = identity.value;
  else out.identityProblem = asMessage(identity.reason);
  if (questionsProblem) out.accessProblem = questionsProblem;
  else if (access.status === 'fulfilled') {
    out.access = {
      total: access.value.length,
      missing: access.value
        .filter((a) => !a.allowed)
        .map((a) => ({
          purpose: (a as { purpose?: AccessPurpose }).purpose ?? 'apply',
          what: describeAccess(a),
        })),
    };
  } else out.accessProblem = asMessage(access.reason);
  if (namespaces.status === 'fulfilled') out.namespaces = namespaces.value;
  if (storageClasses.status === 'fulfilled')
    out.storageClasses = storageClasses.value
      .map((c) => ({ name: c.name, provisioner: c.implementation, isDefault: c.isDefault }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return out;
}
