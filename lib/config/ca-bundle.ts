import type { MessageKey } from '@/lib/i18n/messages/en';

/**
 * Splitting a PEM bundle into its certificates (pure, shared with the browser).
 *
 * The chart wants one entry per certificate under `customCACerts` (the procedure's FAQ),
 * so a pasted or uploaded bundle is cut into blocks here. Anything that is not a
 * certificate block is reported with its position: the block number (1-based, counting
 * every BEGIN line) and the line number in the text as given. The X.509 parse itself is
 * server-only (`ca-parse.ts`).
 */

/** One `-----BEGIN CERTIFICATE-----` block, normalised. */
export interface PemCertificateBlock {
  /** 1-based position among all PEM blocks of the bundle. */
  readonly block: number;
  /** 1-based line of the BEGIN line in the input. */
  readonly line: number;
  /** Canonical PEM text: BEGIN line, base64 in 64-character lines, END line, final newline. */
  readonly pem: string;
  /** The decoded body length in bytes (a DER certificate is never empty). */
  readonly derLength: number;
}

/** A problem in the bundle, with a message key and the position parameters it names. */
export interface PemBundleIssue {
  readonly key: MessageKey;
  readonly block: number;
  readonly line: number;
  /** The PEM label of a non-certificate block (`PRIVATE KEY`…), when there is one. */
  readonly label?: string;
}

export interface PemBundle {
  readonly certificates: readonly PemCertificateBlock[];
  readonly issues: readonly PemBundleIssue[];
}

const BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----$/;
const END = /^-----END ([A-Z0-9 ]+)-----$/;
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

function canonical(body: string): string {
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function decodedLength(body: string): number {
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return (body.length / 4) * 3 - padding;
}

/**
 * Splits a PEM bundle into certificate blocks and reports, by position, everything else:
 * text outside blocks, blocks of another type (keys, CSRs), unterminated blocks and bodies
 * that are not base64. An empty or whitespace-only text is an empty bundle, not an error.
 */
export function splitPemBundle(text: string): PemBundle {
  const certificates: PemCertificateBlock[] = [];
  const issues: PemBundleIssue[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let block = 0;
  let open: { label: string; line: number; body: string[]; bad: number | null } | null = null;

  for (let index = 0; index < lines.length; index += 1) {
    const lineNo = index + 1;
    const line = (lines[index] ?? '').trim();
    if (open === null) {
      if (line === '') continue;
      const begin = BEGIN.exec(line);
      if (begin) {
        block += 1;
        open = { label: begin[1] ?? '', line: lineNo, body: [], bad: null };
      } else {
        issues.push({ key: 'config.certificates.strayText', block: block + 1, line: lineNo });
        // One report per run of stray lines is enough to find it.
        while (
          index + 1 < lines.length &&
          (lines[index + 1] ?? '').trim() !== '' &&
          !BEGIN.test((lines[index + 1] ?? '').trim())
        ) {
          index += 1;
        }
      }
      continue;
    }
    const end = END.exec(line);
    if (end) {
      const current = open;
      open = null;
      if (current.label !== 'CERTIFICATE' || end[1] !== current.label) {
        issues.push({
          key: 'config.certificates.notCertificate',
          block,
          line: current.line,
          label: current.label,
        });
        continue;
      }
      const body = current.body.join('');
      if (current.bad !== null || body.length === 0 || body.length % 4 !== 0 || /=[^=]/.test(body)) {
        issues.push({ key: 'config.certificates.badEncoding', block, line: current.bad ?? current.line });
        continue;
      }
      certificates.push({ block, line: current.line, pem: canonical(body), derLength: decodedLength(body) });
      continue;
    }
    if (BEGIN.test(line)) {
      issues.push({ key: 'config.certificates.unterminated', block, line: open.line });
      block += 1;
      open = { label: BEGIN.exec(line)?.[1] ?? '', line: lineNo, body: [], bad: null };
      continue;
    }
    if (line === '') continue;
    if (!BASE64_LINE.test(line) && open.bad === null) open.bad = lineNo;
    open.body.push(line);
  }
  if (open !== null) issues.push({ key: 'config.certificates.unterminated', block, line: open.line });
  return { certificates, issues };
}

/** The certificates of several bundles, each PEM once, in first-seen order. */
export function mergeCertificates(...bundles: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const bundle of bundles) {
    for (const cert of splitPemBundle(bundle).certificates) {
      if (!seen.has(cert.pem)) {
        seen.add(cert.pem);
        result.push(cert.pem);
      }
    }
  }
  return result;
}
