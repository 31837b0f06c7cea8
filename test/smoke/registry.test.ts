import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';

import { INDEX_PLATFORMS, MANIFEST_ACCEPT, MEDIA_TYPES, MIRRORED_IMAGES } from '../fixtures/images';

/** A variable of `scripts/test-env env`; a test fails (never skips) when the env is not up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface RequestOptions {
  method?: string;
  accept?: string;
  /** `user:password` for HTTP basic auth */
  basic?: string;
  /** PEM bundle to trust; default: the test CA. `null`: Node's public roots only. */
  ca?: Buffer | null;
}

function request(url: string, options: RequestOptions = {}): Promise<Reply> {
  const u = new URL(url);
  const headers: Record<string, string> = {};
  if (options.accept) headers.Accept = options.accept;
  if (options.basic) headers.Authorization = `Basic ${Buffer.from(options.basic).toString('base64')}`;
  const ca =
    options.ca === undefined
      ? readFileSync(requireEnv('REGISTRY_CA_FILE'))
      : (options.ca ?? [...tls.rootCertificates]);
  return new Promise((resolve, reject) => {
    const req =
      u.protocol === 'https:'
        ? https.request(u, { method: options.method ?? 'GET', headers, ca, agent: false }, collect)
        : http.request(u, { method: options.method ?? 'GET', headers, agent: false }, collect);
    function collect(res: http.IncomingMessage) {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    }
    req.setTimeout(15_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

function credentials(): string {
  return `${requireEnv('REGISTRY_USER')}:${requireEnv('REGISTRY_PASSWORD')}`;
}

/** The three registry variants: base URL and the credentials each needs. */
function variants() {
  return [
    { name: 'plain HTTP', base: `http://${requireEnv('REGISTRY_HTTP')}`, basic: undefined },
    { name: 'TLS', base: `https://${requireEnv('REGISTRY_TLS')}`, basic: undefined },
    { name: 'TLS + auth', base: `https://${requireEnv('REGISTRY_AUTH')}`, basic: credentials() },
  ];
}

const VARIANT_NAMES = ['plain HTTP', 'TLS', 'TLS + auth'] as const;

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

describe('30-registry: mirrored images', () => {
  it('uses the mirror prefix `mirror`', () => {
    expect(requireEnv('REGISTRY_PREFIX')).toBe('mirror');
  });

  describe.each(VARIANT_NAMES)('%s registry', (variantName) => {
    const variant = () => variants().find((v) => v.name === variantName)!;

    it('answers the API version check', async () => {
      const { base, basic } = variant();
      const res = await request(`${base}/v2/`, { basic });
      expect(res.status).toBe(200);
      expect(res.headers['docker-distribution-api-version']).toBe('registry/2.0');
    });

    it.each(MIRRORED_IMAGES.map((i) => [`${i.path}:${i.tag}`, i] as const))(
      'serves %s with the right manifest kind',
      async (_label, image) => {
        const { base, basic } = variant();
        const prefix = requireEnv('REGISTRY_PREFIX');
        const url = `${base}/v2/${prefix}/${image.path}/manifests/${image.tag}`;
        const expectedType = image.format === 'docker' ? MEDIA_TYPES.dockerManifest : MEDIA_TYPES.ociIndex;

        // what a client asks for when it accepts both kinds (docker, containerd, crane)
        const head = await request(url, { method: 'HEAD', accept: MANIFEST_ACCEPT, basic });
        expect(head.status).toBe(200);
        expect(head.headers['content-type']).toBe(expectedType);
        const digest = head.headers['docker-content-digest'];
        expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);

        // and by exactly its own media type
        const exact = await request(url, { method: 'HEAD', accept: expectedType, basic });
        expect(exact.status).toBe(200);
        expect(exact.headers['docker-content-digest']).toBe(digest);

        const get = await request(url, { accept: MANIFEST_ACCEPT, basic });
        expect(get.status).toBe(200);
        expect(sha256(get.body)).toBe(digest);
        const manifest = JSON.parse(get.body.toString('utf8')) as {
          mediaType: string;
          manifests?: { digest: string; mediaType: string; platform: { os: string; architecture: string } }[];
          layers?: { mediaType: string; digest: string }[];
        };
        expect(manifest.mediaType).toBe(expectedType);

        if (image.format === 'docker') {
          expect(manifest.layers?.[0]?.mediaType).toBe(MEDIA_TYPES.dockerLayer);
          const layer = await request(
            `${base}/v2/${prefix}/${image.path}/blobs/${manifest.layers![0]!.digest}`,
            {
              method: 'HEAD',
              basic,
            },
          );
          expect(layer.status).toBe(200);
        } else {
          expect(manifest.manifests?.map((m) => m.platform)).toEqual(INDEX_PLATFORMS.map((p) => ({ ...p })));
          for (const child of manifest.manifests ?? []) {
            const res = await request(`${base}/v2/${prefix}/${image.path}/manifests/${child.digest}`, {
              method: 'HEAD',
              accept: MEDIA_TYPES.ociManifest,
              basic,
            });
            expect(res.status).toBe(200);
            expect(res.headers['content-type']).toBe(MEDIA_TYPES.ociManifest);
          }
        }
      },
    );

    it('answers 404 for a tag that was never pushed', async () => {
      const { base, basic } = variant();
      const res = await request(
        `${base}/v2/${requireEnv('REGISTRY_PREFIX')}/wandb/local/manifests/0.0.0-missing`,
        {
          method: 'HEAD',
          accept: MANIFEST_ACCEPT,
          basic,
        },
      );
      expect(res.status).toBe(404);
    });
  });

  describe('TLS + auth registry', () => {
    it('answers 401 with a Basic challenge without credentials', async () => {
      const res = await request(`https://${requireEnv('REGISTRY_AUTH')}/v2/`);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic realm=/);
      const manifest = await request(
        `https://${requireEnv('REGISTRY_AUTH')}/v2/${requireEnv('REGISTRY_PREFIX')}/wandb/local/manifests/0.62.2`,
        { method: 'HEAD', accept: MANIFEST_ACCEPT },
      );
      expect(manifest.status).toBe(401);
    });

    it('answers 401 to a wrong password', async () => {
      const res = await request(`https://${requireEnv('REGISTRY_AUTH')}/v2/`, {
        basic: `${requireEnv('REGISTRY_USER')}:not-the-password`,
      });
      expect(res.status).toBe(401);
    });
  });

  describe.each([
    ['TLS', 'REGISTRY_TLS'],
    ['TLS + auth', 'REGISTRY_AUTH'],
  ])('%s registry without the private CA', (_name, variable) => {
    it('fails the TLS handshake', async () => {
      const error = await request(`https://${requireEnv(variable)}/v2/`, { ca: null }).then(
        () => undefined,
        (e: NodeJS.ErrnoException) => e,
      );
      expect(error?.code).toMatch(/SELF_SIGNED|UNABLE_TO_(VERIFY|GET_ISSUER)/);
    });
  });
});
