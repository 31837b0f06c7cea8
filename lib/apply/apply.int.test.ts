/**
 * lib/apply against the real test env: kube-apiserver with controller-manager and kwok (a
 * Deployment's pods become Ready on a fake node), Helm 3 and Helm 4, the HTTPS chart repository
 * (Basic auth, private CA) and the OCI registry. The vendor operator is not running here
 * (WANDB_OPERATOR=0), so nothing reconciles the CR: the install tests stop at "CR accepted,
 * operator Deployment Available", and the follow test writes the CR status itself, as the
 * operator would.
 */
import { readdirSync, readFileSync } from 'node:fs';

import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';

import type { InstallConfig } from '@/lib/config';
import { OPERATOR_DEPLOYMENT } from '@/lib/generate';
import { WANDB_CR } from '@/lib/kube';
import { freshInstall as freshInstallIn, kubeFor, need } from '@/test/integration/apply-fixture';

import { followInstall, readReadiness } from './follow';
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
            version: '1.3.3',
            source: {
              kind: 'oci',
              url: need('CHARTS_OCI_AUTH_URL'),
              username: need('REGISTRY_USER'),
              password: need('REGISTRY_PASSWORD'),
              caBundle: c.registry.caBundle,
              plainHttp: false,
              insecureSkipVerify: false,
            },
          },
        },
      }));
      const kube = kubeFor(need('KUBECONFIG'));
      const out = await runApplyPlan(plan, {
        kube,
        kubeconfigPath: need('KUBECONFIG'),
        helm: { path: need('HELM4'), major: 4 },
        config,
        followTimeoutMs: 0,
      });
      expect(out.error).toBeUndefined();
      expect(out.status).toBe('succeeded');
      expect(await kube.listHelmReleases(ns)).toMatchObject([{ name: 'operator', status: 'deployed' }]);
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
    'follow reports the CR phase and the workloads; here the test writes the status and the Deployments the operator would',
    { timeout: 120_000 },
    async () => {
      const { ns, config, plan } = freshInstall();
      const kube = kubeFor(need('KUBECONFIG'));
      // The CR only (its CRD is installed by the operator chart in the tests above or by another suite).
      const crStep = plan.steps.find((s) => s.kind === 'customResource');
      if (crStep?.kind !== 'customResource') throw new Error('no CR step');
      await kube.serverSideApply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
      if (!(await kube.getCrd('weightsandbiases.apps.wandb.com'))?.established)
        throw new Error('the CRD is not installed: run the install test first');
      await kube.serverSideApply(crStep.object);

      const first = await followInstall(kube, config, { timeoutMs: 1, intervalMs: 10 });
      expect(first.outcome).toBe('timeout');
      expect(first.report?.cr).toMatchObject({ found: true });
      expect(first.report?.cr.phase).toBeUndefined();
      expect(first.report?.workloads.find((w) => w.name === 'wandb-app')).toMatchObject({
        found: false,
        ready: 0,
      });

      // As the operator would: status.phase on the status subresource, and the platform Deployments.
      const custom = kube.kc.makeApiClient(CustomObjectsApi);
      await custom.patchNamespacedCustomObjectStatus(
        {
          group: WANDB_CR.group,
          version: WANDB_CR.version,
          plural: WANDB_CR.plural,
          namespace: ns,
          name: 'wandb',
          body: { status: { phase: 'Completed' } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      const apps = kube.kc.makeApiClient(AppsV1Api);
      const names = first.report?.workloads.map((w) => w) ?? [];
      for (const w of names) {
        if (w.kind !== 'Deployment') continue;
        await apps.createNamespacedDeployment({
          namespace: w.namespace,
          body: {
            metadata: { name: w.name },
            spec: {
              replicas: 1,
              selector: { matchLabels: { app: w.name } },
              template: {
                metadata: { labels: { app: w.name } },
                spec: {
                  nodeSelector: { type: 'kwok' },
                  containers: [{ name: 'c', image: 'example.invalid/fake:1' }],
                },
              },
            },
          },
        });
      }
      const reports: string[] = [];
      const done = await followInstall(kube, config, {
        timeoutMs: 90_000,
        intervalMs: 1_000,
        onReport: (r) =>
          reports.push(`${r.cr.phase}:${r.workloads.filter((w) => w.ready >= w.total && w.found).length}`),
      });
      expect(done.outcome).toBe('ready');
      expect(done.report?.cr.phase).toBe('Completed');
      expect(done.report?.workloads.every((w) => w.found && w.ready === w.total)).toBe(true);
      expect(reports.length).toBeGreaterThan(0);
    },
  );

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

  it.each([
    ['the operator never reports', undefined, 'apply.follow.notReady.operatorSilent'],
    ['the operator refuses the resource', 'Invalid Config', 'apply.follow.invalidConfig'],
  ])(
    'an apply whose follow ends because %s fails with a message that says so',
    { timeout: 300_000 },
    async (_what, phase, key) => {
      const { ns, config, plan } = freshInstall();
      const kube = kubeFor(need('KUBECONFIG'));
      const custom = kube.kc.makeApiClient(CustomObjectsApi);
      const out = await runApplyPlan(plan, {
        kube,
        kubeconfigPath: need('KUBECONFIG'),
        helm: { path: need('HELM4'), major: 4 },
        config,
        followTimeoutMs: phase ? 60_000 : 4_000,
        followIntervalMs: 500,
        followSilentAfterMs: 1_000,
        onEvent: (e) => {
          // As the operator would on a configuration it rejects.
          if (phase && e.type === 'stepFinished' && e.stepId === `cr:${ns}/wandb`)
            void custom.patchNamespacedCustomObjectStatus(
              {
                group: WANDB_CR.group,
                version: WANDB_CR.version,
                plural: WANDB_CR.plural,
                namespace: ns,
                name: 'wandb',
                body: { status: { phase } },
              },
              setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
            );
        },
      });
      expect(out.status).toBe('failed');
      expect(out.failedStep).toBe('follow');
      expect(out.error?.key).toBe(key);
      if (phase) expect(out.error?.params.resource).toBe(`${ns}/wandb`);
      else
        expect(out.readiness?.operatorSilent).toMatchObject({
          namespace: ns,
          deployment: OPERATOR_DEPLOYMENT,
        });
    },
  );
});
