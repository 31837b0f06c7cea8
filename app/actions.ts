'use server';

import { cookies } from 'next/headers';

import { isLocale } from '@/lib/i18n';

import { LOCALE_COOKIE } from './locale-negotiation';

/** Remembers the language the user picked in the header (a form with a `locale` field). */
export async function setLocale(formData: unknown): Promise<void> {
  // Called by anyone who can post: anything but a form with a known locale is ignored.
  const locale = formData instanceof FormData ? String(formData.get('locale') ?? '') : '';
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'strict', maxAge: 60 * 60 * 24 * 365 });
}
