import { readFileSync } from 'node:fs';

import { testEnvConfig } from '../lib/checks/test-env-config';
import { seedDraft } from '../lib/draft/seed';
import { en } from '../lib/i18n/messages/en';
import { ja } from '../lib/i18n/messages/ja';
import { uiEn } from '../lib/i18n/messages/ui.en';
import { uiJa } from '../lib/i18n/messages/ui.ja';

import { expect, test } from './support/fixtures';
import { CONFIG_DIR, DATA_DIR, signIn } from './support/session';
import { WizardPage } from './support/wizard-page';

/**
 * The cluster connection on the Platform step, against the test cluster: an uploaded kubeconfig
 * (the restricted identity) is held like a password and tells who you are and what you may not
 * do; a kubeconfig file on the wizard's machine (the admin's) may do everything; the context is
 * picked from a list; the namespace fields suggest the cluster's namespaces.
 */
const env = process.env;

for (const locale of ['en', 'ja'] as const) {
  test.describe(`cluster connection (${locale})`, () => {
    test.skip(
      !env.KUBECONFIG || !env.KUBECONFIG_RESTRICTED,
      'needs the test environment: eval "$(scripts/test-env env)"',
    );

    test('upload, then a file path: identity, missing permissions, contexts, namespaces', async ({
      page,
      context,
    }, testInfo) => {
      test.setTimeout(120_000);
      const texts = locale === 'en' ? uiEn : uiJa;
      const id = await seedDraft(
        DATA_DIR,
        testEnvConfig('0.43.8'),
        ['start', 'registry', 'charts', 'platform'],
        CONFIG_DIR,
      );
      await signIn(context, { draft: id });
      await new WizardPage(page, testInfo, 'en').open('platform');
      if (locale === 'ja') {
        await page.getByRole('button', { name: '日本語' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      }
      const status = page.getByTestId('cluster-status');
      const connect = page.getByRole('button', { name: texts['ui.cluster.test'], exact: true });

      // Upload the restricted identity's kubeconfig.
      await page.getByLabel(texts['ui.cluster.source.upload'], { exact: false }).check();
      const upload = page.getByLabel(texts['ui.field.uploadFile'].replace('{field}', 'kubeconfig'));
      await upload.setInputFiles(env.KUBECONFIG_RESTRICTED!);
      const restricted = readFileSync(env.KUBECONFIG_RESTRICTED!, 'utf8');
      await connect.click();
      await expect(status).toContainText(env.KUBE_APISERVER_URL!, { timeout: 30_000 });
      await expect(status).toContainText('restricted');
      await status.getByTestId('cluster-missing').locator('summary').click();
      await expect(status).toContainText('create customresourcedefinitions.apiextensions.k8s.io');
      await expect(status.locator('.notice')).toHaveClass(/notice-error/);
      await new WizardPage(page, testInfo, locale).screenshot('cluster-connection');
      await new WizardPage(page, testInfo, locale).expectAccessible();
      // Held like a password: once saved, the page no longer holds its text.
      await expect(page.locator('#f-target-kubeconfig-content-stored')).toContainText(
        texts['ui.secret.stored'].slice(0, 12),
      );
      await expect(page.locator('#f-target-kubeconfig-content')).toHaveValue('');
      const secretLine = restricted
        .split('\n')
        .find((l) => l.includes('client-key-data'))
        ?.split(':')[1]
        ?.trim();
      expect(secretLine).toBeTruthy();
      expect(await page.content()).not.toContain(secretLine!.slice(0, 40));

      // A file on the wizard's machine: the admin may do everything the install needs.
      await page.getByLabel(texts['ui.cluster.source.path'], { exact: false }).check();
      await page.getByLabel(texts['ui.field.target.kubeconfig.path']).fill(env.KUBECONFIG!);
      await connect.click();
      await expect(status.locator('.notice')).toHaveClass(/notice-ok/, { timeout: 30_000 });
      const accessAll = texts['ui.cluster.accessAll'].split('{total}')[0]!;
      await expect(status).toContainText(accessAll);

      // The context is a list of the file's contexts; the namespaces are suggested.
      const contextSelect = page.getByLabel(texts['ui.field.target.kubeContext']);
      await expect(contextSelect).toHaveJSProperty('tagName', 'SELECT');
      const options = await contextSelect.locator('option').allTextContents();
      expect(options.length).toBeGreaterThan(1);
      await expect(
        page.locator('datalist[id$="suggestions"] option[value="kube-system"]').first(),
      ).toBeAttached();
      // The StorageClass field suggests the cluster's classes, its default marked.
      await expect(
        page.locator('#f-platform-storageClass-suggestions option[value="standard"]'),
      ).toHaveAttribute(
        'label',
        texts['ui.field.platform.storageClass.default'].replace('{name}', 'standard'),
      );

      // A path that is not absolute names the field and the fix.
      await page.getByLabel(texts['ui.field.target.kubeconfig.path']).fill('kube/config');
      await page.getByLabel(texts['ui.field.target.kubeconfig.path']).blur();
      const config = locale === 'en' ? en : ja;
      await expect(
        page.locator('.field-error', { hasText: config['config.kubeconfig.pathAbsolute'].slice(0, 30) }),
      ).toBeVisible();
    });
  });
}
