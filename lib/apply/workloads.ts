import type { InstallConfig } from '@/lib/config';
import { OPERATOR_DEPLOYMENT } from '@/lib/generate';

/** A workload to watch. */
export interface WorkloadRef {
  kind: 'Deployment' | 'StatefulSet';
  namespace: string;
  name: string;
}

/**
 * The workloads an install brings up (wandb-values.md §Readiness): the operator's Deployment, then
 * in the CR namespace `<cr>-app`, `-console`, `-weave`, `-parquet`, `-prometheus-server`, and the
 * `<cr>-mysql` StatefulSet when MySQL runs in the cluster. Names whose form is unverified there
 * (Redis, the otel agent) are left out rather than guessed. Pure.
 */
export function workloadsOf(config: InstallConfig): WorkloadRef[] {
  const { operatorNamespace, crName, crNamespace } = config.target;
  const out: WorkloadRef[] = [
    { kind: 'Deployment', namespace: operatorNamespace, name: OPERATOR_DEPLOYMENT },
  ];
  for (const suffix of ['app', 'console', 'weave', 'parquet', 'prometheus-server'])
    out.push({ kind: 'Deployment', namespace: crNamespace, name: `${crName}-${suffix}` });
  if (config.mysql.mode === 'in-cluster')
    out.push({ kind: 'StatefulSet', namespace: crNamespace, name: `${crName}-mysql` });
  return out;
}
