import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { expect, test } from './support/fixtures';
import { WizardPage } from './support/wizard-page';

/**
 * "Read from the cluster": the WeightsAndBiases resource of a running installation fills the
 * draft. Runs against the test environment's API server (the CRD is the fixture operator chart's).
 */
const kubeconfig = process.env.KUBECONFIG;
const kubectl = process.env.KUBECTL ?? 'kubectl';
const NAME = 'e2e-wizard-import';

function kube(args: string[], input?: string): void {
  execFileSync(kubectl, ['--kubeconfig', kubeconfig ?? '', ...args], {
    input,
    stdio: ['pipe', 'ignore', 'pipe'],
    timeout: 60_000,
  });
}

test.describe('read from the cluster', () => {
  test.skip(!kubeconfig, 'needs the Kubernetes test environment: eval "$(scripts/test-env env)"');
  test.use({ locale: 'en-US' });

  test.beforeAll(() => {
    // The CRD only where the environment has none: the test environment installs the vendor's, and a
    // client-side `kubectl apply` of another one over it would own its fields, so that a later
    // Helm 4 install (server-side apply of the vendor's CRD) fails with a field-manager conflict.
    try {
      kube(['get', 'crd', 'weightsandbiases.apps.wandb.com']);
    } catch {
      kube(['create', '-f', 'test/fixtures/charts/operator/crds/wandb.yaml']);
    }
    kube(['wait', '--for=condition=Established', 'crd/weightsandbiases.apps.wandb.com', '--timeout=60s']);
    const cr = readFileSync('lib/generate/testdata/procedure-source/wandb.yaml', 'utf8')
      .replace(/^  name: wandb$/m, `  name: ${NAME}`)
      .replace('https://wandb.yourdomain.com', 'https://wandb.from-cluster.example');
    kube(['apply', '-f', '-'], cr);
  });
  test.afterAll(() => {
    // Where the test environment runs the vendor's operator, it has taken this resource up and put
    // its finalizer on it; it cannot uninstall a release from the procedure's unreachable
    // repository, so the finalizer would hold the deletion: drop it (the resource is only data here).
    kube([
      'delete',
      'weightsandbiases.apps.wandb.com',
      NAME,
      '-n',
      'default',
      '--ignore-not-found',
      '--wait=false',
    ]);
    try {
      kube([
        'patch',
        'weightsandbiases.apps.wandb.com',
        NAME,
        '-n',
        'default',
        '--type=merge',
        '-p',
        '{"metadata":{"finalizers":null}}',
      ]);
    } catch {
      // already gone
    }
  });

  test('fills the draft from the WeightsAndBiases resource', async ({ page }, testInfo) => {
    const w = new WizardPage(page, testInfo, 'en');
    await w.open('platform');
    await w.fill('target.crName', NAME);
    await w.waitSaved();
    await w.open('start');
    await page.locator('#start-mode-cluster').check();
    await page.getByRole('button', { name: w.t('ui.start.cluster.run'), exact: true }).click();
    await expect(page.getByTestId('cluster-result')).toContainText(`default/${NAME}`);
    await w.screenshot('read-from-cluster');
    await w.open('platform');
    await expect(w.field('platform.host')).toHaveValue('https://wandb.from-cluster.example');
    await expect(page.locator('#f-platform-license-stored')).toBeVisible();
    await w.open('database');
    await expect(w.field('mysql.host')).toHaveValue('mysql.home.lab');
  });
});
