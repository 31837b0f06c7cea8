/**
 * lib/apply against the real test env: kube-apiserver with controller-manager and kwok (a
 * Deployment's pods become Ready on a fake node), Helm 3 and Helm 4, the HTTPS chart repository
 * (Basic auth, private CA) and the OCI registry. The first block tests the apply itself on the
 * vendor's charts (the fixture charts where the environment lacks them); its install tests stop
 * at "CR accepted, operator Deployment Available" (the vendor's operator, when it runs,
 * reconciles those resources too, and the cleanup removes what it installed). The second block runs with the vendor's real operator and charts and follows the
 * install to the operator's own phase; nothing writes a status or creates a platform workload.
 */
import { readdirSync, readFileSync } from 'node:fs';

import { AppsV1Api, CoreV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';

import { TEST_ENV_CONTROLLER_TAG } from '@/lib/checks/test-env-config';
import type { InstallConfig } from '@/lib/config';
import { OPERATOR_DEPLOYMENT } from '@/lib/generate';
import {
  defaultCharts,
  freshInstall as freshInstallIn,
  kubeFor,
  need,
} from '@/test/integration/apply-fixture';
import { operatorLog, pauseOperator, releaseWorkloads, vendorWhy } from '@/test/integration/vendor-operator';

import { readReadiness } from './follow';
import { type ApplyEvent, runApplyPlan } from './run';

/** Resolves once a process whose command line holds every one of `words` runs (read from /proc). */
async function whenProcessRuns(words: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let args: string[];
      try {
        args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      } catch {
        continue; // gone meanwhile
      }
      if (words.every((w) => args.includes(w))) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no process ${words.join(' ')} within ${timeoutMs} ms`);
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

const freshInstall = (mutate?: (c: InstallConfig) => InstallConfig) => freshInstallIn(cleanups, mutate);

const vendor = defaultCharts() === 'vendor';

/** What every run as the admin with Helm 4 is given. */
const asAdmin = (config: InstallConfig) => ({
  kube: kubeFor(need('KUBECONFIG')),
  kubeconfigPath: need('KUBECONFIG'),
  helm: { path: need('HELM4'), major: 4 },
  config,
});

describe('apply against the test cluster', () => {
  it.each([
    ['HELM3', 3],
    ['HELM4', 4],
  ])(
    '%s: dry run changes nothing, install brings the operator up and the CR is accepted, re-apply is a no-op',
    { timeout: 300_000 },
    async (helmVar, major) => {
      const { ns, config, plan } = freshInstall();
      const kube = kubeFor(need('KUBECONFIG'));
      const helm = { path: need(helmVar), major };
      const common = { kube, kubeconfigPath: need('KUBECONFIG'), helm, config, followTimeoutMs: 0 };

      // Dry run: every step answers, nothing is persisted.
      const dry = await runApplyPlan(plan, { ...common, dryRun: true });
      expect(dry.error).toBeUndefined();
      expect(dry.status).toBe('succeeded');
      expect(dry.changes.find((c) => c.stepId === `namespace:${ns}`)?.change).toBe('create');
      expect(dry.changes.find((c) => c.stepId === `helm:${ns}/operator`)?.change).toBe('install');
      expect(await kube.getNamespace(ns)).toBeUndefined();
      expect(await kube.listHelmReleases(ns).catch(() => [])).toEqual([]);

      // Install.
      const events: ApplyEvent[] = [];
      const first = await runApplyPlan(plan, { ...common, onEvent: (e) => events.push(e) });
      expect(first.error).toBeUndefined();
      expect(first.status).toBe('succeeded');
      const expected = (kind: string) =>
        kind === 'helm'
          ? 'install'
          : kind === 'waitCrd' || kind === 'waitDeployment'
            ? 'waited'
            : kind === 'follow'
              ? 'skipped'
              : 'create';
      expect(first.changes.map((c) => [c.stepId, c.change])).toEqual(
        plan.steps.map((s) => [s.id, expected(s.kind)]),
      );
      expect(events.filter((e) => e.type === 'stepStarted')).toHaveLength(plan.steps.length);
      expect(events.some((e) => e.type === 'log' && e.line.includes('upgrade --install operator'))).toBe(
        true,
      );
      const serialized = JSON.stringify(events);
      for (const s of plan.secrets) expect(serialized).not.toContain(s);

      expect((await kube.getCrd('weightsandbiases.apps.wandb.com'))?.established).toBe(true);
      const apps = kube.kc.makeApiClient(AppsV1Api);
      const dep = await apps.readNamespacedDeployment({ name: OPERATOR_DEPLOYMENT, namespace: ns });
      expect(dep.status?.availableReplicas).toBeGreaterThanOrEqual(1);
      const cr = await kube.getWeightsAndBiases(ns, 'wandb');
      expect(cr?.metadata?.managedFields?.some((f) => f.manager === 'wandb-airgap-wizard')).toBe(true);
      expect(await kube.listHelmReleases(ns)).toMatchObject([
        { name: 'operator', revision: 1, status: 'deployed' },
      ]);

      // Second apply of the same input: objects unchanged, the Deployment not rolled.
      const second = await runApplyPlan(plan, common);
      expect(second.status).toBe('succeeded');
      for (const c of second.changes) {
        const step = plan.steps.find((s) => s.id === c.stepId);
        if (step?.kind === 'namespace' || step?.kind === 'secret' || step?.kind === 'customResource')
          expect([c.stepId, c.change]).toEqual([c.stepId, 'unchanged']);
      }
      expect(second.changes.find((c) => c.stepId === `helm:${ns}/operator`)?.change).toBe('upgrade');
      const depAfter = await apps.readNamespacedDeployment({ name: OPERATOR_DEPLOYMENT, namespace: ns });
      expect(depAfter.metadata?.generation).toBe(dep.metadata?.generation);

      // Dry run after the install: nothing would change in the objects.
      const dry2 = await runApplyPlan(plan, { ...common, dryRun: true });
      expect(dry2.status).toBe('succeeded');
      expect(dry2.changes.find((c) => c.stepId === `cr:${ns}/wandb`)?.change).toBe('unchanged');
      expect(dry2.changes.find((c) => c.stepId === `namespace:${ns}`)?.change).toBe('unchanged');
    },
  );

  it(
    'the operator chart from the OCI registry (TLS + auth) installs with Helm 4',
    { timeout: 300_000 },
    async () => {
      const { ns, config, plan } = freshInstall((c) => ({
        ...c,
        charts: {
          ...c.charts,
          operator: {
            version: vendor ? '1.4.8' : '1.3.3',
            source: {
              kind: 'oci',
              url: need(vendor ? 'CHARTS_VENDOR_OCI_AUTH_URL' : 'CHARTS_OCI_AUTH_URL'),
              username: need('REGISTRY_USER'),
              password: need('REGISTRY_PASSWORD'),
              caBundle: c.registry.caBundle,
              plainHttp: false,
              insecureSkipVerify: false,
            },
          },
        },
      }));
      const out = await runApplyPlan(plan, { ...asAdmin(config), followTimeoutMs: 0 });
      expect(out.error).toBeUndefined();
      expect(out.status).toBe('succeeded');
      expect(await kubeFor(need('KUBECONFIG')).listHelmReleases(ns)).toMatchObject([
        { name: 'operator', status: 'deployed' },
      ]);
    },
  );

  it('a local platform chart archive becomes the wandb-charts ConfigMap (base64 of the tgz); dry run first, then apply, then no change', async () => {
    const archive = `${need('TEST_ENV_DIR')}/charts/repo/operator-wandb-0.18.0.tgz`;
    const { ns, config, plan } = freshInstall((c) => ({
      ...c,
      charts: { ...c.charts, platform: { source: { kind: 'local', path: archive }, version: '0.18.0' } },
    }));
    const kube = kubeFor(need('KUBECONFIG'));
    // Only the namespace and the ConfigMap steps of the plan.
    const part = {
      ...plan,
      steps: plan.steps.filter((s) => s.kind === 'namespace' || s.kind === 'chartsConfigMap'),
    };
    expect(part.steps.map((s) => s.kind)).toEqual(['namespace', 'chartsConfigMap']);
    const common = {
      kube,
      kubeconfigPath: need('KUBECONFIG'),
      helm: { path: need('HELM3'), major: 3 },
      config,
    };
    const dry = await runApplyPlan(part, { ...common, dryRun: true });
    expect(dry.changes.map((c) => c.change)).toEqual(['create', 'create']);
    const first = await runApplyPlan(part, common);
    expect(first.error).toBeUndefined();
    expect(first.changes.map((c) => c.change)).toEqual(['create', 'create']);
    const cm = await kube.kc
      .makeApiClient(CoreV1Api)
      .readNamespacedConfigMap({ name: 'wandb-charts', namespace: ns });
    expect(cm.data?.['operator-wandb']).toBe(readFileSync(archive).toString('base64'));
    const again = await runApplyPlan(part, common);
    expect(again.changes.map((c) => c.change)).toEqual(['unchanged', 'unchanged']);
  });

  it('with the read-only kubeconfig the apply stops at the first step and names the refused verb and resource', async () => {
    const { ns, config, plan } = freshInstall();
    const kube = kubeFor(need('KUBECONFIG_RESTRICTED'));
    const events: ApplyEvent[] = [];
    const out = await runApplyPlan(plan, {
      kube,
      kubeconfigPath: need('KUBECONFIG_RESTRICTED'),
      helm: { path: need('HELM3'), major: 3 },
      config,
      followTimeoutMs: 0,
      onEvent: (e) => events.push(e),
    });
    expect(out.status).toBe('failed');
    expect(out.failedStep).toBe(`namespace:${ns}`);
    expect(out.error?.key).toBe('errors.kube.forbidden');
    expect(String(out.error?.params.message)).toMatch(/cannot patch resource "namespaces"/);
    expect(events.at(-1)).toMatchObject({ type: 'stepFailed', stepId: `namespace:${ns}` });
    expect(await kubeFor(need('KUBECONFIG')).getNamespace(ns)).toBeUndefined();
  });

  it('a cancelled apply stops before the next step', async () => {
    const { ns, config, plan } = freshInstall();
    const kube = kubeFor(need('KUBECONFIG'));
    const ac = new AbortController();
    const out = await runApplyPlan(plan, {
      kube,
      kubeconfigPath: need('KUBECONFIG'),
      helm: { path: need('HELM3'), major: 3 },
      config,
      signal: ac.signal,
      onEvent: (e) => {
        if (e.type === 'stepFinished' && e.stepId === `namespace:${ns}`) ac.abort();
      },
    });
    expect(out.status).toBe('cancelled');
    expect(out.changes.map((c) => c.stepId)).toEqual([`namespace:${ns}`]);
    expect(await kube.listHelmReleases(ns)).toEqual([]);
  });

  it('a cancel while helm runs stops helm and ends the run as cancelled', { timeout: 120_000 }, async () => {
    const { ns, config, plan } = freshInstall();
    const kube = kubeFor(need('KUBECONFIG'));
    const ac = new AbortController();
    const events: ApplyEvent[] = [];
    const t0 = Date.now();
    const out = await runApplyPlan(plan, {
      kube,
      kubeconfigPath: need('KUBECONFIG'),
      helm: { path: need('HELM3'), major: 3 },
      config,
      signal: ac.signal,
      onEvent: (e) => {
        events.push(e);
        // Cancel once `helm upgrade --install` itself runs (after the repo add), however loaded the machine.
        if (e.type === 'stepStarted' && e.stepId === `helm:${ns}/operator`)
          void whenProcessRuns(['upgrade', '--install', ns]).then(() => ac.abort());
      },
    });
    expect(out.status).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(out.changes.some((c) => c.stepId === `helm:${ns}/operator`)).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'stepFailed', stepId: `helm:${ns}/operator` });
    // helm itself was stopped by the cancel (SIGTERM from the runner), not left running.
    const last = events.at(-1);
    expect(last?.type === 'stepFailed' && last.error.key).toBe('errors.aborted');
    expect(last?.type === 'stepFailed' && last.error.detail).toMatch(
      /upgrade --install operator[\s\S]*signal=SIGTERM/,
    );
    expect(events.some((e) => e.type === 'stepStarted' && e.stepId.startsWith('crd:'))).toBe(false);
  });

  it(
    'follow names the pods that cannot start: one no node can take (the real scheduler), one whose image the node cannot pull',
    { timeout: 120_000 },
    async () => {
      const { ns, config } = freshInstall();
      const kube = kubeFor(need('KUBECONFIG'));
      const core = kube.kc.makeApiClient(CoreV1Api);
      await kube.serverSideApply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
      // The scheduler finds no node with this label: PodScheduled=False, Unschedulable.
      await core.createNamespacedPod({
        namespace: ns,
        body: {
          metadata: { name: 'wandb-app-0' },
          spec: {
            nodeSelector: { type: 'no-such-node' },
            containers: [{ name: 'app', image: 'registry.internal/wandb/local:0.59.2' }],
          },
        },
      });
      // A pod bound to a node no kubelet serves; the test writes the status a kubelet writes when the
      // image is missing from the registry. A pod of another release is ignored.
      for (const name of ['wandb-weave-0', 'other-weave-0']) {
        await core.createNamespacedPod({
          namespace: ns,
          body: {
            metadata: { name },
            spec: {
              nodeName: 'node-without-kubelet',
              containers: [{ name: 'weave', image: 'registry.internal/wandb/local:missing' }],
            },
          },
        });
        await core.patchNamespacedPodStatus(
          {
            namespace: ns,
            name,
            body: {
              status: {
                phase: 'Pending',
                containerStatuses: [
                  {
                    name: 'weave',
                    image: 'registry.internal/wandb/local:missing',
                    imageID: '',
                    ready: false,
                    restartCount: 0,
                    state: {
                      waiting: {
                        reason: 'ImagePullBackOff',
                        message: 'Back-off pulling image "registry.internal/wandb/local:missing"',
                      },
                    },
                  },
                ],
              },
            },
          },
          setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
        );
      }
      let problems: string[] = [];
      for (let i = 0; i < 30; i++) {
        const r = await readReadiness(kube, config);
        problems = r.problems.map((p) => `${p.pod}:${p.reason}:${p.image ?? ''}:${p.imagePull}`).sort();
        if (problems.length === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      expect(problems).toEqual([
        'wandb-app-0:Unschedulable::false',
        'wandb-weave-0:ImagePullBackOff:registry.internal/wandb/local:missing:true',
      ]);
    },
  );

  it(
    'an apply whose follow ends because the operator never reports fails with a message that says so',
    { timeout: 300_000 },
    async () => {
      const { ns, config, plan } = freshInstall();
      // The real operator (when the environment runs it) is stopped while the resource is applied
      // and followed: as an operator that is not running.
      let resume = () => {};
      try {
        const out = await runApplyPlan(plan, {
          ...asAdmin(config),
          followTimeoutMs: 4_000,
          followIntervalMs: 500,
          followSilentAfterMs: 1_000,
          onEvent: (e) => {
            if (e.type === 'stepStarted' && e.stepId === `cr:${ns}/wandb`) resume = pauseOperator();
          },
        });
        expect(out.status).toBe('failed');
        expect(out.failedStep).toBe('follow');
        expect(out.error?.key).toBe('apply.follow.notReady.operatorSilent');
        expect(out.readiness?.operatorSilent).toMatchObject({
          namespace: ns,
          deployment: OPERATOR_DEPLOYMENT,
        });
      } finally {
        resume();
      }
    },
  );
});

/**
 * The vendor's real operator (v1.22.0, outside the cluster) reconciles what the wizard applies: the
 * apply installs the real operator chart and the generated Secrets and resource, the operator
 * downloads the real operator-wandb and installs it, and the follow step ends on the operator's
 * own `Completed` with every workload ready on the kwok node, or on its `Invalid Config` with its
 * own reason. Nothing here writes a status or creates a workload.
 */
describe.skipIf(vendorWhy !== '')(`apply, reconciled by the vendor's operator ${vendorWhy}`, () => {
  const apply = (version: string, mutate?: (c: InstallConfig) => InstallConfig) => {
    const { ns, config, plan } = freshInstallIn(cleanups, mutate, { charts: 'vendor', version });
    const events: ApplyEvent[] = [];
    const run = runApplyPlan(plan, {
      ...asAdmin(config),
      followTimeoutMs: 240_000,
      followIntervalMs: 1_000,
      // The operator runs outside the cluster here: its log is a file, not its pod's.
      operatorLog: () => Promise.resolve(operatorLog()),
      onEvent: (e) => events.push(e),
    });
    return { ns, config, events, run };
  };

  /** The run succeeded on the operator's Completed, and every workload of the release is ready. */
  async function expectReady(
    ns: string,
    out: Awaited<ReturnType<typeof runApplyPlan>>,
    events: ApplyEvent[],
  ) {
    expect(out.error, operatorLog().split('\n').slice(-20).join('\n')).toBeUndefined();
    expect(out.status).toBe('succeeded');
    expect(out.changes.find((c) => c.stepId === `helm:${ns}/operator`)?.change).toBe('install');
    expect(out.changes.find((c) => c.stepId === 'follow')?.change).toBe('followed');
    expect(out.readiness?.cr.phase).toBe('Completed');
    expect(out.readiness?.workloads.filter((w) => !(w.found && w.total > 0 && w.ready >= w.total))).toEqual(
      [],
    );
    // The follow saw the operator at work before it was done.
    expect(events.some((e) => e.type === 'readiness' && !e.report.ready)).toBe(true);
    const workloads = await releaseWorkloads(ns, 60_000);
    expect(workloads.length).toBeGreaterThanOrEqual(6);
    expect(workloads.filter((w) => !w.ready)).toEqual([]);
  }

  it.each(['0.18.0', '0.43.8'])(
    'operator-wandb %s from the HTTPS repository (password through credentialSecret): Completed, every workload ready',
    { timeout: 360_000 },
    async (version) => {
      const { ns, events, run } = apply(version);
      await expectReady(ns, await run, events);
    },
  );

  it(
    'operator-wandb 0.18.0 from the OCI registry with the 1.22.0 controller: Completed, every workload ready',
    { timeout: 360_000 },
    async () => {
      const { ns, config, events, run } = apply('0.18.0', (c) => ({
        ...c,
        charts: {
          ...c.charts,
          platform: {
            version: '0.18.0',
            // The plain-HTTP registry: Helm 3 (which the operator embeds) speaks plain HTTP to a
            // registry on a loopback address anyway (README, known limits).
            source: {
              kind: 'oci',
              url: need('CHARTS_VENDOR_OCI_HTTP_URL'),
              username: '',
              password: '',
              caBundle: '',
              plainHttp: true,
              insecureSkipVerify: false,
            },
          },
        },
      }));
      expect(config.images.controller.tag).toBe(TEST_ENV_CONTROLLER_TAG);
      await expectReady(ns, await run, events);
      const cr = (await kubeFor(need('KUBECONFIG')).getWeightsAndBiases(ns, 'wandb')) as {
        spec?: { chart?: { url?: string } };
      };
      expect(cr.spec?.chart?.url).toMatch(/^oci:\/\//);
    },
  );

  it(
    "a chart version the repository lacks: the follow ends within seconds on Invalid Config, with the operator's own reason",
    {
      timeout: 300_000,
    },
    async () => {
      const { ns, events, run } = apply('0.18.99');
      const out = await run;
      expect(out.status).toBe('failed');
      expect(out.failedStep).toBe('follow');
      expect(out.error?.key).toBe('apply.follow.invalidConfig');
      expect(out.error?.params.resource).toBe(`${ns}/wandb`);
      expect(String(out.error?.params.events)).toContain('0.18.99');
      expect(out.readiness?.cr.phase).toBe('Invalid Config');
      // From the resource applied to the end of the run: seconds, not reconcileFrequency (1 h).
      const applied = events.find((e) => e.type === 'stepFinished' && e.stepId === `cr:${ns}/wandb`);
      expect(applied).toBeDefined();
      expect(Date.parse(events.at(-1)?.at ?? '') - Date.parse(applied?.at ?? '')).toBeLessThan(60_000);
    },
  );
});
