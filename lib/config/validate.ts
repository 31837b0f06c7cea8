import 'server-only';

import { createPrivateKey, X509Certificate } from 'node:crypto';

import type { InstallConfig } from './index';
import { installConfigSchema } from './index';
import { parseCertificateBundle, type CertificateDescription } from './ca-parse';
import { toFieldErrors, type FieldErrors, type Message } from './field-errors';
import { configHints } from './hints';

/** Every PEM field of a configuration, by its field path. */
function pemFields(config: InstallConfig): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['certificates.bundle', config.certificates.bundle],
    ['registry.caBundle', config.registry.caBundle],
    ['ingress.tls.certificate', config.ingress.tls.enabled ? config.ingress.tls.certificate : ''],
  ];
  for (const chart of ['operator', 'platform'] as const) {
    const source = config.charts[chart].source;
    if (source.kind !== 'local') fields.push([`charts.${chart}.source.caBundle`, source.caBundle]);
  }
  return fields.filter(([, text]) => text.trim() !== '');
}

export type ValidationResult =
  | {
      readonly ok: true;
      readonly config: InstallConfig;
      /** The parsed certificates of every PEM field, by field path (for the UI to describe them). */
      readonly certificates: Readonly<Record<string, readonly CertificateDescription[]>>;
      /** Usable but worth a look: expired or not-yet-valid certificates, non-CA certificates, the hints of lib/config/hints. */
      readonly warnings: FieldErrors;
    }
  | { readonly ok: false; readonly fieldErrors: FieldErrors };

/**
 * The server's validation of a whole configuration, used by every server action: the shared
 * schema, then an X.509 parse of every certificate. Errors are translation keys with parameters
 * by field path; no value of the input (secrets included) appears in them.
 */
export function validateInstallConfig(input: unknown, now: Date = new Date()): ValidationResult {
  const parsed = installConfigSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error, input) };
  const config = parsed.data;
  const fieldErrors: FieldErrors = {};
  const warnings: FieldErrors = {};
  const certificates: Record<string, readonly CertificateDescription[]> = {};
  for (const [path, text] of pemFields(config)) {
    const result = parseCertificateBundle(text, now);
    certificates[path] = result.certificates;
    for (const finding of result.findings) {
      const entry: Message = { key: finding.key, params: finding.params };
      const target = finding.severity === 'error' ? fieldErrors : warnings;
      if (!(path in target)) target[path] = entry;
    }
  }
  const tls = config.ingress.tls;
  if (tls.enabled && tls.privateKey.trim() !== '' && !('ingress.tls.certificate' in fieldErrors)) {
    const problem = checkTlsKey(tls.certificate, tls.privateKey);
    if (problem) fieldErrors['ingress.tls.privateKey'] = { key: problem, params: {} };
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  for (const [path, hint] of Object.entries(configHints(config))) {
    if (!(path in warnings)) warnings[path] = { key: hint.key, params: { ...hint.params } };
  }
  return { ok: true, config, certificates, warnings };
}

/** Whether the ingress key parses and belongs to the first certificate (the server certificate). */
function checkTlsKey(
  certificatePem: string,
  keyPem: string,
): 'config.ingress.tls.privateKey.invalid' | 'config.ingress.tls.keyMismatch' | null {
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    return 'config.ingress.tls.privateKey.invalid';
  }
  try {
    return new X509Certificate(certificatePem).checkPrivateKey(key) ? null : 'config.ingress.tls.keyMismatch';
  } catch {
    return 'config.ingress.tls.keyMismatch';
  }
}
