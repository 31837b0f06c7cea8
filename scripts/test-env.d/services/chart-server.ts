/**
 * A static Helm chart repository: serves the files of one directory (index.yaml and the .tgz
 * packages) over plain HTTP, and over HTTPS with HTTP basic auth, from one process.
 *
 *   node --import tsx chart-server.ts --dir DIR --http 127.0.0.1:28080 \
 *     --https 127.0.0.1:28443 --cert FILE --key FILE --user USER --password-file FILE
 *
 * Files are looked up on every request, so re-packaging into DIR needs no restart. Only plain
 * files directly in DIR, or one sub-directory deep (a second repository at `/<sub>/`, e.g. the
 * vendor's real charts at `/vendor/`), are served; no dot files. GET and HEAD only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';

interface Options {
  dir: string;
  http?: string;
  https?: string;
  cert?: string;
  key?: string;
  user?: string;
  password?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.yaml': 'application/x-yaml',
  '.yml': 'application/x-yaml',
  '.tgz': 'application/gzip',
  '.prov': 'application/pgp-signature',
  '.json': 'application/json',
};

function parseArgs(argv: string[]): Options {
  const options: Partial<Options> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--dir') options.dir = path.resolve(value());
    else if (arg === '--http') options.http = value();
    else if (arg === '--https') options.https = value();
    else if (arg === '--cert') options.cert = value();
    else if (arg === '--key') options.key = value();
    else if (arg === '--user') options.user = value();
    else if (arg === '--password-file') options.password = readFileSync(value(), 'utf8').trim();
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.dir) throw new Error('--dir is required');
  if (options.https && (!options.cert || !options.key || !options.user || options.password === undefined)) {
    throw new Error('--https needs --cert, --key, --user and --password-file');
  }
  return options as Options;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Compares the Authorization header with the expected credentials in constant time. */
function authorized(header: string | undefined, user: string, password: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!, 'base64').toString('utf8');
  return timingSafeEqual(digest(given), digest(`${user}:${password}`));
}

function handler(dir: string, auth?: { user: string; password: string }): http.RequestListener {
  return (req, res) => {
    const started = Date.now();
    const log = (status: number) =>
      console.log(`${new Date().toISOString()} ${req.method} ${req.url} ${status} ${Date.now() - started}ms`);
    const reply = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body + '\n');
      log(status);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return reply(405, 'method not allowed', { Allow: 'GET, HEAD' });
    if (auth && !authorized(req.headers.authorization, auth.user, auth.password)) {
      return reply(401, 'unauthorized', {
        'WWW-Authenticate': 'Basic realm="wandb test charts", charset="UTF-8"',
      });
    }
    let name: string;
    try {
      name = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    } catch {
      return reply(400, 'bad path');
    }
    if (name === '' || name.endsWith('/')) name += 'index.yaml';
    const parts = name.split('/');
    if (parts.length > 2 || name.includes('\\') || parts.some((p) => p === '' || p.startsWith('.')))
      return reply(404, 'not found');
    const file = path.join(dir, name);
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) return reply(404, 'not found');
      size = st.size;
    } catch {
      return reply(404, 'not found');
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return log(200);
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .on('end', () => log(200))
      .pipe(res);
  };
}

function listen(server: http.Server, address: string): Promise<void> {
  const [host, port] = address.split(':');
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), host, () => resolve());
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const servers: http.Server[] = [];
  if (options.http) {
    const server = http.createServer(handler(options.dir));
    await listen(server, options.http);
    servers.push(server);
    console.log(`chart-server: http://${options.http} serves ${options.dir}`);
  }
  if (options.https) {
    const server = https.createServer(
      { cert: readFileSync(options.cert!), key: readFileSync(options.key!) },
      handler(options.dir, { user: options.user!, password: options.password! }),
    );
    await listen(server, options.https);
    servers.push(server);
    console.log(`chart-server: https://${options.https} serves ${options.dir} (basic auth)`);
  }
  const stop = () => {
    for (const s of servers) s.close();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(`chart-server: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
