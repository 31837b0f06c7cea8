/**
 * Benchmark of the check runner with the registry client, against the TLS registry of
 * scripts/test-env (REGISTRY_TLS, REGISTRY_CA_FILE, REGISTRY_PREFIX):
 *
 *   1. 7 image checks (the images of the procedure's `wsm list`) and 100 image checks, one check
 *      per image, all concurrent through runChecks: the wall time of the run, the slowest single
 *      check and their ratio (target ≤ 1.5: the runner adds nothing to the slowest check).
 *   2. The same 7 checks plus one against a black-holed endpoint (accepts, never answers): the
 *      run's wall time next to that endpoint's timeout (a hung endpoint costs its timeout, no more).
 *
 * The 100 tags are made here once (`<prefix>/bench/image:bench-000…099`): blobs mounted from a
 * mirrored image, its manifest put under each tag.
 *
 *   eval "$(scripts/test-env env)"; npx tsx bench/checks-runner.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';

// lib/ modules start with `import 'server-only'`, which only resolves under the react-server
// condition: re-run this file with it when started as plain `npx tsx`.
if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, '--conditions=react-server', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}

const RUNS = 5;
const BENCH_REPO_SUFFIX = 'bench/image';
const SOURCE = { path: 'wandb/local', tag: '0.59.2' };
const PROCEDURE_IMAGES = [
  'docker.io/wandb/controller:1.16.1',
  'docker.io/wandb/local:0.62.2',
  'docker.io/bitnamilegacy/redis:7.2.4-debian-12-r9',
  'quay.io/prometheus-operator/prometheus-config-reloader:v0.67.0',
  'quay.io/prometheus/prometheus:v2.47.0',
  'docker.io/otel/opentelemetry-collector-contrib:0.97.0',
  'docker.io/wandb/console:2.13.1',
];

function requireEnv(name: string): string {
  const v = process.env[name];
  if (!v) {
    console.error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
    process.exit(2);
  }
  return v;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function request(
  url: string,
  ca: Buffer,
  method: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Puts `count` tags of one small image into `<prefix>/bench/image` (skipping those already there). */
async function ensureBenchTags(
  registry: string,
  ca: Buffer,
  prefix: string,
  count: number,
): Promise<string[]> {
  const base = `https://${registry}/v2`;
  const src = `${prefix}/${SOURCE.path}`;
  const dst = `${prefix}/${BENCH_REPO_SUFFIX}`;
  const tags = Array.from({ length: count }, (_, i) => `bench-${String(i).padStart(3, '0')}`);
  const accept = 'application/vnd.docker.distribution.manifest.v2+json';
  const existing = await request(`${base}/${dst}/tags/list`, ca, 'GET');
  const have = new Set(
    existing.status === 200 ? ((JSON.parse(existing.body.toString()) as { tags?: string[] }).tags ?? []) : [],
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

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const { runChecks } = await import('@/lib/checks/runner');
  const { RegistryClient, mirrorImageReference, registryFailureMessage } = await import('@/lib/registry');
  type CheckDefinition = import('@/lib/checks/types').CheckDefinition<null>;
  type RegistryClientT = InstanceType<typeof RegistryClient>;

  const registry = requireEnv('REGISTRY_TLS');
  const ca = readFileSync(requireEnv('REGISTRY_CA_FILE'));
  const prefix = requireEnv('REGISTRY_PREFIX');

  /** One check per image: a manifest HEAD through the shared client. */
  const imageCheck = (
    client: RegistryClientT,
    repository: string,
    reference: string,
    timeoutMs: number,
  ): CheckDefinition => ({
    id: `${client.url}/${repository}:${reference}`,
    titleKey: 'bench.image',
    strict: true,
    timeoutMs,
    run: async (_c, { signal }) => {
      const r = await client.headManifest(repository, reference, { signal });
      if (r.kind === 'present')
        return { status: 'pass', message: { key: 'bench.present', params: { digest: r.digest } } };
      return { status: 'fail', message: registryFailureMessage(r, `${repository}:${reference}`) };
    },
  });

  const procedure = PROCEDURE_IMAGES.map((src) => {
    const m = mirrorImageReference(src, { registry, prefix });
    if (m.error) throw new Error(`${src}: ${m.error.params.reason}`);
    return { repository: m.value.repository, reference: m.value.reference };
  });
  const benchTags = await ensureBenchTags(registry, ca, prefix, 100);
  const hundred = benchTags.map((t) => ({ repository: `${prefix}/${BENCH_REPO_SUFFIX}`, reference: t }));

  const rows: Array<Record<string, string>> = [];
  for (const [label, images] of [
    ['7 images', procedure],
    ['100 images', hundred],
  ] as const) {
    const walls: number[] = [];
    const slowest: number[] = [];
    const ratios: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      // A fresh client per run: connection set-up (TCP + TLS) is part of what a real run pays.
      const client = new RegistryClient({ registry, ca, requestTimeoutMs: 5_000 });
      const defs = images.map((i) => imageCheck(client, i.repository, i.reference, 10_000));
      const t0 = performance.now();
      const results = await runChecks(defs, null, { deadlineMs: 30_000 });
      const wall = performance.now() - t0;
      client.close();
      const failed = results.filter((r) => r.status !== 'pass');
      if (failed.length)
        throw new Error(
          `${label}: ${failed.length} checks did not pass, e.g. ${JSON.stringify(failed[0]?.message)}`,
        );
      if (run === 0) continue; // warm-up
      const slow = Math.max(...results.map((r) => r.durationMs));
      walls.push(wall);
      slowest.push(slow);
      ratios.push(wall / slow);
    }
    rows.push({
      scenario: label,
      'wall (median)': ms(median(walls)),
      'slowest check (median)': ms(median(slowest)),
      'ratio wall/slowest (median)': median(ratios).toFixed(3),
      'ratio (worst of runs)': Math.max(...ratios).toFixed(3),
      target: '≤ 1.5',
    });
  }
  console.log(
    `\nCheck runner + registry client against https://${registry} (${RUNS} runs after a warm-up, one check per image)`,
  );
  console.table(rows);

  // A black-holed endpoint: accepts connections, never answers.
  const sockets: net.Socket[] = [];
  const hole = net.createServer((s) => (sockets.push(s), s.resume())).listen(0, '127.0.0.1');
  await once(hole, 'listening');
  const holeAddress = `127.0.0.1:${(hole.address() as net.AddressInfo).port}`;
  const holeTimeoutMs = 2_000;
  const client = new RegistryClient({ registry, ca, requestTimeoutMs: 5_000 });
  const holeClient = new RegistryClient({ registry: holeAddress, ca, requestTimeoutMs: holeTimeoutMs });
  const defs = [
    ...procedure.map((i) => imageCheck(client, i.repository, i.reference, 10_000)),
    imageCheck(holeClient, 'mirror/wandb/local', '0.62.2', 10_000),
  ];
  const t0 = performance.now();
  const results = await runChecks(defs, null, { deadlineMs: 30_000 });
  const wall = performance.now() - t0;
  client.close();
  holeClient.close();
  for (const s of sockets) s.destroy();
  hole.close();
  const holeResult = results.at(-1);
  console.log(
    `\nOne endpoint black-holed (${holeAddress}, request timeout ${holeTimeoutMs} ms) next to the 7 image checks`,
  );
  console.table([
    {
      'black-holed endpoint timeout': ms(holeTimeoutMs),
      'run wall time': ms(wall),
      'over the timeout': ms(wall - holeTimeoutMs),
      'its result': `${holeResult?.status} ${holeResult?.message.key}`,
      'other checks': results.slice(0, -1).every((r) => r.status === 'pass') ? 'all pass' : 'NOT all pass',
    },
  ]);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
