import 'server-only';

import { cookies, headers } from 'next/headers';

import { CATALOGUES, type Locale } from '@/lib/i18n';

import { LOCALE_COOKIE, negotiateLocale } from './locale-negotiation';

/**
 * The request's locale: the `locale` cookie when the user picked one with the switcher, otherwise
 * the browser's preference (Accept-Language).
 */
export async function currentLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (chosen === 'en' || chosen === 'ja') return chosen;
  return negotiateLocale((await headers()).get('accept-language'));
}

/** Every message of a locale (lib/i18n merges the screens' `ui.` messages into it). */
export function catalogue(locale: Locale): Readonly<Record<string, string>> {
  return CATALOGUES[locale];
}

/** A translator for server components and route handlers; `{name}` parameters as in lib/i18n. */
export function serverTranslator(
  locale: Locale,
): (key: string, params?: Record<string, string | number>) => string {
  const messages = catalogue(locale);
  return (key, params = {}) =>
    (messages[key] ?? key).replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
}

/**
 * The messages a client component tree needs: the screens' texts, the validation messages and the
 * error messages of the active locale only (never the other language, nor the generators' texts other than the importer's).
 */
export function clientMessages(locale: Locale): Record<string, string> {
  const all = catalogue(locale);
  return Object.fromEntries(
    Object.entries(all).filter(
      ([k]) =>
        k.startsWith('ui.') ||
        k.startsWith('config.') ||
        k.startsWith('errors.') ||
        k.startsWith('checks.') ||
        k.startsWith('apply.') ||
        k.startsWith('generate.import.'),
    ),
  );
}
