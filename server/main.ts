/**
 * The wizard's server: `node server.js` in the built folder (scripts/build-server bundles this
 * file there), `npm start`, or `npm run dev` with `--dev`.
 *
 *   node server.js [--host 127.0.0.1] [--port 3000] [--tls-cert F --tls-key F] [--https]
 *   node server.js signin-url [--draft ID] [--list]      (against the running server)
 *
 * Loopback by default; any other address is served over HTTPS (the user's certificate, or one
 * generated and kept in the configuration folder, its fingerprint printed). Every start prints a
 * sign-in URL with a one-time token; every request then passes the gate (server/gate.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

import { ensurePrivateDir, removeTempFiles } from '@/lib/files/atomic';
import { GATE_KEY, type GateProcessState } from '@/lib/session/protocol';

import { requestSigninUrl, startControl } from './control';
import { type AppIndex, createGate } from './gate';
import {
  allowedHostNames,
  OptionError,
  parseFlags,
  resolveOptions,
  type ServerOptions,
  signinUrlCommand,
  USAGE,
} from './options';
import { SessionStore } from './sessions';
import { loadTls } from './tls';

/** Largest request body: a draft carries PEM bundles (up to 1 MiB each), an import two YAML files. */
const BODY_LIMIT = 8 * 1024 * 1024;
const DRAFT_ID = /^[A-Za-z0-9_-]{16,64}$/;

function routePattern(route: string): RegExp {
  const source = route
    .replace(/\/route$/, '')
    .split('/')
    .map((part) =>
      /^\[\[?\.\.\./.test(part)
        ? '.+'
        : /^\[.+\]$/.test(part)
          ? '[^/]+'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source || '/'}$`);
}

/** Action ids and route handlers of the build, from its manifests. */
function readAppIndex(appDir: string, dev: boolean): AppIndex {
  const server = path.join(appDir, '.next', 'server');
  const read = (name: string) => {
    try {
      return JSON.parse(readFileSync(path.join(server, name), 'utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const actions = read('server-reference-manifest.json') as { node?: Record<string, unknown> };
  const routes = Object.keys(read('app-paths-manifest.json')).filter((r) => r.endsWith('/route'));
  return {
    actionIds: dev ? null : new Set(Object.keys(actions.node ?? {})),
    routeHandlers: routes.map(routePattern),
  };
}

/** The address printed for the user: the listening one, or this machine's first external IPv4. */
function publicHost(options: ServerOptions): string {
  const wildcard = options.host === '0.0.0.0' || options.host === '::' || options.host === '[::]';
  if (!wildcard)
    return options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return os.hostname() || '127.0.0.1';
}

async function serve(options: ServerOptions, dev: boolean): Promise<void> {
  await ensurePrivateDir(options.dataDir);
  // Temporary files of writes a crash interrupted: never complete, never needed.
  for (const dir of [options.dataDir, path.join(options.dataDir, 'drafts')]) await removeTempFiles(dir);
  process.env.WIZARD_DATA_DIR = options.dataDir;
  process.env.WIZARD_CONFIG_DIR = options.configDir;

  const sessions = new SessionStore(options.dataDir);
  await sessions.load();
  const state: GateProcessState = { secret: randomBytes(32).toString('base64url') };
  (globalThis as Record<symbol, unknown>)[GATE_KEY] = state;

  const tls = options.https ? await loadTls(options) : null;

  if (!dev) {
    (process.env as Record<string, string>).NODE_ENV = 'production';
    const required = JSON.parse(
      readFileSync(path.join(options.appDir, '.next', 'required-server-files.json'), 'utf8'),
    ) as { config: Record<string, unknown> };
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(required.config);
  }
  // Loaded here (not imported at the top) so that NODE_ENV and the config are set first.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const next = require('next') as typeof import('next').default;
  const conf = dev
    ? undefined
    : (
        JSON.parse(
          readFileSync(path.join(options.appDir, '.next', 'required-server-files.json'), 'utf8'),
        ) as {
          config: never;
        }
      ).config;
  const app = next({
    dev,
    dir: options.appDir,
    hostname: options.host,
    port: options.port,
    customServer: true,
    ...(conf ? { conf } : {}),
  });
  await app.prepare();
  const handle = app.getRequestHandler();

  let index = readAppIndex(options.appDir, dev);
  // Made once the port is known (--port 0 picks one); nothing is answered before.
  const ready: { gate?: ReturnType<typeof createGate> } = {};
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const { gate } = ready;
    if (!gate) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' });
      res.end('Starting\n');
      return;
    }
    gate(req, res, (r, s) => handle(r, s)).catch((e: unknown) => {
      // A fault of the gate itself: a plain 500 without a stack; the log names it.
      console.error('wizard: request failed:', e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    });
  };
  const server = tls
    ? https.createServer({ cert: tls.cert, key: tls.key }, listener)
    : http.createServer(listener);
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  ready.gate = createGate({
    sessions,
    allowedHosts: allowedHostNames(options),
    port,
    https: options.https,
    bodyLimit: BODY_LIMIT,
    secret: state.secret,
    app: () => (dev ? (index = readAppIndex(options.appDir, dev)) : index),
    signinCommand: signinUrlCommand(options.appDir, process.env, existsSync),
  });

  const base = `${options.https ? 'https' : 'http'}://${publicHost(options)}:${port}`;
  const signinUrl = (draft?: string) => `${base}/signin?token=${sessions.issueToken(draft)}`;
  const closeControl = await startControl(
    options.dataDir,
    { url: base, ...(tls ? { fingerprint: tls.fingerprint } : {}) },
    async (request) => {
      if (request.op !== 'signin-url') return { error: 'unknown request' };
      if (request.draft !== undefined) {
        if (
          !DRAFT_ID.test(request.draft) ||
          !existsSync(path.join(options.dataDir, 'drafts', `${request.draft}.json`))
        )
          return { error: `no draft ${request.draft} in ${options.dataDir}` };
      }
      return { url: signinUrl(request.draft) };
    },
  );

  const lines = [
    `W&B air-gapped install wizard: ${base}`,
    `  data folder: ${options.dataDir}`,
    ...(tls
      ? [
          `  HTTPS certificate (${tls.source === 'user' ? 'yours' : 'generated'}): ${tls.certFile}`,
          `  SHA-256 fingerprint: ${tls.fingerprint}`,
        ]
      : []),
    ...(options.loopback
      ? []
      : [`  listening on ${options.host}: reachable from other machines (HTTPS only)`]),
    '',
    `Sign in (the address works once; \`${signinUrlCommand(options.appDir, process.env, existsSync)}\` prints a new one):`,
    `  ${signinUrl()}`,
    '',
  ];
  console.log(lines.join('\n'));

  const stop = () => {
    void closeControl().finally(() => {
      server.close();
      process.exit(0);
    });
    // Open keep-alive connections would hold the close.
    server.closeAllConnections?.();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function signinCommand(options: ServerOptions, flags: ReadonlyMap<string, string>): Promise<void> {
  if (flags.has('list')) {
    const dir = path.join(options.dataDir, 'drafts');
    const rows = existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => /^[A-Za-z0-9_-]{16,64}\.json$/.test(n))
          .map((n) => {
            let host = '';
            try {
              const d = JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as {
                values?: { platform?: { host?: string } };
              };
              host = d.values?.platform?.host ?? '';
            } catch {
              host = '(unreadable)';
            }
            return { id: n.slice(0, -5), at: statSync(path.join(dir, n)).mtime.toISOString(), host };
          })
          .sort((a, b) => b.at.localeCompare(a.at))
      : [];
    if (rows.length === 0) console.log(`no drafts in ${dir}`);
    for (const r of rows) console.log(`${r.id}  ${r.at}  ${r.host}`);
    return;
  }
  const draft = flags.get('draft');
  console.log(await requestSigninUrl(options.dataDir, draft));
}

async function main(argv: readonly string[]): Promise<void> {
  const { command, flags } = parseFlags(argv);
  const dev = flags.has('dev');
  const appDir = dev ? process.cwd() : __dirname;
  const options = resolveOptions(flags, process.env, process.cwd(), appDir);
  if (command === 'signin-url') return signinCommand(options, flags);
  if (command === 'help' || flags.has('help')) {
    process.stdout.write(USAGE);
    return;
  }
  if (command) throw new OptionError(`unknown command "${command}" (try: signin-url, help)`);
  if (!dev) process.chdir(appDir);
  await serve(options, dev);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`wizard: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
