/**
 * The registry client against the real registries of scripts/test-env (Debian's distribution
 * 2.8): plain HTTP, TLS with the private CA, TLS + htpasswd Basic auth, and a fourth instance
 * started here with `auth: token`, whose tokens are JWTs signed by a small token service in this
 * file (the registry verifies their signature, issuer, audience and access claims itself); the
 * mirror pushes a bundle and a chart through that token flow.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultInstallConfig, resolveConfigImages } from '@/lib/config';
import { MEDIA_TYPES, MIRRORED_IMAGES } from '@/test/fixtures/images';
import {
  freePort,
  startTokenRegistry,
  type TokenRegistry,
  type TokenRequest,
} from '@/test/support/token-registry';
import { configBundleImages, writeMirrorBundle } from '@/test/fixtures/mirror-bundle';

import { RegistryClient } from './client';
import { registryFailureMessage } from './failure';
import { planMirror, runMirror } from './mirror';
import { pushChartOci, readChartArchive } from './mirror-chart';
import { readMirrorSource } from './mirror-source';
import { formatImageReference, mirrorImageReference } from './reference';

/** A variable of `scripts/test-env env`; the test fails (never skips) when the env is not up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

const env = {
  get http() {
    return requireEnv('REGISTRY_HTTP');
  },
  get tls() {
    return requireEnv('REGISTRY_TLS');
  },
  get auth() {
    return requireEnv('REGISTRY_AUTH');
  },
  get ca() {
    return readFileSync(requireEnv('REGISTRY_CA_FILE'));
  },
  get user() {
    return requireEnv('REGISTRY_USER');
  },
  get password() {
    return requireEnv('REGISTRY_PASSWORD');
  },
  get prefix() {
    return requireEnv('REGISTRY_PREFIX');
  },
};

/** A server that accepts connections and never says a word: the black hole. */
async function blackHole() {
  const sockets = new Set<net.Socket>();
  const closed: Array<Promise<unknown>> = [];
  const server = net.createServer((s) => {
    sockets.add(s);
    closed.push(once(s, 'close'));
    // Read and drop what comes (so that the client's FIN is seen), answer nothing.
    s.resume();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    closed,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

const expectedMediaType = (format: 'docker' | 'oci-index') =>
  format === 'docker' ? MEDIA_TYPES.dockerManifest : MEDIA_TYPES.ociIndex;

function clients() {
  return [
    {
      name: 'plain HTTP',
      client: new RegistryClient({ registry: env.http, plainHttp: true }),
      registry: env.http,
    },
    { name: 'TLS', client: new RegistryClient({ registry: env.tls, ca: env.ca }), registry: env.tls },
    {
      name: 'TLS + basic auth',
      client: new RegistryClient({
        registry: env.auth,
        ca: env.ca,
        username: env.user,
        password: env.password,
      }),
      registry: env.auth,
    },
  ];
}

describe('RegistryClient against the test registries', () => {
  it.each([0, 1, 2])('finds every mirrored image, with its media type and digest (variant %i)', async (i) => {
    const v = clients()[i]!;
    try {
      const items = MIRRORED_IMAGES.map((img) => {
        const m = mirrorImageReference(img.source, { registry: v.registry, prefix: env.prefix });
        expect(m.error).toBeUndefined();
        return { repository: m.value!.repository, reference: m.value!.reference, img };
      });
      const results = await v.client.headManifests(items, { concurrency: 8 });
      results.forEach((r, n) => {
        const img = items[n]!.img;
        expect(r.kind, `${v.name} ${img.source}: ${JSON.stringify(r)}`).toBe('present');
        if (r.kind !== 'present') return;
        expect(r.mediaType).toBe(expectedMediaType(img.format));
        expect(r.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
        expect(r.method).toBe('HEAD');
      });
    } finally {
      v.client.close();
    }
  });

  it('pings each variant; the auth one reports Basic and authenticated', async () => {
    const [plain, tls, auth] = clients();
    try {
      expect(await plain!.client.ping()).toMatchObject({
        kind: 'ok',
        auth: 'none',
        authenticated: false,
        apiVersion: 'registry/2.0',
      });
      expect(await tls!.client.ping()).toMatchObject({ kind: 'ok', auth: 'none' });
      const p = await auth!.client.ping();
      expect(p).toMatchObject({ kind: 'ok', auth: 'basic', authenticated: true });
      expect(p.exchanges.map((e) => e.request)).toEqual([
        `GET https://${env.auth}/v2/`,
        `GET https://${env.auth}/v2/ (Basic credentials)`,
      ]);
      expect(JSON.stringify(p)).not.toContain(env.password);
    } finally {
      for (const c of [plain, tls, auth]) c!.client.close();
    }
  });

  it('sends Basic credentials up front once the registry has asked for them', async () => {
    const c = new RegistryClient({
      registry: env.auth,
      ca: env.ca,
      username: env.user,
      password: env.password,
    });
    try {
      const first = await c.headManifest(`${env.prefix}/wandb/local`, '0.62.2');
      expect(first.exchanges).toHaveLength(2);
      const second = await c.headManifest(`${env.prefix}/wandb/console`, '2.13.1');
      expect(second.kind).toBe('present');
      expect(second.exchanges).toHaveLength(1);
    } finally {
      c.close();
    }
  });

  it('a missing tag and a missing repository are "missing", named in the message', async () => {
    const c = new RegistryClient({ registry: env.tls, ca: env.ca });
    try {
      const tag = await c.headManifest(`${env.prefix}/wandb/local`, '0.0.0-not-pushed');
      expect(tag).toMatchObject({ kind: 'missing', status: 404 });
      const repo = await c.headManifest(`${env.prefix}/wandb/nothing-here`, 'latest');
      expect(repo).toMatchObject({ kind: 'missing', status: 404 });
      const target = `${env.tls}/${env.prefix}/wandb/local:0.0.0-not-pushed`;
      if (tag.kind !== 'present')
        expect(registryFailureMessage(tag, target)).toEqual({
          key: 'errors.registry.missing',
          params: { target, status: 404 },
        });
    } finally {
      c.close();
    }
  });

  it('a digest reference is found by digest', async () => {
    const c = new RegistryClient({ registry: env.tls, ca: env.ca });
    try {
      const byTag = await c.headManifest(`${env.prefix}/wandb/controller`, '1.16.1');
      expect(byTag.kind).toBe('present');
      if (byTag.kind !== 'present') return;
      const ref = mirrorImageReference(`wandb/controller@${byTag.digest}`, {
        registry: env.tls,
        prefix: env.prefix,
      }).value!;
      expect(formatImageReference(ref)).toBe(`${env.tls}/${env.prefix}/wandb/controller@${byTag.digest}`);
      expect(await c.headManifest(ref.repository, ref.reference)).toMatchObject({
        kind: 'present',
        digest: byTag.digest,
      });
    } finally {
      c.close();
    }
  });

  it('a wrong password is "unauthorized" (ping and manifest), and so is no password', async () => {
    const wrong = new RegistryClient({
      registry: env.auth,
      ca: env.ca,
      username: env.user,
      password: 'not-the-password',
    });
    const none = new RegistryClient({ registry: env.auth, ca: env.ca });
    try {
      expect(await wrong.ping()).toMatchObject({
        kind: 'unauthorized',
        status: 401,
        detail: 'credentials rejected',
      });
      expect(await wrong.headManifest(`${env.prefix}/wandb/local`, '0.62.2')).toMatchObject({
        kind: 'unauthorized',
      });
      expect(await none.ping()).toMatchObject({ kind: 'unauthorized', detail: 'credentials required' });
      expect(await none.headManifest(`${env.prefix}/wandb/local`, '0.62.2')).toMatchObject({
        kind: 'unauthorized',
        detail: 'credentials required',
      });
    } finally {
      wrong.close();
      none.close();
    }
  });

  it('without the CA, or with a wrong CA, TLS fails as a tls-error naming the verification code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wrong-ca-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=Some Other CA',
          '-keyout',
          join(dir, 'k'),
          '-out',
          join(dir, 'ca.crt'),
        ],
        { stdio: 'ignore' },
      );
      for (const opts of [{}, { ca: readFileSync(join(dir, 'ca.crt')) }]) {
        const c = new RegistryClient({ registry: env.tls, ...opts });
        try {
          const r = await c.headManifest(`${env.prefix}/wandb/local`, '0.62.2');
          expect(r).toMatchObject({ kind: 'tls-error', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
          expect(await c.ping()).toMatchObject({ kind: 'tls-error' });
        } finally {
          c.close();
        }
      }
      // The right CA next to the system roots works too.
      const both = new RegistryClient({ registry: env.tls, ca: env.ca, includeSystemCa: true });
      expect((await both.ping()).kind).toBe('ok');
      both.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('HTTPS to the plain-HTTP port is a TLS protocol error; HTTP to the TLS port a protocol error', async () => {
    const https = new RegistryClient({ registry: env.http, ca: env.ca });
    const plain = new RegistryClient({ registry: env.tls, plainHttp: true });
    try {
      const a = await https.ping();
      expect(a.kind).toBe('tls-error');
      const b = await plain.ping();
      expect(b).toMatchObject({ kind: 'protocol-error', status: 400 });
      if (b.kind === 'protocol-error') expect(b.detail).toContain('this port speaks HTTPS');
    } finally {
      https.close();
      plain.close();
    }
  });

  it('a closed port is "unreachable" (ECONNREFUSED)', async () => {
    const c = new RegistryClient({ registry: `127.0.0.1:${await freePort()}`, ca: env.ca });
    try {
      expect(await c.headManifest('a/b', 'c')).toMatchObject({ kind: 'unreachable', code: 'ECONNREFUSED' });
    } finally {
      c.close();
    }
  });

  it('a port that accepts and never answers is a "timeout" within the bound, and the socket is closed', async () => {
    const hole = await blackHole();
    const c = new RegistryClient({ registry: hole.address, ca: env.ca, requestTimeoutMs: 400 });
    try {
      const t0 = performance.now();
      const r = await c.headManifest('a/b', 'c');
      const elapsed = performance.now() - t0;
      expect(r).toMatchObject({ kind: 'timeout', afterMs: 400 });
      expect(elapsed).toBeGreaterThanOrEqual(390);
      expect(elapsed).toBeLessThan(1_000);
      expect(hole.closed.length).toBe(1);
      await hole.closed[0];
    } finally {
      c.close();
      hole.close();
    }
  });

  it("the caller's abort cancels a hung request at once", async () => {
    const hole = await blackHole();
    const c = new RegistryClient({ registry: hole.address, plainHttp: true, requestTimeoutMs: 10_000 });
    try {
      const t0 = performance.now();
      const r = await c.ping({ signal: AbortSignal.timeout(150) });
      expect(r.kind).toBe('aborted');
      expect(performance.now() - t0).toBeLessThan(1_000);
      await hole.closed[0];
    } finally {
      c.close();
      hole.close();
    }
  });

  it('lists the tags of a repository, and of an OCI chart repository', async () => {
    const c = new RegistryClient({
      registry: env.auth,
      ca: env.ca,
      username: env.user,
      password: env.password,
    });
    try {
      const tags = await c.listTags(`${env.prefix}/wandb/controller`);
      expect(tags.kind).toBe('ok');
      // Every controller tag the test environment mirrors (test/fixtures/images.ts).
      const mirrored = MIRRORED_IMAGES.filter((image) => image.path === 'wandb/controller').map((i) => i.tag);
      if (tags.kind === 'ok') expect(tags.tags.sort()).toEqual(mirrored.sort());
      const chartUrl = new URL(requireEnv('CHARTS_OCI_AUTH_URL').replace(/^oci:/, 'https:'));
      const chartName = readFileSync(
        join(__dirname, '../../test/fixtures/charts/operator/Chart.yaml'),
        'utf8',
      ).match(/^name:\s*(\S+)/m)?.[1];
      const version = readFileSync(
        join(__dirname, '../../test/fixtures/charts/operator/Chart.yaml'),
        'utf8',
      ).match(/^version:\s*(\S+)/m)?.[1];
      const charts = await c.listTags(`${chartUrl.pathname.slice(1)}/${chartName}`);
      expect(charts.kind).toBe('ok');
      if (charts.kind === 'ok') expect(charts.tags).toContain(version);
      expect(await c.listTags(`${env.prefix}/no/such/repo`)).toMatchObject({
        kind: 'missing',
        status: 404,
        code: 'NAME_UNKNOWN',
      });
    } finally {
      c.close();
    }
  });
});

describe('RegistryClient behind a proxy that refuses HEAD or drops the digest header', () => {
  // Some registry front ends answer HEAD with 405, or omit Docker-Content-Digest. This proxy
  // forwards to the real TLS registry and does exactly that, so the GET fallback meets real data.
  let proxy: http.Server;
  let address = '';
  let mode: 'refuse-head' | 'strip-digest' = 'refuse-head';
  const seen: string[] = [];

  beforeAll(async () => {
    proxy = http.createServer((req, res) => {
      seen.push(req.method ?? '');
      if (mode === 'refuse-head' && req.method === 'HEAD') {
        res.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      const upstream = https.request(
        `https://${env.tls}${req.url}`,
        { method: req.method, headers: { accept: req.headers.accept ?? '' }, ca: env.ca, agent: false },
        (up) => {
          const headers = { ...up.headers };
          if (mode === 'strip-digest') delete headers['docker-content-digest'];
          res.writeHead(up.statusCode ?? 502, headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end();
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    address = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  });
  afterAll(() => {
    proxy.close();
  });

  it('HEAD refused (405): falls back to GET and reports the same digest as the registry', async () => {
    const direct = new RegistryClient({ registry: env.tls, ca: env.ca });
    const proxied = new RegistryClient({ registry: address, plainHttp: true });
    try {
      mode = 'refuse-head';
      seen.length = 0;
      const truth = await direct.headManifest(`${env.prefix}/wandb/local`, '0.62.2');
      const r = await proxied.headManifest(`${env.prefix}/wandb/local`, '0.62.2');
      expect(seen).toEqual(['HEAD', 'GET']);
      expect(r).toMatchObject({ kind: 'present', method: 'GET', mediaType: MEDIA_TYPES.ociIndex });
      if (r.kind === 'present' && truth.kind === 'present') expect(r.digest).toBe(truth.digest);
      expect(await proxied.headManifest(`${env.prefix}/wandb/local`, '0.0.0-none')).toMatchObject({
        kind: 'missing',
        code: 'MANIFEST_UNKNOWN',
      });
    } finally {
      direct.close();
      proxied.close();
    }
  });

  it('no digest header: GET, and the digest is computed from the manifest bytes', async () => {
    const direct = new RegistryClient({ registry: env.tls, ca: env.ca });
    const proxied = new RegistryClient({ registry: address, plainHttp: true });
    try {
      mode = 'strip-digest';
      for (const img of MIRRORED_IMAGES.slice(0, 4)) {
        const m = mirrorImageReference(img.source, { registry: env.tls, prefix: env.prefix }).value!;
        const truth = await direct.headManifest(m.repository, m.reference);
        const r = await proxied.headManifest(m.repository, m.reference);
        expect(r).toMatchObject({ kind: 'present', method: 'GET', mediaType: expectedMediaType(img.format) });
        if (r.kind === 'present' && truth.kind === 'present') expect(r.digest).toBe(truth.digest);
      }
    } finally {
      direct.close();
      proxied.close();
    }
  });
});

describe('RegistryClient with Bearer token auth (a real distribution instance with auth: token)', () => {
  const tokenRequests: TokenRequest[] = [];
  let token: TokenRegistry | undefined;
  let registryAddress = '';
  let user = '';
  let password = '';

  beforeAll(async () => {
    // Its own copy of the TLS registry's storage, so it holds the mirrored images and touches nothing
    // shared; push is granted under mirror-push-* only: the mirror's push test writes there.
    token = await startTokenRegistry({
      canPush: (name) => name.startsWith('mirror-push-'),
      copyStorageFrom: join(requireEnv('TEST_ENV_DIR'), 'registry', 'registry-tls', 'data'),
      tokenRequests,
    });
    ({ address: registryAddress, user, password } = token);
  }, 60_000);

  afterAll(async () => {
    await token?.stop();
  });

  it('pings with a scope-less token, as docker login does', async () => {
    const c = new RegistryClient({ registry: registryAddress, plainHttp: true, username: user, password });
    try {
      const r = await c.ping();
      expect(r).toMatchObject({ kind: 'ok', auth: 'bearer', authenticated: true });
      expect(tokenRequests.at(-1)).toEqual({ scope: [], service: 'wizard-test-registry', user });
    } finally {
      c.close();
    }
  });

  it('finds an image through the challenge → token → retry flow, then reuses the cached token', async () => {
    const c = new RegistryClient({ registry: registryAddress, plainHttp: true, username: user, password });
    try {
      const before = tokenRequests.length;
      const first = await c.headManifest(`${env.prefix}/wandb/local`, '0.62.2');
      expect(first).toMatchObject({ kind: 'present', mediaType: MEDIA_TYPES.ociIndex });
      expect(first.exchanges.map((e) => e.request.replace(/\?.*/, ''))).toEqual([
        `HEAD http://${registryAddress}/v2/${env.prefix}/wandb/local/manifests/0.62.2`,
        expect.stringMatching(/^GET http:\/\/127\.0\.0\.1:\d+\/token$/),
        `HEAD http://${registryAddress}/v2/${env.prefix}/wandb/local/manifests/0.62.2 (Bearer credentials)`,
      ]);
      expect(tokenRequests.at(-1)?.scope).toEqual([`repository:${env.prefix}/wandb/local:pull`]);
      const again = await c.headManifest(`${env.prefix}/wandb/local`, '0.59.2');
      expect(again.kind).toBe('present');
      expect(again.exchanges).toHaveLength(1);
      // Another repository: a token for its scope is fetched up front, without a 401 round trip.
      const other = await c.headManifest(`${env.prefix}/wandb/console`, '2.13.1');
      expect(other.kind).toBe('present');
      expect(other.exchanges).toHaveLength(2);
      expect(tokenRequests.length - before).toBe(2);
      expect(JSON.stringify([first, again, other])).not.toContain(password);
    } finally {
      c.close();
    }
  });

  it('shares one token request between concurrent checks of the same repository', async () => {
    const c = new RegistryClient({ registry: registryAddress, plainHttp: true, username: user, password });
    try {
      await c.ping();
      const before = tokenRequests.length;
      const results = await c.headManifests(
        ['1.16.1', '1.13.3', '1.16.1', '1.13.3'].map((t) => ({
          repository: `${env.prefix}/wandb/controller`,
          reference: t,
        })),
        { concurrency: 4 },
      );
      expect(results.map((r) => r.kind)).toEqual(['present', 'present', 'present', 'present']);
      expect(tokenRequests.length - before).toBe(1);
    } finally {
      c.close();
    }
  });

  it('a missing tag is still "missing" behind token auth', async () => {
    const c = new RegistryClient({ registry: registryAddress, plainHttp: true, username: user, password });
    try {
      expect(await c.headManifest(`${env.prefix}/wandb/local`, '0.0.0-none')).toMatchObject({
        kind: 'missing',
      });
    } finally {
      c.close();
    }
  });

  it('a wrong password is refused by the token service: "unauthorized"', async () => {
    const c = new RegistryClient({
      registry: registryAddress,
      plainHttp: true,
      username: user,
      password: 'wrong',
    });
    try {
      expect(await c.headManifest(`${env.prefix}/wandb/local`, '0.62.2')).toMatchObject({
        kind: 'unauthorized',
        status: 401,
      });
      expect(await c.ping()).toMatchObject({ kind: 'unauthorized' });
    } finally {
      c.close();
    }
  });

  it('mirrors a bundle and a chart with push-scoped tokens; a second run pushes nothing; no push grant, no push', async () => {
    const prefix = `mirror-push-${Date.now().toString(36)}`;
    const config = {
      ...defaultInstallConfig,
      registry: {
        ...defaultInstallConfig.registry,
        host: `${registryAddress}/${prefix}`,
        plainHttp: true,
        username: user,
        password,
      },
    };
    const bundle = await writeMirrorBundle(
      join(process.cwd(), '.test-env', 'mirror-token-fixture'),
      configBundleImages(config),
      [join(process.cwd(), 'test/fixtures/charts/operator')],
    );
    const source = await readMirrorSource(bundle);
    const c = new RegistryClient({
      registry: registryAddress,
      plainHttp: true,
      username: user,
      password,
      requestTimeoutMs: 30_000,
    });
    try {
      const before = tokenRequests.length;
      const plan = () =>
        planMirror({
          source,
          configured: resolveConfigImages(config),
          registryAddress: config.registry.host,
          client: c,
        });
      const first = await plan();
      expect(first.images.length).toBeGreaterThan(3);
      const report = await runMirror(first, c);
      expect(report).toMatchObject({ failed: 0, pushed: first.images.length });
      const scopes = tokenRequests.slice(before).flatMap((r) => r.scope);
      expect(scopes).toContain(`repository:${prefix}/wandb/local:pull,push`);
      expect(JSON.stringify(report)).not.toContain(password);

      const chart = await readChartArchive(source.charts[0]?.path ?? '');
      const pushed = await pushChartOci(c, `${prefix}/charts`, chart);
      expect(pushed).toEqual({ ok: true, reference: `${prefix}/charts/operator:1.3.3` });
      expect((await c.headManifest(`${prefix}/charts/operator`, '1.3.3')).kind).toBe('present');

      const again = await runMirror(await plan(), c);
      expect(again).toMatchObject({ pushed: 0, failed: 0, skipped: first.images.length, uploadedBytes: 0 });

      // The token service grants no push outside mirror-push-*: the registry refuses (insufficient scope).
      const denied = await pushChartOci(c, `no-push-${prefix}/charts`, chart);
      expect(denied.ok).toBe(false);
      if (!denied.ok)
        expect(denied.failure).toMatchObject({ kind: 'registry', failure: { kind: 'forbidden' } });
    } finally {
      c.close();
    }
  });

  it('an anonymous token without access is refused by the registry: "unauthorized"', async () => {
    const c = new RegistryClient({ registry: registryAddress, plainHttp: true });
    try {
      expect(await c.headManifest(`${env.prefix}/wandb/local`, '0.62.2')).toMatchObject({
        kind: 'unauthorized',
        detail: 'credentials required',
      });
    } finally {
      c.close();
    }
  });
});
