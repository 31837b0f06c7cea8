import { CHART_LINES, chartLineOf, type InstallConfig } from '@/lib/config';
import { OPERATOR_DEPLOYMENT } from '@/lib/generate';

/** A workload to watch. */
export interface WorkloadRef {
  kind: 'Deployment' | 'StatefulSet';
  namespace: string;
  name: string;
}

/**
 * The workloads an install brings up (wandb-values.md §Readiness): the operator's Deployment, then
 * in the CR namespace the chart line's Deployments (0.18.x `<cr>-app`, `-console`, `-weave`,
 * `-parquet`, `-prometheus-server`; 0.43.x `<cr>-app-bc`, … as the real charts name them), and the
 * `<cr>-mysql` StatefulSet when MySQL runs in the cluster. Names whose form is unverified there
 * (Redis, the otel agent) are left out rather than guessed. Pure.
 */
export function workloadsOf(config: InstallConfig): WorkloadRef[] {
  const { operatorNamespace, crName, crNamespace } = config.target;
  const out: WorkloadRef[] = [
    { kind: 'Deployment', namespace: operatorNamespace, name: OPERATOR_DEPLOYMENT },
  ];
  const line = chartLineOf(config)?.line ?? CHART_LINES['0.18'];
  for (const suffix of line.deploymentSuffixes)
    out.push({ kind: 'Deployment', namespace: crNamespace, name: `${crName}-${suffix}` });
  if (config.mysql.mode === 'in-cluster')
    out.push({ kind: 'StatefulSet', namespace: crNamespace, name: `${crName}-mysql` });
  return out;
}
