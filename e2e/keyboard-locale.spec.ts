import { uiJa } from '../lib/i18n/messages/ui.ja';

import { expect, test } from './support/fixtures';
import { WizardPage } from './support/wizard-page';

test.use({ locale: 'en-US' });

test('the wizard works with the keyboard alone', async ({ page }, testInfo) => {
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('registry');

  // The first Tab reaches the skip link, visibly; Enter moves into the content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: w.t('ui.app.skipToContent') });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');

  // Tab on to the registry address, type it, and submit the step with Enter.
  for (let i = 0; i < 40; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === 'f-registry-host') break;
    await page.keyboard.press('Tab');
  }
  await expect(w.field('registry.host')).toBeFocused();
  const outline = await w.field('registry.host').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, 'a visible focus indicator').not.toBe('none');
  await page.keyboard.type('registry.example.com');
  await page.keyboard.press('Enter');
  await w.expectStep('charts');
  // After a step change the focus is on the new step's title.
  await expect(page.locator('#step-title')).toBeFocused();
});

test('the language switch changes every text and keeps the draft', async ({ page }, testInfo) => {
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('platform');
  await w.fill('platform.host', 'https://wandb.lang.example');
  await w.waitSaved();
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('#step-title')).toHaveText(uiJa['ui.step.platform.title']);
  await expect(page.getByLabel(uiJa['ui.field.platform.host'])).toHaveValue('https://wandb.lang.example');
  await expect(w.field('platform.host')).toHaveValue('https://wandb.lang.example');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(w.field('platform.host')).toHaveValue('https://wandb.lang.example');
  const ja = new WizardPage(page, testInfo, 'ja');
  await ja.screenshot('platform-after-switch');
  await ja.expectAccessible();
});
