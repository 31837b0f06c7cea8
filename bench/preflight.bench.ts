/**
 * The wizard's checks against the field's own preflight tool, side by side in scripts/test-env:
 * Replicated's `preflight` (github.com/replicatedhq/troubleshoot v0.133.0, built from the Go module
 * proxy and cached by version under ~/.cache/wandb-airgap-wizard/bin) runs a spec that checks what
 * it can of what the wizard checks — the cluster version (>= 1.28), the same 100 images in the
 * same registry (TLS + basic auth, the generated pull secret's credentials), the ingress class and
 * a default StorageClass — and the wizard runs its checks of the same things (kube-api,
 * registry-images, cluster-fit) under its runner, then its whole run. Prints the wall times, their
 * ratio (target: the wizard <= 0.2x preflight) and the verdicts of both, once with every image
 * present and once with one image missing.
 *
 * What preflight cannot do the same: its registry collector skips TLS verification
 * (InsecureSkipVerify, pkg/collect/registry.go), so the CA is the wizard's alone; it asks for the
 * images one after another, each with up to three tries. Both pay the registry's htpasswd (bcrypt)
 * check on every request, which on this 2-CPU machine bounds what concurrency can win; the
 * "of which registry check" column shows that share of the wizard's time.
 *
 *   eval "$(scripts/test-env env)"; npx tsx bench/preflight.bench.ts     (npm run bench runs it)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

import { BENCH_REPO, ensureBenchTags, median, requireEnv, underReactServer } from './support';

underReactServer();

const TROUBLESHOOT = 'github.com/replicatedhq/troubleshoot';
const VERSION = 'v0.133.0';
const RUNS = 3;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The go command: PATH's, else the machine's /usr/local/go. */
function goBinary(): string {
  const which = spawnSync('bash', ['-c', 'command -v go'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  if (existsSync('/usr/local/go/bin/go')) return '/usr/local/go/bin/go';
  throw new Error('go is not installed: preflight is built from the Go module proxy');
}

/**
 * The preflight binary of {@link VERSION}: cached, else downloaded as a module from the Go module
 * proxy and built (its go.mod has replace directives, so `go install module@version` refuses it;
 * the module is built in a writable copy instead). Tens of minutes cold on two CPUs.
 */
function ensurePreflight(): string {
  const dir = path.join(homedir(), '.cache', 'wandb-airgap-wizard', 'bin');
  const bin = path.join(dir, `preflight-${VERSION.slice(1)}`);
  if (existsSync(bin)) return bin;
  const go = goBinary();
  console.log(`building preflight ${VERSION} from the Go module proxy (cached afterwards at ${bin})…`);
  const work = mkdtempSync(path.join(tmpdir(), 'preflight-build-'));
  try {
    const dl = spawnSync(go, ['mod', 'download', '-json', `${TROUBLESHOOT}@${VERSION}`], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, GOFLAGS: '-mod=mod' },
    });
    if (dl.status !== 0) throw new Error(`go mod download: ${dl.stderr || dl.stdout}`);
    const { Dir } = JSON.parse(dl.stdout) as { Dir: string };
    const src = path.join(work, 'src');
    cpSync(Dir, src, { recursive: true });
    spawnSync('chmod', ['-R', 'u+w', src]);
    mkdirSync(dir, { recursive: true });
    const build = spawnSync(go, ['build', '-trimpath', '-o', `${bin}.tmp`, './cmd/preflight'], {
      cwd: src,
      stdio: 'inherit',
      env: { ...process.env, CGO_ENABLED: '0' },
    });
    if (build.status !== 0) throw new Error('go build of preflight failed');
    spawnSync('mv', [`${bin}.tmp`, bin]);
    return bin;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type Verdict = 'pass' | 'warn' | 'fail' | '-';
interface Verdicts {
  version: Verdict;
  images: Verdict;
  ingressClass: Verdict;
  storageClass: Verdict;
}

/** The preflight spec of the same checks (troubleshoot.sh/v1beta2). */
function preflightSpec(images: string[], dockerConfigJson: string, ingressClass: string): string {
  return JSON.stringify({
    apiVersion: 'troubleshoot.sh/v1beta2',
    kind: 'Preflight',
    metadata: { name: 'wandb-airgap-bench' },
    spec: {
      collectors: [
        {
          registryImages: {
            collectorName: 'wandb-images',
            images,
            imagePullSecret: {
              name: 'bench-pull',
              type: 'kubernetes.io/dockerconfigjson',
              data: { '.dockerconfigjson': Buffer.from(dockerConfigJson).toString('base64') },
            },
          },
        },
      ],
      analyzers: [
        {
          clusterVersion: {
            checkName: 'version',
            outcomes: [
              { fail: { when: '< 1.28.0', message: 'Kubernetes 1.28 or newer is needed' } },
              { pass: { message: 'Kubernetes is recent enough' } },
            ],
          },
        },
        {
          registryImages: {
            checkName: 'images',
            collectorName: 'wandb-images',
            outcomes: [
              { fail: { when: 'missing > 0', message: 'images are missing' } },
              { fail: { when: 'errors > 0', message: 'images could not be checked' } },
              { pass: { message: 'every image is present' } },
            ],
          },
        },
        {
          ingressClass: {
            checkName: 'ingressClass',
            ingressClassName: ingressClass,
            outcomes: [
              { fail: { message: `no ingress class ${ingressClass}` } },
              { pass: { message: `ingress class ${ingressClass} exists` } },
            ],
          },
        },
        {
          storageClass: {
            checkName: 'storageClass',
            outcomes: [
              { fail: { message: 'no default StorageClass' } },
              { pass: { message: 'default StorageClass found' } },
            ],
          },
        },
      ],
    },
  });
}

/** Runs preflight non-interactively; its JSON lists results under pass/warn/fail by title. */
function runPreflight(
  bin: string,
  specFile: string,
  kubeconfig: string,
): { ms: number; verdicts: Verdicts; raw: string } {
  const t0 = performance.now();
  // preflight leaves its bundle (a .tar.gz) in the working directory: the spec's temporary folder.
  const r = spawnSync(bin, ['--interactive=false', '--format=json', specFile], {
    cwd: path.dirname(specFile),
    encoding: 'utf8',
    env: { ...process.env, KUBECONFIG: kubeconfig },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  const start = r.stdout.indexOf('{');
  if (start < 0) throw new Error(`preflight printed no JSON (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  const out = JSON.parse(r.stdout.slice(start)) as Partial<
    Record<'pass' | 'warn' | 'fail', Array<{ title: string }>>
  >;
  const of = (title: (t: string) => boolean): Verdict => {
    for (const v of ['fail', 'warn', 'pass'] as const)
      if ((out[v] ?? []).some((x) => title(x.title))) return v;
    return '-';
  };
  return {
    ms,
    raw: r.stdout,
    verdicts: {
      version: of((t) => /version/i.test(t)),
      images: of((t) => /images/i.test(t)),
      ingressClass: of((t) => /ingress/i.test(t)),
      storageClass: of((t) => /storage/i.test(t)),
    },
  };
}

async function main(): Promise<void> {
  const { CHECK_DEFINITIONS, RUN_DEADLINE_MS } = await import('@/lib/checks');
  const { createRegistryImagesCheck } = await import('@/lib/checks/registry-images');
  const { runChecks } = await import('@/lib/checks/runner');
  const { testEnvConfig } = await import('@/lib/checks/test-env-config');
  type Input = import('@/lib/checks').ChecksInput;
  type Result = Awaited<ReturnType<typeof runChecks>>[number];

  const kubeconfig = requireEnv('KUBECONFIG');
  if (!existsSync(kubeconfig)) {
    console.log('skipped: no cluster in scripts/test-env (KUBECONFIG missing)');
    return;
  }
  const registry = requireEnv('REGISTRY_AUTH');
  const prefix = requireEnv('REGISTRY_PREFIX');
  const ca = readFileSync(requireEnv('REGISTRY_CA_FILE'));
  const auth = { username: requireEnv('REGISTRY_USER'), password: requireEnv('REGISTRY_PASSWORD') };
  const bin = ensurePreflight();

  const base = testEnvConfig('0.43.8');
  const config = { ...base, ingress: { ...base.ingress, class: 'nginx' } };
  const input: Input = {
    config,
    kubeconfigPath: kubeconfig,
    env: { PATH: process.env.PATH, HELM: requireEnv('HELM3') },
  };
  const tags = await ensureBenchTags(registry, ca, prefix, 100, auth);
  const present = tags.map((t) => `${registry}/${prefix}/${BENCH_REPO}:${t}`);
  const oneMissing = [...present.slice(0, 99), `${registry}/${prefix}/${BENCH_REPO}:no-such-tag`];
  const dockerConfig = JSON.stringify({
    auths: {
      [registry]: {
        username: auth.username,
        password: auth.password,
        auth: Buffer.from(`${auth.username}:${auth.password}`).toString('base64'),
      },
    },
  });

  const comparable = ['kube-api', 'registry-images', 'cluster-fit'];
  const definitionsFor = (images: string[], only?: string[]) =>
    CHECK_DEFINITIONS.filter((d) => !only || only.includes(d.id)).map((d) =>
      d.id === 'registry-images' ? createRegistryImagesCheck(() => images) : d,
    );
  const wizardVerdicts = (results: Result[]): Verdicts => {
    const status = (id: string): Verdict => {
      const r = results.find((x) => x.id === id);
      return r?.status === 'pass' || r?.status === 'warn' || r?.status === 'fail' ? r.status : '-';
    };
    const finding = (label: string): Verdict => {
      const e = results.find((x) => x.id === 'cluster-fit')?.evidence.find((x) => x.label === label);
      const v = e?.response?.split(':')[0];
      return v === 'pass' || v === 'warn' || v === 'fail' ? v : '-';
    };
    return {
      version: status('kube-api'),
      images: status('registry-images'),
      ingressClass: finding('IngressClass'),
      storageClass: finding('StorageClass'),
    };
  };

  const work = mkdtempSync(path.join(tmpdir(), 'preflight-bench-'));
  const rows: Array<Record<string, string>> = [];
  try {
    for (const [label, images] of [
      ['100 images, all present', present],
      ['100 images, one missing', oneMissing],
    ] as const) {
      const specFile = path.join(work, 'spec.json');
      writeFileSync(specFile, preflightSpec([...images], dockerConfig, 'nginx'), { mode: 0o600 });
      const pf: number[] = [];
      const same: number[] = [];
      const registryCheck: number[] = [];
      const whole: number[] = [];
      let pfVerdicts: Verdicts | undefined;
      let wzVerdicts: Verdicts | undefined;
      for (let run = 0; run <= RUNS; run++) {
        const p = runPreflight(bin, specFile, kubeconfig);
        const t0 = performance.now();
        const results = await runChecks(definitionsFor([...images], comparable), input, {
          deadlineMs: RUN_DEADLINE_MS,
        });
        const t1 = performance.now();
        await runChecks(definitionsFor([...images]), input, { deadlineMs: RUN_DEADLINE_MS });
        const t2 = performance.now();
        pfVerdicts = p.verdicts;
        wzVerdicts = wizardVerdicts(results);
        if (run === 0) continue; // warm-up
        pf.push(p.ms);
        same.push(t1 - t0);
        registryCheck.push(results.find((r) => r.id === 'registry-images')?.durationMs ?? 0);
        whole.push(t2 - t1);
      }
      const agree = JSON.stringify(pfVerdicts) === JSON.stringify(wzVerdicts);
      rows.push({
        case: label,
        preflight: s(median(pf)),
        'wizard, same checks': s(median(same)),
        ratio: (median(same) / median(pf)).toFixed(3),
        'of which registry check': s(median(registryCheck)),
        'wizard, whole run': s(median(whole)),
        'ratio (whole)': (median(whole) / median(pf)).toFixed(3),
        target: '≤ 0.2',
        verdict: median(same) / median(pf) <= 0.2 ? 'ok' : 'OVER',
        'same verdicts': agree ? 'yes' : 'NO',
      });
      console.log(`${label}: preflight ${JSON.stringify(pfVerdicts)}; wizard ${JSON.stringify(wzVerdicts)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.table(rows);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
