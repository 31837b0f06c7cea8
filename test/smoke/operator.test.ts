/**
 * Smoke test of the vendor's W&B operator (scripts/test-env.d/80-operator).
 *
 * WANDB_OPERATOR=1: the real v1 controller runs against the test cluster. A WeightsAndBiases CR whose
 * chart comes from our HTTP chart repository and whose images point at our registry must reach
 * `status.phase: Completed`, leave a Helm release and the `<cr>-app` Deployment with an image from our
 * registry, and on deletion the operator must uninstall the release and drop its finalizer.
 *
 * WANDB_OPERATOR=0: the operator could not be built or started here; the reason must be stated
 * (WANDB_OPERATOR_WHY) so that CI shows it, and the apply tests adapt.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const GROUP = 'apps.wandb.com';
const VERSION = 'v1';
const PLURAL = 'weightsandbiases';
/** The finalizer the v1 controller puts on every CR it reconciles. */
const FINALIZER = 'finalizer.app.wandb.com';
const CHART_VERSION = process.env.WANDB_OPERATOR_TEST_CHART_VERSION ?? '0.18.0';
const PHASE_TIMEOUT_MS = 300_000;
const DELETE_TIMEOUT_MS = 180_000;

const operator = process.env.WANDB_OPERATOR;

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run \`eval "$(scripts/test-env env)"\` after scripts/test-env up`);
  return value;
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 404;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last lines of the operator's log, to explain a failure. */
function operatorLogTail(lines = 30): string {
  const file = process.env.WANDB_OPERATOR_LOG;
  if (!file || !existsSync(file)) return '(no operator log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

describe('vendor W&B operator', () => {
  it('says whether it runs (WANDB_OPERATOR is 1 or 0)', () => {
    expect(operator, 'WANDB_OPERATOR is not set: run `eval "$(scripts/test-env env)"`').toMatch(/^[01]$/);
  });

  describe.runIf(operator === '0')('unavailable', () => {
    it('states why (WANDB_OPERATOR_WHY)', () => {
      const why = process.env.WANDB_OPERATOR_WHY ?? '';
      console.warn(`WANDB_OPERATOR=0: ${why}`);
      expect(why.trim()).not.toBe('');
    });
  });

  describe.runIf(operator === '1')('reconciles a WeightsAndBiases CR', () => {
    const namespace = `op-smoke-${randomBytes(3).toString('hex')}`;
    const crName = 'wandb';
    let custom: k8s.CustomObjectsApi;
    let core: k8s.CoreV1Api;
    let apps: k8s.AppsV1Api;
    let registry: string;

    const getCr = () =>
      custom.getNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace,
        plural: PLURAL,
        name: crName,
      }) as Promise<{
        status?: { phase?: string };
        metadata?: { finalizers?: string[] };
      }>;

    beforeAll(async () => {
      const kc = new k8s.KubeConfig();
      kc.loadFromFile(required('KUBECONFIG'));
      custom = kc.makeApiClient(k8s.CustomObjectsApi);
      core = kc.makeApiClient(k8s.CoreV1Api);
      apps = kc.makeApiClient(k8s.AppsV1Api);
      registry = `${required('REGISTRY_HTTP')}/${process.env.REGISTRY_PREFIX ?? 'mirror'}`;
      await core.createNamespace({ body: { metadata: { name: namespace } } });
    });

    afterAll(async () => {
      if (!custom) return;
      // Leave nothing behind, even when the operator failed to drop its finalizer.
      try {
        await custom.patchNamespacedCustomObject(
          {
            group: GROUP,
            version: VERSION,
            namespace,
            plural: PLURAL,
            name: crName,
            body: { metadata: { finalizers: null } },
          },
          k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
        );
        await custom.deleteNamespacedCustomObject({
          group: GROUP,
          version: VERSION,
          namespace,
          plural: PLURAL,
          name: crName,
        });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
      await core.deleteNamespace({ name: namespace }).catch((e: unknown) => {
        if (!isNotFound(e)) throw e;
      });
    });

    it(
      'reaches phase Completed and installs the chart from our repository with images from our registry',
      async () => {
        const image = (path: string, tag: string) => ({ repository: `${registry}/${path}`, tag });
        await custom.createNamespacedCustomObject({
          group: GROUP,
          version: VERSION,
          namespace,
          plural: PLURAL,
          body: {
            apiVersion: `${GROUP}/${VERSION}`,
            kind: 'WeightsAndBiases',
            metadata: { name: crName, namespace },
            spec: {
              chart: { url: required('CHARTS_HTTP_URL'), name: 'operator-wandb', version: CHART_VERSION },
              values: {
                global: {
                  host: 'http://wandb.test.local',
                  mysql: {
                    host: required('MYSQL_HOST'),
                    port: Number(required('MYSQL_PORT')),
                    database: required('MYSQL_DATABASE'),
                    user: required('MYSQL_USER'),
                    password: required('MYSQL_PASSWORD'),
                  },
                },
                app: { image: image('wandb/local', '0.62.2') },
                console: { image: image('wandb/console', '2.13.1') },
                weave: { image: image('wandb/local', '0.62.2') },
                parquet: { image: image('wandb/local', '0.62.2') },
                ingress: { install: false },
                redis: { install: false },
                prometheus: { install: false },
                otel: { install: false },
              },
            },
          },
        });

        const deadline = Date.now() + PHASE_TIMEOUT_MS;
        let phase: string | undefined;
        while (Date.now() < deadline) {
          phase = (await getCr()).status?.phase;
          if (phase === 'Completed') break;
          if (phase === 'Invalid Config') break;
          await sleep(1_000);
        }
        expect(phase, `status.phase of the CR; operator log:\n${operatorLogTail()}`).toBe('Completed');

        // The operator installs the chart as Helm release <cr> in the CR's namespace.
        const releases = await core.listNamespacedSecret({
          namespace,
          labelSelector: `owner=helm,name=${crName}`,
        });
        expect(releases.items.length).toBeGreaterThan(0);

        const deployment = await apps.readNamespacedDeployment({ name: `${crName}-app`, namespace });
        const images = (deployment.spec?.template.spec?.containers ?? []).map((c) => c.image ?? '');
        expect(images.length).toBeGreaterThan(0);
        expect(
          images.some((i) => i.startsWith(`${registry}/wandb/local:`)),
          images.join(', '),
        ).toBe(true);
      },
      PHASE_TIMEOUT_MS + 60_000,
    );

    it(
      'uninstalls the release and drops its finalizer when the CR is deleted',
      async () => {
        // Only meaningful after a reconcile: the operator owns the CR (finalizer) and the release exists.
        expect((await getCr()).metadata?.finalizers ?? []).toContain(FINALIZER);
        const before = await core.listNamespacedSecret({
          namespace,
          labelSelector: `owner=helm,name=${crName}`,
        });
        expect(before.items.length).toBeGreaterThan(0);

        await custom.deleteNamespacedCustomObject({
          group: GROUP,
          version: VERSION,
          namespace,
          plural: PLURAL,
          name: crName,
        });
        const deadline = Date.now() + DELETE_TIMEOUT_MS;
        let gone = false;
        while (!gone && Date.now() < deadline) {
          try {
            await getCr();
            await sleep(1_000);
          } catch (e) {
            if (!isNotFound(e)) throw e;
            gone = true;
          }
        }
        expect(
          gone,
          `the CR is still there (finalizer not removed); operator log:\n${operatorLogTail()}`,
        ).toBe(true);

        const releases = await core.listNamespacedSecret({
          namespace,
          labelSelector: `owner=helm,name=${crName}`,
        });
        expect(releases.items).toHaveLength(0);
        await expect(
          apps.readNamespacedDeployment({ name: `${crName}-app`, namespace }),
        ).rejects.toMatchObject({ code: 404 });
      },
      DELETE_TIMEOUT_MS + 60_000,
    );
  });
});
