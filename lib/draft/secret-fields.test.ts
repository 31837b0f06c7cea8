import { describe, expect, it } from 'vitest';

import { getPath, markersOf, mergeSecrets, setPath, splitSecrets, updateSecrets } from './secret-fields';

const PATHS = ['platform.license', 'registry.auth.password'];

describe('secret fields', () => {
  it('setPath copies instead of mutating and creates missing objects', () => {
    const obj = { a: { b: 1 } };
    const out = setPath(obj, 'a.c.d', 2);
    expect(out).toEqual({ a: { b: 1, c: { d: 2 } } });
    expect(obj).toEqual({ a: { b: 1 } });
    expect(getPath(out, 'a.c.d')).toBe(2);
    expect(getPath(out, 'a.x.y')).toBeUndefined();
  });

  it('getPath and setPath go through arrays by index', () => {
    const obj = { env: [{ key: 'A' }, { key: 'B' }] };
    expect(getPath(obj, 'env.1.key')).toBe('B');
    expect(getPath(obj, 'env.x')).toBeUndefined();
    const out = setPath(obj, 'env.0.key', 'Z');
    expect(Array.isArray(out.env)).toBe(true);
    expect(out.env).toEqual([{ key: 'Z' }, { key: 'B' }]);
    expect(obj.env[0]).toEqual({ key: 'A' });
  });

  it('splitSecrets empties every secret and returns the non-empty ones', () => {
    const values = { platform: { host: 'https://w', license: 'LIC' }, registry: { auth: { password: '' } } };
    const { publicValues, secrets } = splitSecrets(values, PATHS);
    expect(publicValues).toEqual({
      platform: { host: 'https://w', license: '' },
      registry: { auth: { password: '' } },
    });
    expect(secrets).toEqual({ 'platform.license': 'LIC' });
    expect(JSON.stringify(publicValues)).not.toContain('LIC');
  });

  it('mergeSecrets puts secrets back', () => {
    expect(mergeSecrets({ platform: { license: '' } }, { 'platform.license': 'L' })).toEqual({
      platform: { license: 'L' },
    });
  });

  it('mergeSecrets leaves out a secret whose field no longer exists', () => {
    expect(mergeSecrets({ bucket: { provider: 'gcs' } }, { 'bucket.secretKey': 'S' })).toEqual({
      bucket: { provider: 'gcs' },
    });
  });

  it('an empty incoming secret keeps the stored one, a new one replaces it, forget drops it', () => {
    const stored = { 'platform.license': 'old', 'registry.auth.password': 'pw' };
    expect(updateSecrets(stored, {}, [], PATHS)).toEqual(stored);
    expect(updateSecrets(stored, { 'platform.license': 'new' }, [], PATHS)).toEqual({
      'platform.license': 'new',
      'registry.auth.password': 'pw',
    });
    expect(updateSecrets(stored, {}, ['registry.auth.password'], PATHS)).toEqual({
      'platform.license': 'old',
    });
    expect(
      updateSecrets(stored, { 'registry.auth.password': 'typed' }, ['registry.auth.password'], PATHS),
    ).toEqual({
      'platform.license': 'old',
      'registry.auth.password': 'typed',
    });
  });

  it('markers say which secrets are set without their values', () => {
    expect(markersOf({ 'platform.license': 'x' }, PATHS)).toEqual({
      'platform.license': true,
      'registry.auth.password': false,
    });
  });
});
