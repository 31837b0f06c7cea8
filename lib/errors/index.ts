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
  KubeError,
  MessageError,
  RegistryError,
  type RegistryFailureKind,
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
