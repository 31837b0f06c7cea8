import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { seedDraft } from '../lib/draft/seed';
import { applyEn } from '../lib/i18n/messages/apply.en';
import { checksEn } from '../lib/i18n/messages/checks.en';
import {
  pauseOperator,
  releaseWorkloads,
  removeInstall,
  vendorConfig,
  vendorWhy,
} from '../test/integration/vendor-operator';

import { expect, test } from './support/fixtures';
import { CONFIG_DIR, DATA_DIR, signIn } from './support/session';
import { WizardPage } from './support/wizard-page';

/**
 * The prerequisite checks and the apply, driven in the browser against the test environment and
 * the vendor's real operator and charts: a draft that points every section at them (as a user who
 * filled in each step would have it), the checks run and re-run, the report exported, a dry run,
 * the install while the operator is stopped (the follow shows no phase; stop, follow only), a
 * stuck release recovered, and then the operator, resumed, reconciles the resource to its own
 * `Completed` with every workload ready on the kwok node. Nothing here writes a status or creates
 * a platform workload.
 */
const env = process.env;
const NS = `e2e-apply-${randomBytes(3).toString('hex')}`;
const VERSION = '0.18.0';

function sh(command: string, args: string[], input?: string): string {
  return execFileSync(command, args, {
    env: { ...env },
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 120_000,
  }).toString('utf8');
}

/** The operator release's revisions, oldest first (`helm history`). */
function history(): Array<{ revision: number; status: string }> {
  return JSON.parse(sh(env.HELM4 ?? 'helm', ['history', 'operator', '-n', NS, '-o', 'json'])) as Array<{
    revision: number;
    status: string;
  }>;
}

/**
 * Leaves the release `pending-upgrade`, as a helm run killed mid-way does: an upgrade that waits
 * for pods no node can take (kwok makes pods Ready on its own node only), SIGKILLed once pending.
 */
async function interruptUpgrade(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'e2e-helm-'));
  // The real operator chart the apply installed (the repository's newest).
  const chart = join(env.WANDB_VENDOR_DIR ?? '', 'charts', 'operator-1.4.8.tgz');
  const args = ['upgrade', 'operator', chart, '-n', NS, '--reuse-values', '--wait', '--timeout', '300s'];
  const child = spawn(env.HELM4 ?? 'helm', [...args, '--set', 'nodeSelector.wizard-e2e/none=x'], {
    env: { ...env, HOME: home },
    stdio: 'ignore',
  });
  try {
    const deadline = Date.now() + 60_000;
    while (history().at(-1)?.status !== 'pending-upgrade') {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error('the upgrade never became pending');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
}

test.describe('checks and apply against the test environment', () => {
  test.skip(!env.KUBECONFIG || !env.HELM4, 'needs the test environment: eval "$(scripts/test-env env)"');
  test.skip(vendorWhy !== '', `needs the vendor's operator and charts: ${vendorWhy}`);
  test.use({ locale: 'en-US' });

  let resumeOperator = () => {};
  test.afterAll(() => {
    resumeOperator();
    removeInstall(NS);
  });

  test('run the checks, re-run one, export, dry run, install, stop following, recover a stuck release, ready', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(480_000);
    const config = vendorConfig(VERSION, NS);
    const id = await seedDraft(
      DATA_DIR,
      {
        ...config,
        target: { operatorNamespace: NS, crName: 'wandb', crNamespace: NS, kubeContext: '' },
        ingress: { ...config.ingress, class: 'nginx' },
      },
      ['start', 'prerequisites', 'registry', 'charts', 'platform', 'storage', 'database', 'network'],
      CONFIG_DIR,
    );
    await signIn(context, { draft: id });
    const w = new WizardPage(page, testInfo, 'en');

    // The checks: all of them finish, each with a status; strict ones pass here.
    await w.open('prerequisites');
    await page.getByRole('button', { name: checksEn['checks.ui.start'], exact: true }).click();
    const panel = page.getByTestId('checks-panel');
    const items = panel.locator('li[data-check]');
    await expect(items.first()).toBeVisible({ timeout: 30_000 });
    const total = await items.count();
    expect(total).toBeGreaterThanOrEqual(10);
    await expect(panel).toContainText(checksEn['checks.ui.cleared'], { timeout: 120_000 });
    await expect(items.and(page.locator('[data-status="running"]'))).toHaveCount(0);
    for (const check of ['kube-api', 'helm', 'registry-images', 'charts', 'rendered-images']) {
      await expect(panel.locator(`li[data-check="${check}"]`)).toHaveAttribute('data-status', 'pass');
    }
    await expect(panel.locator('figure.checks-timeline li')).toHaveCount(total);
    await w.screenshot('checks-done');
    await w.expectAccessible();
    // A reload shows the run again (it lives on the server).
    await page.reload();
    await expect(panel).toContainText(checksEn['checks.ui.cleared']);
    await expect(items).toHaveCount(total);

    // Re-run one check alone: it runs again and ends as before; the others keep their results.
    const registry = panel.locator('li[data-check="registry-images"]');
    // The button's accessible name is “Run the check “<title>” again”.
    const rerunName = checksEn['checks.ui.rerunLabel'].split('{title}')[0] ?? '';
    await registry.getByRole('button', { name: rerunName }).click();
    await expect(registry).toHaveAttribute('data-status', 'pass', { timeout: 60_000 });
    await expect(panel).toContainText(checksEn['checks.ui.cleared']);

    // The exported report names the checks and holds no secret.
    const report = await w.download(page.getByRole('link', { name: checksEn['checks.ui.exportJson'] }));
    const json = report.bytes.toString('utf8');
    expect(json).toContain('rendered-images');
    const bucketKey = config.bucket.provider === 's3' ? config.bucket.secretKey : '';
    for (const secret of [config.registry.password, config.mysql.password, bucketKey]) {
      expect(secret).toBeTruthy();
      expect(json).not.toContain(secret);
    }

    // Apply: a dry run first, which changes nothing.
    await w.open('apply');
    const apply = page.getByTestId('apply-panel');
    await page.getByRole('button', { name: applyEn['apply.ui.dryRun'], exact: true }).click();
    const status = apply.locator('[data-status]').first();
    await expect(status).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
    await expect(apply.locator('li[data-step="follow"]')).toContainText(applyEn['apply.change.dry.skipped']);
    expect(sh(env.KUBECTL ?? 'kubectl', ['get', 'namespace', NS, '--ignore-not-found'])).toBe('');

    // The install, confirmed, while the operator is stopped (as one not running yet); helm and the
    // resource go through, then the wizard follows readiness and sees no phase.
    resumeOperator = pauseOperator();
    await page.getByRole('button', { name: applyEn['apply.ui.apply'], exact: true }).click();
    // The confirmation names the cluster and exactly what this configuration writes.
    const writes = page.getByTestId('apply-writes');
    await expect(writes).toContainText(`WeightsAndBiases ${NS}/wandb`);
    await expect(writes).toContainText(`Namespace ${NS}`);
    await expect(page.getByRole('alertdialog')).toContainText(env.KUBE_APISERVER_URL!);
    await page.getByRole('button', { name: applyEn['apply.ui.confirm.yes'], exact: true }).click();
    const follow = apply.locator('li[data-step="follow"]');
    await expect(follow).toHaveAttribute('data-state', 'running', { timeout: 180_000 });
    await expect(apply.locator(`li[data-step="cr:${NS}/wandb"]`)).toHaveAttribute('data-state', 'done');
    await expect(apply).toContainText(applyEn['apply.ui.crPhase.none']);
    await w.screenshot('apply-following');
    // A reload (or a return to the step) finds the run still going and keeps following it.
    await page.reload();
    await expect(follow).toHaveAttribute('data-state', 'running');
    await w.expectAccessible();

    // Stop following: the run ends as cancelled, and says that what was applied stays.
    await page.getByRole('button', { name: applyEn['apply.ui.stopFollowing'], exact: true }).click();
    await expect(status).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
    await expect(follow).toContainText(applyEn['apply.follow.stopped']);
    expect(history().at(-1)).toMatchObject({ revision: 1, status: 'deployed' });

    // Following again later reads the install without touching it (no helm run: still revision 1).
    await page.getByRole('button', { name: applyEn['apply.ui.followOnly'], exact: true }).click();
    await expect(follow).toHaveAttribute('data-state', 'running');
    await expect(apply.locator('li[data-step]')).toHaveCount(1);
    await expect(apply).toContainText(applyEn['apply.ui.crPhase.none']);
    await page.getByRole('button', { name: applyEn['apply.ui.stopFollowing'], exact: true }).click();
    await expect(status).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
    await expect(status).toContainText(
      applyEn['apply.ui.status.followOnly'].replace('{status}', applyEn['apply.ui.status.cancelled']),
    );
    expect(history()).toHaveLength(1);
    sh(env.KUBECTL ?? 'kubectl', ['get', 'weightsandbiases.apps.wandb.com', 'wandb', '-n', NS]);

    // A helm run killed mid-way leaves the release pending: the next apply stops at helm and says
    // so; the recovery (confirmed) rolls it back, then the apply goes on.
    await interruptUpgrade();
    await page.getByRole('button', { name: applyEn['apply.ui.apply'], exact: true }).click();
    await page.getByRole('button', { name: applyEn['apply.ui.confirm.yes'], exact: true }).click();
    await expect(status).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
    const stuck = apply.getByTestId('apply-stuck-release');
    await expect(stuck).toContainText(`helm rollback operator 1 -n ${NS}`);
    await w.screenshot('apply-stuck-release');
    await w.expectAccessible();
    page.once('dialog', (dialog) => void dialog.accept());
    await stuck.getByRole('button', { name: applyEn['apply.ui.stuck.recover'] }).click();
    await expect(follow).toHaveAttribute('data-state', 'running', { timeout: 180_000 });
    await expect(apply.locator(`li[data-step="helm:${NS}/operator"]`)).toContainText(
      'recovered from pending-upgrade by rollback to revision 1',
    );
    // The operator, running again, downloads the real operator-wandb, installs it and reports
    // Completed; the workloads come up on the kwok node: the apply ends ready, with the link.
    resumeOperator();
    await expect(status).toHaveAttribute('data-status', 'succeeded', { timeout: 180_000 });
    await expect(apply).toContainText('Completed');
    await expect(apply.getByTestId('platform-ready')).toContainText(applyEn['apply.ui.platformReady']);
    await expect(apply.getByTestId('platform-ready').getByRole('link')).toHaveAttribute(
      'href',
      config.platform.host,
    );
    await expect(follow).toContainText(applyEn['apply.change.followed']);
    await w.screenshot('apply-ready');
    await w.expectAccessible();
    // 1 installed, 2 the interrupted upgrade, 3 the rollback to 1, 4 this apply's upgrade.
    expect(history().at(-1)).toMatchObject({ revision: 4, status: 'deployed' });
    const workloads = await releaseWorkloads(NS, 60_000);
    expect(workloads.length).toBeGreaterThanOrEqual(6);
    expect(workloads.filter((w) => !w.ready)).toEqual([]);
  });
});
