import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';

import { securityEn } from '../../lib/i18n/messages/security.en';
import { securityJa } from '../../lib/i18n/messages/security.ja';
import { uiEn } from '../../lib/i18n/messages/ui.en';
import { uiJa } from '../../lib/i18n/messages/ui.ja';

export type Locale = 'en' | 'ja';
const EN = { ...uiEn, ...securityEn };
const JA: Record<keyof typeof EN, string> = { ...uiJa, ...securityJa };
type UiKey = keyof typeof EN;

/** Where step screenshots are kept (also attached to the report). */
export const SCREENSHOT_DIR = path.join('test-results', 'screenshots');

/** The wizard as a user sees it: steps, fields by their form path, buttons by their translated names. */
export class WizardPage {
  private shot = 0;

  constructor(
    readonly page: Page,
    readonly testInfo: TestInfo,
    readonly locale: Locale,
  ) {}

  /** The UI text of a key in this page's language. */
  t(key: UiKey, params: Record<string, string | number> = {}): string {
    const template = (this.locale === 'ja' ? JA : EN)[key];
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }

  /** The control of a form field (`registry.host` → `#f-registry-host`). */
  field(name: string): Locator {
    return this.page.locator(`#f-${name.replace(/\./g, '-')}`);
  }

  fieldError(name: string): Locator {
    return this.page.locator(`#f-${name.replace(/\./g, '-')}-error`);
  }

  async fill(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  async open(step: string): Promise<void> {
    await this.page.goto(`/wizard/${step}`);
    await this.expectStep(step);
  }

  async expectStep(step: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/wizard/${step}$`));
    await expect(this.page.locator('#step-title')).toHaveText(this.t(`ui.step.${step}.title` as UiKey));
  }

  /** Presses "Next" and waits for the following step. */
  async next(expected: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t('ui.nav.next'), exact: true }).click();
    await this.expectStep(expected);
  }

  async waitSaved(): Promise<void> {
    // The first save of a session loads the action on the server: slow on a busy machine.
    await expect(this.page.getByTestId('save-status')).toHaveText(this.t('ui.draft.saved'), {
      timeout: 15_000,
    });
  }

  /** A full-page screenshot kept under test-results/screenshots and attached to the report. */
  async screenshot(step: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    this.shot += 1;
    const name = `${this.locale}-${String(this.shot).padStart(2, '0')}-${step}.png`;
    const file = path.join(SCREENSHOT_DIR, name);
    await this.page.screenshot({ path: file, fullPage: true });
    await this.testInfo.attach(name, { path: file, contentType: 'image/png' });
  }

  /** axe-core on the current page: no WCAG 2.1 A/AA violation. */
  async expectAccessible(): Promise<void> {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const violations = results.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
    expect(violations).toEqual([]);
  }

  /** Clicks a download link and returns the downloaded bytes. */
  async download(link: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(file) };
  }

  /** Downloads the archive and returns its files (folder stripped), by name. */
  async downloadArchive(): Promise<{ name: string; files: Record<string, string> }> {
    const { name, bytes } = await this.download(this.page.locator('a[data-download="archive"]'));
    const entries = unzipSync(new Uint8Array(bytes));
    const files: Record<string, string> = {};
    for (const [entry, data] of Object.entries(entries)) {
      if (entry.endsWith('/')) continue;
      files[entry.slice(entry.indexOf('/') + 1)] = strFromU8(data);
    }
    return { name, files };
  }
}
