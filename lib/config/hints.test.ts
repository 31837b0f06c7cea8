import { describe, expect, it } from 'vitest';

import { translate } from '@/lib/i18n';

import { configHints, hintFor, hintReads } from './hints';
import { PROCEDURE_EXAMPLE } from './procedure-example';

function withChanges(change: (c: typeof PROCEDURE_EXAMPLE) => void): typeof PROCEDURE_EXAMPLE {
  const config = structuredClone(PROCEDURE_EXAMPLE);
  change(config);
  return config;
}

describe('configHints', () => {
  it("notes only the procedure example's https:// address with ingress TLS off", () => {
    expect(PROCEDURE_EXAMPLE.ingress.tls.enabled).toBe(false);
    expect(Object.keys(configHints(PROCEDURE_EXAMPLE))).toEqual(['platform.host']);
    const tlsOn = withChanges((c) => {
      c.ingress.tls.enabled = true;
    });
    expect(configHints(tlsOn)).toEqual({});
  });

  it('notes an https:// address with ingress TLS off, and not with it on', () => {
    const off = withChanges((c) => {
      c.platform.host = 'https://wandb.example.com';
      c.ingress.tls.enabled = false;
    });
    expect(configHints(off)['platform.host']?.key).toBe('config.hint.httpsWithoutIngressTls');
    const http = withChanges((c) => {
      c.platform.host = 'http://wandb.example.com';
      c.ingress.tls.enabled = false;
    });
    expect(configHints(http)['platform.host']).toBeUndefined();
  });

  it('names a license with a space, a quoted environment value and a password with edge spaces', () => {
    const config = withChanges((c) => {
      c.platform.license = 'abc def';
      c.platform.extraEnv = [
        { key: 'A', value: '"quoted"' },
        { key: 'B', value: 'plain "inner" quotes' },
      ];
      c.mysql = { ...c.mysql, password: ' secret' } as typeof c.mysql;
      c.registry.password = 'secret ';
    });
    const hints = configHints(config);
    expect(hints['platform.license']?.key).toBe('config.hint.license.space');
    expect(hints['platform.extraEnv.0.value']).toEqual({ key: 'config.hint.env.quoted', params: { quote: '"' } });
    expect(hints['platform.extraEnv.1.value']).toBeUndefined();
    expect(hints['mysql.password']?.key).toBe('config.hint.password.spaces');
    expect(hints['registry.password']?.key).toBe('config.hint.password.spaces');
    // The hints never carry the values.
    expect(JSON.stringify(hints)).not.toContain('secret');
    expect(JSON.stringify(hints)).not.toContain('abc');
  });

  it('says each hint in both languages', () => {
    for (const key of [
      'config.hint.httpsWithoutIngressTls',
      'config.hint.license.space',
      'config.hint.password.spaces',
      'config.hint.env.quoted',
    ] as const) {
      expect(translate('ja', key, { quote: "'" })).not.toBe(translate('en', key, { quote: "'" }));
    }
  });
});

describe('hintFor', () => {
  it('reads only the paths it declares, so the form can watch them', () => {
    expect(hintReads('platform.host')).toEqual(['platform.host', 'ingress.tls.enabled']);
    expect(hintReads('registry.host')).toEqual([]);
    const values: Record<string, unknown> = { 'platform.host': 'https://x.example', 'ingress.tls.enabled': true };
    expect(hintFor('platform.host', (path) => values[path])).toBeNull();
    values['ingress.tls.enabled'] = false;
    expect(hintFor('platform.host', (path) => values[path])?.key).toBe('config.hint.httpsWithoutIngressTls');
  });
});
