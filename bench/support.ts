/**
 * What the registry benchmarks share: the test environment's variables, a plain HTTPS request
 * to the registry, and the 100 bench tags (made once, blobs mounted from a mirrored image).
 */
import { spawnSync } from 'node:child_process';
import https from 'node:https';

/**
 * lib/ modules start with `import 'server-only'`, which resolves only under the react-server
 * condition: re-runs the calling bench with it when started as plain `npx tsx` (and exits).
 */
export function underReactServer(): void {
  if (process.execArgv.some((a) => a.includes('react-server'))) return;
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, '--conditions=react-server', ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}

/** Where the bench tags live, below the registry's path prefix. */
export const BENCH_REPO = 'bench/image';
/** The mirrored image whose blobs and manifest the bench tags reuse. */
const SOURCE = { path: 'wandb/local', tag: '0.59.2' };

/** A variable of `scripts/test-env env`, or exit 2 saying how to load them. */
export function requireEnv(name: string): string {
  const v = process.env[name];
  if (!v) {
    console.error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
    process.exit(2);
  }
  return v;
}

export const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** One request to the registry over a fresh connection, verified against `ca`. */
function send(
  url: string,
  ca: Buffer,
  method: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Puts `count` tags of one small mirrored image under `<prefix>/bench/image` of a TLS registry
 * (blobs mounted, the manifest put per tag), skipping those already there; `auth` (user and
 * password) for the registry with basic auth. Returns the tags.
 */
export async function ensureBenchTags(
  registry: string,
  ca: Buffer,
  prefix: string,
  count: number,
  auth?: { username: string; password: string },
): Promise<string[]> {
  const basic: Record<string, string> = auth
    ? { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` }
    : {};
  const request = (
    url: string,
    ca: Buffer,
    method: string,
    headers: Record<string, string> = {},
    body?: Buffer,
  ) => send(url, ca, method, { ...basic, ...headers }, body);
  const base = `https://${registry}/v2`;
  const src = `${prefix}/${SOURCE.path}`;
  const dst = `${prefix}/${BENCH_REPO}`;
  const tags = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(3, '0')}`);
  const accept = 'application/vnd.docker.distribution.manifest.v2+json';
  const list = await request(`${base}/${dst}/tags/list`, ca, 'GET');
  const have = new Set(
    list.status === 200 ? ((JSON.parse(list.body.toString()) as { tags?: string[] }).tags ?? []) : [],
  );
  const missing = tags.filter((t) => !have.has(t));
  if (missing.length === 0) return tags;
  const manifest = await request(`${base}/${src}/manifests/${SOURCE.tag}`, ca, 'GET', { accept });
  if (manifest.status !== 200) throw new Error(`source image ${src}:${SOURCE.tag}: HTTP ${manifest.status}`);
  const parsed = JSON.parse(manifest.body.toString()) as {
    config: { digest: string };
    layers: Array<{ digest: string }>;
  };
  for (const digest of [parsed.config.digest, ...parsed.layers.map((l) => l.digest)]) {
    const mount = await request(
      `${base}/${dst}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(src)}`,
      ca,
      'POST',
    );
    if (mount.status !== 201)
      throw new Error(`mounting ${digest}: HTTP ${mount.status} ${mount.body.toString()}`);
  }
  for (const tag of missing) {
    const put = await request(
      `${base}/${dst}/manifests/${tag}`,
      ca,
      'PUT',
      { 'content-type': accept },
      manifest.body,
    );
    if (put.status !== 201)
      throw new Error(`putting ${dst}:${tag}: HTTP ${put.status} ${put.body.toString()}`);
  }
  console.log(`pushed ${missing.length} bench tags to ${registry}/${dst}`);
  return tags;
}
