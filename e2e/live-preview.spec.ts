import { PROCEDURE_EXAMPLE } from '../lib/config';
import { seedDraft } from '../lib/draft/seed';

import { expect, test } from './support/fixtures';
import { CONFIG_DIR, DATA_DIR, signIn } from './support/session';
import { WizardPage } from './support/wizard-page';

/**
 * The live preview beside the form (issue 13): the generated wandb.yaml follows each save, the
 * changed lines are marked, secrets stay masked, and an invalid configuration lists its fields.
 */
test.use({ locale: 'en-US', viewport: { width: 1440, height: 900 } });

test('the generated files follow the form, changes marked, secrets masked', async ({
  page,
  context,
}, testInfo) => {
  const id = await seedDraft(
    DATA_DIR,
    PROCEDURE_EXAMPLE,
    ['start', 'registry', 'charts', 'platform', 'storage', 'database', 'network'],
    CONFIG_DIR,
  );
  await signIn(context, { draft: id });
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('platform');
  const preview = page.getByTestId('live-preview');
  await preview.getByRole('button', { name: w.t('ui.preview.show') }).click();
  const code = preview.locator('pre code');
  await expect(code).toContainText('kind: WeightsAndBiases');
  await expect(code).toContainText(PROCEDURE_EXAMPLE.platform.host);
  await expect(code.locator('[data-changed]')).toHaveCount(0);
  // At 1440 px the open preview stands beside the form, not below it.
  const main = (await page.locator('.wizard-main').boundingBox())!;
  const side = (await preview.boundingBox())!;
  expect(side.x).toBeGreaterThanOrEqual(main.x + main.width);
  expect(side.y).toBeLessThan(900);

  await w.fill('platform.host', 'https://wandb-preview.example.com');
  await w.waitSaved();
  await expect(code).toContainText('https://wandb-preview.example.com');
  await expect(code.locator('[data-changed]').first()).toContainText('https://wandb-preview.example.com');
  expect(await page.content()).not.toContain(PROCEDURE_EXAMPLE.platform.license);
  await w.screenshot('live-preview');
  await w.expectAccessible();

  // values.yaml, the operator chart's values, is the other file.
  await preview.getByRole('button', { name: /^values\.yaml/ }).click();
  await expect(code).not.toContainText('kind: WeightsAndBiases');

  await w.fill('platform.host', '');
  await w.waitSaved();
  await expect(
    preview.getByTestId('live-preview-invalid').locator('a[data-field="platform.host"]'),
  ).toBeVisible();
});
