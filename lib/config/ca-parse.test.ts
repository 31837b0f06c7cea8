import { beforeAll, describe, expect, it } from 'vitest';

import { parseCertificateBundle } from './ca-parse';
import { makeTestCertificates, type TestCertificates } from './test-certificates';

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

const DAY = 24 * 3600 * 1000;

describe('parseCertificateBundle', () => {
  it('describes each certificate with a real X.509 parse', () => {
    const result = parseCertificateBundle(`${certs.ca}${certs.leaf}`);
    expect(result.certificates).toHaveLength(2);
    const [ca, leaf] = result.certificates;
    expect(ca).toMatchObject({
      block: 1,
      line: 1,
      isCA: true,
      selfSigned: true,
      expired: false,
      notYetValid: false,
    });
    expect(ca?.subject).toBe(`O=Wizard Tests, CN=${certs.caCommonName}`);
    expect(ca?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(leaf).toMatchObject({
      block: 2,
      isCA: false,
      selfSigned: false,
      subject: 'CN=wandb.example.test',
    });
    expect(leaf?.issuer).toBe(ca?.subject);
    expect(new Date(ca?.notAfter ?? '').getTime() - new Date(ca?.notBefore ?? '').getTime()).toBeCloseTo(
      10 * DAY,
      -6,
    );
  });

  it('warns about a certificate that is not a CA', () => {
    const result = parseCertificateBundle(certs.leaf);
    expect(result.findings).toEqual([
      {
        key: 'config.certificates.notCA',
        severity: 'warning',
        params: { block: 1, line: 1, subject: 'CN=wandb.example.test' },
      },
    ]);
  });

  it('flags expired and not-yet-valid certificates', () => {
    const later = parseCertificateBundle(certs.ca, new Date(Date.now() + 20 * DAY));
    expect(later.certificates[0]?.expired).toBe(true);
    expect(later.findings.map((finding) => finding.key)).toEqual(['config.certificates.expired']);

    const earlier = parseCertificateBundle(certs.ca, new Date(Date.now() - 20 * DAY));
    expect(earlier.certificates[0]?.notYetValid).toBe(true);
    expect(earlier.findings.map((finding) => finding.key)).toEqual(['config.certificates.notYetValid']);
  });

  it('reports a block that is base64 but not a certificate, by position', () => {
    const garbage = '-----BEGIN CERTIFICATE-----\nSGVsbG8sIHdvcmxkIQ==\n-----END CERTIFICATE-----\n';
    const result = parseCertificateBundle(`${certs.ca}\n${garbage}`);
    const line = certs.ca.split('\n').length + 1;
    expect(result.certificates).toHaveLength(1);
    expect(result.findings).toEqual([
      { key: 'config.certificates.unparseable', severity: 'error', params: { block: 2, line } },
    ]);
  });

  it('passes the structural problems through as errors', () => {
    const result = parseCertificateBundle(`garbage\n${certs.ca}`);
    expect(result.findings).toEqual([
      { key: 'config.certificates.strayText', severity: 'error', params: { block: 1, line: 1, label: '' } },
    ]);
  });
});
