import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseCookies, parseHostHeader, validPercentEncoding } from './gate';
import { allowedHostNames, isLoopback, OptionError, resolveOptions } from './options';
import { SessionStore } from './sessions';

describe('gate parsing', () => {
  it('reads Host headers, refusing malformed ones', () => {
    expect(parseHostHeader('127.0.0.1:3000')).toEqual({ name: '127.0.0.1', port: 3000 });
    expect(parseHostHeader('[::1]:8443')).toEqual({ name: '[::1]', port: 8443 });
    expect(parseHostHeader('Wizard.Example.')).toEqual({ name: 'wizard.example', port: null });
    for (const bad of ['', 'a b', 'x:y', 'user@host', 'h/p', undefined])
      expect(parseHostHeader(bad)).toBeNull();
  });

  it('checks percent-encoding', () => {
    expect(validPercentEncoding('/download/values.yaml?secrets=include')).toBe(true);
    expect(validPercentEncoding('/a%20b')).toBe(true);
    for (const bad of ['/%', '/%Z1', '/%E0%A4%A', '/%C0%AF', '/%FF'])
      expect(validPercentEncoding(bad)).toBe(false);
  });

  it('reads cookies, the first of a name wins', () => {
    expect(parseCookies('a=1; b=2; a=3')).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2'],
      ]),
    );
  });
});

describe('options', () => {
  it('loopback by default; HOSTNAME is ignored; beyond loopback is HTTPS', () => {
    const local = resolveOptions(
      new Map(),
      { HOSTNAME: '0.0.0.0' } as unknown as NodeJS.ProcessEnv,
      '/tmp',
      '/app',
    );
    expect(local).toMatchObject({ host: '127.0.0.1', loopback: true, https: false, port: 3000 });
    const wide = resolveOptions(
      new Map([['host', '0.0.0.0']]),
      {} as unknown as NodeJS.ProcessEnv,
      '/tmp',
      '/app',
    );
    expect(wide).toMatchObject({ loopback: false, https: true });
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('127.1.2.3')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });

  it('refuses a key folder inside the data folder', () => {
    expect(() =>
      resolveOptions(
        new Map(),
        { WIZARD_DATA_DIR: '/srv/w', WIZARD_CONFIG_DIR: '/srv/w/keys' } as unknown as NodeJS.ProcessEnv,
        '/',
        '/app',
      ),
    ).toThrow(OptionError);
  });

  it('answers to loopback names only on loopback, to the machine on a wildcard', () => {
    const names = allowedHostNames({ host: '127.0.0.1', loopback: true, allowedHosts: [] });
    expect([...names].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
    const wide = allowedHostNames({
      host: '0.0.0.0',
      loopback: false,
      allowedHosts: ['wizard.site.example'],
    });
    expect(wide.has(os.hostname().toLowerCase())).toBe(true);
    expect(wide.has('wizard.site.example')).toBe(true);
    expect(wide.has('attacker.example')).toBe(false);
  });
});

describe('sessions', () => {
  it('a token signs in once; sessions survive a restart and end when idle', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sessions-'));
    let t = Date.parse('2026-01-01T00:00:00Z');
    const store = new SessionStore(
      dir,
      { idleMs: 1000, maxAgeMs: 10_000, maxSessions: 2, tokenTtlMs: 500 },
      () => t,
    );
    await store.load();
    const token = store.issueToken();
    const first = await store.exchange(token, '127.0.0.1');
    expect(first?.session.draftId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await store.exchange(token, '127.0.0.1')).toBeNull();
    const again = new SessionStore(
      dir,
      { idleMs: 1000, maxAgeMs: 10_000, maxSessions: 2, tokenTtlMs: 500 },
      () => t,
    );
    await again.load();
    expect(again.lookup(first!.cookie)?.draftId).toBe(first!.session.draftId);
    t += 2000;
    expect(again.lookup(first!.cookie)).toBeNull();
    const late = again.issueToken();
    t += 1000;
    expect(await again.exchange(late, '')).toBeNull();
  });
});
