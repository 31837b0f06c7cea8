import 'server-only';

import { KubeClient, loadKubeConfig, type LoadedKubeConfig } from '@/lib/kube';

import type { ChecksInput } from './input';
import type { CheckOutcome } from './types';

/** A client for the configured context, or the outcome that says why there is none. */
export type KubeConnection =
  { ok: true; client: KubeClient; loaded: LoadedKubeConfig } | { ok: false; outcome: CheckOutcome };

/**
 * Loads the kubeconfig as kubectl does (the input's path, else KUBECONFIG, else ~/.kube/config),
 * pinned to `target.kubeContext`. A missing kubeconfig is `skipped` with the reason; an unreadable
 * one or an unknown context is `fail`.
 */
export function connectKube(input: ChecksInput, requestTimeoutMs: number): KubeConnection {
  const context = input.config.target.kubeContext || undefined;
  const loaded = loadKubeConfig({ kubeconfigPath: input.kubeconfigPath, context });
  if (loaded.error) {
    const missingFile = loaded.error.key.startsWith('errors.file.');
    return {
      ok: false,
      outcome: {
        status: missingFile ? 'skipped' : 'fail',
        message: missingFile
          ? {
              key: 'checks.kube.noKubeconfig',
              params: { where: input.kubeconfigPath ?? process.env.KUBECONFIG ?? '~/.kube/config' },
            }
          : { key: loaded.error.key, params: loaded.error.params },
        remedy: { key: 'checks.kube.noKubeconfig.remedy', params: {} },
        evidence: [{ label: 'kubeconfig', response: loaded.error.detail }],
      },
    };
  }
  // The default kubeconfig with no cluster at all loads as an empty "localhost:8080" cluster.
  if (
    !input.kubeconfigPath &&
    !process.env.KUBECONFIG &&
    loaded.value.cluster.server === 'http://localhost:8080'
  ) {
    return {
      ok: false,
      outcome: {
        status: 'skipped',
        message: { key: 'checks.kube.noKubeconfig', params: { where: '~/.kube/config' } },
        remedy: { key: 'checks.kube.noKubeconfig.remedy', params: {} },
      },
    };
  }
  return { ok: true, client: new KubeClient(loaded.value.kc, { requestTimeoutMs }), loaded: loaded.value };
}
