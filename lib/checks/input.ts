import 'server-only';

import type { InstallConfig } from '@/lib/config';
import { kubeconfigCredentials } from '@/lib/kube/credentials';

/**
 * What every prerequisite check reads: the validated configuration (secrets included, server side
 * only) and what the wizard's machine provides that the configuration does not hold.
 */
export interface ChecksInput {
  config: InstallConfig;
  /**
   * A kubeconfig file that replaces the configuration's cluster connection (`target.kubeconfig`:
   * the host's KUBECONFIG or ~/.kube/config, a path, or an uploaded one); the context is
   * `config.target.kubeContext` ('' = the file's current context).
   */
  kubeconfigPath?: string;
  /** Environment read for `HELM` and `PATH`. Default: the server's. */
  env?: Record<string, string | undefined>;
  /** Opt-in: the bucket check writes and deletes a small test object. Default false. */
  bucketWriteTest?: boolean;
  /**
   * Opt-in: the in-cluster check creates a short-lived pod per node (pulling an image of the
   * registry), a small claim and a copy of the pull secret, and deletes them. Default false.
   */
  inClusterTest?: boolean;
  /**
   * Values to render the charts with instead of the generated ones (the rendered-images check):
   * audits a hand-written values.yaml or CR, e.g. the vendor procedure's.
   */
  renderValues?: { operator?: Record<string, unknown>; platform?: Record<string, unknown> };
}

/** Every secret value of the configuration, for the runner to remove from every result. */
export function secretsOf(config: InstallConfig): string[] {
  const out = [config.platform.license, config.registry.password, config.ingress.tls.privateKey];
  for (const chart of [config.charts.operator, config.charts.platform]) {
    if (chart.source.kind !== 'local') out.push(chart.source.password);
  }
  if (config.mysql.mode === 'external' || config.mysql.password) out.push(config.mysql.password);
  if (config.bucket.provider === 's3') out.push(config.bucket.secretKey, config.bucket.accessKey);
  if (config.bucket.provider === 'azure') out.push(config.bucket.accessKey);
  if (config.target.kubeconfig.source === 'upload')
    out.push(...kubeconfigCredentials(config.target.kubeconfig.content));
  return out.filter((s) => s.length >= 4);
}
