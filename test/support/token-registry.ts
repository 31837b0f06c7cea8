/**
 * A real distribution instance (Debian's `docker-registry`) with `auth: token`, and the token
 * service it trusts: a small HTTP server here that checks Basic credentials and signs RS256 JWTs
 * with a certificate of its own CA, granting pull to a valid user and push where `canPush` says.
 * For the tests of the Bearer challenge → token → retry flow (the test environment's registries
 * use no token auth).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID, sign } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One request the token service answered. */
export interface TokenRequest {
  scope: string[];
  service: string | null;
  user: string | null;
}

/** A running token-auth registry: its address (plain HTTP), its one user, the token requests seen. */
export interface TokenRegistry {
  address: string;
  user: string;
  password: string;
  tokenRequests: TokenRequest[];
  stop: () => Promise<void>;
}

import { freePort } from './ports';

export { freePort };

/** Starts the registry and its token service; `copyStorageFrom` seeds its storage (a copy, nothing shared). */
export async function startTokenRegistry(opts: {
  canPush: (repository: string) => boolean;
  copyStorageFrom?: string;
  /** Where the token requests are recorded (default: a new list). */
  tokenRequests?: TokenRequest[];
}): Promise<TokenRegistry> {
  const user = 'token-user';
  const password = randomBytes(12).toString('hex');
  const tokenRequests: TokenRequest[] = opts.tokenRequests ?? [];
  const dir = mkdtempSync(join(tmpdir(), 'token-registry-'));
  // A CA and a signing certificate it issued; the registry trusts the CA (rootcertbundle).
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=token-ca',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
  );
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=token-signer',
    '-keyout',
    'sign.key',
    '-out',
    'sign.csr',
  );
  ssl(
    'x509',
    '-req',
    '-in',
    'sign.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    'sign.crt',
  );
  const signKey = readFileSync(join(dir, 'sign.key'));
  const signCertDer = readFileSync(join(dir, 'sign.crt'), 'utf8').replace(/-----[^-]+-----|\s/g, '');

  const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');
  const service = 'wizard-test-registry';
  const issuer = 'wizard-test-issuer';
  const tokenServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const auth = req.headers.authorization;
    const [u, p] = auth?.startsWith('Basic ')
      ? Buffer.from(auth.slice(6), 'base64').toString().split(':')
      : [null, null];
    tokenRequests.push({
      scope: url.searchParams.getAll('scope'),
      service: url.searchParams.get('service'),
      user: u ?? null,
    });
    if (auth && (u !== user || p !== password)) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"wrong credentials"}');
      return;
    }
    const access = auth
      ? url.searchParams.getAll('scope').flatMap((s) => {
          const [type, name, actions] = s.split(':');
          return type === 'repository' && name
            ? [
                {
                  type,
                  name,
                  actions: (actions ?? '')
                    .split(',')
                    .filter((a) => a === 'pull' || (a === 'push' && opts.canPush(name))),
                },
              ]
            : [];
        })
      : [];
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', x5c: [signCertDer] }));
    const claims = b64url(
      JSON.stringify({
        iss: issuer,
        sub: u ?? '',
        aud: service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = b64url(sign('sha256', Buffer.from(`${header}.${claims}`), signKey));
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        token: `${header}.${claims}.${signature}`,
        expires_in: 300,
        issued_at: new Date().toISOString(),
      }),
    );
  });
  tokenServer.listen(0, '127.0.0.1');
  await once(tokenServer, 'listening');
  const tokenPort = (tokenServer.address() as net.AddressInfo).port;

  if (opts.copyStorageFrom) cpSync(opts.copyStorageFrom, join(dir, 'data'), { recursive: true });
  const port = await freePort();
  const registryAddress = `127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log: { level: warn, accesslog: { disabled: true } }',
      'storage:',
      `  filesystem: { rootdirectory: ${join(dir, 'data')} }`,
      '  maintenance: { uploadpurging: { enabled: false } }',
      'http:',
      `  addr: ${registryAddress}`,
      `  secret: ${randomBytes(8).toString('hex')}`,
      'auth:',
      '  token:',
      `    realm: http://127.0.0.1:${tokenPort}/token`,
      `    service: ${service}`,
      `    issuer: ${issuer}`,
      `    rootcertbundle: ${join(dir, 'ca.crt')}`,
      '',
    ].join('\n'),
  );
  let stderr = '';
  // distribution reads REGISTRY_* variables as configuration overrides (REGISTRY_HTTP would replace
  // the http section): start it without the test env's REGISTRY_* variables.
  const childEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('REGISTRY_')),
  );
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv as NodeJS.ProcessEnv,
  });
  child.stdout.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = await new Promise<number>((resolve) => {
      http
        .get(`http://${registryAddress}/v2/`, (r) => (r.resume(), resolve(r.statusCode ?? 0)))
        .on('error', () => resolve(0));
    });
    if (status === 401) break;
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`token registry did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    address: registryAddress,
    user,
    password,
    tokenRequests,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      tokenServer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
