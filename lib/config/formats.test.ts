import { describe, expect, it } from 'vitest';

import {
  isHostname,
  isHttpUrl,
  isImageRepository,
  isQualifiedName,
  parseOciUrl,
  parseRegistryAddress,
} from './formats';

describe('formats', () => {
  it('parses registry addresses', () => {
    expect(parseRegistryAddress('registry.example.com:5000/mirror')).toEqual({
      host: 'registry.example.com:5000',
      prefix: 'mirror',
    });
    expect(parseRegistryAddress('127.0.0.1:25001')).toEqual({ host: '127.0.0.1:25001', prefix: '' });
    expect(parseRegistryAddress('r.example.com/a/b_c/d-e')).toEqual({
      host: 'r.example.com',
      prefix: 'a/b_c/d-e',
    });
    for (const bad of ['', 'http://r', 'r:0x', 'r/A', 'r//x', 'r/x/', 'r:65536', ' r', 'r/-x']) {
      expect(parseRegistryAddress(bad), bad).toBeNull();
    }
  });

  it('parses OCI references', () => {
    expect(parseOciUrl('oci://127.0.0.1:25001/mirror/charts')).toEqual({
      host: '127.0.0.1:25001',
      path: 'mirror/charts',
    });
    expect(parseOciUrl('oci://host')).toBeNull();
    expect(parseOciUrl('https://host/charts')).toBeNull();
  });

  it('checks repositories, host names, URLs and annotation keys', () => {
    expect(isImageRepository('registry.yourdomain.com/library/controller')).toBe(true);
    expect(isImageRepository('wandb/local')).toBe(true);
    expect(isImageRepository('wandb/local:1')).toBe(false);
    expect(isImageRepository('wandb/Local')).toBe(false);
    expect(isHostname('mysql.home.lab')).toBe(true);
    expect(isHostname('10.0.0.5')).toBe(true);
    expect(isHostname('fe80::1')).toBe(true);
    expect(isHostname('db:3306')).toBe(false);
    expect(isHttpUrl('https://wandb.example.com')).toBe(true);
    expect(isHttpUrl('https://user:pw@wandb.example.com')).toBe(false);
    expect(isHttpUrl('ftp://x')).toBe(false);
    expect(isQualifiedName('nginx.ingress.kubernetes.io/proxy-body-size')).toBe(true);
    expect(isQualifiedName('plain-key')).toBe(true);
    expect(isQualifiedName('a/b/c')).toBe(false);
    expect(isQualifiedName('UPPER.example/x')).toBe(false);
  });
});
