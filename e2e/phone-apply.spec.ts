import { randomBytes } from 'node:crypto';

import { seedDraft } from '../lib/draft/seed';
import { applyJa } from '../lib/i18n/messages/apply.ja';
import { checksJa } from '../lib/i18n/messages/checks.ja';
import {
  releaseWorkloads,
  removeInstall,
  vendorConfig,
  vendorWhy,
} from '../test/integration/vendor-operator';

import { expect, test } from './support/fixtures';
import { expectNoSidewaysScroll } from './support/layout';
import { CONFIG_DIR, DATA_DIR, signIn } from './support/session';
import { WizardPage } from './support/wizard-page';

/**
 * Issue 13's "done when", on a phone in Japanese: from a configuration filled in for the test
 * environment (the vendor's real charts and operator), the checks run and clear, the review reads,
 * and the install is confirmed and followed to the operator's own `Completed` with every workload
 * ready, at 390 × 844 with no page scrolling sideways while the results and the progress show.
 */
const env = process.env;
const NS = `e2e-phone-${randomBytes(3).toString('hex')}`;

test.describe('a phone in Japanese: checks, review, apply', () => {
  test.skip(!env.KUBECONFIG || !env.HELM4, 'needs the test environment: eval "$(scripts/test-env env)"');
  test.skip(vendorWhy !== '', `needs the vendor's operator and charts: ${vendorWhy}`);
  test.use({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });

  test.afterAll(() => removeInstall(NS));

  test('the checks clear, the install is confirmed and ends ready, nothing scrolls sideways', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(360_000);
    const config = vendorConfig('0.18.0', NS);
    const id = await seedDraft(
      DATA_DIR,
      {
        ...config,
        target: { ...config.target, operatorNamespace: NS, crName: 'wandb', crNamespace: NS },
        ingress: { ...config.ingress, class: 'nginx' },
      },
      ['start', 'registry', 'charts', 'platform', 'storage', 'database', 'network', 'mirror'],
      CONFIG_DIR,
    );
    await signIn(context, { draft: id });
    const w = new WizardPage(page, testInfo, 'ja');

    await w.open('prerequisites');
    await page.getByRole('button', { name: checksJa['checks.ui.start'], exact: true }).click();
    const panel = page.getByTestId('checks-panel');
    await expect(panel).toContainText(checksJa['checks.ui.cleared'], { timeout: 120_000 });
    await expect(panel.locator('li[data-check][data-status="running"]')).toHaveCount(0);
    // Open every result's details: the longest texts (evidence, commands) must wrap or scroll in place.
    for (const summary of await panel.locator('li[data-check] details > summary').all())
      await summary.click();
    await expectNoSidewaysScroll(page, 'the prerequisites with every result open');
    await w.screenshot('phone-checks-done');

    await w.open('review');
    await expectNoSidewaysScroll(page, 'the review');

    await w.open('apply');
    const apply = page.getByTestId('apply-panel');
    await page.getByRole('button', { name: applyJa['apply.ui.apply'], exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(page.getByTestId('apply-writes')).toContainText(`WeightsAndBiases ${NS}/wandb`);
    await expectNoSidewaysScroll(page, 'the apply confirmation');
    // The confirmation's button is reachable on the phone's screen.
    const yes = dialog.getByRole('button', { name: applyJa['apply.ui.confirm.yes'], exact: true });
    await yes.scrollIntoViewIfNeeded();
    await expect(yes).toBeInViewport();
    await yes.click();
    const status = apply.locator('[data-status]').first();
    await expect(status).toHaveAttribute('data-status', 'succeeded', { timeout: 240_000 });
    await expect(apply).toContainText('Completed');
    await expect(apply.getByTestId('platform-ready')).toContainText(
      applyJa['apply.ui.platformReady'].split('{')[0]!.trim(),
    );
    await expectNoSidewaysScroll(page, 'the apply, ready');
    await w.screenshot('phone-apply-ready');
    await w.expectAccessible();
    const workloads = await releaseWorkloads(NS, 60_000);
    expect(workloads.filter((workload) => !workload.ready)).toEqual([]);
  });
});
