import { describe, expect, it } from 'vitest';

import { parseWwwAuthenticate } from './challenge';

describe('parseWwwAuthenticate', () => {
  it('parses the Bearer challenge of a token-auth registry', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:samalba/my-app:pull,push',
        },
      },
    ]);
  });

  it('parses a Basic challenge (distribution with htpasswd)', () => {
    expect(parseWwwAuthenticate('Basic realm="wandb-test-registry"')).toEqual([
      { scheme: 'basic', params: { realm: 'wandb-test-registry' } },
    ]);
  });

  it('parses several challenges, unquoted values, spaces and escapes', () => {
    expect(
      parseWwwAuthenticate(
        'Basic realm="a \\"b\\"", Bearer realm=https://t/token , service = reg, error="invalid_token"',
      ),
    ).toEqual([
      { scheme: 'basic', params: { realm: 'a "b"' } },
      { scheme: 'bearer', params: { realm: 'https://t/token', service: 'reg', error: 'invalid_token' } },
    ]);
  });

  it('accepts header arrays and lower-cases scheme and parameter names', () => {
    expect(parseWwwAuthenticate(['BEARER Realm="r"', 'basic'])).toEqual([
      { scheme: 'bearer', params: { realm: 'r' } },
      { scheme: 'basic', params: {} },
    ]);
  });

  it('returns nothing for an empty or missing header', () => {
    expect(parseWwwAuthenticate(undefined)).toEqual([]);
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate('  ,  ')).toEqual([]);
  });

  it('does not loop or throw on garbage', () => {
    for (const g of [
      '"',
      '=',
      'Bearer realm="unterminated',
      'Negotiate abc==',
      '@@@',
      'Bearer ,,,, realm=',
    ]) {
      expect(() => parseWwwAuthenticate(g)).not.toThrow();
    }
  });
});
