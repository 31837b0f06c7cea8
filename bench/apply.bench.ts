/**
 * The wizard's apply against the same install typed by hand (issue 10): the procedure's kind of
 * configuration on the vendor's real charts (operator-wandb 0.43.8 from the HTTPS repository) and
 * the vendor's real operator of the test environment, installed twice in fresh namespaces —
 *   - by the wizard: its apply run as the Apply step starts it (helm upgrade --install of the
 *     operator, the Secrets, the resource, then following readiness at its default interval until
 *     the operator reports Completed and every workload is ready);
 *   - by hand: the runbook's own commands from the download archive, run by bash in order (helm repo
 *     add, the namespaces, the Secrets at their prompts, helm upgrade --install, kubectl apply and the
 *     runbook's kubectl wait for Completed and the Deployments) —
 * alternating which goes first, and prints both wall times and their ratio. Target: the wizard
 * ≤ 1.2× the commands.
 *
 *   eval "$(scripts/test-env env)"; npx tsx bench/apply.bench.ts     (npm run bench -- apply)
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { median, requireEnv, underReactServer } from './support';

underReactServer();

const ROUNDS = 3;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { applyRunDone, startApplyRun } = await import('@/lib/apply/runs');
  const { cleanupNamespace, freshNamespace, vendorConfig, vendorWhy } =
    await import('@/test/integration/vendor-operator');
  const { unpackRunbook } = await import('@/test/integration/runbook-bundle');

  const kubeconfig = requireEnv('KUBECONFIG');
  const helm = requireEnv('HELM4');
  if (vendorWhy) {
    console.log(`skipped: ${vendorWhy}`);
    return;
  }
  const version = '0.43.8';
  const namespaces: string[] = [];

  async function byWizard(): Promise<number> {
    const ns = freshNamespace('bench-wizard', version);
    namespaces.push(ns);
    const base = vendorConfig(version, ns);
    const config = { ...base, target: { ...base.target, operatorNamespace: ns } };
    const t = performance.now();
    const started = startApplyRun('bench', {
      config,
      dryRun: false,
      kubeconfigPath: kubeconfig,
      env: { HELM: helm, PATH: process.env.PATH },
      followTimeoutMs: 300_000,
    });
    const done = await applyRunDone('bench', started.id);
    const ms = performance.now() - t;
    if (done?.status !== 'succeeded' || done.readiness?.cr.phase !== 'Completed')
      throw new Error(
        `the wizard's apply ended ${done?.status}: ${JSON.stringify(done?.error ?? done?.readiness)}`,
      );
    return ms;
  }

  async function byHand(): Promise<number> {
    const ns = freshNamespace('bench-hand', version);
    namespaces.push(ns);
    const base = vendorConfig(version, ns);
    const config = { ...base, target: { ...base.target, operatorNamespace: ns } };
    const { work, blocksOf, run } = unpackRunbook(config, helm, '');
    try {
      const secrets = blocksOf('generate.runbook.secrets.title');
      const t = performance.now();
      for (const script of [
        ...blocksOf('generate.runbook.prerequisites.title'),
        ...blocksOf('generate.runbook.charts.title'),
        ...blocksOf('generate.runbook.namespaces.title'),
        secrets[1] ?? '',
        ...blocksOf('generate.runbook.operator.title'),
        ...blocksOf('generate.runbook.platform.title'),
      ])
        await run(script, 300_000);
      return performance.now() - t;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  /** The operator chart's ClusterRoles have fixed names: one operator release per cluster at a time. */
  function remove(ns: string): void {
    try {
      execFileSync(helm, ['uninstall', 'operator', '-n', ns, '--wait', '--timeout', '60s'], {
        env: { ...process.env, KUBECONFIG: kubeconfig },
        stdio: 'ignore',
      });
    } catch {
      /* not installed */
    }
    cleanupNamespace(ns);
  }
  const measured = async (install: () => Promise<number>): Promise<number> => {
    try {
      return await install();
    } finally {
      for (const ns of namespaces.splice(0)) remove(ns);
    }
  };

  const wizard: number[] = [];
  const hand: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order: the first install of a round may warm what the second reuses.
    if (round % 2 === 0) {
      wizard.push(await measured(byWizard));
      hand.push(await measured(byHand));
    } else {
      hand.push(await measured(byHand));
      wizard.push(await measured(byWizard));
    }
  }
  const ratio = median(wizard) / median(hand);
  console.table([
    {
      install: `the wizard's apply (median of ${ROUNDS})`,
      time: s(median(wizard)),
      runs: wizard.map(s).join(', '),
    },
    {
      install: `the runbook's commands by bash (median of ${ROUNDS})`,
      time: s(median(hand)),
      runs: hand.map(s).join(', '),
    },
  ]);
  console.log(
    `ratio wizard / commands: ${ratio.toFixed(2)} (target ≤ 1.2: ${ratio <= 1.2 ? 'met' : 'NOT met'}); operator-wandb ${version}, Helm 4, the vendor's operator`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
