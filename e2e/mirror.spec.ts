import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { testEnvConfig } from '../lib/checks/test-env-config';
import { seedDraft } from '../lib/draft/seed';
import { en } from '../lib/i18n/messages/en';
import { mirrorEn } from '../lib/i18n/messages/mirror.en';
import { uiEn } from '../lib/i18n/messages/ui.en';
import { defaultMirror } from '../lib/config/mirror';
import { configBundleImages, writeMirrorBundle } from '../test/fixtures/mirror-bundle';

import { expect, test } from './support/fixtures';
import { CONFIG_DIR, DATA_DIR, signIn } from './support/session';
import { WizardPage } from './support/wizard-page';

/**
 * The Mirror step in the browser against the test environment's registry with TLS and basic auth
 * (the draft's Registry step, as the checks use it): the source field's errors, the plan of the
 * fixture bundle, a run cancelled, a run that pushes everything, a reload that shows it, a run
 * that pushes nothing, and the skip. The `local` image has a 200 MiB layer so that the first run
 * is still going when Cancel is pressed. The bundle's two charts go where the draft's Charts step
 * says: `operator` to an OCI repository in the same registry (pushed, then present), `operator-wandb`
 * to the static chart server (no upload API: the commands that publish it by hand are shown).
 * The Platforms choice: linux/amd64 picked among the platforms the plan found, the plan then says
 * which platforms each image pushes, the run pushes that, and the choice is kept in the draft.
 */
const env = process.env;
const PREFIX = `e2e-mirror-${randomBytes(3).toString('hex')}`;
const BIG = 200 * 1024 * 1024;

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));

test.describe('the Mirror step against the test registry', () => {
  test.skip(
    !env.REGISTRY_AUTH || !env.TEST_CA_FILE,
    'needs the test environment: eval "$(scripts/test-env env)"',
  );
  test.use({ locale: 'en-US' });

  test('source errors, plan, cancel, mirror, reload, a second run pushes nothing, skip', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(300_000);
    const base = testEnvConfig('0.43.8');
    const chartsUrl = `oci://${env.REGISTRY_AUTH}/${PREFIX}/charts`;
    const config = {
      ...base,
      registry: { ...base.registry, host: `${env.REGISTRY_AUTH}/${PREFIX}` },
      charts: {
        ...base.charts,
        operator: {
          ...base.charts.operator,
          source: {
            kind: 'oci' as const,
            url: chartsUrl,
            username: base.registry.username,
            password: base.registry.password,
            caBundle: base.registry.caBundle,
            plainHttp: false,
            insecureSkipVerify: false,
          },
        },
      },
    };
    const bundle = await writeMirrorBundle(
      join(process.cwd(), '.test-env', 'mirror-e2e-fixture'),
      configBundleImages(config, BIG),
      [
        join(process.cwd(), 'test/fixtures/charts/operator'),
        join(process.cwd(), 'test/fixtures/charts/operator-wandb-0.43'),
      ],
    );
    const id = await seedDraft(DATA_DIR, config, ['start', 'mirror'], CONFIG_DIR);
    await signIn(context, { draft: id });
    const w = new WizardPage(page, testInfo, 'en');
    await w.open('mirror');
    const panel = page.getByTestId('mirror-panel');
    await expect(panel).toContainText(mirrorEn['mirrorStep.ui.optional']);
    const plan = page.getByRole('button', { name: mirrorEn['mirrorStep.ui.plan'], exact: true });

    // The source field: a relative path, then a folder that is not there, each with its fix.
    await w.fill('mirror.source', 'bundle');
    await plan.click();
    // The first action of a fresh server loads its code: slow on a busy machine.
    await expect(w.fieldError('mirror.source')).toHaveText(en['config.mirror.source.absolute'], {
      timeout: 30_000,
    });
    await w.fill('mirror.source', '/nonexistent/wsm-bundle');
    await plan.click();
    await expect(w.fieldError('mirror.source')).toHaveText(
      fill(mirrorEn['mirrorStep.source.missing'], { path: '/nonexistent/wsm-bundle' }),
      { timeout: 30_000 },
    );

    // The plan: every image of the bundle, missing from the fresh prefix, with size and platforms.
    await w.fill('mirror.source', bundle);
    await plan.click();
    const rows = page.getByTestId('mirror-plan').locator('tbody tr[data-image]');
    await expect(rows.first()).toBeVisible({ timeout: 60_000 });
    const total = await rows.count();
    expect(total).toBeGreaterThan(3);
    await expect(rows.and(page.locator('[data-status="missing"]'))).toHaveCount(total);
    await expect(page.locator('tr[data-image^="wandb/controller:"]')).toContainText(
      'linux/amd64, linux/arm64',
    );
    // Each chart with where it goes: the OCI repository (missing), the static repository (another
    // package of that version there; the upload API is tried) with the commands to publish by hand.
    const charts = page.getByTestId('mirror-charts');
    await expect(charts).toContainText('operator 1.3.3');
    const operatorRow = charts.locator('tr[data-chart="operator-1.3.3.tgz"]');
    await expect(operatorRow).toHaveAttribute('data-status', 'missing');
    await expect(operatorRow).toContainText(`${chartsUrl}/operator:1.3.3`);
    await expect(charts.locator('tr[data-chart="operator-wandb-0.43.8.tgz"]')).toContainText(
      env.CHARTS_HTTPS_URL ?? '',
    );
    await expect(page.getByTestId('mirror-charts-publish')).toContainText('helm repo index wandb-charts');
    await w.screenshot('mirror-plan');
    await w.expectAccessible();

    // A run cancelled while the large image is on its way: it ends cancelled.
    const start = page.getByRole('button', { name: mirrorEn['mirrorStep.ui.start'], exact: true });
    await start.click();
    const state = page.getByTestId('mirror-run');
    await expect(state).toHaveAttribute('data-state', 'pushing', { timeout: 60_000 });
    await expect(page.getByTestId('mirror-progress')).toBeVisible();
    await page.getByRole('button', { name: mirrorEn['mirrorStep.ui.cancel'], exact: true }).click();
    await expect(state).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });

    // A run to the end: every image pushed or (from the cancelled run) already complete.
    const again = page.getByRole('button', { name: mirrorEn['mirrorStep.ui.startAgain'], exact: true });
    await again.click();
    await expect(state).toHaveAttribute('data-state', 'succeeded', { timeout: 240_000 });
    const report = page.getByTestId('mirror-report');
    await expect(report.locator('tr[data-image][data-result="failed"]')).toHaveCount(0);
    await expect(report.locator('tr[data-image][data-result]')).toHaveCount(total);
    // The charts: operator pushed to the OCI repository; operator-wandb left to publish by hand.
    const chartsReport = page.getByTestId('mirror-charts-report');
    await expect(chartsReport.locator('tr[data-chart="operator-1.3.3.tgz"]')).toHaveAttribute(
      'data-result',
      'pushed',
    );
    await expect(chartsReport.locator('tr[data-chart="operator-wandb-0.43.8.tgz"]')).toHaveAttribute(
      'data-result',
      'manual',
    );
    await expect(report.getByTestId('mirror-charts-publish')).toContainText('--data-binary @');
    await w.screenshot('mirror-report');

    // A reload shows the run as it stands on the server.
    await page.reload();
    await expect(state).toHaveAttribute('data-state', 'succeeded');
    await expect(report.locator('tr[data-image][data-result]')).toHaveCount(total);

    // A second run pushes nothing and says so.
    await again.click();
    await expect(page.getByTestId('mirror-summary')).toHaveText(
      fill(mirrorEn['mirrorStep.ui.report.nothing'], { skipped: total }),
      { timeout: 120_000 },
    );
    await expect(chartsReport.locator('tr[data-chart="operator-1.3.3.tgz"]')).toHaveAttribute(
      'data-result',
      'present',
    );
    await w.expectAccessible();

    // No secret on the page.
    expect(await page.content()).not.toContain(config.registry.password);

    // The step is optional: skipping it goes to the prerequisite checks.
    await page.getByRole('button', { name: mirrorEn['mirrorStep.ui.skip'], exact: true }).click();
    await w.expectStep('prerequisites');
  });

  test('platforms: linux/amd64 picked among those the plan found, shown per image, pushed, kept', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(240_000);
    const base = testEnvConfig('0.43.8');
    const bundle = await writeMirrorBundle(
      join(process.cwd(), '.test-env', 'mirror-e2e-platforms-fixture'),
      configBundleImages(base),
      [],
    );
    const config = {
      ...base,
      registry: { ...base.registry, host: `${env.REGISTRY_AUTH}/${PREFIX}-platforms` },
      mirror: { ...defaultMirror, source: bundle },
    };
    const id = await seedDraft(DATA_DIR, config, ['start', 'mirror'], CONFIG_DIR);
    await signIn(context, { draft: id });
    const w = new WizardPage(page, testInfo, 'en');
    await w.open('mirror');
    const platforms = page.getByTestId('mirror-platforms');
    const every = platforms.getByLabel(uiEn['ui.field.mirror.platforms.all'], { exact: true });
    await expect(every).toBeChecked();

    // Before a plan there is nothing to check; the plan lists the platforms of the source's images.
    await platforms.getByLabel(uiEn['ui.field.mirror.platforms.some'], { exact: true }).check();
    await expect(platforms).toContainText(mirrorEn['mirrorStep.ui.platforms.noPlan']);
    const plan = page.getByRole('button', { name: mirrorEn['mirrorStep.ui.plan'], exact: true });
    await plan.click();
    const controller = page.locator('tr[data-image^="wandb/controller:"]');
    await expect(controller).toContainText('linux/amd64, linux/arm64', { timeout: 60_000 });
    await expect(page.getByTestId('mirror-plan-platforms')).toHaveText(
      mirrorEn['mirrorStep.ui.plan.platforms.all'],
    );
    const amd64 = platforms.getByLabel('linux/amd64', { exact: true });
    await expect(platforms.getByLabel('linux/arm64', { exact: true })).not.toBeChecked();
    await amd64.check();
    await expect(platforms).toContainText(mirrorEn['mirrorStep.ui.platforms.replan']);

    // Planned again: the index keeps amd64 alone, the single-platform (amd64) images are as they were.
    await plan.click();
    await expect(page.getByTestId('mirror-plan-platforms')).toHaveText(
      fill(mirrorEn['mirrorStep.ui.plan.platforms.some'], { platforms: 'linux/amd64' }),
      { timeout: 60_000 },
    );
    const cell = controller.locator('td[data-push-platforms]');
    await expect(cell).toHaveAttribute('data-push-platforms', 'linux/amd64');
    await expect(cell).toHaveText(
      fill(mirrorEn['mirrorStep.ui.platforms.dropped'], { pushed: 'linux/amd64', dropped: 'linux/arm64' }),
    );
    await expect(platforms).not.toContainText(mirrorEn['mirrorStep.ui.platforms.replan']);
    await w.screenshot('mirror-platforms-plan');
    await w.expectAccessible();

    await page.getByRole('button', { name: mirrorEn['mirrorStep.ui.start'], exact: true }).click();
    const state = page.getByTestId('mirror-run');
    await expect(state).toHaveAttribute('data-state', 'succeeded', { timeout: 180_000 });
    await expect(
      page.getByTestId('mirror-report').locator('tr[data-image][data-result="failed"]'),
    ).toHaveCount(0);

    // The choice is in the draft: a reload shows it, with the platform still offered.
    await page.reload();
    await expect(platforms.getByLabel(uiEn['ui.field.mirror.platforms.some'], { exact: true })).toBeChecked();
    await expect(amd64).toBeChecked();

    // Back to every platform: the checkboxes go, and nothing is chosen any more.
    await every.check();
    await expect(amd64).toHaveCount(0);
  });

  test('another registry: the source registry with its login and CA, the plan, a run, no charts', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(240_000);
    const base = testEnvConfig('0.43.8');
    const target = `${PREFIX}-from-registry`;
    const config = { ...base, registry: { ...base.registry, host: `${env.REGISTRY_AUTH}/${target}` } };
    const id = await seedDraft(DATA_DIR, config, ['start', 'mirror'], CONFIG_DIR);
    await signIn(context, { draft: id });
    const w = new WizardPage(page, testInfo, 'en');
    await w.open('mirror');

    // The test environment's own images sit host-stripped under REGISTRY_PREFIX: a source as wsm writes it.
    const source = `${env.REGISTRY_AUTH}/${env.REGISTRY_PREFIX}`;
    await page.locator('#f-mirror-from-registry').check();
    await expect(w.field('mirror.source')).toHaveCount(0);
    await w.fill('mirror.registry.host', source);
    await page.locator('#mirror-registry-needs-login').check();
    await w.fill('mirror.registry.username', base.registry.username);
    await w.fill('mirror.registry.password', base.registry.password);
    await w.fill('mirror.registry.caBundle', base.registry.caBundle);

    await page.getByRole('button', { name: mirrorEn['mirrorStep.ui.plan'], exact: true }).click();
    const plan = page.getByTestId('mirror-plan');
    await expect(plan).toHaveAttribute('data-kind', 'registry', { timeout: 60_000 });
    await expect(plan.locator('caption')).toContainText(source);
    const rows = plan.locator('tbody tr[data-image]');
    const total = await rows.count();
    expect(total).toBeGreaterThan(3);
    await expect(rows.and(page.locator('[data-status="missing"]'))).toHaveCount(total);
    await expect(page.locator('tr[data-image^="docker.io/wandb/controller:"]')).toContainText(
      'linux/amd64, linux/arm64',
    );
    await expect(page.getByTestId('mirror-no-charts')).toHaveText(mirrorEn['mirrorStep.ui.registryNoCharts']);
    await w.screenshot('mirror-registry-plan');
    await w.expectAccessible();

    await page.getByRole('button', { name: mirrorEn['mirrorStep.ui.start'], exact: true }).click();
    const state = page.getByTestId('mirror-run');
    await expect(state).toHaveAttribute('data-state', 'succeeded', { timeout: 180_000 });
    const report = page.getByTestId('mirror-report');
    await expect(report.locator('tr[data-image][data-result="pushed"]')).toHaveCount(total);

    // A reload keeps the choice and the source (the password stays on the server, marked as stored).
    await page.reload();
    await expect(page.locator('#f-mirror-from-registry')).toBeChecked();
    await expect(w.field('mirror.registry.host')).toHaveValue(source);
    expect(await page.content()).not.toContain(base.registry.password);
  });
});
