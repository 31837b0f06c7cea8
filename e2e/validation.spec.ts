import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { checksEn } from '../lib/i18n/messages/checks.en';
import { en } from '../lib/i18n/messages/en';

import { expect, test } from './support/fixtures';
import { draftIdOf, DRAFTS_DIR as DRAFTS } from './support/session';
import { WizardPage } from './support/wizard-page';

test.use({ locale: 'en-US' });

test('validation errors show in place and clear when fixed', async ({ page }, testInfo) => {
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('registry');
  const host = w.field('registry.host');

  await host.fill('https://registry.example.com');
  await host.blur();
  await expect(w.fieldError('registry.host')).toHaveText(en['config.registry.host.scheme']);
  await expect(host).toHaveAttribute('aria-invalid', 'true');
  await expect(host).toHaveAttribute('aria-describedby', /f-registry-host-error/);
  await w.screenshot('registry-error');
  await w.expectAccessible();

  await host.fill('registry.example.com:5000/mirror');
  await expect(w.fieldError('registry.host')).toHaveCount(0);
  await expect(host).not.toHaveAttribute('aria-invalid', 'true');

  // Next refuses an invalid step and puts the focus on the first problem.
  await host.fill('');
  await page.getByRole('button', { name: w.t('ui.nav.next'), exact: true }).click();
  await expect(page).toHaveURL(/\/wizard\/registry$/);
  await expect(host).toBeFocused();
  await expect(w.fieldError('registry.host')).toHaveText(en['config.required']);
  await expect(page.locator('.stepper a[aria-current="step"]')).toContainText(
    w.t('ui.stepper.errors', { count: 1 }),
  );

  await host.fill('registry.example.com');
  await w.next('charts');
});

test('a reload keeps the draft; secrets stay on the server and reach the disk only on opt-in', async ({
  page,
  context,
}, testInfo) => {
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('platform');
  await w.fill('platform.host', 'https://wandb.reload.example');
  await w.fill('platform.license', 'license-kept-in-memory-only');
  await w.waitSaved();

  const draftId = await draftIdOf(context);
  expect(draftId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  const draftFile = path.join(DRAFTS, `${draftId}.json`);
  expect(readFileSync(draftFile, 'utf8')).toContain('https://wandb.reload.example');
  expect(readFileSync(draftFile, 'utf8')).not.toContain('license-kept-in-memory-only');
  expect(statSync(draftFile).mode & 0o777).toBe(0o600);
  expect(readdirSync(DRAFTS).filter((n) => n.startsWith(draftId) && n !== `${draftId}.json`)).toEqual([]);

  await page.reload();
  await w.expectStep('platform');
  await expect(w.field('platform.host')).toHaveValue('https://wandb.reload.example');
  await expect(w.field('platform.license')).toHaveValue('');
  await expect(page.locator('#f-platform-license-stored')).toHaveText(
    new RegExp(w.t('ui.secret.stored').slice(0, 10)),
  );
  expect((await page.content()).includes('license-kept-in-memory-only'), 'a stored secret sent back').toBe(
    false,
  );

  // Opting in writes the secrets into the draft, encrypted (never in clear), readable by the owner only.
  await page.locator('#keep-secrets').check();
  await w.waitSaved();
  await expect.poll(() => readFileSync(draftFile, 'utf8')).toContain('AES-256-GCM');
  expect(readFileSync(draftFile, 'utf8')).not.toContain('license-kept-in-memory-only');
  expect(statSync(draftFile).mode & 0o777).toBe(0o600);

  await page.locator('#keep-secrets').uncheck();
  await w.waitSaved();
  await expect.poll(() => readFileSync(draftFile, 'utf8')).not.toContain('AES-256-GCM');

  // Forgetting a stored secret empties it for good.
  await page.getByRole('button', { name: w.t('ui.secret.forget') }).click();
  await w.waitSaved();
  await page.reload();
  await expect(page.locator('#f-platform-license-stored')).toHaveCount(0);
});

test('the checks refuse an incomplete configuration by naming each field, a link to it', async ({
  page,
}, testInfo) => {
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('registry');
  await w.fill('registry.host', 'registry.example.com');
  await w.waitSaved();
  await w.open('prerequisites');
  await page.getByRole('button', { name: checksEn['checks.ui.start'], exact: true }).click();
  const notice = page.getByTestId('action-error');
  await expect(notice).toContainText('The configuration is not valid yet');
  // Labels, not form paths; the field typed is not listed.
  await expect(notice).not.toContainText('platform.license');
  await expect(notice.locator('a[data-field="registry.host"]')).toHaveCount(0);
  const link = notice.locator('a[data-field="platform.license"]');
  await expect(link).toHaveText(w.t('ui.field.platform.license'));
  await link.click();
  await expect(page).toHaveURL(/\/wizard\/platform#f-platform-license$/);
  await expect(page.locator('#step-title')).toHaveText(w.t('ui.step.platform.title'));
  await w.expectAccessible();
});
