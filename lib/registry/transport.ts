import 'server-only';

import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import tls from 'node:tls';

/** How to trust a server's certificate. */
export interface TlsTrust {
  /**
   * PEM bundle of the CA(s) that issued the server certificate. When given, it is the only set of
   * trust anchors (unless `includeSystemCa`): a pass then proves the bundle the user gave is right.
   */
  ca?: string | Buffer;
  /** Trust the system's roots as well as `ca`. Default false. */
  includeSystemCa?: boolean;
  /** Skip certificate verification altogether. An explicit, visible opt-in; default false. */
  insecureSkipTlsVerify?: boolean;
}

/** One request and its answer, as text for a check's evidence. Never contains credentials. */
export interface Exchange {
  request: string;
  response?: string;
}

/** A complete HTTP answer. */
export interface HttpAnswer {
  url: URL;
  status: number;
  statusMessage: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /**
   * The body as a stream, for a request with `stream` that succeeded (2xx): `body` is then empty.
   * The caller reads it to its end or destroys it.
   */
  stream?: Readable;
}

/** Options of one request. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request body: bytes, or a stream of chunks written with backpressure (never buffered whole). */
export type RequestBody = Buffer | AsyncIterable<Buffer>;

export interface HttpRequestOptions {
  method?: HttpMethod;
  /** Sent as is; an iterable is streamed (chunked transfer encoding unless a content-length header is given). */
  body?: RequestBody;
  headers?: Record<string, string>;
  /** A label for the credentials sent, shown in the evidence instead of their value ("Basic", "Bearer"). */
  authLabel?: string;
  /** Caller's cancel (e.g. the check runner's signal). */
  signal?: AbortSignal;
  /** This request's own limit, covering connect, headers and body. */
  timeoutMs: number;
  /** Bodies above this are refused (protects memory against a wrong URL). Default 16 MiB. */
  maxBodyBytes?: number;
  /** Redirects to follow for GET (Authorization is dropped when the origin changes). Default 3. */
  maxRedirects?: number;
  /** Exchanges are appended here. */
  exchanges?: Exchange[];
  /**
   * Hand a 2xx answer's body over as a stream (a blob): `timeoutMs` then covers connect and
   * headers, and each pause of the body; other answers are read whole as usual.
   */
  stream?: boolean;
}

/** Raised when a request exceeds its own `timeoutMs` (not when the caller's signal aborts). */
export class RequestTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`no answer from ${url} within ${timeoutMs} ms`);
  }
}

/** Raised when the caller's signal aborts the request. */
export class RequestAbortedError extends Error {
  override readonly name = 'AbortError';
  readonly code = 'ABORT_ERR';
  constructor(url: string, reason: unknown) {
    super(`request to ${url} was cancelled`, { cause: reason });
  }
}

/** Raised when a body exceeds `maxBodyBytes`. */
export class BodyTooLargeError extends Error {
  readonly code = 'ERR_BODY_TOO_LARGE';
  constructor(url: string, limit: number) {
    super(`the answer from ${url} is larger than ${limit} bytes`);
  }
}

const SHOWN_HEADERS = [
  'content-type',
  'content-length',
  'docker-content-digest',
  'docker-distribution-api-version',
  'www-authenticate',
  'location',
  'link',
];

/** The answer as evidence text: status line and the headers that matter, nothing secret. */
export function describeAnswer(a: Pick<HttpAnswer, 'status' | 'statusMessage' | 'headers'>): string {
  const lines = [`${a.status} ${a.statusMessage}`.trim()];
  for (const h of SHOWN_HEADERS) {
    const v = a.headers[h];
    if (v !== undefined) lines.push(`${h}: ${Array.isArray(v) ? v.join(', ') : v}`);
  }
  return lines.join('\n');
}

/**
 * An HTTP(S) client on node:http/node:https with keep-alive agents, explicit TLS trust, a
 * per-request timeout and AbortSignal support (the socket is destroyed on abort). One instance
 * per endpoint configuration; call {@link HttpClient.close} when done.
 */
export class HttpClient {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(trust: TlsTrust = {}, opts: { maxSockets?: number; userAgent?: string } = {}) {
    const maxSockets = opts.maxSockets ?? 16;
    this.userAgent = opts.userAgent ?? 'wandb-airgap-wizard';
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    const ca =
      trust.ca === undefined
        ? undefined
        : trust.includeSystemCa
          ? [...tls.rootCertificates, trust.ca.toString()]
          : trust.ca;
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets,
      ca,
      rejectUnauthorized: !trust.insecureSkipTlsVerify,
    });
  }

  private readonly userAgent: string;

  /** Sends one request and reads the whole answer. Throws Node network/TLS errors, {@link RequestTimeoutError} or {@link RequestAbortedError}. */
  async request(url: URL, opts: HttpRequestOptions): Promise<HttpAnswer> {
    const method = opts.method ?? 'GET';
    let current = url;
    let headers = { 'user-agent': this.userAgent, ...(opts.headers ?? {}) };
    let authLabel = opts.authLabel;
    const maxRedirects = method === 'GET' ? (opts.maxRedirects ?? 3) : 0;
    for (let hop = 0; ; hop++) {
      const answer = await this.once(current, method, headers, authLabel, opts);
      const location = answer.headers.location;
      if (hop < maxRedirects && [301, 302, 303, 307, 308].includes(answer.status) && location) {
        const next = new URL(location, current);
        if (next.origin !== current.origin) {
          // Never hand credentials to another origin (a CDN or object store behind a redirect).
          headers = Object.fromEntries(
            Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
          ) as typeof headers;
          authLabel = undefined;
        }
        current = next;
        continue;
      }
      return answer;
    }
  }

  private once(
    url: URL,
    method: string,
    headers: Record<string, string>,
    authLabel: string | undefined,
    opts: HttpRequestOptions,
  ): Promise<HttpAnswer> {
    const exchange: Exchange = {
      request: `${method} ${url.href}${authLabel ? ` (${authLabel} credentials)` : ''}`,
    };
    opts.exchanges?.push(exchange);
    const maxBody = opts.maxBodyBytes ?? 16 * 1024 * 1024;
    return new Promise<HttpAnswer>((resolve, reject) => {
      let settled = false;
      const cleanup = () => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
      };
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        cleanup();
        exchange.response = `${(e as { code?: string }).code ?? e.name}: ${e.message}`;
        req.destroy(e);
        reject(e);
      };
      const onAbort = () => fail(new RequestAbortedError(url.href, opts.signal?.reason));
      const timer = setTimeout(() => fail(new RequestTimeoutError(url.href, opts.timeoutMs)), opts.timeoutMs);
      const mod = url.protocol === 'https:' ? https : http;
      const req = mod.request(url, {
        method,
        headers,
        agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
      });
      if (opts.signal?.aborted) {
        onAbort();
        return;
      }
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (e) => fail(e));
      const body = opts.body;
      if (body !== undefined && !Buffer.isBuffer(body)) {
        // Streamed body: write with backpressure; a failing source (a corrupt archive) fails the request.
        void (async () => {
          try {
            for await (const chunk of body) {
              if (settled) return;
              if (!req.write(chunk))
                await new Promise<void>((r) => {
                  const done = () => {
                    req.off('drain', done);
                    req.off('close', done);
                    r();
                  };
                  req.once('drain', done);
                  req.once('close', done);
                });
            }
            req.end();
          } catch (e) {
            fail(e instanceof Error ? e : new Error(String(e)));
          }
        })();
      }
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (opts.stream && status >= 200 && status < 300) {
          settled = true;
          cleanup();
          const answer: HttpAnswer = {
            url,
            status,
            statusMessage: res.statusMessage ?? '',
            headers: res.headers,
            body: Buffer.alloc(0),
            stream: res,
          };
          exchange.response = describeAnswer(answer);
          // A stalled body fails after timeoutMs of silence; a cancel stops it at once.
          const socket = res.socket;
          const stalled = () => res.destroy(new RequestTimeoutError(url.href, opts.timeoutMs));
          socket?.setTimeout(opts.timeoutMs, stalled);
          // The reader sees a failure when it reads; until it starts (the upload's session is opened
          // first), an error must not go unheard.
          res.on('error', () => undefined);
          const abort = () => res.destroy(new RequestAbortedError(url.href, opts.signal?.reason));
          opts.signal?.addEventListener('abort', abort, { once: true });
          res.once('close', () => {
            socket?.setTimeout(0);
            socket?.off('timeout', stalled);
            opts.signal?.removeEventListener('abort', abort);
          });
          resolve(answer);
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBody) fail(new BodyTooLargeError(url.href, maxBody));
          else chunks.push(c);
        });
        res.on('error', (e) => fail(e));
        res.on('aborted', () =>
          fail(
            Object.assign(new Error('the connection closed before the answer was complete'), {
              code: 'ECONNRESET',
            }),
          ),
        );
        res.on('end', () => {
          if (settled) return;
          settled = true;
          cleanup();
          const answer: HttpAnswer = {
            url,
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? '',
            headers: res.headers,
            body: Buffer.concat(chunks),
          };
          exchange.response = describeAnswer(answer);
          resolve(answer);
        });
      });
      if (body === undefined) req.end();
      else if (Buffer.isBuffer(body)) req.end(body);
    });
  }

  /** Closes the idle keep-alive sockets. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** Runs `fn` over `items` with at most `limit` at a time; results keep the input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
