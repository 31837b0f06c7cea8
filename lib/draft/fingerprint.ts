import 'server-only';

import { keyedHasher } from './keys';
import { withKeyErrors } from './store';

/**
 * What a check run records of the configuration it checked: a keyed hash (HMAC-SHA256 with a key
 * derived from the wizard's key file, lib/draft/keys.ts) of the whole configuration, secrets
 * included, and one per field, so that apply can say which fields changed since. The secrets
 * themselves are never stored, and without the key file a hash cannot be tested against guessed
 * secrets. Stable on this machine: the audit log's hashes compare across restarts.
 */
export interface ConfigFingerprint {
  hash: string;
  /** Keyed hash per field (dot path; a list is one field). */
  fields: Record<string, string>;
}

/** JSON with object keys sorted: the same configuration always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

function leaves(value: unknown, prefix: string, out: Record<string, unknown>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = value;
}

/**
 * Sections that change nothing on the cluster: the Mirror step's source folder says where images
 * come from, so changing it does not make a check run stale.
 */
const NOT_INSTALLED: ReadonlySet<string> = new Set(['mirror']);

export async function fingerprintConfig(config: object): Promise<ConfigFingerprint> {
  const hmac = await withKeyErrors(keyedHasher);
  const installed = Object.fromEntries(Object.entries(config).filter(([k]) => !NOT_INSTALLED.has(k)));
  const flat: Record<string, unknown> = {};
  leaves(installed, '', flat);
  return {
    hash: hmac(canonical(installed)),
    fields: Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, hmac(`${k}=${canonical(v)}`)])),
  };
}

/** The fields whose hashes differ (or exist on one side only), sorted. */
export function changedFingerprintFields(a: ConfigFingerprint, b: ConfigFingerprint): string[] {
  const keys = new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]);
  return [...keys].filter((k) => a.fields[k] !== b.fields[k]).sort();
}
