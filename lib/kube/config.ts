import 'server-only';

import { KubeConfig } from '@kubernetes/client-node';

import { toUserError, type UserError } from '@/lib/errors';

/** Where to read the kubeconfig from and which context to use. */
export interface KubeConfigSource {
  /** Path of a kubeconfig file. */
  kubeconfigPath?: string;
  /** A kubeconfig's YAML text (uploaded in the wizard); wins over the path. */
  kubeconfigYaml?: string;
  /** Context to use; default: the file's current-context. */
  context?: string;
}

/** A loaded kubeconfig, pinned to one context. */
export interface LoadedKubeConfig {
  kc: KubeConfig;
  context: string;
  cluster: { name: string; server: string; skipTLSVerify: boolean };
  user: string;
}

/**
 * Loads a kubeconfig (YAML text, a file, or the default KUBECONFIG/~/.kube/config) with
 * @kubernetes/client-node and selects the context. Returns `{ value }` or `{ error }` (file
 * missing, YAML invalid, unknown context, context without cluster); never throws.
 *
 * TLS: the client verifies the API server against the kubeconfig's `certificate-authority(-data)`
 * (or skips verification only when the kubeconfig itself says `insecure-skip-tls-verify`).
 */
export function loadKubeConfig(
  source: KubeConfigSource = {},
): { value: LoadedKubeConfig; error?: undefined } | { value?: undefined; error: UserError } {
  const kc = new KubeConfig();
  try {
    if (source.kubeconfigYaml !== undefined) kc.loadFromString(source.kubeconfigYaml);
    else if (source.kubeconfigPath) kc.loadFromFile(source.kubeconfigPath);
    else kc.loadFromDefault();
  } catch (e) {
    const mapped = toUserError(e);
    if (mapped.key.startsWith('errors.file.')) return { error: mapped };
    return {
      error: {
        key: 'errors.kube.badKubeconfig',
        params: { message: mapped.params.message ?? mapped.detail },
        detail: mapped.detail,
      },
    };
  }
  if (source.context) {
    if (!kc.getContextObject(source.context)) {
      return {
        error: {
          key: 'errors.kube.noContext',
          params: { context: source.context },
          detail: `contexts: ${kc
            .getContexts()
            .map((c) => c.name)
            .join(', ')}`,
        },
      };
    }
    kc.setCurrentContext(source.context);
  }
  const context = kc.getCurrentContext();
  const cluster = kc.getCurrentCluster();
  if (!cluster) return { error: { key: 'errors.kube.noCluster', params: { context }, detail: '' } };
  return {
    value: {
      kc,
      context,
      cluster: { name: cluster.name, server: cluster.server, skipTLSVerify: !!cluster.skipTLSVerify },
      user: kc.getCurrentUser()?.name ?? '',
    },
  };
}
