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

test.describe('Japanese at desktop widths', () => {
  test.use({ locale: 'ja-JP' });

  test('words stay whole: the step names beside an error badge, and the reveal button', async ({
    page,
  }, testInfo) => {
    const w = new WizardPage(page, testInfo, 'ja');
    // The number of lines a text takes, from the boxes of its characters.
    const lines = (selector: string) =>
      page.locator(selector).evaluateAll((nodes) =>
        nodes.map((node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return `${node.textContent ?? ''}: ${tops.size}`;
        }),
      );
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await w.open('platform');
      await w.fill('platform.host', 'not a url');
      await w.fill('platform.license', 'x');
      await w.waitSaved();
      await page.reload();
      // The error badge sits beside the longest step name, which must not break inside the word.
      await expect(page.locator('.stepper a[aria-current="step"] .step-badge-error')).toBeVisible();
      const names = await lines('.stepper a > span:first-child');
      expect(names.length).toBeGreaterThan(8);
      expect(
        names.filter((n) => !n.endsWith(': 1')),
        `${width} px`,
      ).toEqual([]);
      const reveal = await lines('.secret-input > .button');
      expect(reveal.length).toBeGreaterThan(0);
      expect(
        reveal.filter((n) => !n.endsWith(': 1')),
        `${width} px`,
      ).toEqual([]);
    }
  });
});
