/**
 * helmUpgradeInstall (the apply step's helm call) against the real API server of scripts/test-env,
 * with Helm 3 and Helm 4: install, upgrade to revision 2, read back through lib/kube, uninstall.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { KubernetesObjectApi } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';

import { toUserError } from '@/lib/errors';
import { KubeClient, loadKubeConfig } from '@/lib/kube';

import { findHelm, helmUpgradeInstall } from './helm';
import { runHelm, withHelmHome } from './runner';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run scripts/test-env up, then eval "$(scripts/test-env env)"`);
  return value;
}

function operatorVersion(): string {
  const root = join(__dirname, '../../test/fixtures/charts');
  for (const dir of readdirSync(root)) {
    try {
      const text = readFileSync(join(root, dir, 'Chart.yaml'), 'utf8');
      if (text.match(/^name:\s*(\S+)/m)?.[1] === 'operator')
        return text.match(/^version:\s*['"]?([^'"\s]+)/m)?.[1] ?? '';
    } catch {
      // not a chart directory
    }
  }
  throw new Error('no operator fixture chart');
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

const suffix = Date.now().toString(36);
const cleanup: Array<{ helmPath: string; release: string; namespace: string }> = [];

afterAll(async () => {
  const kc = loadKubeConfig({ kubeconfigPath: requireEnv('KUBECONFIG') }).value!.kc;
  for (const c of cleanup) {
    await withHelmHome(
      (home) =>
        runHelm(c.helmPath, ['uninstall', c.release, '--namespace', c.namespace, '--wait'], {
          env: home.env,
          timeoutMs: 60_000,
        }).catch(() => undefined),
      { kubeconfig: requireEnv('KUBECONFIG') },
    );
    await KubernetesObjectApi.makeApiClient(kc)
      .delete({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: c.namespace } })
      .catch(() => undefined);
  }
});

describe.each(['HELM3', 'HELM4'])('helmUpgradeInstall with %s', (variable) => {
  it('installs the operator chart into a new namespace, upgrades it to revision 2, visible as a release', async () => {
    const found = await findHelm({ path: requireEnv(variable) });
    if (found.kind !== 'found') throw new Error(found.kind);
    const namespace = `wiz-${variable.toLowerCase()}-${suffix}`;
    const release = 'operator';
    cleanup.push({ helmPath: found.helm.path, release, namespace });
    const op = {
      helm: found.helm,
      chart: {
        kind: 'repo' as const,
        repoUrl: requireEnv('CHARTS_HTTPS_URL'),
        chart: 'operator',
        version: operatorVersion(),
      },
      access: { username: requireEnv('CHARTS_USER'), caFile: requireEnv('TEST_CA_FILE') },
      password: requireEnv('CHARTS_PASSWORD'),
      release,
      namespace,
      kubeconfig: requireEnv('KUBECONFIG'),
      createNamespace: true,
      timeoutSeconds: 120,
      // Cluster-scoped names derive from nameOverride: keep them apart from other installs.
      values: {
        nameOverride: `wiz-${variable.toLowerCase()}-${suffix}`,
        airgapped: true,
        image: { repository: '127.0.0.1:25001/mirror/wandb/controller', tag: '1.16.1' },
      },
    };
    await helmUpgradeInstall(op);
    await helmUpgradeInstall(op);

    const kube = new KubeClient(loadKubeConfig({ kubeconfigPath: requireEnv('KUBECONFIG') }).value!.kc);
    expect(await kube.listHelmReleases(namespace)).toEqual([
      { name: release, namespace, revision: 2, status: 'deployed', updatedAt: expect.any(String) },
    ]);
  });

  it('with the read-only identity it fails, mapped to a message', async () => {
    const found = await findHelm({ path: requireEnv(variable) });
    if (found.kind !== 'found') throw new Error(found.kind);
    const e = await caught(
      helmUpgradeInstall({
        helm: found.helm,
        chart: {
          kind: 'repo',
          repoUrl: requireEnv('CHARTS_HTTP_URL'),
          chart: 'operator',
          version: operatorVersion(),
        },
        release: 'operator',
        namespace: `wiz-ro-${suffix}`,
        kubeconfig: requireEnv('KUBECONFIG_RESTRICTED'),
        createNamespace: true,
        timeoutSeconds: 60,
      }),
    );
    const u = toUserError(e);
    expect(u.key).toBe('errors.helm.kubeForbidden');
    expect(u.params.stderr).toContain('User "restricted" cannot');
  });
});
