/**
 * An operator release left pending by a helm run that was killed mid-way, against the real test
 * env (kube-apiserver + kwok, Helm 3 and Helm 4). The interrupted run is a `helm upgrade --install
 * --wait` of the fixture operator chart with a nodeSelector no node matches (kwok makes pods Ready
 * on its node only), so helm waits and the release stays pending until the process is SIGKILLed.
 * Then: without consent the dry run and the apply fail with errors.helm.stuckRelease before any
 * helm upgrade; with consent the apply rolls back (pending-upgrade) or uninstalls (pending-install)
 * and installs as usual.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import yaml from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';

import { rollbackArgs, upgradeInstallArgs } from '@/lib/helm/args';
import type { KubeClient } from '@/lib/kube';
import { defaultCharts, freshInstall, kubeFor, need } from '@/test/integration/apply-fixture';

import type { ApplyPlan } from './plan';
import { type ApplyEvent, type ApplyOutcome, runApplyPlan, type RunApplyOptions } from './run';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

// The operator chart the plan installs (test/integration/apply-fixture.ts, defaultCharts): the
// vendor's newest where the environment has it, else the fixture chart.
const CHART_DIR =
  defaultCharts() === 'vendor'
    ? join(need('WANDB_VENDOR_DIR'), 'charts', 'operator-1.4.8.tgz')
    : join(__dirname, '../../test/fixtures/charts/operator');
const HELMS = [
  ['HELM3', 3],
  ['HELM4', 4],
] as const;

type Helm = { path: string; major: number };

/** Writes the plan's operator values plus a nodeSelector that matches no node; returns the file. */
function unschedulableValues(plan: ApplyPlan, dir: string): string {
  const step = plan.steps.find((s) => s.kind === 'helm');
  if (step?.kind !== 'helm') throw new Error('no helm step');
  const file = join(dir, 'values.yaml');
  writeFileSync(file, yaml.dump({ ...step.chart.values, nodeSelector: { 'wizard-test/no-such-node': 'x' } }));
  return file;
}

/** `helm upgrade --install` of the fixture chart with those values (`wait`: until Ready, i.e. forever). */
function unschedulableUpgradeArgs(plan: ApplyPlan, ns: string, helm: Helm, dir: string, wait: boolean) {
  return upgradeInstallArgs({
    release: 'operator',
    namespace: ns,
    chartArgs: [CHART_DIR],
    valuesFiles: [unschedulableValues(plan, dir)],
    createNamespace: true,
    wait,
    timeoutSeconds: 300,
    helmMajor: helm.major,
  });
}

/** Runs helm to its end (throws on failure). */
async function helmOnce(helm: Helm, args: string[], dir: string): Promise<void> {
  const child = spawn(helm.path, args, {
    env: { ...process.env, KUBECONFIG: need('KUBECONFIG'), HOME: dir },
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`helm ${args.slice(0, 2).join(' ')} exited ${code}`);
}

/**
 * Starts helm with `args(dir)` and SIGKILLs it as soon as the release's latest revision is
 * `status` (a temporary HOME in `dir` for helm).
 */
async function interruptedHelm(
  kube: KubeClient,
  ns: string,
  helm: Helm,
  status: string,
  args: (dir: string) => string[],
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stuck-release-'));
  try {
    const child = spawn(helm.path, args(dir), {
      env: { ...process.env, KUBECONFIG: need('KUBECONFIG'), HOME: dir },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const latest = (await kube.listHelmRevisions(ns, 'operator').catch(() => [])).at(-1);
        if (latest?.status === status) break;
        if (child.exitCode !== null) throw new Error(`helm exited (${child.exitCode}) before ${status}`);
        if (Date.now() > deadline) throw new Error(`the release never became ${status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The helm step's log lines. */
const helmLines = (events: ApplyEvent[], ns: string) =>
  events.flatMap((e) => (e.type === 'log' && e.stepId === `helm:${ns}/operator` ? [e.line] : []));

/** Asserts that a run failed at the helm step with the stuck-release error, before any helm ran. */
function expectStuck(out: ApplyOutcome, events: ApplyEvent[], ns: string, params: Record<string, unknown>) {
  expect(out.status).toBe('failed');
  expect(out.failedStep).toBe(`helm:${ns}/operator`);
  expect(out.error).toMatchObject({
    key: 'errors.helm.stuckRelease',
    params: { release: 'operator', namespace: ns, ...params },
  });
  expect(out.error?.detail).toMatch(/since \d{4}-\d\d-\d\dT/);
  expect(helmLines(events, ns)).toEqual([]);
  expect(events.at(-1)).toMatchObject({ type: 'stepFailed', stepId: `helm:${ns}/operator` });
}

type Common = Omit<RunApplyOptions, 'dryRun' | 'recoverStuckRelease' | 'onEvent'>;

/**
 * The stuck release as the wizard meets it: the dry run (even with consent) and the apply without
 * consent fail with the stuck-release params and change nothing; the apply with consent succeeds.
 * Returns that apply's outcome and the helm step's log. Nothing secret is in any event or outcome.
 */
async function refuseThenRecover(
  plan: ApplyPlan,
  common: Common,
  ns: string,
  params: Record<string, unknown>,
) {
  const before = await common.kube.listHelmRevisions(ns, 'operator');
  const all: unknown[] = [];
  const run = async (extra: Pick<RunApplyOptions, 'dryRun' | 'recoverStuckRelease'>) => {
    const events: ApplyEvent[] = [];
    const out = await runApplyPlan(plan, { ...common, ...extra, onEvent: (e) => events.push(e) });
    all.push(out, events);
    return { out, events };
  };
  const dry = await run({ dryRun: true, recoverStuckRelease: true });
  expectStuck(dry.out, dry.events, ns, params);
  const refused = await run({});
  expectStuck(refused.out, refused.events, ns, params);
  expect(await common.kube.listHelmRevisions(ns, 'operator')).toEqual(before);

  const recovered = await run({ recoverStuckRelease: true });
  expect(recovered.out.error).toBeUndefined();
  expect(recovered.out.status).toBe('succeeded');
  const serialized = JSON.stringify(all);
  for (const s of plan.secrets) expect(serialized).not.toContain(s);
  return {
    helmChange: recovered.out.changes.find((c) => c.stepId === `helm:${ns}/operator`),
    lines: helmLines(recovered.events, ns),
  };
}

/** Each pattern matches a log line, in this order. */
function expectInOrder(lines: string[], patterns: RegExp[]) {
  const at = patterns.map((p) => lines.findIndex((l) => p.test(l)));
  expect(
    at.every((i) => i >= 0),
    lines.join('\n'),
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

const UPGRADE = /^\$ \S+ upgrade --install operator /;

/** What a scenario's setup gets. */
interface Ctx {
  ns: string;
  plan: ApplyPlan;
  kube: KubeClient;
  helm: Helm;
  common: Common;
  dir: string;
}

/** A `helm upgrade --install --wait` with unschedulable pods, killed once the release is `status`. */
const interruptUpgrade = (c: Ctx, status: 'pending-install' | 'pending-upgrade') =>
  interruptedHelm(c.kube, c.ns, c.helm, status, (d) =>
    unschedulableUpgradeArgs(c.plan, c.ns, c.helm, d, true),
  );

const applied = async (c: Ctx) => expect((await runApplyPlan(c.plan, c.common)).status).toBe('succeeded');

/** How each stuck state is made, what the wizard then reports, and how it recovers. */
const SCENARIOS: Array<{
  title: string;
  setup: (c: Ctx) => Promise<void>;
  history: Array<[number, string]>;
  command: (ns: string) => string;
  recovery: RegExp;
  change: { change: string; detail: string };
  final: { revision: number; status: string };
}> = [
  {
    title: 'pending-upgrade: rolled back to the revision before, then upgraded',
    // 1 the apply, 2 an upgrade that waits for pods that never schedule, killed.
    setup: async (c) => {
      await applied(c);
      await interruptUpgrade(c, 'pending-upgrade');
    },
    history: [
      [1, 'deployed'],
      [2, 'pending-upgrade'],
    ],
    command: (ns) => `helm rollback operator 1 -n ${ns}`,
    recovery: /^\$ \S+ rollback operator 1 --namespace \S+ --wait/,
    // 3 the rollback to 1, 4 the apply.
    change: {
      change: 'upgrade',
      detail: 'recovered from pending-upgrade by rollback to revision 1; revision 3 → 4',
    },
    final: { revision: 4, status: 'deployed' },
  },
  {
    title:
      'pending-rollback: rolled back to the last deployed revision, not to the interrupted upgrade before it',
    // 1 an install whose pods never schedule (no wait), 2 the apply, 3 an upgrade like 1 that
    // waits, killed; 4 a rollback to 1 that waits, killed. `helm rollback operator` would go to 3.
    setup: async (c) => {
      await helmOnce(c.helm, unschedulableUpgradeArgs(c.plan, c.ns, c.helm, c.dir, false), c.dir);
      await applied(c);
      await interruptUpgrade(c, 'pending-upgrade');
      await interruptedHelm(c.kube, c.ns, c.helm, 'pending-rollback', () =>
        rollbackArgs({
          release: 'operator',
          namespace: c.ns,
          revision: 1,
          wait: true,
          timeoutSeconds: 300,
          helmMajor: c.helm.major,
        }),
      );
    },
    history: [
      [1, 'superseded'],
      [2, 'deployed'],
      [3, 'pending-upgrade'],
      [4, 'pending-rollback'],
    ],
    command: (ns) => `helm rollback operator 2 -n ${ns}`,
    recovery: /^\$ \S+ rollback operator 2 --namespace \S+ --wait/,
    change: {
      change: 'upgrade',
      detail: 'recovered from pending-rollback by rollback to revision 2; revision 5 → 6',
    },
    final: { revision: 6, status: 'deployed' },
  },
  {
    title: 'pending-install (an interrupted first install): uninstalled, then installed; the CRD stays',
    setup: (c) => interruptUpgrade(c, 'pending-install'),
    history: [[1, 'pending-install']],
    command: (ns) => `helm uninstall operator -n ${ns}`,
    recovery: /^\$ \S+ uninstall operator --namespace \S+ --wait/,
    change: { change: 'install', detail: 'recovered from pending-install by uninstall' },
    final: { revision: 1, status: 'deployed' },
  },
];

describe('an operator release left pending by an interrupted helm run', () => {
  it.each(SCENARIOS.flatMap((sc) => HELMS.map(([v, major]) => [v, sc.title, major, sc] as const)))(
    '%s: %s',
    { timeout: 400_000 },
    async (helmVar, _title, major, { setup, history, command, recovery, change, final }) => {
      const { ns, config, plan } = freshInstall(cleanups);
      const kube = kubeFor(need('KUBECONFIG'));
      const helm = { path: need(helmVar), major };
      const common = { kube, kubeconfigPath: need('KUBECONFIG'), helm, config, followTimeoutMs: 0 };
      const dir = mkdtempSync(join(tmpdir(), 'stuck-release-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

      await setup({ ns, plan, kube, helm, common, dir });
      expect((await kube.listHelmRevisions(ns, 'operator')).map((r) => [r.revision, r.status])).toEqual(
        history,
      );
      const [revision, status] = history.at(-1) ?? [0, ''];
      const { helmChange, lines } = await refuseThenRecover(plan, common, ns, {
        status,
        revision,
        command: command(ns),
      });
      expectInOrder(lines, [recovery, UPGRADE]);
      expect(helmChange).toMatchObject(change);
      expect((await kube.listHelmRevisions(ns, 'operator')).at(-1)).toMatchObject(final);
      // CRDs of the chart's crds/ directory are never deleted (helm uninstall keeps them).
      expect((await kube.getCrd('weightsandbiases.apps.wandb.com'))?.established).toBe(true);
    },
  );
});
