import 'server-only';

import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

import { parseWwwAuthenticate } from './challenge';
import { failureFromError, type RegistryFailure } from './failure';
import {
  type Exchange,
  type HttpAnswer,
  HttpClient,
  type HttpMethod,
  mapWithConcurrency,
  type RequestBody,
  type TlsTrust,
} from './transport';

export type { RegistryFailure } from './failure';

/** The manifest media types a registry may answer with; all are sent in Accept. */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;
const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');

type WithExchanges<T> = T & { exchanges: Exchange[] };

/** Answer of {@link RegistryClient.headManifest}. */
export type ManifestResult = WithExchanges<
  | { kind: 'present'; digest: string; mediaType: string; size?: number; method: 'HEAD' | 'GET' }
  | RegistryFailure
>;

/** Answer of {@link RegistryClient.getManifest}: the manifest's exact bytes. */
export type ManifestBytesResult = WithExchanges<
  { kind: 'present'; bytes: Buffer; mediaType: string; digest: string } | RegistryFailure
>;

/** Answer of {@link RegistryClient.openBlob}: the blob's bytes as a stream. */
export type BlobResult = WithExchanges<{ kind: 'ok'; stream: Readable; size?: number } | RegistryFailure>;

/** Answer of {@link RegistryClient.ping}: the registry speaks the V2 API and, when it asks, accepted the credentials. */
export type PingResult = WithExchanges<
  | { kind: 'ok'; auth: 'none' | 'basic' | 'bearer'; authenticated: boolean; apiVersion?: string }
  | RegistryFailure
>;

/** Answer of {@link RegistryClient.listTags}. */
export type TagsResult = WithExchanges<{ kind: 'ok'; tags: string[] } | RegistryFailure>;

/** How to reach and authenticate to one registry. */
export interface RegistryClientOptions extends TlsTrust {
  /** `host[:port]` as in image references. */
  registry: string;
  /** Speak plain HTTP instead of HTTPS. */
  plainHttp?: boolean;
  username?: string;
  password?: string;
  /** Limit of each HTTP request (token requests included). Default 10 s. */
  requestTimeoutMs?: number;
  /** Connections kept open to the registry. Default 16. */
  maxSockets?: number;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

const TOKEN_DEFAULT_TTL_S = 60;
const TOKEN_MARGIN_MS = 10_000;
const MAX_TAG_PAGES = 100;

const isFailure = (x: HttpAnswer | RegistryFailure): x is RegistryFailure => 'kind' in x;
const header = (a: HttpAnswer, name: string): string | undefined => {
  const v = a.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]?.trim() ?? '';

function errorCode(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: Array<{ code?: string }> };
    return parsed.errors?.[0]?.code;
  } catch {
    return undefined;
  }
}

function bodySnippet(a: HttpAnswer): string {
  return a.body.toString('utf8', 0, Math.min(a.body.length, 300)).trim();
}

/** The `rel="next"` target of an RFC 8288 Link header, resolved against `base`; undefined when there is none. */
export function nextPageUrl(link: string | undefined, base: URL): URL | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = part.match(/^\s*<([^>]*)>(.*)$/);
    const rel = m?.[2]?.match(/;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i);
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (m && relations.includes('next')) {
      try {
        return new URL(m[1] ?? '', base);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * A client of the OCI distribution API of one registry: ping, manifest presence (HEAD, GET where
 * HEAD is refused) and tag listing, with Basic auth and the Bearer-token challenge (tokens cached
 * per scope), keep-alive connections and AbortSignal support. Every answer is a result union,
 * never a throw, so that each image's outcome can be named.
 */
export class RegistryClient {
  private readonly http: HttpClient;
  private readonly base: URL;
  private readonly timeoutMs: number;
  private authMode: 'unknown' | 'none' | 'basic' | 'bearer' = 'unknown';
  private bearer?: { realm: string; service?: string };
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pendingTokens = new Map<string, Promise<string | RegistryFailure>>();

  constructor(private readonly opts: RegistryClientOptions) {
    this.http = new HttpClient(opts, { maxSockets: opts.maxSockets });
    this.base = new URL(`${opts.plainHttp ? 'http' : 'https'}://${opts.registry}`);
    this.timeoutMs = opts.requestTimeoutMs ?? 10_000;
  }

  /** The registry's base URL (`https://host:port`). */
  get url(): string {
    return this.base.origin;
  }

  private get hasCredentials(): boolean {
    return !!this.opts.username || !!this.opts.password;
  }

  private basicHeader(): string {
    return `Basic ${Buffer.from(`${this.opts.username ?? ''}:${this.opts.password ?? ''}`).toString('base64')}`;
  }

  private async raw(
    url: URL,
    method: HttpMethod,
    headers: Record<string, string>,
    call: CallOptions & { body?: RequestBody; timeoutMs?: number; stream?: boolean },
    exchanges: Exchange[],
  ): Promise<HttpAnswer | RegistryFailure> {
    const authLabel = headers.authorization?.split(' ')[0];
    const timeoutMs = call.timeoutMs ?? this.timeoutMs;
    try {
      return await this.http.request(url, {
        method,
        headers,
        authLabel,
        signal: call.signal,
        timeoutMs,
        exchanges,
        maxBodyBytes: 8 * 1024 * 1024,
        ...(call.body !== undefined ? { body: call.body } : {}),
        ...(call.stream ? { stream: true } : {}),
      });
    } catch (e) {
      return failureFromError(e, timeoutMs);
    }
  }

  /** A Bearer token for a scope: cached, shared between concurrent callers, fetched from the realm with Basic credentials when given. */
  private async token(
    scope: string,
    call: CallOptions,
    exchanges: Exchange[],
    refresh = false,
  ): Promise<string | RegistryFailure> {
    const bearer = this.bearer;
    if (!bearer) return { kind: 'protocol-error', detail: 'no Bearer challenge seen' };
    const key = `${bearer.realm}|${bearer.service ?? ''}|${scope}`;
    const cached = this.tokens.get(key);
    if (!refresh && cached && cached.expiresAt > Date.now()) return cached.token;
    const pending = this.pendingTokens.get(key);
    if (pending) return pending;
    const p = this.fetchToken(bearer, scope, call, exchanges);
    this.pendingTokens.set(key, p);
    try {
      return await p;
    } finally {
      this.pendingTokens.delete(key);
    }
  }

  private async fetchToken(
    bearer: { realm: string; service?: string },
    scope: string,
    call: CallOptions,
    exchanges: Exchange[],
  ): Promise<string | RegistryFailure> {
    let url: URL;
    try {
      url = new URL(bearer.realm);
    } catch {
      return { kind: 'protocol-error', detail: `invalid token realm "${bearer.realm}"` };
    }
    if (bearer.service) url.searchParams.set('service', bearer.service);
    for (const s of scope.split(' ').filter(Boolean)) url.searchParams.append('scope', s);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.hasCredentials) headers.authorization = this.basicHeader();
    const answer = await this.raw(url, 'GET', headers, call, exchanges);
    if (isFailure(answer)) return answer;
    if (answer.status === 401)
      return { kind: 'unauthorized', status: 401, detail: `token service: ${bodySnippet(answer)}` };
    if (answer.status === 403)
      return { kind: 'forbidden', status: 403, detail: `token service: ${bodySnippet(answer)}` };
    if (answer.status !== 200)
      return {
        kind: 'protocol-error',
        status: answer.status,
        detail: `token service answered ${answer.status}`,
      };
    let parsed: { token?: unknown; access_token?: unknown; expires_in?: unknown; issued_at?: unknown };
    try {
      parsed = JSON.parse(answer.body.toString('utf8')) as typeof parsed;
    } catch {
      return { kind: 'protocol-error', status: 200, detail: 'token service answer is not JSON' };
    }
    const token =
      typeof parsed.token === 'string' && parsed.token
        ? parsed.token
        : typeof parsed.access_token === 'string'
          ? parsed.access_token
          : '';
    if (!token) return { kind: 'protocol-error', status: 200, detail: 'token service answer has no token' };
    const ttl =
      typeof parsed.expires_in === 'number' && parsed.expires_in > 0
        ? parsed.expires_in
        : TOKEN_DEFAULT_TTL_S;
    const issued = typeof parsed.issued_at === 'string' ? Date.parse(parsed.issued_at) : NaN;
    const from = Number.isFinite(issued) && Math.abs(issued - Date.now()) < 5 * 60_000 ? issued : Date.now();
    this.tokens.set(`${bearer.realm}|${bearer.service ?? ''}|${scope}`, {
      token,
      expiresAt: from + ttl * 1000 - TOKEN_MARGIN_MS,
    });
    return token;
  }

  /**
   * Sends a request with whatever credentials the registry asked for before; on a 401, answers
   * the challenge (Basic, or Bearer: token for the scope) and retries once.
   */
  private async send(
    method: HttpMethod,
    url: URL,
    scope: string,
    extra: Record<string, string>,
    call: CallOptions & { body?: RequestBody; timeoutMs?: number; stream?: boolean },
    exchanges: Exchange[],
  ): Promise<HttpAnswer | RegistryFailure> {
    const headers: Record<string, string> = { ...extra };
    let sent: 'none' | 'basic' | 'bearer' = 'none';
    if (this.authMode === 'basic' && this.hasCredentials) {
      headers.authorization = this.basicHeader();
      sent = 'basic';
    } else if (this.authMode === 'bearer' && this.bearer) {
      const t = await this.token(scope, { signal: call.signal }, exchanges);
      if (typeof t !== 'string') return t;
      headers.authorization = `Bearer ${t}`;
      sent = 'bearer';
    }
    const first = await this.raw(url, method, headers, call, exchanges);
    if (isFailure(first) || first.status !== 401) {
      if (!isFailure(first) && this.authMode === 'unknown') this.authMode = 'none';
      return first;
    }
    // A streamed body is gone once sent: it cannot be sent again with new credentials.
    if (call.body !== undefined && !Buffer.isBuffer(call.body))
      return { kind: 'unauthorized', status: 401, detail: 'credentials expired during an upload' };

    const challenges = parseWwwAuthenticate(first.headers['www-authenticate']);
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    const basic = challenges.find((c) => c.scheme === 'basic');
    if (bearer) {
      this.authMode = 'bearer';
      this.bearer = { realm: bearer.params.realm as string, service: bearer.params.service };
      if (sent === 'bearer' && bearer.params.error === 'insufficient_scope') {
        return {
          kind: 'forbidden',
          status: 401,
          detail: `insufficient scope: ${bearer.params.scope ?? scope}`,
        };
      }
      const t = await this.token(bearer.params.scope ?? scope, { signal: call.signal }, exchanges, true);
      if (typeof t !== 'string') return t;
      const retry = await this.raw(url, method, { ...extra, authorization: `Bearer ${t}` }, call, exchanges);
      if (!isFailure(retry) && retry.status === 401) {
        return {
          kind: 'unauthorized',
          status: 401,
          detail: this.hasCredentials ? 'the token was not accepted' : 'credentials required',
        };
      }
      return retry;
    }
    if (basic) {
      this.authMode = 'basic';
      if (!this.hasCredentials) return { kind: 'unauthorized', status: 401, detail: 'credentials required' };
      if (sent === 'basic') return { kind: 'unauthorized', status: 401, detail: 'credentials rejected' };
      const retry = await this.raw(
        url,
        method,
        { ...extra, authorization: this.basicHeader() },
        call,
        exchanges,
      );
      if (!isFailure(retry) && retry.status === 401)
        return { kind: 'unauthorized', status: 401, detail: 'credentials rejected' };
      return retry;
    }
    return {
      kind: 'unauthorized',
      status: 401,
      detail: `unsupported challenge: ${header(first, 'www-authenticate') ?? '(none)'}`,
    };
  }

  /**
   * One request of the distribution API with the registry's authentication (Basic, or a Bearer
   * token for `scope`, e.g. `repository:a/b:pull,push`): the push side of the mirror uses it.
   * `path` is a path under the registry or an absolute URL (an upload's `Location`). A streamed
   * body is sent once; send a bodiless request of the same scope first so that the credentials
   * are known.
   */
  async request(
    method: HttpMethod,
    path: string,
    scope: string,
    opts: CallOptions & {
      headers?: Record<string, string>;
      body?: RequestBody;
      timeoutMs?: number;
      exchanges?: Exchange[];
    } = {},
  ): Promise<HttpAnswer | RegistryFailure> {
    return this.send(method, new URL(path, this.base), scope, opts.headers ?? {}, opts, opts.exchanges ?? []);
  }

  /** Maps an answer that is not the success asked for to a failure (404 missing, 401, 403, other statuses). */
  unexpected(a: HttpAnswer): RegistryFailure {
    if (a.status === 404) {
      const code = errorCode(a.body);
      return code ? { kind: 'missing', status: 404, code } : { kind: 'missing', status: 404 };
    }
    if (a.status === 401) return { kind: 'unauthorized', status: 401, detail: bodySnippet(a) };
    if (a.status === 403) return { kind: 'forbidden', status: 403, detail: bodySnippet(a) };
    const body = bodySnippet(a);
    const hint = /HTTP request to an HTTPS server/i.test(body) ? ' (this port speaks HTTPS)' : '';
    return {
      kind: 'protocol-error',
      status: a.status,
      detail: `${a.status} ${a.statusMessage}${hint}${body ? `: ${body}` : ''}`,
    };
  }

  /**
   * GET /v2/: the registry speaks the distribution API; when it asks for credentials, they are
   * tried (Basic, or a Bearer token without scope, as `docker login` does).
   */
  async ping(call: CallOptions = {}): Promise<PingResult> {
    const exchanges: Exchange[] = [];
    const url = new URL('/v2/', this.base);
    const answer = await this.send('GET', url, '', {}, call, exchanges);
    if (isFailure(answer)) return { ...answer, exchanges };
    if (answer.status !== 200) return { ...this.unexpected(answer), exchanges };
    const auth = this.authMode === 'basic' || this.authMode === 'bearer' ? this.authMode : 'none';
    const apiVersion = header(answer, 'docker-distribution-api-version');
    return {
      kind: 'ok',
      auth,
      authenticated: auth !== 'none',
      ...(apiVersion ? { apiVersion } : {}),
      exchanges,
    };
  }

  /**
   * Whether `repository:reference` (tag or digest) exists: a manifest HEAD with the Accept headers
   * of Docker and OCI manifests and indexes; GET when HEAD is refused (405/501) or gives no digest.
   */
  async headManifest(repository: string, reference: string, call: CallOptions = {}): Promise<ManifestResult> {
    const exchanges: Exchange[] = [];
    const url = new URL(`/v2/${repository}/manifests/${reference}`, this.base);
    const scope = `repository:${repository}:pull`;
    const accept = { accept: MANIFEST_ACCEPT };
    const head = await this.send('HEAD', url, scope, accept, call, exchanges);
    if (isFailure(head)) return { ...head, exchanges };
    if (head.status === 200) {
      const digest = header(head, 'docker-content-digest');
      if (digest) {
        const size = Number(header(head, 'content-length'));
        return {
          kind: 'present',
          digest,
          mediaType: mediaTypeOf(header(head, 'content-type')),
          ...(Number.isFinite(size) ? { size } : {}),
          method: 'HEAD',
          exchanges,
        };
      }
    } else if (head.status !== 405 && head.status !== 501) {
      return { ...this.unexpected(head), exchanges };
    }

    const get = await this.send('GET', url, scope, accept, call, exchanges);
    if (isFailure(get)) return { ...get, exchanges };
    if (get.status !== 200) return { ...this.unexpected(get), exchanges };
    let mediaType = mediaTypeOf(header(get, 'content-type'));
    if (!mediaType || mediaType === 'application/json') {
      try {
        mediaType = String(
          (JSON.parse(get.body.toString('utf8')) as { mediaType?: unknown }).mediaType ?? mediaType,
        );
      } catch {
        // Not JSON: keep the content type as given.
      }
    }
    const digest =
      header(get, 'docker-content-digest') ?? `sha256:${createHash('sha256').update(get.body).digest('hex')}`;
    return { kind: 'present', digest, mediaType, size: get.body.length, method: 'GET', exchanges };
  }

  /**
   * The manifest (image manifest or index) of `repository:reference` as its exact bytes, with its
   * media type and digest (the registry's, checked against the bytes; a digest reference must match).
   */
  async getManifest(
    repository: string,
    reference: string,
    call: CallOptions = {},
  ): Promise<ManifestBytesResult> {
    const exchanges: Exchange[] = [];
    const url = new URL(`/v2/${repository}/manifests/${reference}`, this.base);
    const get = await this.send(
      'GET',
      url,
      `repository:${repository}:pull`,
      { accept: MANIFEST_ACCEPT },
      call,
      exchanges,
    );
    if (isFailure(get)) return { ...get, exchanges };
    if (get.status !== 200) return { ...this.unexpected(get), exchanges };
    const digest = `sha256:${createHash('sha256').update(get.body).digest('hex')}`;
    const stated = header(get, 'docker-content-digest');
    const expected = reference.startsWith('sha256:')
      ? reference
      : stated?.startsWith('sha256:')
        ? stated
        : digest;
    if (expected !== digest)
      return {
        kind: 'protocol-error',
        status: 200,
        detail: `the manifest's bytes hash to ${digest}, not ${expected}`,
        exchanges,
      };
    let mediaType = mediaTypeOf(header(get, 'content-type'));
    try {
      const stated = (JSON.parse(get.body.toString('utf8')) as { mediaType?: unknown }).mediaType;
      if (typeof stated === 'string' && (!mediaType || mediaType === 'application/json')) mediaType = stated;
    } catch {
      return { kind: 'protocol-error', status: 200, detail: 'the manifest is not JSON', exchanges };
    }
    return { kind: 'present', bytes: get.body, mediaType, digest, exchanges };
  }

  /**
   * Opens a blob for reading (`GET /v2/<repository>/blobs/<digest>`, following a redirect to
   * storage without the credentials): the bytes come as a stream, never held whole.
   */
  async openBlob(
    repository: string,
    digest: string,
    call: CallOptions & { timeoutMs?: number } = {},
  ): Promise<BlobResult> {
    const exchanges: Exchange[] = [];
    const url = new URL(`/v2/${repository}/blobs/${digest}`, this.base);
    const get = await this.send(
      'GET',
      url,
      `repository:${repository}:pull`,
      {},
      { ...call, stream: true },
      exchanges,
    );
    if (isFailure(get)) return { ...get, exchanges };
    if (get.status !== 200 || !get.stream) {
      get.stream?.destroy(); // an answer not read frees its socket
      return { ...this.unexpected(get), exchanges };
    }
    const size = Number(header(get, 'content-length'));
    return { kind: 'ok', stream: get.stream, ...(Number.isFinite(size) ? { size } : {}), exchanges };
  }

  /** {@link headManifest} for many images with at most `concurrency` in flight; results keep the input order. */
  async headManifests(
    items: ReadonlyArray<{ repository: string; reference: string }>,
    opts: CallOptions & { concurrency?: number } = {},
  ): Promise<ManifestResult[]> {
    return mapWithConcurrency(items, opts.concurrency ?? 16, (i) =>
      this.headManifest(i.repository, i.reference, opts),
    );
  }

  /** All tags of a repository (OCI chart repositories list chart versions this way), following `Link` pagination. */
  async listTags(repository: string, call: CallOptions & { pageSize?: number } = {}): Promise<TagsResult> {
    const exchanges: Exchange[] = [];
    const scope = `repository:${repository}:pull`;
    const tags: string[] = [];
    let url: URL | undefined = new URL(`/v2/${repository}/tags/list`, this.base);
    if (call.pageSize) url.searchParams.set('n', String(call.pageSize));
    for (let page = 0; url && page < MAX_TAG_PAGES; page++) {
      const answer = await this.send('GET', url, scope, { accept: 'application/json' }, call, exchanges);
      if (isFailure(answer)) return { ...answer, exchanges };
      if (answer.status !== 200) return { ...this.unexpected(answer), exchanges };
      try {
        const parsed = JSON.parse(answer.body.toString('utf8')) as { tags?: unknown };
        if (Array.isArray(parsed.tags))
          tags.push(...parsed.tags.filter((t): t is string => typeof t === 'string'));
      } catch {
        return { kind: 'protocol-error', status: 200, detail: 'tag list is not JSON', exchanges };
      }
      url = nextPageUrl(header(answer, 'link'), this.base);
    }
    return { kind: 'ok', tags, exchanges };
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.http.close();
  }
}
