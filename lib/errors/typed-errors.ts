import 'server-only';

/**
 * A failure answered by the Kubernetes API server, with the fields of its `Status` object.
 * `lib/kube` turns the client's `ApiException` into this so that nothing above it depends on
 * the client library's error shape.
 */
export class KubeError extends Error {
  override readonly name = 'KubeError';
  constructor(
    /** HTTP status code (401, 403, 404, 409, 422, 500, …). */
    readonly statusCode: number,
    /** `Status.reason` (Unauthorized, Forbidden, NotFound, AlreadyExists, Conflict, Invalid, …), or '' */
    readonly reason: string,
    /** `Status.message`, the API server's own sentence. */
    message: string,
    /** `Status.details` (name, group, kind, causes), when given. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** True for a {@link KubeError}. */
export function isKubeError(e: unknown): e is KubeError {
  return (
    e instanceof KubeError ||
    (e instanceof Error && e.name === 'KubeError' && typeof (e as KubeError).statusCode === 'number')
  );
}

/** `helm` ran and failed: a non-zero exit code, a signal, or a timeout. `args` contain no secrets. */
export class HelmError extends Error {
  override readonly name = 'HelmError';
  constructor(
    message: string,
    readonly details: {
      helmPath: string;
      args: string[];
      exitCode: number | null;
      signal: string | null;
      /** The last lines of stderr, secrets removed. */
      stderrTail: string;
      timedOut: boolean;
      aborted: boolean;
      /** Set when helm could not be started (ENOENT, EACCES) or its output overflowed (ERR_CHILD_PROCESS_STDIO_MAXBUFFER). */
      errorCode?: string;
    },
  ) {
    super(message);
  }
}

/** True for a {@link HelmError}. */
export function isHelmError(e: unknown): e is HelmError {
  return e instanceof HelmError;
}

/** The ways a registry or chart repository request can fail, as {@link RegistryError} carries them. */
export type RegistryFailureKind =
  | 'missing'
  | 'unauthorized'
  | 'forbidden'
  | 'tls-error'
  | 'unreachable'
  | 'timeout'
  | 'aborted'
  | 'protocol-error';

/** A registry or chart-repository failure thrown by callers that prefer exceptions to result unions. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    readonly kind: RegistryFailureKind,
    /** What was asked: an image reference, a repository or a URL. */
    readonly target: string,
    message: string,
    readonly details: { status?: number; code?: string } = {},
  ) {
    super(message);
  }
}

/** True for a {@link RegistryError}. */
export function isRegistryError(e: unknown): e is RegistryError {
  return e instanceof RegistryError;
}

/**
 * A failure that already knows its message (a key of the catalogue and its parameters), for
 * outcomes the code itself decides on — an install that does not become ready, a resource the
 * operator rejects. `message` is the raw detail shown on demand.
 */
export class MessageError extends Error {
  override readonly name = 'MessageError';
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number>,
    detail: string,
  ) {
    super(detail);
  }
}

/** True for a {@link MessageError}. */
export function isMessageError(e: unknown): e is MessageError {
  return e instanceof MessageError;
}
