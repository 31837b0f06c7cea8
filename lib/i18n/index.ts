import { errorMessages } from '@/lib/errors/messages';

import { applyEn } from './messages/apply.en';
import { applyJa } from './messages/apply.ja';
import { checksEn } from './messages/checks.en';
import { checksJa } from './messages/checks.ja';
import { en } from './messages/en';
import { mirrorEn } from './messages/mirror.en';
import { mirrorJa } from './messages/mirror.ja';
import { securityEn } from './messages/security.en';
import { securityJa } from './messages/security.ja';
import { serverEn } from './messages/server.en';
import { serverJa } from './messages/server.ja';
import { ja } from './messages/ja';
import { uiEn } from './messages/ui.en';
import { uiJa } from './messages/ui.ja';

/**
 * Translation: flat catalogues, `{name}` parameters. Pure and browser-safe.
 *
 * The catalogue of a locale is the union of the message modules, one per owner, each an
 * English object plus a Japanese `Record<keys of the English, string>` (a compile error when
 * a key is missing or extra):
 * - `messages/en.ts` / `ja.ts`: `config.` (validation) and `generate.` (artifacts);
 * - `lib/errors/messages.ts`: `errors.` (the error mapper, checks, helm, registry, kube);
 * - `messages/ui.en.ts` / `ui.ja.ts`: `ui.` (the screens);
 * - `messages/checks.en.ts` / `checks.ja.ts`: `checks.` (the prerequisite checks and their page);
 * - `messages/mirror.en.ts` / `mirror.ja.ts`: `mirrorStep.` (the Mirror step);
 * - `messages/server.en.ts` / `server.ja.ts`: `server.` (the sign-in and refusals of server/);
 * - `messages/security.en.ts` / `security.ja.ts`: `ui.security.`, `apply.security.` (sign-out,
 *   expired secrets, the two-tab conflict, the audit log).
 * To add a module, add it to the two spreads below; `i18n.test.ts` then checks it too.
 */

export type Locale = 'en' | 'ja';
export const LOCALES: readonly Locale[] = ['en', 'ja'];
export const DEFAULT_LOCALE: Locale = 'en';

const EN = {
  ...en,
  ...errorMessages.en,
  ...uiEn,
  ...checksEn,
  ...applyEn,
  ...mirrorEn,
  ...serverEn,
  ...securityEn,
};
const JA: Record<keyof typeof EN, string> = {
  ...ja,
  ...errorMessages.ja,
  ...uiJa,
  ...checksJa,
  ...applyJa,
  ...mirrorJa,
  ...serverJa,
  ...securityJa,
};

/** Every key of every message module. */
export type MessageKey = keyof typeof EN;
export type TranslationParams = Readonly<Record<string, string | number>>;

export const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en: EN, ja: JA };

/** True when `value` is a key of the catalogues (for keys that arrive as data, e.g. from a server action). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(EN, value);
}

/** True for a supported locale. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The text of `key` in `locale` with `{name}` replaced by `params.name`. A parameter that is
 * not given stays visible as `{name}` (a bug to see, not to hide); an unknown key (only possible
 * with untyped data) is returned as is.
 */
export function translate(locale: Locale, key: MessageKey, params: TranslationParams = {}): string {
  const template = CATALOGUES[locale][key] ?? EN[key] ?? key;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A translator bound to a locale. */
export function translator(locale: Locale): (key: MessageKey, params?: TranslationParams) => string {
  return (key, params) => translate(locale, key, params);
}
