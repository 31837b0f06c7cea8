import 'server-only';

export { errorMessages } from './messages';
export { classifyNetworkError, type NetworkFailure, type TlsFailure } from './network';
export { REDACTED, redact, redactDeep, tail } from './redact';
export {
  HelmError,
  isHelmError,
  isKubeError,
  isMessageError,
  isRegistryError,
  isStuckReleaseError,
  KubeError,
  MessageError,
  RegistryError,
  type RegistryFailureKind,
  StuckReleaseError,
} from './typed-errors';
export {
  kubeMessage,
  type Message,
  type MessageParams,
  networkMessage,
  toUserError,
  type ToUserErrorOptions,
  type UserError,
} from './user-error';
