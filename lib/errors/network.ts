import 'server-only';

/** What went wrong on the wire, independent of the protocol above it. */
export type NetworkFailure =
  | { kind: 'refused'; code: string; address?: string }
  | { kind: 'timeout'; code: string; address?: string }
  | { kind: 'dns'; code: string; address?: string }
  | { kind: 'reset'; code: string; address?: string }
  | { kind: 'unreachable'; code: string; address?: string }
  | { kind: 'tls'; code: string; tls: TlsFailure; address?: string; detail: string }
  | { kind: 'aborted'; code: string; timeout: boolean };

/** The TLS failures a user can act on differently. */
export type TlsFailure =
  'untrusted' | 'self-signed' | 'hostname' | 'expired' | 'not-yet-valid' | 'protocol' | 'other';

const TLS_CODES: Record<string, TlsFailure> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_REJECTED: 'untrusted',
  INVALID_CA: 'untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname',
  HOSTNAME_MISMATCH: 'hostname',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  EPROTO: 'protocol',
  ERR_SSL_WRONG_VERSION_NUMBER: 'protocol',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'protocol',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'protocol',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'other',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'other',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'other',
};

const SIMPLE: Record<string, 'refused' | 'timeout' | 'dns' | 'reset' | 'unreachable'> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  ECONNABORTED: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
};

interface ErrnoLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  host?: unknown;
  cause?: unknown;
  type?: unknown;
  errno?: unknown;
}

function addressOf(e: ErrnoLike): string | undefined {
  const host =
    typeof e.address === 'string'
      ? e.address
      : typeof e.hostname === 'string'
        ? e.hostname
        : typeof e.host === 'string'
          ? e.host
          : undefined;
  if (!host) return undefined;
  return typeof e.port === 'number' || typeof e.port === 'string' ? `${host}:${e.port}` : host;
}

/** Errors wrapped by fetch (TypeError "fetch failed" → cause), node-fetch (FetchError → .code) or AggregateError. */
function* chain(e: unknown): Generator<ErrnoLike> {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && cur && typeof cur === 'object'; depth++) {
    yield cur as ErrnoLike;
    const errors = (cur as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors[0] && typeof errors[0] === 'object') {
      yield errors[0] as ErrnoLike;
    }
    cur = (cur as ErrnoLike).cause;
  }
}

/**
 * Recognises a network, TLS or abort failure in an error from `node:net`/`node:tls`/`node:http`,
 * `fetch`, `node-fetch`, mysql2 or the AWS SDK (which all carry a Node error `code` somewhere in
 * their cause chain). Returns undefined when the error is something else.
 */
export function classifyNetworkError(e: unknown): NetworkFailure | undefined {
  for (const link of chain(e)) {
    const name = typeof link.name === 'string' ? link.name : '';
    if (name === 'TimeoutError') return { kind: 'aborted', code: 'TimeoutError', timeout: true };
    if (name === 'AbortError' || link.code === 'ABORT_ERR' || link.type === 'aborted') {
      // AbortSignal.timeout() rejects with a TimeoutError, but node:http wraps it as AbortError whose cause tells.
      const cause = link.cause as ErrnoLike | undefined;
      const timeout = !!cause && typeof cause === 'object' && cause.name === 'TimeoutError';
      return { kind: 'aborted', code: timeout ? 'TimeoutError' : 'AbortError', timeout };
    }
    const code = typeof link.code === 'string' ? link.code : undefined;
    if (!code) continue;
    const tls =
      TLS_CODES[code] ?? (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') ? 'other' : undefined);
    if (tls) {
      return {
        kind: 'tls',
        code,
        tls,
        address: addressOf(link),
        detail: typeof link.message === 'string' ? link.message : code,
      };
    }
    const simple = SIMPLE[code];
    if (simple) return { kind: simple, code, address: addressOf(link) };
  }
  return undefined;
}
