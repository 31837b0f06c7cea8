import { testEnvConfig } from '../lib/checks/test-env-config';
import { seedDraft } from '../lib/draft/seed';
import { HAVE_VENDOR_CHARTS, NO_VENDOR_CHARTS, vendorChartPath } from '../test/vendor-charts';

import { expect, test } from './support/fixtures';
import { CONFIG_DIR, DATA_DIR, signIn } from './support/session';
import { WizardPage } from './support/wizard-page';

/**
 * Reading the operator-wandb chart in the Charts step (issue 15), with the vendor's real charts:
 * from the draft's repository (the test environment's HTTPS repository with its CA and
 * credentials), and from an archive the user uploads from the browser (a site the wizard cannot
 * reach). The generated files then follow the chart read.
 */
const HELM = process.env.HELM ?? process.env.HELM4;

test.describe('reading the platform chart', () => {
  test.use({ locale: 'en-US' });

  test.skip(!HAVE_VENDOR_CHARTS, NO_VENDOR_CHARTS);
  test.skip(!HELM, 'needs helm for the server: eval "$(scripts/test-env env)" (HELM4)');

  test('an uploaded archive is read; another chart is refused, naming it', async ({ page }, testInfo) => {
    const w = new WizardPage(page, testInfo, 'en');
    await w.open('charts');
    const reading = page.getByTestId('chart-reading');
    await expect(reading.locator('.field-warning')).toBeVisible();

    await page.getByTestId('chart-upload').setInputFiles(vendorChartPath('operator', '1.4.8'));
    await expect(reading).toContainText(
      w.t('ui.charts.read.wrongChart', { name: 'operator', expected: 'operator-wandb' }),
      { timeout: 60_000 },
    );

    await page.getByTestId('chart-upload').setInputFiles(vendorChartPath('operator-wandb', '0.43.8'));
    await expect(reading).toContainText('operator-wandb 0.43.8', { timeout: 60_000 });
    await expect(reading).toContainText('Pod/'); // the chart's helm test hook, named
    await expect(w.field('charts.platform.version')).toHaveValue('0.43.8');
    await w.waitSaved();
    // Kept in the draft: a reload shows the reading, not the warning.
    await page.reload();
    await expect(page.getByTestId('chart-reading')).toContainText('operator-wandb 0.43.8');
    await w.expectAccessible();
  });
});

test.describe('reading the platform chart from its repository', () => {
  test.use({ locale: 'en-US' });
  test.skip(process.env.CHARTS_VENDOR !== '1', process.env.CHARTS_VENDOR_WHY || 'needs the test environment');

  test('the repository of the draft is pulled and read, by itself and on request', async ({
    page,
    context,
  }, testInfo) => {
    const config = testEnvConfig('0.18.0', { charts: 'vendor' });
    const id = await seedDraft(DATA_DIR, config, ['start', 'prerequisites', 'registry'], CONFIG_DIR);
    await signIn(context, { draft: id });
    const w = new WizardPage(page, testInfo, 'en');
    await w.open('charts');
    // The panel reads the configured chart by itself once the step is open.
    const reading = page.getByTestId('chart-reading');
    await expect(reading).toContainText('operator-wandb 0.18.0', { timeout: 90_000 });
    await expect(reading.locator('.field-warning')).toHaveCount(0);
    // And again on request.
    await page.getByRole('button', { name: w.t('ui.charts.read.run'), exact: true }).click();
    await expect(reading).toContainText('operator-wandb 0.18.0', { timeout: 90_000 });
    await expect(page.getByRole('button', { name: w.t('ui.charts.read.run'), exact: true })).toBeEnabled({
      timeout: 90_000,
    });
  });
});
