/**
 * Benchmark of a whole prerequisite run (every check of lib/checks, concurrently, under the real
 * runner) against scripts/test-env, with the registry check asking for:
 *   - the 7 images of the procedure's `wsm list`, then
 *   - 100 images (`<prefix>/bench/image:bench-000…099` in the TLS registry, pushed once if missing),
 * printing the wall time of the run, the slowest single check and their ratio (target ≤ 1.5: the
 * run costs its slowest check, not the sum). Then the same run with MySQL pointed at a port that
 * accepts and never answers: the run's wall time next to the MySQL check's timeout.
 *
 *   eval "$(scripts/test-env env)"; npx tsx bench/checks.bench.ts     (npm run bench runs it)
 */
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';

import { BENCH_REPO, ensureBenchTags, median, requireEnv, underReactServer } from './support';

underReactServer();

const RUNS = 3;
const PROCEDURE_IMAGES = [
  'wandb/controller:1.16.1',
  'wandb/local:0.62.2',
  'bitnamilegacy/redis:7.2.4-debian-12-r9',
  'prometheus-operator/prometheus-config-reloader:v0.67.0',
  'prometheus/prometheus:v2.47.0',
  'otel/opentelemetry-collector-contrib:0.97.0',
  'wandb/console:2.13.1',
];

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const { CHECK_DEFINITIONS, RUN_DEADLINE_MS } = await import('@/lib/checks');
  const { createRegistryImagesCheck } = await import('@/lib/checks/registry-images');
  const { runChecks } = await import('@/lib/checks/runner');
  const { testEnvConfig } = await import('@/lib/checks/test-env-config');
  type Input = import('@/lib/checks').ChecksInput;

  const registry = requireEnv('REGISTRY_TLS');
  const prefix = requireEnv('REGISTRY_PREFIX');
  const ca = readFileSync(requireEnv('REGISTRY_CA_FILE'));
  const base = testEnvConfig('0.43.8');
  const config = {
    ...base,
    registry: {
      ...base.registry,
      host: `${registry}/${prefix}`,
      username: '',
      password: '',
      caBundle: ca.toString(),
    },
  };
  const kubeconfig =
    process.env.KUBECONFIG && existsSync(process.env.KUBECONFIG)
      ? process.env.KUBECONFIG
      : '/nonexistent/kubeconfig';
  const input: Input = {
    config,
    kubeconfigPath: kubeconfig,
    env: { PATH: process.env.PATH, HELM: requireEnv('HELM3') },
  };
  console.log(
    `cluster checks: ${kubeconfig.startsWith('/nonexistent') ? 'skipped (no kubeconfig from scripts/test-env)' : kubeconfig}`,
  );

  const seven = PROCEDURE_IMAGES.map((i) => `${registry}/${prefix}/${i}`);
  const hundred = (await ensureBenchTags(registry, ca, prefix, 100)).map(
    (t) => `${registry}/${prefix}/${BENCH_REPO}:${t}`,
  );
  const definitionsFor = (images: string[]) =>
    CHECK_DEFINITIONS.map((d) => (d.id === 'registry-images' ? createRegistryImagesCheck(() => images) : d));

  const rows: Array<Record<string, string>> = [];
  for (const [label, images] of [
    ['7 images', seven],
    ['100 images', hundred],
  ] as const) {
    const walls: number[] = [];
    const slowest: number[] = [];
    let slowId = '';
    for (let run = 0; run <= RUNS; run++) {
      const t0 = performance.now();
      const results = await runChecks(definitionsFor(images), input, { deadlineMs: RUN_DEADLINE_MS });
      const wall = performance.now() - t0;
      const reg = results.find((r) => r.id === 'registry-images');
      if (reg?.status !== 'pass')
        throw new Error(`${label}: registry check ${reg?.status}: ${JSON.stringify(reg?.message)}`);
      if (run === 0) continue; // warm-up
      const slow = results.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
      walls.push(wall);
      slowest.push(slow.durationMs);
      slowId = `${slow.id} (${results.map((r) => `${r.id}=${r.status}`).join(' ')})`;
    }
    const wall = median(walls);
    const slow = median(slowest);
    rows.push({
      case: label,
      'wall (median)': s(wall),
      'slowest check': s(slow),
      ratio: (wall / slow).toFixed(2),
      target: '≤ 1.5',
      verdict: wall / slow <= 1.5 ? 'ok' : 'OVER',
    });
    console.log(`${label}: slowest ${slowId}`);
  }
  console.table(rows);

  // One endpoint black-holed: MySQL on a port that accepts and never answers.
  const held: net.Socket[] = [];
  const hole = net.createServer((sock) => {
    held.push(sock);
    sock.on('error', () => undefined);
  });
  await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
  const port = (hole.address() as net.AddressInfo).port;
  const mysqlDef = CHECK_DEFINITIONS.find((d) => d.id === 'mysql');
  const holed: Input = {
    ...input,
    config: {
      ...config,
      mysql: { ...(config.mysql as Extract<typeof config.mysql, { mode: 'external' }>), port },
    },
  };
  const t0 = performance.now();
  const results = await runChecks(definitionsFor(seven), holed, { deadlineMs: RUN_DEADLINE_MS });
  const wall = performance.now() - t0;
  const m = results.find((r) => r.id === 'mysql');
  console.table([
    {
      case: `MySQL black-holed (127.0.0.1:${port})`,
      'run wall': s(wall),
      'MySQL check timeout': s(mysqlDef?.timeoutMs ?? 0),
      'MySQL check took': s(m?.durationMs ?? 0),
      'MySQL result': `${m?.status} ${m?.message.key}`,
      verdict: wall <= (mysqlDef?.timeoutMs ?? 0) + 1_500 ? 'ok (costs its timeout, no more)' : 'OVER',
    },
  ]);
  for (const sock of held) sock.destroy();
  hole.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
