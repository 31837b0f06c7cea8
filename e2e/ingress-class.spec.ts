import { execFileSync } from 'node:child_process';

import { expect, test } from './support/fixtures';
import { WizardPage } from './support/wizard-page';

/**
 * With a cluster behind the server's kubeconfig (the test environment's API server), the ingress
 * class is a select filled from the cluster's IngressClasses. Without one it is free text (the
 * other specs run that way when KUBECONFIG is unset).
 */
const kubeconfig = process.env.KUBECONFIG;
const kubectl = process.env.KUBECTL ?? 'kubectl';
const NAME = 'e2e-wizard-class';

function kube(args: string[], input?: string): void {
  execFileSync(kubectl, ['--kubeconfig', kubeconfig ?? '', ...args], {
    input,
    stdio: ['pipe', 'ignore', 'pipe'],
    timeout: 30_000,
  });
}

test.describe('ingress class from the cluster', () => {
  test.skip(!kubeconfig, 'needs the Kubernetes test environment: eval "$(scripts/test-env env)"');
  test.use({ locale: 'en-US' });

  test.beforeAll(() => {
    kube(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { name: NAME },
        spec: { controller: 'example.com/e2e' },
      }),
    );
  });
  test.afterAll(() => {
    kube(['delete', 'ingressclass', NAME, '--ignore-not-found']);
  });

  test('is a select of the cluster’s IngressClasses', async ({ page }, testInfo) => {
    const w = new WizardPage(page, testInfo, 'en');
    await w.open('network');
    const select = page.locator('select#f-ingress-class');
    await expect(select).toBeVisible();
    await expect(select.locator(`option[value="${NAME}"]`)).toHaveCount(1);
    await select.selectOption(NAME);
    await w.waitSaved();
    await page.reload();
    await expect(page.locator('select#f-ingress-class')).toHaveValue(NAME);
    await w.expectAccessible();
  });
});
