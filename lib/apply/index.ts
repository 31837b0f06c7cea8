import 'server-only';

export {
  type ApplyPlan,
  type ApplyStep,
  buildApplyPlan,
  helmApplyArgs,
  helmChartSource,
  type KubeObject,
  type OperatorChart,
  type StepSummary,
  summarizeStep,
} from './plan';
export { workloadsOf, type WorkloadRef } from './workloads';
export {
  type CrReadiness,
  followInstall,
  readReadiness,
  type ReadinessReport,
  waitCrdEstablished,
  waitDeploymentAvailable,
  type WorkloadReadiness,
} from './follow';
export {
  type ApplyEvent,
  type ApplyOutcome,
  runApplyPlan,
  type RunApplyOptions,
  type StepChange,
} from './run';
export { dryRunApply } from './dry-run';
