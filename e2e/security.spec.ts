import { expect, test } from './support/fixtures';
import { signinUrl } from './support/session';
import { WizardPage } from './support/wizard-page';

test.use({ locale: 'en-US' });

test('two tabs of one browser: a stale tab cannot overwrite the other, and the user chooses', async ({
  context,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const first = new WizardPage(page, testInfo, 'en');
  await first.open('registry');
  await first.fill('registry.host', 'registry-one.example.com');
  await first.waitSaved();

  // The second tab loads the draft as it stands now.
  const second = new WizardPage(await context.newPage(), testInfo, 'en');
  await second.open('registry');
  await expect(second.field('registry.host')).toHaveValue('registry-one.example.com');
  await second.fill('registry.host', 'registry-two.example.com');
  await second.waitSaved();

  // The first tab, stale, changes another field: its save is refused and the changed field named.
  await first.field('registry.plainHttp').check();
  const conflict = first.page.getByTestId('draft-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(first.t('ui.security.conflict.title'));
  await expect(conflict).toContainText('registry.host');
  await first.expectAccessible();

  // "Take theirs": the second tab's host, the first tab's change dropped.
  await conflict.getByRole('button', { name: first.t('ui.security.conflict.takeTheirs') }).click();
  await expect(conflict).toHaveCount(0);
  await expect(first.field('registry.host')).toHaveValue('registry-two.example.com');
  await expect(first.field('registry.plainHttp')).not.toBeChecked();

  // Now the second tab is stale: "keep mine" saves over the first.
  await first.fill('registry.host', 'registry-three.example.com');
  await first.waitSaved();
  await second.field('registry.plainHttp').check();
  const other = second.page.getByTestId('draft-conflict');
  await expect(other).toBeVisible();
  await other.getByRole('button', { name: second.t('ui.security.conflict.keepMine') }).click();
  await second.waitSaved();
  await first.page.reload();
  await expect(first.field('registry.host')).toHaveValue('registry-two.example.com');
  await expect(first.field('registry.plainHttp')).toBeChecked();
});

test.describe('without a session', () => {
  test.use({ signedIn: false });

  test('every page asks to sign in; the printed URL signs in once; sign-out ends the session', async ({
    page,
  }, testInfo) => {
    const w = new WizardPage(page, testInfo, 'en');
    const refused = await page.goto('/wizard/start');
    expect(refused?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('Sign-in needed');
    const url = await signinUrl();
    await page.goto(url);
    await w.expectStep('start');
    // The same URL again: refused.
    const again = await page.context().request.get(url, { maxRedirects: 0 });
    expect(again.status()).toBe(403);
    await page.goto('/wizard/start');
    await page.getByRole('button', { name: w.t('ui.security.signOut') }).click();
    await expect(page.locator('body')).toContainText('You are signed out');
    expect((await page.goto('/wizard/start'))?.status()).toBe(401);
  });
});
