import { generateArtifacts } from '../lib/generate';

import { makeCertificates, type TestCertificates } from './support/certs';
import { expect, test } from './support/fixtures';
import { walkConfig, walkSecrets } from './support/walk-input';
import { type Locale, WizardPage } from './support/wizard-page';

let certs: TestCertificates;
test.beforeAll(() => {
  certs = makeCertificates();
});

for (const locale of ['en', 'ja'] as const satisfies readonly Locale[]) {
  test.describe(`full walk (${locale})`, () => {
    // The browser's language picks the wizard's language.
    test.use({ locale: locale === 'ja' ? 'ja-JP' : 'en-US' });

    test('every step, then downloads equal to the generators’ output', async ({ page }, testInfo) => {
      test.setTimeout(240_000);
      const w = new WizardPage(page, testInfo, locale);
      const config = walkConfig(certs);

      await page.goto('/');
      await w.expectStep('start');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await w.screenshot('start');
      await w.expectAccessible();
      await w.next('registry');

      // Registry and images, with a login and a private CA.
      await w.fill('registry.host', config.registry.host);
      await page.locator('#registry-needs-login').check();
      await w.fill('registry.username', config.registry.username);
      await w.fill('registry.password', config.registry.password);
      await expect(w.field('registry.password')).toHaveAttribute('type', 'password');
      await w.fill('registry.caBundle', config.registry.caBundle);
      await expect(page.getByTestId('certificates-registry.caBundle')).toContainText('E2E Test CA');
      await expect(page.locator('.image-table')).toContainText('127.0.0.1:25001/mirror/wandb/local:0.62.2');
      await w.screenshot('registry');
      await w.expectAccessible();
      await w.next('charts');

      // Charts: the operator from an HTTPS repository with a login, the platform from OCI.
      const op = config.charts.operator.source;
      if (op.kind !== 'repo') throw new Error('walk input: operator from a repository');
      await w.fill('charts.operator.source.url', op.url);
      await w.fill('charts.operator.source.username', op.username);
      await w.fill('charts.operator.source.password', op.password);
      await w.fill('charts.operator.source.caBundle', op.caBundle);
      await page.locator('#f-charts-platform-source-kind-oci').check();
      const pf = config.charts.platform.source;
      if (pf.kind !== 'oci') throw new Error('walk input: platform from OCI');
      await w.fill('charts.platform.source.url', pf.url);
      await expect(w.field('charts.platform.version')).toHaveValue(config.charts.platform.version);
      await w.screenshot('charts');
      await w.expectAccessible();
      await w.next('platform');

      await w.fill('platform.host', config.platform.host);
      await w.fill('platform.license', config.platform.license);
      await page.getByRole('button', { name: w.t('ui.field.platform.extraEnv.add') }).click();
      await w.fill('platform.extraEnv.0.key', config.platform.extraEnv[0]!.key);
      await w.fill('platform.extraEnv.0.value', config.platform.extraEnv[0]!.value);
      await w.screenshot('platform');
      await w.expectAccessible();
      await w.next('storage');

      const bucket = config.bucket;
      if (bucket.provider !== 's3') throw new Error('walk input: s3 bucket');
      await w.fill('bucket.name', bucket.name);
      await w.fill('bucket.path', bucket.path);
      await w.fill('bucket.region', bucket.region);
      if (bucket.plainHttp) await w.field('bucket.plainHttp').check();
      await w.fill('bucket.accessKey', bucket.accessKey);
      await w.fill('bucket.secretKey', bucket.secretKey);
      await w.screenshot('storage');
      await w.expectAccessible();
      await w.next('database');

      const mysql = config.mysql;
      if (mysql.mode !== 'external') throw new Error('walk input: external MySQL');
      await w.fill('mysql.host', mysql.host);
      await expect(w.field('mysql.port')).toHaveValue(String(mysql.port));
      await w.fill('mysql.password', mysql.password);
      await w.screenshot('database');
      await w.expectAccessible();
      await w.next('network');

      await expect(w.field('ingress.class')).toHaveValue(config.ingress.class);
      await page.getByRole('button', { name: w.t('ui.field.ingress.annotations.add') }).click();
      await w.fill('ingress.annotations.0.key', config.ingress.annotations[0]!.key);
      await w.fill('ingress.annotations.0.value', config.ingress.annotations[0]!.value);
      await w.field('ingress.tls.enabled').check();
      await w.fill('ingress.tls.secretName', config.ingress.tls.secretName);
      await w.fill('ingress.tls.certificate', config.ingress.tls.certificate);
      await w.fill('ingress.tls.privateKey', config.ingress.tls.privateKey);
      await w.fill('certificates.bundle', config.certificates.bundle);
      const listed = page.getByTestId('certificates-certificates.bundle');
      await expect(listed.locator('.cert-list > li')).toHaveCount(2);
      await expect(listed).toContainText('E2E Expired CA');
      await expect(listed).toContainText(w.t('ui.certs.expired'));
      await w.screenshot('network');
      await w.expectAccessible();
      await w.next('mirror');

      // The Mirror step is optional: an empty source folder goes on.
      await expect(page.getByTestId('mirror-panel')).toBeVisible();
      await w.screenshot('mirror');
      await w.expectAccessible();
      await w.next('prerequisites');

      await expect(page.getByTestId('checks-panel')).toBeVisible();
      await w.screenshot('prerequisites');
      await w.expectAccessible();
      await w.next('review');

      // Review: the files side by side, secrets masked.
      await expect(page.getByRole('heading', { name: 'values.yaml', exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'wandb.yaml', exact: true })).toBeVisible();
      // Above them, the settings in words, each label a link to its field.
      const summary = page.getByTestId('settings-summary');
      await expect(summary).toContainText(config.platform.host);
      await expect(summary).toContainText(`operator-wandb ${config.charts.platform.version}`);
      await expect(summary.locator('a[href*="#f-platform-license"]')).toBeVisible();
      const html = await page.content();
      for (const secret of walkSecrets(config))
        expect(html, 'a secret on the review page').not.toContain(secret);
      await w.screenshot('review');
      await w.expectAccessible();

      const masked = generateArtifacts(config, { includeSecrets: false, locale });
      const withSecrets = generateArtifacts(config, { includeSecrets: true, locale });
      await expect(page.locator('#file-values-yaml')).toHaveText(
        masked['values.yaml'].replace(/\n$/, '') + '\n',
      );

      const archive = await w.downloadArchive();
      expect(archive.name).toBe('wandb-airgap-wandb.example.internal.zip');
      const expectedFiles = Object.fromEntries(
        Object.entries(masked).map(([n, text]) => [n === 'RUNBOOK.md' ? 'README.md' : n, text]),
      );
      expect(archive.files).toEqual(expectedFiles);
      for (const text of Object.values(archive.files))
        for (const secret of walkSecrets(config)) expect(text).not.toContain(secret);

      const single = await w.download(page.locator('a[data-download="wandb.yaml"]'));
      expect(single.name).toBe('wandb.yaml');
      expect(single.bytes.toString('utf8')).toBe(masked['wandb.yaml']);

      await page.locator('#include-secrets').check();
      await expect(page.locator('#include-secrets-warning')).toHaveText(
        w.t('ui.review.includeSecretsWarning'),
      );
      const full = await w.downloadArchive();
      expect(full.files).toEqual(
        Object.fromEntries(
          Object.entries(withSecrets).map(([n, text]) => [n === 'RUNBOOK.md' ? 'README.md' : n, text]),
        ),
      );
      const secretsFile = await w.download(page.locator('a[data-download="secrets.yaml"]'));
      expect(secretsFile.bytes.toString('utf8')).toBe(withSecrets['secrets.yaml']);

      await w.next('apply');
      await expect(page.getByTestId('apply-panel')).toBeVisible();
      await w.screenshot('apply');
      await w.expectAccessible();
    });
  });
}
