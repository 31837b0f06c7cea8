import 'server-only';

import { X509Certificate } from 'node:crypto';

import type { MessageKey } from '@/lib/i18n/messages/en';

import { splitPemBundle } from './ca-bundle';

/**
 * Parsing a CA bundle with a real X.509 parser (node:crypto), server side.
 * Structural problems come from `splitPemBundle`; a block that is base64 but not a DER
 * certificate is reported here, by the same position (block n, line m).
 */

/** What a consultant needs to recognise a certificate. */
export interface CertificateDescription {
  /** 1-based block in the bundle, and the line of its BEGIN line. */
  readonly block: number;
  readonly line: number;
  readonly subject: string;
  readonly issuer: string;
  /** ISO-8601 instants. */
  readonly notBefore: string;
  readonly notAfter: string;
  readonly isCA: boolean;
  readonly selfSigned: boolean;
  /** SHA-256 fingerprint, colon-separated upper-case hex (as openssl prints it). */
  readonly fingerprint256: string;
  readonly serialNumber: string;
  readonly expired: boolean;
  readonly notYetValid: boolean;
  /** Canonical PEM of the certificate (what goes into `customCACerts`). */
  readonly pem: string;
}

/** A finding about one block: an error (not usable) or a warning (usable, but look at it). */
export interface CertificateFinding {
  readonly key: MessageKey;
  readonly severity: 'error' | 'warning';
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ParsedBundle {
  readonly certificates: readonly CertificateDescription[];
  readonly findings: readonly CertificateFinding[];
}

/** `CN=x\nO=y` (node's multi-line DN) → `CN=x, O=y`. */
function oneLineName(name: string): string {
  return name
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * Splits a PEM bundle and parses each certificate. Errors: text that is not a certificate,
 * blocks that do not parse as X.509. Warnings: expired, not yet valid, not a CA certificate.
 * `now` is a parameter so that tests are deterministic.
 */
export function parseCertificateBundle(text: string, now: Date = new Date()): ParsedBundle {
  const split = splitPemBundle(text);
  const findings: CertificateFinding[] = split.issues.map((issue) => ({
    key: issue.key,
    severity: 'error',
    params: { block: issue.block, line: issue.line, label: issue.label ?? '' },
  }));
  const certificates: CertificateDescription[] = [];
  for (const block of split.certificates) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(block.pem);
    } catch {
      findings.push({
        key: 'config.certificates.unparseable',
        severity: 'error',
        params: { block: block.block, line: block.line },
      });
      continue;
    }
    const notBefore = new Date(cert.validFrom);
    const notAfter = new Date(cert.validTo);
    const description: CertificateDescription = {
      block: block.block,
      line: block.line,
      subject: oneLineName(cert.subject),
      issuer: oneLineName(cert.issuer),
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
      isCA: cert.ca,
      selfSigned: cert.subject === cert.issuer && cert.checkIssued(cert),
      fingerprint256: cert.fingerprint256,
      serialNumber: cert.serialNumber,
      expired: now.getTime() > notAfter.getTime(),
      notYetValid: now.getTime() < notBefore.getTime(),
      pem: block.pem,
    };
    certificates.push(description);
    const where = { block: block.block, line: block.line, subject: description.subject };
    if (description.expired) {
      findings.push({
        key: 'config.certificates.expired',
        severity: 'warning',
        params: { ...where, notAfter: description.notAfter },
      });
    }
    if (description.notYetValid) {
      findings.push({
        key: 'config.certificates.notYetValid',
        severity: 'warning',
        params: { ...where, notBefore: description.notBefore },
      });
    }
    if (!description.isCA) {
      findings.push({ key: 'config.certificates.notCA', severity: 'warning', params: where });
    }
  }
  return { certificates, findings };
}
