import 'server-only';

import { defaultKubeconfig, kubeconfigSchema, withDefaults } from '@/lib/config';
import { currentDraftId, draftStore } from '@/lib/draft';
import { type ConnectionTarget, KubeClient, openConnection } from '@/lib/kube';

/**
 * The cluster connection of the current browser's draft (the Platform step's kubeconfig choice,
 * an uploaded kubeconfig included, which only the server holds), with `context` from the form
 * when given: the form may be ahead of the last save.
 */
export async function draftConnectionTarget(context?: string): Promise<ConnectionTarget> {
  const id = await currentDraftId();
  const values = id ? (await draftStore().resolve(id)).values : undefined;
  return connectionTargetOf(values, context);
}

/** The cluster connection of draft values (laid over the defaults); an unusable kubeconfig choice is the default one. */
export function connectionTargetOf(values: unknown, context?: string): ConnectionTarget {
  const target = (withDefaults(values ?? {}) as { target?: Partial<ConnectionTarget> }).target ?? {};
  const kubeconfig = kubeconfigSchema.safeParse(target.kubeconfig);
  return {
    kubeContext: context ?? (typeof target.kubeContext === 'string' ? target.kubeContext : ''),
    kubeconfig: kubeconfig.success ? kubeconfig.data : defaultKubeconfig,
  };
}

/** A client for the draft's cluster, or the message that says why there is none (null: no kubeconfig at all). */
export async function draftClusterClient(
  context?: string,
  requestTimeoutMs = 5_000,
): Promise<
  { client: KubeClient } | { problem: { key: string; params: Record<string, string | number> } | null }
> {
  const conn = openConnection(await draftConnectionTarget(context));
  if (!conn.ok)
    return { problem: conn.missing ? null : { key: conn.error.key, params: { ...conn.error.params } } };
  return { client: new KubeClient(conn.loaded.kc, { requestTimeoutMs }) };
}
