import { beforeAll, describe, expect, it } from 'vitest';

import { PROCEDURE_EXAMPLE, type InstallConfig } from './index';
import { makeTestCertificates, type TestCertificates } from './test-certificates';
import { validateInstallConfig } from './validate';

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

function withRegistryCa(caBundle: string): InstallConfig {
  return { ...PROCEDURE_EXAMPLE, registry: { ...PROCEDURE_EXAMPLE.registry, caBundle } };
}

describe('validateInstallConfig', () => {
  it('accepts the procedure example', () => {
    const result = validateInstallConfig(PROCEDURE_EXAMPLE);
    expect(result.ok).toBe(true);
  });

  it('returns schema errors as keys by field path, without the values', () => {
    const input = {
      ...PROCEDURE_EXAMPLE,
      mysql: { ...PROCEDURE_EXAMPLE.mysql, port: 70000, password: 'hunter2-secret' },
    };
    const result = validateInstallConfig(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors['mysql.port']).toEqual({
      key: 'config.port.invalid',
      params: { maximum: 65535 },
    });
    expect(JSON.stringify(result)).not.toContain('hunter2-secret');
  });

  it('parses every certificate and describes it', () => {
    const result = validateInstallConfig({
      ...withRegistryCa(certs.ca),
      certificates: { bundle: `${certs.ca}${certs.ca2}` },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.certificates['registry.caBundle']?.map((cert) => cert.isCA)).toEqual([true]);
    expect(result.certificates['certificates.bundle']).toHaveLength(2);
    // No certificate warning; the procedure's https:// address with ingress TLS off has its hint.
    expect(result.warnings).toEqual({
      'platform.host': { key: 'config.hint.httpsWithoutIngressTls', params: {} },
    });
  });

  it('rejects a block that is not an X.509 certificate, naming its position', () => {
    const garbage = '-----BEGIN CERTIFICATE-----\nSGVsbG8sIHdvcmxkIQ==\n-----END CERTIFICATE-----\n';
    const result = validateInstallConfig(withRegistryCa(`${certs.ca}${garbage}`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = certs.ca.split('\n').length;
    expect(result.fieldErrors).toEqual({
      'registry.caBundle': { key: 'config.certificates.unparseable', params: { block: 2, line } },
    });
  });

  it('keeps usable certificates with a warning (expired, not a CA)', () => {
    const result = validateInstallConfig({ ...PROCEDURE_EXAMPLE, certificates: { bundle: certs.leaf } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings['certificates.bundle']?.key).toBe('config.certificates.notCA');
    const expired = validateInstallConfig(
      withRegistryCa(certs.ca),
      new Date(Date.now() + 30 * 24 * 3600 * 1000),
    );
    expect(expired.ok && expired.warnings['registry.caBundle']?.key).toBe('config.certificates.expired');
  });

  it('checks that the ingress key belongs to its certificate', () => {
    const tls = (certificate: string, privateKey: string): InstallConfig => ({
      ...PROCEDURE_EXAMPLE,
      ingress: {
        ...PROCEDURE_EXAMPLE.ingress,
        tls: { enabled: true, secretName: 'wandb-tls', certificate, privateKey },
      },
    });
    expect(validateInstallConfig(tls(`${certs.leaf}${certs.ca}`, certs.leafKey)).ok).toBe(true);
    const mismatch = validateInstallConfig(tls(certs.ca, certs.leafKey));
    expect(!mismatch.ok && mismatch.fieldErrors['ingress.tls.privateKey']?.key).toBe(
      'config.ingress.tls.keyMismatch',
    );
    const broken = certs.leafKey.replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA');
    const invalid = validateInstallConfig(tls(certs.leaf, broken));
    expect(!invalid.ok && invalid.fieldErrors['ingress.tls.privateKey']?.key).toMatch(
      /^config\.ingress\.tls\.(privateKey\.invalid|keyMismatch)$/,
    );
  });
});
