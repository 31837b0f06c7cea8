import { IncomingMessage, type ServerResponse } from 'node:http';

import { negotiateLocale } from '@/app/locale-negotiation';
import { GATE_HEADER_PREFIX, GATE_HEADERS } from '@/lib/session/protocol';

import { checkActionBody } from './action-body';
import { publicSigninCommand } from './options';
import { type GatePage, renderPage } from './pages';
import type { Session, SessionStore } from './sessions';

/** What the gate knows of the built application: its action ids and route handler paths. */
export interface AppIndex {
  /** Server action ids; null in development, where they change with every edit. */
  actionIds: ReadonlySet<string> | null;
  /** Paths of route handlers (they take POST bodies of their own). */
  routeHandlers: readonly RegExp[];
}

export interface GateOptions {
  sessions: SessionStore;
  /** Host names (lowercase, IPv6 in brackets) a request may name. */
  allowedHosts: ReadonlySet<string>;
  port: number;
  https: boolean;
  /** Largest request body, in bytes (server actions and route handlers). */
  bodyLimit: number;
  /** The per-process secret the application checks the gate's headers with. */
  secret: string;
  app: () => AppIndex;
  /** The command that prints a new sign-in URL, as the user started the wizard (`signinUrlCommand`). */
  signinCommand?: string;
}

/** The session cookie: `__Host-` under HTTPS (bound to this origin, Secure, Path=/). */
export function sessionCookieName(https: boolean): string {
  return https ? '__Host-wizard-session' : 'wizard-session';
}

/** Cookies of a request header. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/** `host[:port]` of a Host header: lowercase name (IPv6 in brackets) and port, or null when malformed. */
export function parseHostHeader(value: string | undefined): { name: string; port: number | null } | null {
  if (!value || value.length > 255) return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!m) return null;
  return { name: m[1]!.toLowerCase().replace(/\.$/, ''), port: m[2] === undefined ? null : Number(m[2]) };
}

/** True when every `%` of the text starts a valid escape and the escapes decode to UTF-8. */
export function validPercentEncoding(text: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return false;
  try {
    decodeURIComponent(text.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/** Removes every header a client may use to pose as the gate or as a proxy in front of it. */
function stripTrustedHeaders(req: IncomingMessage): void {
  for (const name of Object.keys(req.headers)) {
    if (
      name.startsWith(GATE_HEADER_PREFIX) ||
      name.startsWith('x-forwarded-') ||
      name === 'forwarded' ||
      name.startsWith('x-middleware-') ||
      name.startsWith('x-invoke-') ||
      name === 'x-matched-path' ||
      name === 'x-now-route-matches' ||
      name === 'x-nextjs-data'
    )
      delete req.headers[name];
  }
}

/** A request whose body has been read: Next.js reads it again from here. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.complete = true;
  copy._read = () => undefined;
  copy.push(body);
  copy.push(null);
  return copy;
}

class TooLarge extends Error {}

/** Reads a body of at most `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The one place every request passes before the application: a Host the wizard serves (DNS
 * rebinding), a valid session (sign-in with a one-time token), the wizard's own Origin for
 * anything that is not GET/HEAD, a body within the limit, valid percent-encoding, and server
 * action bodies of plain data. Refusals are typed 4xx answers with a clear message, never a
 * 500. Requests that pass reach Next.js with the session in headers it alone can set.
 */
export function createGate(options: GateOptions) {
  const cookieName = sessionCookieName(options.https);
  const scheme = options.https ? 'https' : 'http';
  const defaultPort = options.https ? 443 : 80;
  const command = options.signinCommand ?? 'npm run signin-url';
  const signinParams = {
    command: publicSigninCommand(command),
    draftCommand: publicSigninCommand(command, '--draft <id>'),
    listCommand: publicSigninCommand(command, '--list'),
  };

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    page: GatePage,
    extra: Record<string, string | string[]> = {},
  ): void {
    const locale = negotiateLocale(req.headers['accept-language']);
    const html = req.method === 'GET' && /text\/html/.test(req.headers.accept ?? '');
    const { body, contentType } = renderPage(page, locale, html);
    res.writeHead(status, {
      'Content-Type': contentType,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      ...extra,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function cookieHeader(value: string, maxAge: number): string {
    return [
      `${cookieName}=${value}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${maxAge}`,
      ...(options.https ? ['Secure'] : []),
    ].join('; ');
  }

  function pass(req: IncomingMessage, session: Session): void {
    req.headers[GATE_HEADERS.secret] = options.secret;
    req.headers[GATE_HEADERS.session] = session.publicId;
    req.headers[GATE_HEADERS.draft] = session.draftId;
    req.headers[GATE_HEADERS.since] = session.createdAt;
    req.headers[GATE_HEADERS.peer] = session.peer;
  }

  return async function gate(
    req: IncomingMessage,
    res: ServerResponse,
    next: (req: IncomingMessage, res: ServerResponse) => unknown,
  ): Promise<void> {
    stripTrustedHeaders(req);
    const host = parseHostHeader(req.headers.host);
    if (!host) return send(req, res, 400, { key: 'server.badHost' });
    if (!options.allowedHosts.has(host.name) || (host.port ?? defaultPort) !== options.port)
      return send(req, res, 403, { key: 'server.foreignHost', params: { host: req.headers.host ?? '' } });
    const rawUrl = req.url ?? '';
    if (!rawUrl.startsWith('/') || rawUrl.startsWith('//'))
      return send(req, res, 400, { key: 'server.badUrl' });
    if (!validPercentEncoding(rawUrl)) return send(req, res, 400, { key: 'server.badEncoding' });
    const url = new URL(rawUrl, `${scheme}://localhost`);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST')
      return send(req, res, 405, { key: 'server.badMethod' }, { Allow: 'GET, HEAD, POST' });

    // Anything that changes state comes from a page of this origin, and only from one. A form
    // posted from a page with `Referrer-Policy: no-referrer` says `Origin: null`; then the
    // browser's own Sec-Fetch-Site (which no page can set) must say same-origin.
    if (method === 'POST') {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      const expected = `${scheme}://${req.headers.host}`;
      const sameOrigin =
        (origin === expected && (site === undefined || site === 'same-origin')) ||
        (origin === 'null' && site === 'same-origin' && url.pathname === '/signout');
      if (!sameOrigin)
        return send(req, res, 403, { key: 'server.foreignOrigin', params: { origin: String(origin ?? '') } });
    }

    const cookies = parseCookies(req.headers.cookie);
    if (url.pathname === '/signin') {
      if (method !== 'GET') return send(req, res, 405, { key: 'server.badMethod' }, { Allow: 'GET' });
      const token = url.searchParams.get('token');
      if (!token)
        return send(req, res, 200, {
          key: url.searchParams.has('out') ? 'server.signedOut' : 'server.signIn',
          params: signinParams,
        });
      const exchanged = await options.sessions.exchange(token, req.socket.remoteAddress ?? '');
      if (!exchanged) return send(req, res, 403, { key: 'server.tokenUsed', params: signinParams });
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': cookieHeader(exchanged.cookie, 30 * 24 * 3600),
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      });
      res.end();
      return;
    }
    if (url.pathname === '/signout') {
      if (method !== 'POST') return send(req, res, 405, { key: 'server.badMethod' }, { Allow: 'POST' });
      await options.sessions.end(cookies.get(cookieName));
      res.writeHead(303, {
        Location: '/signin?out',
        'Set-Cookie': cookieHeader('', 0),
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    const session = options.sessions.lookup(cookies.get(cookieName));
    if (!session) return send(req, res, 401, { key: 'server.signInNeeded', params: signinParams });

    if (method !== 'POST') {
      pass(req, session);
      return void next(req, res);
    }

    const length = Number(req.headers['content-length'] ?? 0);
    if (length > options.bodyLimit)
      return send(
        req,
        res,
        413,
        { key: 'server.tooLarge', params: { limit: options.bodyLimit } },
        { Connection: 'close' },
      );
    let body: Buffer;
    try {
      body = await readBody(req, options.bodyLimit);
    } catch (e) {
      if (e instanceof TooLarge)
        return send(
          req,
          res,
          413,
          { key: 'server.tooLarge', params: { limit: options.bodyLimit } },
          { Connection: 'close' },
        );
      return send(req, res, 400, { key: 'server.badBody', params: { reason: 'the body could not be read' } });
    }

    const app = options.app();
    if (!app.routeHandlers.some((re) => re.test(url.pathname))) {
      const headerId = req.headers['next-action'];
      const actionId = typeof headerId === 'string' ? headerId : undefined;
      if (Array.isArray(headerId))
        return send(req, res, 400, { key: 'server.badBody', params: { reason: 'two action ids' } });
      const verdict = await checkActionBody(req.headers['content-type'], body, actionId !== undefined);
      if (!verdict.ok)
        return send(req, res, verdict.status, { key: 'server.badBody', params: { reason: verdict.message } });
      const id = actionId ?? verdict.actionId;
      if (app.actionIds && (!id || !app.actionIds.has(id)))
        return send(req, res, 404, { key: 'server.unknownAction' });
      const tree = req.headers['next-router-state-tree'];
      if (tree !== undefined && !validRouterState(tree))
        return send(req, res, 400, {
          key: 'server.badBody',
          params: { reason: 'invalid router state header' },
        });
    }
    pass(req, session);
    return void next(replay(req, body), res);
  };
}

/** Next.js parses this header as URI-encoded JSON and answers a 500 when it cannot. */
function validRouterState(value: string | string[]): boolean {
  if (Array.isArray(value)) return false;
  try {
    return Array.isArray(JSON.parse(decodeURIComponent(value)));
  } catch {
    return false;
  }
}
