import 'server-only';

import { classifyNetworkError, type NetworkFailure } from './network';
import { redact, tail } from './redact';
import { isHelmError, isKubeError, isMessageError, isRegistryError, KubeError } from './typed-errors';

/** Parameters of a translated message. */
export type MessageParams = Record<string, string | number>;

/** A message to translate: a key of the message catalogue and its parameters. */
export interface Message {
  key: string;
  params: MessageParams;
}

/** A failure as the user sees it: a translated message, plus the raw detail (secrets removed) to show on demand. */
export interface UserError extends Message {
  detail: string;
}

/** Options for {@link toUserError}. */
export interface ToUserErrorOptions {
  /** Secret values (passwords, keys, tokens) to remove from the detail and the parameters. */
  secrets?: ReadonlyArray<string | undefined | null>;
  /** What was being contacted (host:port, URL, image), named in messages whose error does not carry it. */
  target?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The message for a network-level failure; exported so clients with their own result unions can reuse it. */
export function networkMessage(f: NetworkFailure, target?: string): Message {
  const address = ('address' in f && f.address) || target || '';
  switch (f.kind) {
    case 'refused':
      return { key: 'errors.network.refused', params: { address } };
    case 'timeout':
      return { key: 'errors.network.timeout', params: { address } };
    case 'dns':
      return { key: 'errors.network.dns', params: { address } };
    case 'reset':
      return { key: 'errors.network.reset', params: { address } };
    case 'unreachable':
      return { key: 'errors.network.unreachable', params: { address } };
    case 'aborted':
      return f.timeout
        ? { key: 'errors.timeout', params: { address } }
        : { key: 'errors.aborted', params: {} };
    case 'tls': {
      const keys = {
        untrusted: 'errors.tls.untrusted',
        'self-signed': 'errors.tls.selfSigned',
        hostname: 'errors.tls.hostname',
        expired: 'errors.tls.expired',
        'not-yet-valid': 'errors.tls.notYetValid',
        protocol: 'errors.tls.protocol',
        other: 'errors.tls.other',
      } as const;
      return { key: keys[f.tls], params: { address, code: f.code } };
    }
  }
}

/** The message for an API-server failure, by HTTP status. */
export function kubeMessage(e: KubeError): Message {
  const params = { status: e.statusCode, reason: e.reason, message: e.message };
  switch (e.statusCode) {
    case 401:
      return { key: 'errors.kube.unauthorized', params };
    case 403:
      return { key: 'errors.kube.forbidden', params };
    case 404:
      return { key: 'errors.kube.notFound', params };
    case 409:
      return {
        key: e.reason === 'AlreadyExists' ? 'errors.kube.alreadyExists' : 'errors.kube.conflict',
        params,
      };
    case 422:
      return { key: 'errors.kube.invalid', params };
    default:
      return { key: 'errors.kube.status', params };
  }
}

// Recognisable helm stderr lines. Helm wraps Go errors as text, so this is the only handle on them.
const HELM_STDERR: Array<[RegExp, string]> = [
  // The API server refused helm (RBAC): before the repository patterns, since it also says "forbidden".
  [/is forbidden: User "[^"]*" cannot /i, 'errors.helm.kubeForbidden'],
  // Helm 4 applies CRDs server-side; fields another manager (a client-side `kubectl apply`) last
  // wrote are a conflict it will not override by itself.
  [/failed to install CRD[\s\S]*conflict/i, 'errors.helm.crdConflict'],
  [
    /x509: certificate signed by unknown authority|certificate is not trusted|failed to verify certificate/i,
    'errors.helm.tls',
  ],
  [
    /x509: certificate is valid for|doesn't contain any IP SANs|certificate is not valid for/i,
    'errors.helm.tls',
  ],
  [
    /http: server gave HTTP response to HTTPS client|tls: first record does not look like a TLS handshake/i,
    'errors.helm.tls',
  ],
  [
    /401 Unauthorized|unauthorized: authentication required|\b401\b.*unauthorized/i,
    'errors.helm.unauthorized',
  ],
  [/403 Forbidden|denied: requested access to the resource is denied/i, 'errors.helm.forbidden'],
  [
    /chart "[^"]+" version "[^"]+" not found|chart "[^"]+" matching .* not found|: not found$/im,
    'errors.helm.chartNotFound',
  ],
  [/connection refused/i, 'errors.helm.unreachable'],
  [/i\/o timeout|context deadline exceeded|Client\.Timeout exceeded/i, 'errors.helm.networkTimeout'],
  [/no such host/i, 'errors.helm.unreachable'],
  [/Kubernetes cluster unreachable/i, 'errors.helm.clusterUnreachable'],
  [/another operation \(install\/upgrade\/rollback\) is in progress/i, 'errors.helm.operationInProgress'],
  [
    /is not a valid chart repository|looks like .* is not a valid chart repository|failed to fetch .*index\.yaml/i,
    'errors.helm.badRepository',
  ],
];

function helmStderrKey(stderr: string): string | undefined {
  return HELM_STDERR.find(([re]) => re.test(stderr))?.[1];
}

const MYSQL_KEYS: Record<string, string> = {
  ER_ACCESS_DENIED_ERROR: 'errors.mysql.accessDenied',
  ER_ACCESS_DENIED_NO_PASSWORD_ERROR: 'errors.mysql.accessDenied',
  ER_DBACCESS_DENIED_ERROR: 'errors.mysql.databaseAccessDenied',
  ER_TABLEACCESS_DENIED_ERROR: 'errors.mysql.privilegeMissing',
  ER_SPECIFIC_ACCESS_DENIED_ERROR: 'errors.mysql.privilegeMissing',
  ER_BAD_DB_ERROR: 'errors.mysql.unknownDatabase',
  ER_HOST_NOT_PRIVILEGED: 'errors.mysql.hostNotAllowed',
  ER_HOST_IS_BLOCKED: 'errors.mysql.hostNotAllowed',
  ER_NOT_SUPPORTED_AUTH_MODE: 'errors.mysql.authPlugin',
  ER_CON_COUNT_ERROR: 'errors.mysql.tooManyConnections',
  PROTOCOL_CONNECTION_LOST: 'errors.mysql.connectionLost',
  HANDSHAKE_NO_SSL_SUPPORT: 'errors.mysql.noTls',
};

const S3_KEYS: Record<string, string> = {
  NoSuchBucket: 'errors.s3.noSuchBucket',
  NotFound: 'errors.s3.noSuchBucket',
  AccessDenied: 'errors.s3.accessDenied',
  Forbidden: 'errors.s3.accessDenied',
  AllAccessDisabled: 'errors.s3.accessDenied',
  InvalidAccessKeyId: 'errors.s3.invalidAccessKey',
  // versitygw's name for an access key it does not know (AWS and MinIO say InvalidAccessKeyId).
  XAdminUserNotFound: 'errors.s3.invalidAccessKey',
  SignatureDoesNotMatch: 'errors.s3.signatureMismatch',
  AuthorizationHeaderMalformed: 'errors.s3.wrongRegion',
  PermanentRedirect: 'errors.s3.wrongRegion',
  IllegalLocationConstraintException: 'errors.s3.wrongRegion',
  InvalidBucketName: 'errors.s3.invalidBucketName',
  RequestTimeTooSkewed: 'errors.s3.clockSkew',
};

interface ZodIssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

function zodIssues(e: unknown): ZodIssueLike[] | undefined {
  if (!isObject(e) || e.name !== 'ZodError' || !Array.isArray(e.issues)) return undefined;
  return e.issues.filter(
    (i): i is ZodIssueLike => isObject(i) && Array.isArray(i.path) && typeof i.message === 'string',
  );
}

/** Duck-typed `ApiException` from @kubernetes/client-node (code + Status body), for errors that escaped lib/kube. */
function kubeErrorFromApiException(e: unknown): KubeError | undefined {
  if (!(e instanceof Error) || typeof (e as { code?: unknown }).code !== 'number') return undefined;
  const { code, body } = e as unknown as { code: number; body: unknown };
  let status: unknown = body;
  if (typeof body === 'string') {
    try {
      status = JSON.parse(body);
    } catch {
      status = undefined;
    }
  }
  if (!isObject(status) || status.kind !== 'Status') return undefined;
  return new KubeError(code, str(status.reason) ?? '', str(status.message) ?? e.message, status.details);
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const extra: string[] = [];
    const o = e as unknown as Record<string, unknown>;
    for (const k of [
      'code',
      'errno',
      'sqlState',
      'syscall',
      'address',
      'port',
      'hostname',
      'statusCode',
      'reason',
    ]) {
      if (o[k] !== undefined && o[k] !== null && o[k] !== '') extra.push(`${k}=${String(o[k])}`);
    }
    const cause = e.cause instanceof Error ? `; cause: ${describe(e.cause)}` : '';
    return `${e.name}: ${e.message}${extra.length ? ` (${extra.join(', ')})` : ''}${cause}`;
  }
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

function finish(m: Message, detail: string, opts: ToUserErrorOptions): UserError {
  const secrets = opts.secrets ?? [];
  const params: MessageParams = {};
  for (const [k, v] of Object.entries(m.params)) params[k] = typeof v === 'string' ? redact(v, secrets) : v;
  return { key: m.key, params, detail: redact(detail, secrets) };
}

/**
 * The one error mapper: turns anything thrown (API-server, helm, registry, network/TLS, abort,
 * MySQL, S3, zod, file-system errors) into a translation key, its parameters and the raw detail,
 * with secrets removed. Never throws.
 */
export function toUserError(e: unknown, opts: ToUserErrorOptions = {}): UserError {
  const target = opts.target ?? '';

  if (isMessageError(e)) return finish({ key: e.key, params: { ...e.params } }, e.message, opts);

  const kube = isKubeError(e) ? e : kubeErrorFromApiException(e);
  if (kube) {
    const statusDetail = `${kube.statusCode} ${kube.reason}: ${kube.message}`;
    return finish(kubeMessage(kube), statusDetail, opts);
  }

  if (isHelmError(e)) {
    const d = e.details;
    const detail = `${d.helmPath} ${d.args.join(' ')}\nexit=${d.exitCode ?? ''} signal=${d.signal ?? ''}\n${d.stderrTail}`;
    const lastLine = d.stderrTail.trim().split('\n').pop() ?? '';
    if (d.errorCode === 'ENOENT')
      return finish({ key: 'errors.helm.notFound', params: { path: d.helmPath } }, detail, opts);
    if (d.errorCode === 'EACCES' || d.errorCode === 'ENOEXEC') {
      return finish({ key: 'errors.helm.notExecutable', params: { path: d.helmPath } }, detail, opts);
    }
    if (d.errorCode === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
      return finish({ key: 'errors.helm.outputTooLarge', params: {} }, detail, opts);
    if (d.timedOut) return finish({ key: 'errors.helm.timeout', params: { target } }, detail, opts);
    if (d.aborted) return finish({ key: 'errors.aborted', params: {} }, detail, opts);
    const key = helmStderrKey(d.stderrTail) ?? 'errors.helm.failed';
    return finish({ key, params: { exitCode: d.exitCode ?? -1, stderr: lastLine, target } }, detail, opts);
  }

  if (isRegistryError(e)) {
    const key = {
      missing: 'errors.registry.missing',
      unauthorized: 'errors.registry.unauthorized',
      forbidden: 'errors.registry.forbidden',
      'tls-error': 'errors.registry.tls',
      unreachable: 'errors.registry.unreachable',
      timeout: 'errors.registry.timeout',
      aborted: 'errors.aborted',
      'protocol-error': 'errors.registry.protocol',
    }[e.kind];
    return finish(
      { key, params: { target: e.target, status: e.details.status ?? '', code: e.details.code ?? '' } },
      describe(e),
      opts,
    );
  }

  const issues = zodIssues(e);
  if (issues) {
    const summary = issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return finish({ key: 'errors.validation', params: { count: issues.length, summary } }, summary, opts);
  }

  const net = classifyNetworkError(e);
  if (net) return finish(networkMessage(net, target), describe(e), opts);

  if (isObject(e)) {
    // mysql2: `code` ER_* / PROTOCOL_*, `sqlState`, `sqlMessage`.
    const code = str(e.code);
    if (code && (MYSQL_KEYS[code] || (code.startsWith('ER_') && 'sqlState' in e))) {
      return finish(
        {
          key: MYSQL_KEYS[code] ?? 'errors.mysql.failed',
          params: { code, message: str(e.sqlMessage) ?? str(e.message) ?? '', target },
        },
        describe(e),
        opts,
      );
    }
    // AWS SDK v3 service errors: `name` is the S3 error code, `$metadata.httpStatusCode` the status.
    if (isObject(e.$metadata)) {
      const name = str(e.name) ?? str(e.Code) ?? 'Unknown';
      const status = typeof e.$metadata.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : '';
      const meta = `${name} (HTTP ${status}, requestId=${str(e.$metadata.requestId) ?? ''})`;
      return finish(
        { key: S3_KEYS[name] ?? 'errors.s3.failed', params: { name, status, target } },
        `${meta}: ${str(e.message) ?? ''}`,
        opts,
      );
    }
    // File-system errors with a path (a kubeconfig, a CA file, a chart archive, the helm binary).
    if (code && str(e.path)) {
      const fsKeys: Record<string, string> = {
        ENOENT: 'errors.file.notFound',
        EACCES: 'errors.file.permission',
        EPERM: 'errors.file.permission',
        EISDIR: 'errors.file.isDirectory',
      };
      const key = fsKeys[code];
      if (key) return finish({ key, params: { path: str(e.path) ?? '' } }, describe(e), opts);
    }
  }

  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return finish({ key: 'errors.unknown', params: { message: tail(message, 3, 300) } }, describe(e), opts);
}
