import { WIZARD_STEPS } from '../components/wizard/steps';
import { PROCEDURE_EXAMPLE } from '../lib/config';
import { seedDraft } from '../lib/draft/seed';

import { expect, test } from './support/fixtures';
import { expectNoSidewaysScroll } from './support/layout';
import { CONFIG_DIR, DATA_DIR, signIn } from './support/session';
import { type Locale, WizardPage } from './support/wizard-page';

/**
 * Issue 13, item 10: at a phone's width (390 × 844) no page scrolls sideways (long code and
 * tables scroll inside their own frame), and the step's own content starts on the first screen
 * (the step list is one row, the draft's panel comes after the step).
 */
const STEPS = WIZARD_STEPS.map((step) => step.id);

for (const locale of ['en', 'ja'] as const satisfies readonly Locale[]) {
  test.describe(`phone width (${locale})`, () => {
    test.use({ viewport: { width: 390, height: 844 }, locale: locale === 'ja' ? 'ja-JP' : 'en-US' });

    test('no page scrolls sideways; the step starts on the first screen', async ({
      page,
      context,
    }, testInfo) => {
      test.setTimeout(180_000);
      const id = await seedDraft(
        DATA_DIR,
        PROCEDURE_EXAMPLE,
        STEPS.filter((step) => !['review', 'apply'].includes(step)),
        CONFIG_DIR,
      );
      await signIn(context, { draft: id });
      const w = new WizardPage(page, testInfo, locale);
      for (const step of STEPS) {
        await w.open(step);
        await expectNoSidewaysScroll(page, step);
        const title = await page.locator('#step-title').boundingBox();
        expect(title, step).not.toBeNull();
        expect(title!.y + title!.height, `${step}: the title is below the first screen`).toBeLessThan(844);
        // The current step is in view in the step list's row.
        const current = await page.locator('.stepper a[aria-current="step"]').boundingBox();
        expect(current!.x, step).toBeGreaterThanOrEqual(0);
        expect(current!.x + current!.width, step).toBeLessThanOrEqual(390);
        if (step === 'review' || step === 'prerequisites') await w.screenshot(`phone-${step}`);
      }
    });
  });
}
