import { testEnvConfig } from '../lib/checks/test-env-config';
import { seedDraft } from '../lib/draft/seed';
import { checksEn } from '../lib/i18n/messages/checks.en';
import { checksJa } from '../lib/i18n/messages/checks.ja';

import { expect, test } from './support/fixtures';
import { CONFIG_DIR, DATA_DIR, signIn } from './support/session';
import { WizardPage } from './support/wizard-page';

/**
 * The opt-in in-cluster check in the browser, in both languages: ticked, it creates its probe pod
 * on the test cluster's (kwok) node and a claim, shows the result per node, and removes them; left
 * unticked, it is skipped with the reason. kwok runs no container: the node's row says the image
 * was "pulled" (the pod ran) and that the DNS/TCP probe gave no answer.
 */
const env = process.env;

for (const locale of ['en', 'ja'] as const) {
  test.describe(`in-cluster check (${locale})`, () => {
    test.skip(!env.KUBECONFIG || !env.HELM4, 'needs the test environment: eval "$(scripts/test-env env)"');

    test('ticked, it shows a row per node; unticked, it is skipped', async ({ page, context }, testInfo) => {
      test.setTimeout(180_000);
      const texts = locale === 'en' ? checksEn : checksJa;
      const config = testEnvConfig('0.43.8');
      const id = await seedDraft(
        DATA_DIR,
        {
          ...config,
          target: { operatorNamespace: 'default', crName: 'wandb', crNamespace: 'default', kubeContext: '' },
        },
        ['start', 'prerequisites', 'registry', 'charts', 'platform', 'storage', 'database', 'network'],
        CONFIG_DIR,
      );
      await signIn(context, { draft: id });
      await new WizardPage(page, testInfo, 'en').open('prerequisites');
      if (locale === 'ja') {
        await page.getByRole('button', { name: '日本語' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      }
      const w = new WizardPage(page, testInfo, locale);
      const panel = page.getByTestId('checks-panel');
      const inCluster = panel.locator('li[data-check="in-cluster"]');

      await page.getByRole('button', { name: texts['checks.ui.start'], exact: true }).click();
      await expect(inCluster).toHaveAttribute('data-status', 'skipped', { timeout: 60_000 });
      await expect(inCluster).toContainText(texts['checks.inCluster.optIn'].slice(0, 20));
      // The run ends before the next starts (the cluster-free checks are the same both times).
      await expect(panel).toContainText(texts['checks.ui.cleared'], { timeout: 120_000 });

      await page.getByLabel(texts['checks.ui.inClusterTest']).check();
      await page.getByRole('button', { name: texts['checks.ui.startAgain'], exact: true }).click();
      await expect(inCluster).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
      await expect(inCluster).toHaveAttribute('data-status', 'warn', { timeout: 120_000 });
      const row = inCluster.locator('[data-testid="node-results"] tr[data-node="kwok-node-0"]');
      await expect(row).toHaveAttribute('data-pull', 'pulled');
      await expect(row).toContainText(texts['checks.ui.inCluster.pull.pulled']);
      await expect(row).toContainText(texts['checks.ui.inCluster.noAnswer']);
      await expect(
        inCluster.getByRole('columnheader', { name: texts['checks.ui.inCluster.node'], exact: true }),
      ).toBeVisible();
      await w.screenshot(`in-cluster-${locale}`);
      await w.expectAccessible();
    });
  });
}
