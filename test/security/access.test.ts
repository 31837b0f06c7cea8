import { execFileSync } from 'node:child_process';
import os from 'node:os';
import net from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  newSigninUrl,
  pick,
  request,
  routes,
  SERVER_JS,
  serverActions,
  signIn,
  startWizard,
  type Wizard,
} from './support';

/**
 * Who may talk to the wizard: every page, route handler and server action of the build (read
 * from its manifests, so that new ones are covered without changing this test) refuses a request
 * without a session, with a foreign Origin, or with a foreign Host.
 */
let wizard: Wizard;
let cookie: string;

beforeAll(async () => {
  wizard = await startWizard();
  cookie = await signIn(wizard.signinUrl);
});
afterAll(async () => {
  await wizard?.stop();
});

const host = () => `127.0.0.1:${wizard.port}`;

describe('sign-in', () => {
  it('prints a sign-in URL at start; its token works once', async () => {
    expect(wizard.log()).toMatch(/Sign in .*\n\s+http:\/\/127\.0\.0\.1:\d+\/signin\?token=/);
    const url = await newSigninUrl(wizard);
    const first = await signIn(url);
    expect(first).toMatch(/^wizard-session=/);
    const again = await request(wizard.base, new URL(url).pathname + new URL(url).search, {
      headers: { Host: host() },
    });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('sets an HttpOnly, SameSite=Strict cookie', async () => {
    const url = new URL(await newSigninUrl(wizard));
    const answer = await request(wizard.base, url.pathname + url.search, { headers: { Host: host() } });
    const set = String(answer.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(answer.headers.location).toBe('/');
  });

  it('refuses a made-up cookie and ends the session on sign-out', async () => {
    const fake = await request(wizard.base, '/wizard/start', {
      headers: { Host: host(), Cookie: 'wizard-session=made-up-by-the-client-1234567890' },
    });
    expect(fake.status).toBe(401);
    const mine = await signIn(await newSigninUrl(wizard));
    expect(
      (await request(wizard.base, '/wizard/start', { headers: { Host: host(), Cookie: mine } })).status,
    ).toBe(200);
    const out = await request(wizard.base, '/signout', {
      method: 'POST',
      headers: { Host: host(), Cookie: mine, Origin: wizard.base },
    });
    expect(out.status).toBe(303);
    expect(
      (await request(wizard.base, '/wizard/start', { headers: { Host: host(), Cookie: mine } })).status,
    ).toBe(401);
  });

  it('the CLI prints a new sign-in URL against the running server', () => {
    const out = execFileSync(process.execPath, [SERVER_JS, 'signin-url'], {
      env: {
        ...pick(process.env, ['PATH']),
        NODE_ENV: 'production',
        WIZARD_DATA_DIR: wizard.dataDir,
        WIZARD_CONFIG_DIR: wizard.configDir,
      },
      encoding: 'utf8',
    });
    expect(out.trim()).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${wizard.port}/signin\\?token=[A-Za-z0-9_-]{40,}$`),
    );
  });
});

describe('every page, route handler and server action', () => {
  const { pages, handlers } = routes();
  const actions = serverActions();

  it('the build has pages, route handlers and actions to test', () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(handlers.length).toBeGreaterThan(2);
    expect(actions.length).toBeGreaterThan(10);
  });

  it('refuses every route without a session (401)', async () => {
    for (const route of [...pages, ...handlers, '/_next/static/chunks/x.js']) {
      const answer = await request(wizard.base, route, { headers: { Host: host(), Accept: 'text/html' } });
      expect(answer.status, route).toBe(401);
    }
  });

  it('refuses every action without a session (401)', async () => {
    for (const { id } of actions) {
      const answer = await request(wizard.base, '/wizard/start', {
        method: 'POST',
        headers: { Host: host(), Origin: wizard.base, 'Next-Action': id, 'Content-Type': 'text/plain' },
        body: '[]',
      });
      expect(answer.status, id).toBe(401);
    }
  });

  it('refuses every action with a foreign Origin (403, not 500)', async () => {
    for (const { id } of actions) {
      for (const origin of [
        'http://attacker.example',
        `http://localhost.attacker.example:${wizard.port}`,
        'null',
      ]) {
        const answer = await request(wizard.base, '/wizard/start', {
          method: 'POST',
          headers: {
            Host: host(),
            Origin: origin,
            Cookie: cookie,
            'Next-Action': id,
            'Content-Type': 'text/plain',
          },
          body: '[]',
        });
        expect(answer.status, `${id} ${origin}`).toBe(403);
      }
      const none = await request(wizard.base, '/wizard/start', {
        method: 'POST',
        headers: { Host: host(), Cookie: cookie, 'Next-Action': id, 'Content-Type': 'text/plain' },
        body: '[]',
      });
      expect(none.status, `${id} without Origin`).toBe(403);
    }
  });

  it('refuses every route and action with a foreign Host, even with a matching Origin (DNS rebinding)', async () => {
    const foreign = `attacker.example:${wizard.port}`;
    for (const route of [...pages, ...handlers]) {
      const answer = await request(wizard.base, route, { headers: { Host: foreign, Cookie: cookie } });
      expect(answer.status, route).toBe(403);
    }
    for (const { id } of actions) {
      const answer = await request(wizard.base, '/wizard/start', {
        method: 'POST',
        headers: {
          Host: foreign,
          Origin: `http://${foreign}`,
          Cookie: cookie,
          'Next-Action': id,
          'Content-Type': 'text/plain',
        },
        body: '[]',
      });
      expect(answer.status, id).toBe(403);
    }
  });

  it('answers with a session', async () => {
    for (const route of pages) {
      const answer = await request(wizard.base, route, { headers: { Host: host(), Cookie: cookie } });
      expect([200, 307, 308], route).toContain(answer.status);
    }
  });

  it('refuses bad percent-encoding (400) and bodies over the limit (413)', async () => {
    for (const route of ['/download/%E0%A4%A', '/api/checks/%ZZ/report', '/download/archive?secrets=%']) {
      const answer = await request(wizard.base, route, { headers: { Host: host(), Cookie: cookie } });
      expect(answer.status, route).toBe(400);
    }
    const big = Buffer.alloc(9 * 1024 * 1024, 'a');
    const answer = await request(wizard.base, '/wizard/start', {
      method: 'POST',
      headers: {
        Host: host(),
        Origin: wizard.base,
        Cookie: cookie,
        'Next-Action': actions[0]!.id,
        'Content-Type': 'text/plain',
      },
      body: big,
      // The server may answer 413 and close before the client has written everything.
    }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') throw e;
      return { status: 413, body: e.message };
    });
    expect(answer.status).toBe(413);
  });
});

describe('listening', () => {
  /** An address of this machine other than loopback, or null. */
  function externalAddress(): string | null {
    for (const list of Object.values(os.networkInterfaces()))
      for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
    return null;
  }

  const reachable = (address: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const conn = net.connect(port, address);
      conn.once('connect', () => {
        conn.destroy();
        resolve(true);
      });
      conn.once('error', () => resolve(false));
    });

  it('a bare server.js listens on loopback only', async () => {
    const address = externalAddress();
    expect(await reachable('127.0.0.1', wizard.port)).toBe(true);
    if (address) expect(await reachable(address, wizard.port)).toBe(false);
    // HOSTNAME (set by shells and containers) does not widen it.
    const other = await startWizard({ env: { HOSTNAME: '0.0.0.0' } });
    try {
      if (address) expect(await reachable(address, other.port)).toBe(false);
      expect(other.base).toMatch(/^http:\/\/127\.0\.0\.1:/);
    } finally {
      await other.stop();
    }
  });

  it('beyond loopback it serves HTTPS only, with a generated certificate whose fingerprint it prints', async () => {
    const wide = await startWizard({ args: ['--host', '0.0.0.0'] });
    try {
      const log = wide.log();
      const fingerprint = /SHA-256 fingerprint: ([0-9A-F:]+)/.exec(log)?.[1];
      expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(log).toMatch(/https:\/\/[^\s]+\/signin\?token=/);
      // Plain HTTP gets no page.
      const plain = await request(`http://127.0.0.1:${wide.port}`, '/signin').catch(() => ({
        status: 0,
        body: '',
      }));
      expect(plain.status).not.toBe(200);
      // Over TLS, the certificate is the one printed.
      const tls = await import('node:tls');
      const seen = await new Promise<string>((resolve, reject) => {
        const socket = tls.connect({ host: '127.0.0.1', port: wide.port, rejectUnauthorized: false }, () => {
          resolve(socket.getPeerX509Certificate()?.fingerprint256 ?? '');
          socket.destroy();
        });
        socket.on('error', reject);
      });
      expect(seen).toBe(fingerprint);
    } finally {
      await wide.stop();
    }
  });
});
