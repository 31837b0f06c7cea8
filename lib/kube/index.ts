import 'server-only';

export {
  type AccessCheck,
  type AccessResult,
  type ClassInfo,
  type CrdInfo,
  FIELD_MANAGER,
  type HelmReleaseInfo,
  KubeClient,
  type KubeCallOptions,
  type ServerVersion,
  WANDB_CR,
} from './client';
export { type KubeConfigSource, loadKubeConfig, type LoadedKubeConfig } from './config';
export {
  type ClusterConnection,
  type ConnectionTarget,
  defaultKubeconfigPath,
  describeKubeSource,
  kubeSourceOf,
  openConnection,
  withKubeconfigFile,
} from './connection';
export { kubeconfigCredentials } from './credentials';
export { isKubeError, KubeError, toKubeError } from './errors';
