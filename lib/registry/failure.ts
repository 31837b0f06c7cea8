import 'server-only';

import { classifyNetworkError, type Message } from '@/lib/errors';

import { BodyTooLargeError, RequestAbortedError, RequestTimeoutError } from './transport';

/** Why a registry or chart-repository request did not give the answer asked for. */
export type RegistryFailure =
  | { kind: 'missing'; status: number; code?: string }
  | { kind: 'unauthorized'; status: number; detail: string }
  | { kind: 'forbidden'; status: number; detail: string }
  | { kind: 'tls-error'; code: string; detail: string }
  | { kind: 'unreachable'; code: string; detail: string }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'aborted' }
  | { kind: 'protocol-error'; status?: number; detail: string };

/** Classifies an error thrown by the transport: TLS, unreachable, timeout, cancel, or a protocol problem. */
export function failureFromError(e: unknown, timeoutMs: number): RegistryFailure {
  if (e instanceof RequestTimeoutError) return { kind: 'timeout', afterMs: e.timeoutMs };
  if (e instanceof RequestAbortedError) return { kind: 'aborted' };
  if (e instanceof BodyTooLargeError) return { kind: 'protocol-error', detail: e.message };
  const net = classifyNetworkError(e);
  const detail = e instanceof Error ? e.message : String(e);
  if (net?.kind === 'tls') return { kind: 'tls-error', code: net.code, detail: net.detail };
  if (net?.kind === 'timeout') return { kind: 'timeout', afterMs: timeoutMs };
  if (net?.kind === 'aborted')
    return net.timeout ? { kind: 'timeout', afterMs: timeoutMs } : { kind: 'aborted' };
  if (net) return { kind: 'unreachable', code: net.code, detail };
  const code = (e as { code?: unknown } | null)?.code;
  return { kind: 'protocol-error', detail: typeof code === 'string' ? `${code}: ${detail}` : detail };
}

/** The message naming `target` (an image, a repository, a URL) for a failure, for a check's result. */
export function registryFailureMessage(f: RegistryFailure, target: string): Message {
  switch (f.kind) {
    case 'missing':
      return { key: 'errors.registry.missing', params: { target, status: f.status } };
    case 'unauthorized':
      return { key: 'errors.registry.unauthorized', params: { target, status: f.status } };
    case 'forbidden':
      return { key: 'errors.registry.forbidden', params: { target, status: f.status } };
    case 'tls-error':
      return { key: 'errors.registry.tls', params: { target, code: f.code } };
    case 'unreachable':
      return { key: 'errors.registry.unreachable', params: { target, code: f.code } };
    case 'timeout':
      return {
        key: 'errors.registry.timeout',
        params: { target, seconds: Math.round(f.afterMs / 100) / 10 },
      };
    case 'aborted':
      return { key: 'errors.aborted', params: {} };
    case 'protocol-error':
      return {
        key: 'errors.registry.protocol',
        params: { target, status: f.status ?? '', detail: f.detail },
      };
  }
}
