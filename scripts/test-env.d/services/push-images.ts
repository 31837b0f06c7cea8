/**
 * Pushes the small synthetic images of test/fixtures/images.ts into registries through the
 * Registry HTTP API V2: blob upload (POST, then a monolithic PUT with the digest), then
 * manifest PUT. Only what is missing is pushed: every image is deterministic, so a tag whose
 * manifest digest is already the expected one is left alone.
 *
 *   node --import tsx push-images.ts --prefix mirror [--ca CA_FILE] \
 *     [--user USER --password-file FILE] REGISTRY_URL...
 *
 * REGISTRY_URL is `http://host:port` or `https://host:port`. Credentials are sent (HTTP basic)
 * only to a registry that asks for them with a 401. The password is read from a file so that it
 * is never in argv; it never appears in output.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { gzipSync } from 'node:zlib';

import {
  INDEX_PLATFORMS,
  MANIFEST_ACCEPT,
  MEDIA_TYPES,
  type MirroredImage,
  MIRRORED_IMAGES,
} from '../../../test/fixtures/images';

interface Blob {
  digest: string;
  size: number;
  data: Buffer;
}

interface Manifest {
  mediaType: string;
  digest: string;
  size: number;
  data: Buffer;
}

/** Everything to push for one tag: blobs first, then child manifests, then the tagged manifest. */
interface ImagePlan {
  image: MirroredImage;
  blobs: Blob[];
  children: Manifest[];
  top: Manifest;
}

interface Options {
  prefix: string;
  ca?: Buffer;
  user?: string;
  password?: string;
  registries: URL[];
}

const FIXED_TIME = '2024-01-01T00:00:00Z';

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function blobOf(data: Buffer): Blob {
  return { digest: sha256(data), size: data.length, data };
}

function manifestOf(mediaType: string, body: object): Manifest {
  const data = Buffer.from(JSON.stringify(body));
  return { mediaType, digest: sha256(data), size: data.length, data };
}

/** A one-file POSIX ustar archive with fixed metadata, so the digest never changes. */
function tarWithOneFile(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512);
  const put = (offset: number, length: number, value: string) => header.write(value, offset, length, 'ascii');
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0') + '\0';
  put(0, 100, name);
  put(100, 8, octal(0o644, 8));
  put(108, 8, octal(0, 8));
  put(116, 8, octal(0, 8));
  put(124, 12, octal(content.length, 12));
  put(136, 12, octal(Date.parse(FIXED_TIME) / 1000, 12));
  put(148, 8, '        '); // checksum is computed with its own field as spaces
  put(156, 1, '0');
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  put(265, 32, 'root');
  put(297, 32, 'root');
  let sum = 0;
  for (const byte of header) sum += byte;
  put(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([header, content, padding, Buffer.alloc(1024)]);
}

/** Config blob and layer blob of one platform of an image. */
function platformImage(image: MirroredImage, os: string, architecture: string, oci: boolean) {
  const text = [
    'Synthetic test image of the wandb-airgap-wizard test environment.',
    `source: ${image.source}`,
    `platform: ${os}/${architecture}`,
    '',
  ].join('\n');
  const tar = tarWithOneFile('wandb-test-image.txt', Buffer.from(text));
  const layer = blobOf(gzipSync(tar, { level: 9 }));
  const config = blobOf(
    Buffer.from(
      JSON.stringify({
        architecture,
        os,
        created: FIXED_TIME,
        config: {
          Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
          Cmd: ['/wandb-test-image.txt'],
          Labels: { 'org.opencontainers.image.source': image.source },
        },
        rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
        history: [{ created: FIXED_TIME, created_by: 'wandb-airgap-wizard test-env push-images' }],
      }),
    ),
  );
  const manifest = manifestOf(oci ? MEDIA_TYPES.ociManifest : MEDIA_TYPES.dockerManifest, {
    schemaVersion: 2,
    mediaType: oci ? MEDIA_TYPES.ociManifest : MEDIA_TYPES.dockerManifest,
    config: {
      mediaType: oci ? MEDIA_TYPES.ociConfig : MEDIA_TYPES.dockerConfig,
      size: config.size,
      digest: config.digest,
    },
    layers: [
      {
        mediaType: oci ? MEDIA_TYPES.ociLayer : MEDIA_TYPES.dockerLayer,
        size: layer.size,
        digest: layer.digest,
      },
    ],
  });
  return { blobs: [config, layer], manifest };
}

function planImage(image: MirroredImage): ImagePlan {
  if (image.format === 'docker') {
    const { blobs, manifest } = platformImage(image, 'linux', 'amd64', false);
    return { image, blobs, children: [], top: manifest };
  }
  const parts = INDEX_PLATFORMS.map((p) => ({
    platform: p,
    ...platformImage(image, p.os, p.architecture, true),
  }));
  const index = manifestOf(MEDIA_TYPES.ociIndex, {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociIndex,
    manifests: parts.map((p) => ({
      mediaType: p.manifest.mediaType,
      size: p.manifest.size,
      digest: p.manifest.digest,
      platform: { architecture: p.platform.architecture, os: p.platform.os },
    })),
  });
  return { image, blobs: parts.flatMap((p) => p.blobs), children: parts.map((p) => p.manifest), top: index };
}

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

class RegistryClient {
  private readonly agent: http.Agent;
  private authorization?: string;

  constructor(
    readonly base: URL,
    private readonly options: Options,
  ) {
    this.agent =
      base.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, maxSockets: 8, ca: options.ca })
        : new http.Agent({ keepAlive: true, maxSockets: 8 });
  }

  close(): void {
    this.agent.destroy();
  }

  /** One request; on a 401 with a Basic challenge, retries once with the credentials. */
  async request(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: Buffer,
  ): Promise<Response> {
    let res = await this.send(method, path, headers, body);
    if (res.status === 401 && !this.authorization) {
      const challenge = String(res.headers['www-authenticate'] ?? '');
      if (!/^basic/i.test(challenge))
        throw new Error(`${this.base.host}: unsupported auth challenge "${challenge}"`);
      if (!this.options.user || this.options.password === undefined) {
        throw new Error(`${this.base.host} asks for credentials and none were given`);
      }
      this.authorization = `Basic ${Buffer.from(`${this.options.user}:${this.options.password}`).toString('base64')}`;
      res = await this.send(method, path, headers, body);
    }
    return res;
  }

  private send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: Buffer,
  ): Promise<Response> {
    const url = new URL(path, this.base);
    const lib = url.protocol === 'https:' ? https : http;
    const allHeaders: Record<string, string> = { ...headers };
    if (this.authorization) allHeaders.Authorization = this.authorization;
    if (body) allHeaders['Content-Length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const req = lib.request(
        url,
        { method, headers: allHeaders, agent: this.agent, timeout: 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${url.host}${url.pathname}: timed out`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}

function fail(what: string, res: Response): never {
  throw new Error(`${what}: HTTP ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
}

async function pushBlob(client: RegistryClient, repo: string, blob: Blob): Promise<void> {
  const head = await client.request('HEAD', `/v2/${repo}/blobs/${blob.digest}`);
  if (head.status === 200) return;
  const start = await client.request('POST', `/v2/${repo}/blobs/uploads/`);
  if (start.status !== 202 || !start.headers.location) fail(`start upload to ${repo}`, start);
  const location = new URL(start.headers.location, client.base);
  location.searchParams.set('digest', blob.digest);
  const put = await client.request(
    'PUT',
    location.pathname + location.search,
    { 'Content-Type': 'application/octet-stream' },
    blob.data,
  );
  if (put.status !== 201) fail(`upload ${blob.digest} to ${repo}`, put);
}

async function putManifest(
  client: RegistryClient,
  repo: string,
  reference: string,
  m: Manifest,
): Promise<void> {
  const res = await client.request(
    'PUT',
    `/v2/${repo}/manifests/${reference}`,
    { 'Content-Type': m.mediaType },
    m.data,
  );
  if (res.status !== 201) fail(`put manifest ${repo}:${reference}`, res);
  const digest = res.headers['docker-content-digest'];
  if (digest && digest !== m.digest)
    throw new Error(`${repo}:${reference}: registry computed ${digest}, expected ${m.digest}`);
}

/** Pushes one image unless the tag already serves the expected manifest. Returns true if it pushed. */
async function pushImage(client: RegistryClient, prefix: string, plan: ImagePlan): Promise<boolean> {
  const repo = `${prefix}/${plan.image.path}`;
  const head = await client.request('HEAD', `/v2/${repo}/manifests/${plan.image.tag}`, {
    Accept: MANIFEST_ACCEPT,
  });
  if (head.status === 200 && head.headers['docker-content-digest'] === plan.top.digest) return false;
  if (head.status !== 200 && head.status !== 404) fail(`HEAD ${repo}:${plan.image.tag}`, head);
  for (const blob of plan.blobs) await pushBlob(client, repo, blob);
  for (const child of plan.children) await putManifest(client, repo, child.digest, child);
  await putManifest(client, repo, plan.image.tag, plan.top);
  return true;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { prefix: 'mirror', registries: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--prefix') options.prefix = value();
    else if (arg === '--ca') options.ca = readFileSync(value());
    else if (arg === '--user') options.user = value();
    else if (arg === '--password-file') options.password = readFileSync(value(), 'utf8').trim();
    else if (/^https?:\/\//.test(arg)) options.registries.push(new URL(arg));
    else throw new Error(`unknown argument ${arg}`);
  }
  if (options.registries.length === 0) throw new Error('no registry given');
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const plans = MIRRORED_IMAGES.map(planImage);
  await Promise.all(
    options.registries.map(async (base) => {
      const client = new RegistryClient(base, options);
      try {
        const ping = await client.request('GET', '/v2/');
        if (ping.status !== 200) fail(`GET ${base.host}/v2/`, ping);
        // images in parallel, a few at a time; each image's requests in order
        let pushed = 0;
        const queue = [...plans];
        const worker = async () => {
          for (let plan = queue.shift(); plan; plan = queue.shift())
            if (await pushImage(client, options.prefix, plan)) pushed++;
        };
        await Promise.all([worker(), worker(), worker(), worker()]);
        console.log(`push-images: ${base.host}: ${pushed} pushed, ${plans.length - pushed} already present`);
      } finally {
        client.close();
      }
    }),
  );
}

main().catch((e: unknown) => {
  console.error(`push-images: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
