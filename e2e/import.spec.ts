import { readFileSync } from 'node:fs';

import { PROCEDURE_EXAMPLE } from '../lib/config';
import { getPath } from '../lib/draft/secret-fields';

import { expect, test } from './support/fixtures';
import { WizardPage } from './support/wizard-page';

const fixture = (name: string) => readFileSync(`lib/generate/testdata/procedure-source/${name}`, 'utf8');

const SECRET_FIELDS = new Set([
  'platform.license',
  'bucket.accessKey',
  'bucket.secretKey',
  'mysql.password',
  'registry.password',
]);

/**
 * What the two files cannot carry: the operator chart's repository is only in the procedure's
 * `helm repo add` command, and the procedure flattens image names, so the registry address is
 * not stated anywhere (each image keeps its full repository as an override instead).
 */
const NOT_IN_THE_FILES: Record<string, string> = {
  'charts.operator.source.url': '',
  'registry.host': '',
  // The procedure's file writes the placeholder `s3.yourdomain.com:port`; the import keeps what it says
  // (the form then asks for a real port), where the wizard's own example uses :9000.
  'bucket.name': 's3.yourdomain.com:port',
  // The procedure names no StorageClass (the cluster's default): the field stays empty.
  'platform.storageClass': '',
};

test.use({ locale: 'en-US' });

test('importing the procedure’s wandb.yaml and values.yaml fills every form field', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const w = new WizardPage(page, testInfo, 'en');
  await w.open('start');
  await page.locator('#start-mode-import').check();
  await page.getByLabel(w.t('ui.start.import.wandbYaml')).fill(fixture('wandb.yaml'));
  await page.getByLabel(w.t('ui.start.import.valuesYaml')).fill(fixture('values.yaml'));
  await page.getByRole('button', { name: w.t('ui.start.import.run'), exact: true }).click();
  await expect(page.getByTestId('import-result')).toContainText(
    w.t('ui.start.import.done', { count: 0 }).split('0')[0]!,
  );
  await w.screenshot('import');

  // The browser never receives an imported secret (the page and its server payload, after the import).
  await w.open('platform');
  expect((await page.content()).includes('x'.repeat(35)), 'an imported secret sent to the browser').toBe(
    false,
  );

  let checked = 0;
  for (const step of ['registry', 'charts', 'platform', 'storage', 'database', 'network']) {
    await w.open(step);
    const controls = page.locator(
      'input[id^="f-"]:not([type="radio"]):not([type="checkbox"]), textarea[id^="f-"], select[id^="f-"]',
    );
    const ids = await controls.evaluateAll((els) => els.map((el) => el.id));
    expect(ids.length, `fields on ${step}`).toBeGreaterThan(0);
    for (const id of ids) {
      const path = id.slice(2).replace(/-/g, '.');
      const expected = path in NOT_IN_THE_FILES ? NOT_IN_THE_FILES[path] : getPath(PROCEDURE_EXAMPLE, path);
      expect(expected, `${path} is a field of the configuration`).not.toBeUndefined();
      const value = await page.locator(`#${id}`).inputValue();
      if (SECRET_FIELDS.has(path) && expected !== '') {
        // Stored on the server, shown as such, never echoed.
        expect(value, path).toBe('');
        await expect(page.locator(`#${id}-stored`), path).toBeVisible();
      } else {
        expect(value, path).toBe(String(expected));
      }
      checked += 1;
    }
    for (const radio of await page
      .locator('input[type="radio"][id^="f-"]:checked')
      .evaluateAll((els) => els.map((el) => el.id))) {
      const [, ...rest] = radio.split('-');
      const path = rest.slice(0, -1).join('.');
      const value = await page.locator(`#${radio}`).inputValue();
      expect(value, path).toBe(String(getPath(PROCEDURE_EXAMPLE, path)));
      checked += 1;
    }
    for (const box of await page
      .locator('input[type="checkbox"][id^="f-"]')
      .evaluateAll((els) => els.map((el) => el.id))) {
      const path = box.slice(2).replace(/-/g, '.');
      expect(await page.locator(`#${box}`).isChecked(), path).toBe(Boolean(getPath(PROCEDURE_EXAMPLE, path)));
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(40);
});
