import { beforeAll, describe, expect, it } from 'vitest';

import { mergeCertificates, splitPemBundle } from './ca-bundle';
import { makeTestCertificates, type TestCertificates } from './test-certificates';

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

describe('splitPemBundle', () => {
  it('splits a bundle into one entry per certificate, in order', () => {
    const bundle = splitPemBundle(`${certs.ca}\n${certs.ca2}${certs.leaf}`);
    expect(bundle.issues).toEqual([]);
    expect(bundle.certificates.map((cert) => cert.block)).toEqual([1, 2, 3]);
    expect(bundle.certificates[0]?.pem).toBe(certs.ca);
    expect(bundle.certificates[1]?.pem).toBe(certs.ca2);
  });

  it('accepts CRLF line ends and surrounding blank lines, and canonicalises the PEM', () => {
    const crlf = `\r\n\r\n${certs.ca.replace(/\n/g, '\r\n')}\r\n`;
    const bundle = splitPemBundle(crlf);
    expect(bundle.issues).toEqual([]);
    expect(bundle.certificates[0]?.pem).toBe(certs.ca);
    expect(bundle.certificates[0]?.line).toBe(3);
  });

  it('treats an empty text as an empty bundle', () => {
    expect(splitPemBundle('')).toEqual({ certificates: [], issues: [] });
    expect(splitPemBundle(' \n\n ')).toEqual({ certificates: [], issues: [] });
  });

  it('names a private key by its block and line', () => {
    const text = `${certs.ca}${certs.leafKey}`;
    const keyLine = certs.ca.split('\n').length;
    const bundle = splitPemBundle(text);
    expect(bundle.certificates).toHaveLength(1);
    expect(bundle.issues).toEqual([
      { key: 'config.certificates.notCertificate', block: 2, line: keyLine, label: 'PRIVATE KEY' },
    ]);
  });

  it('reports text outside the blocks once per run, with the line and the next block', () => {
    const text = `subject=CN = something\nissuer=CN = something\n${certs.ca}`;
    const bundle = splitPemBundle(text);
    expect(bundle.issues).toEqual([{ key: 'config.certificates.strayText', block: 1, line: 1 }]);
    expect(bundle.certificates).toHaveLength(1);
  });

  it('reports a block without END line, and one whose body is not base64', () => {
    const truncated = certs.ca.split('\n').slice(0, 5).join('\n');
    expect(splitPemBundle(truncated).issues).toEqual([
      { key: 'config.certificates.unterminated', block: 1, line: 1 },
    ]);

    const lines = certs.ca2.split('\n');
    lines[2] = 'this is not base64!';
    const broken = `${certs.ca}${lines.join('\n')}`;
    const offset = certs.ca.split('\n').length - 1;
    expect(splitPemBundle(broken).issues).toEqual([
      { key: 'config.certificates.badEncoding', block: 2, line: offset + 3 },
    ]);
  });

  it('reports a BEGIN inside an open block as an unterminated block and goes on', () => {
    const head = certs.ca.split('\n').slice(0, 3).join('\n');
    const bundle = splitPemBundle(`${head}\n${certs.ca2}`);
    expect(bundle.issues).toEqual([{ key: 'config.certificates.unterminated', block: 1, line: 1 }]);
    expect(bundle.certificates.map((cert) => cert.block)).toEqual([2]);
  });
});

describe('mergeCertificates', () => {
  it('keeps each certificate once across bundles', () => {
    expect(mergeCertificates(`${certs.ca}${certs.ca2}`, certs.ca, '')).toEqual([certs.ca, certs.ca2]);
  });
});
