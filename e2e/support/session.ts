import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { BrowserContext } from '@playwright/test';

import { requestSigninUrl } from '../../server/control';

/** The server's data folder (playwright.config.ts starts it with WIZARD_DATA_DIR=test-results/wizard-data). */
export const DATA_DIR = path.resolve('test-results', 'wizard-data');
export const DRAFTS_DIR = path.join(DATA_DIR, 'drafts');
/** Its configuration folder (the secrets key), outside the data folder. */
export const CONFIG_DIR = path.resolve('test-results', 'wizard-config');

/**
 * Signs a browser context in as a user does: asks the running wizard for a sign-in URL (what
 * `npm run signin-url` prints) and opens it, which sets the session cookie in the context.
 * `draft` continues a draft already on disk (e.g. one written by `seedDraft`).
 */
export async function signIn(context: BrowserContext, options: { draft?: string } = {}): Promise<void> {
  const url = await requestSigninUrl(DATA_DIR, options.draft);
  const response = await context.request.get(url, { maxRedirects: 0 });
  if (response.status() !== 303)
    throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
}

/** A sign-in URL without using it (for tests of the sign-in itself). */
export function signinUrl(draft?: string): Promise<string> {
  return requestSigninUrl(DATA_DIR, draft);
}

/** The draft id of the context's session, read from the server's session file by the cookie's hash. */
export async function draftIdOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('wizard-session'));
  if (!cookie) throw new Error('the context is not signed in');
  const hash = createHash('sha256').update(cookie.value).digest('base64url');
  const file = JSON.parse(readFileSync(path.join(DATA_DIR, 'sessions.json'), 'utf8')) as {
    sessions: Array<{ hash: string; draftId: string }>;
  };
  const session = file.sessions.find((s) => s.hash === hash);
  if (!session) throw new Error('no session for the cookie');
  return session.draftId;
}
