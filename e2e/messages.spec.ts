import { en } from '../lib/i18n/messages/en';

import { expect, test } from './support/fixtures';
import { makeCertificates } from './support/certs';
import { WizardPage } from './support/wizard-page';

test.use({ locale: 'en-US' });

test("a step's problem summary follows its errors and leaves with the last one", async ({
  page,
}, testInfo) => {
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('registry');
  const host = w.field('registry.host');
  await host.fill('');
  await page.getByRole('button', { name: w.t('ui.nav.next'), exact: true }).click();
  const summary = page.locator('form[aria-labelledby="step-title"] > p[role="status"]');
  await expect(summary).toHaveText(w.t('ui.nav.stepHasErrors', { count: 1 }));
  await host.fill('registry.example.com');
  await expect(w.fieldError('registry.host')).toHaveCount(0);
  await expect(summary).toHaveText('');
});

test('a broken certificate is reported once, under its field', async ({ page }, testInfo) => {
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('registry');
  const { ca } = makeCertificates();
  const garbage = '-----BEGIN CERTIFICATE-----\nSGVsbG8sIHdvcmxkIQ==\n-----END CERTIFICATE-----\n';
  await w.fill('registry.caBundle', `${ca}${garbage}`);
  await w.field('registry.caBundle').blur();
  const line = ca.split('\n').length;
  const text = en['config.certificates.unparseable'].replace('{block}', '2').replace('{line}', String(line));
  // Only the server's X.509 parser finds this block unreadable (its base64 is valid): the finding is
  // shown under the field, in the certificate list, as an error, and nowhere else.
  const list = page.getByTestId('certificates-registry.caBundle');
  await expect(list.locator('.field-error')).toHaveText(text);
  await expect(list).toContainText('E2E Test CA');
  await expect(page.getByText(text, { exact: true })).toHaveCount(1);
});

test('hints name a license with a space, a quoted value and an https:// address without ingress TLS', async ({
  page,
}, testInfo) => {
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('platform');
  await w.fill('platform.host', 'https://wandb.example.com');
  await expect(page.locator('#f-platform-host-hint')).toHaveText(en['config.hint.httpsWithoutIngressTls']);
  await expect(w.field('platform.host')).toHaveAttribute('aria-describedby', /f-platform-host-hint/);
  await w.fill('platform.license', 'abc def');
  await expect(page.locator('#f-platform-license-hint')).toHaveText(en['config.hint.license.space']);
  await w.fill('platform.license', 'abcdef');
  await expect(page.locator('#f-platform-license-hint')).toHaveCount(0);
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('the review lists each problem by its field label, linked to the field', async ({
    page,
  }, testInfo) => {
    const w = new WizardPage(page, testInfo, 'ja');
    await w.open('platform');
    await w.fill('platform.host', 'not a url');
    await w.waitSaved();
    await w.open('review');
    const link = page.locator('[data-testid="review-errors"] a[data-field="platform.host"]');
    await expect(link).toHaveText(w.t('ui.field.platform.host'));
    await expect(page.getByTestId('review-errors')).not.toContainText('platform.host');
    await link.click();
    await expect(page).toHaveURL(/\/wizard\/platform#f-platform-host$/);
    await expect(w.field('platform.host')).toBeFocused();
  });
});
