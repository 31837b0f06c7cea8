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

/** The namespaces every wizard page needs on the client; a step adds its own (see `stepMessages`). */
const SHARED_PREFIXES = ['ui.', 'config.', 'errors.', 'generate.import.'] as const;

/** The namespaces only one step's client component needs: its page adds them. */
const STEP_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  mirror: ['mirrorStep.'],
  prerequisites: ['checks.'],
  // The apply panel also shows the checks that gate an apply.
  apply: ['apply.', 'checks.'],
};

/** Filtered catalogues by locale and prefixes: the catalogues never change, so each is cut once. */
const filtered = new Map<string, Readonly<Record<string, string>>>();

function messagesWith(locale: Locale, prefixes: readonly string[]): Readonly<Record<string, string>> {
  const key = `${locale}:${prefixes.join(',')}`;
  let messages = filtered.get(key);
  if (!messages) {
    messages = Object.fromEntries(
      Object.entries(catalogue(locale)).filter(([k]) => prefixes.some((prefix) => k.startsWith(prefix))),
    );
    filtered.set(key, messages);
  }
  return messages;
}

/**
 * The messages every client component tree needs: the screens' texts, the validation messages and
 * the error messages of the active locale only (never the other language, nor the generators' texts
 * other than the importer's). The checks' and the apply's texts come with their own steps.
 */
export function clientMessages(locale: Locale): Readonly<Record<string, string>> {
  return messagesWith(locale, SHARED_PREFIXES);
}

/** The messages a step's page adds to `clientMessages` (none for most steps). */
export function stepMessages(locale: Locale, stepId: string): Readonly<Record<string, string>> | null {
  const prefixes = STEP_PREFIXES[stepId];
  return prefixes ? messagesWith(locale, prefixes) : null;
}

/** The few texts of the error boundaries, which sit outside the wizard's layout. */
export function boundaryMessages(locale: Locale): Readonly<Record<string, string>> {
  return messagesWith(locale, ['ui.boundary.']);
}
