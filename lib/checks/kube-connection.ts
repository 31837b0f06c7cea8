import 'server-only';

import { KubeClient, type LoadedKubeConfig, openConnection } from '@/lib/kube';

import type { ChecksInput } from './input';
import type { CheckOutcome } from './types';

/** A client for the configured context, or the outcome that says why there is none. */
export type KubeConnection =
  { ok: true; client: KubeClient; loaded: LoadedKubeConfig } | { ok: false; outcome: CheckOutcome };

/**
 * Loads the kubeconfig the configuration names (the Platform step's cluster connection; the
 * input's path overrides it), pinned to `target.kubeContext`. A missing kubeconfig is `skipped`
 * with the reason; an unreadable one or an unknown context is `fail`.
 */
export function connectKube(input: ChecksInput, requestTimeoutMs: number): KubeConnection {
  const conn = openConnection(input.config.target, { kubeconfigPath: input.kubeconfigPath });
  if (!conn.ok) {
    return {
      ok: false,
      outcome: {
        status: conn.missing ? 'skipped' : 'fail',
        message: conn.missing
          ? { key: 'checks.kube.noKubeconfig', params: { where: conn.where } }
          : { key: conn.error.key, params: conn.error.params },
        remedy: { key: 'checks.kube.noKubeconfig.remedy', params: {} },
        evidence: [{ label: 'kubeconfig', response: conn.error.detail }],
      },
    };
  }
  return { ok: true, client: new KubeClient(conn.loaded.kc, { requestTimeoutMs }), loaded: conn.loaded };
}
