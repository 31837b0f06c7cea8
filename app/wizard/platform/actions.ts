'use server';

import { type ClusterInspection, inspectCluster } from '@/lib/checks/cluster-inspect';
import { type InstallConfig, withDefaults } from '@/lib/config';
import { currentDraftId, draftStore } from '@/lib/draft';
import { toUserError } from '@/lib/errors';

import { type ActionResult, fail, ok } from '../../action-result';
import { connectionTargetOf } from '../cluster';

/**
 * Connects to the cluster the saved draft names (its kubeconfig choice and context) and reports
 * the contexts, the server and version, the identity and the permissions the install lacks. Reads
 * only; the browser saves (flushes) the form first.
 */
export async function inspectDraftCluster(): Promise<ActionResult<ClusterInspection>> {
  const id = await currentDraftId();
  if (!id) return fail('ui.error.noSession');
  try {
    const { values } = await draftStore().resolve(id);
    const config = withDefaults(values ?? {}) as InstallConfig;
    const target = { ...config.target, ...connectionTargetOf(values) };
    return ok(await inspectCluster({ ...config, target }));
  } catch (e) {
    const { key, params } = toUserError(e);
    return fail(key, params);
  }
}
