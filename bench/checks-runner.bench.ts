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
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import net from 'node:net';

import { BENCH_REPO, ensureBenchTags, median, requireEnv, underReactServer } from './support';

underReactServer();

const RUNS = 5;
const PROCEDURE_IMAGES = [
  'docker.io/wandb/controller:1.16.1',
  'docker.io/wandb/local:0.62.2',
  'docker.io/bitnamilegacy/redis:7.2.4-debian-12-r9',
  'quay.io/prometheus-operator/prometheus-config-reloader:v0.67.0',
  'quay.io/prometheus/prometheus:v2.47.0',
  'docker.io/otel/opentelemetry-collector-contrib:0.97.0',
  'docker.io/wandb/console:2.13.1',
];

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
  const hundred = benchTags.map((t) => ({ repository: `${prefix}/${BENCH_REPO}`, reference: t }));

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
