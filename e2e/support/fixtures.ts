import { expect, test as base } from '@playwright/test';

import { signIn } from './session';

/**
 * Every test's browser context is signed in (`session`, automatic: the wizard refuses every
 * request without a session), as a user does with the URL the wizard prints; a test that needs
 * another draft or no session calls `signIn` from ./session itself, or opts out with
 * `test.use({ signedIn: false })`.
 *
 * Every test records each request its browser context makes and fails if one goes anywhere but
 * the wizard's server on 127.0.0.1 (the issue: "the page never contacts any host but the server
 * it came from"). It also fails on a Content-Security-Policy violation in the console.
 */
export const test = base.extend<{ requestLog: string[]; signedIn: boolean; session: void }>({
  signedIn: [true, { option: true }],
  session: [
    async ({ context, signedIn }, use) => {
      if (signedIn) await signIn(context);
      await use();
    },
    { auto: true },
  ],
  requestLog: [
    async ({ context, baseURL }, use, testInfo) => {
      const log: string[] = [];
      const consoleErrors: string[] = [];
      context.on('request', (request) => log.push(request.url()));
      const watch = (page: import('@playwright/test').Page) =>
        page.on('console', (m) => {
          if (m.type() === 'error') consoleErrors.push(m.text());
        });
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(log);
      await testInfo.attach('request-log.txt', { body: log.join('\n'), contentType: 'text/plain' });
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const offHost = log.filter((url) => {
        const u = new URL(url);
        // data: and blob: URLs are made in the page and never reach the network.
        if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
        return u.hostname !== '127.0.0.1' || u.origin !== origin;
      });
      expect(offHost, 'requests that left the wizard server').toEqual([]);
      expect(log.length, 'the request log recorded the test').toBeGreaterThan(0);
      expect(consoleErrors.filter((text) => /Content.Security.Policy/i.test(text))).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
