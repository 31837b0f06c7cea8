/**
 * Pure helpers that split a form's values into the part that may be stored or sent to the browser
 * and the secrets that may not. Paths are dot-separated (`registry.auth.password`), as in
 * react-hook-form.
 */

/**
 * The fields of an InstallConfig that are secrets: never written to disk unless the user opts in,
 * never sent back to the browser. Paths that do not exist for the chosen variant (a GCS bucket has
 * no keys, a local chart no password) are simply absent.
 */
export const SECRET_FIELD_PATHS = [
  'platform.license',
  'registry.password',
  'charts.operator.source.password',
  'charts.platform.source.password',
  'mirror.registry.password',
  'mysql.password',
  'bucket.accessKey',
  'bucket.secretKey',
  'ingress.tls.privateKey',
  'target.kubeconfig.content',
] as const;
export type SecretFieldPath = (typeof SECRET_FIELD_PATHS)[number];

/** A JSON-like object. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** What the browser receives in place of a stored secret: which secret fields have a value on the server. */
export type SecretMarkers = Record<string, boolean>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dot path (array items by index: `platform.extraEnv.0.key`), or undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(part) ? cur[Number(part)] : undefined;
    else if (isObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** A deep copy of `obj` with the value at `path` set (intermediate objects are created). */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const parts = path.split('.');
  const root: Record<string, unknown> = isObject(obj) ? { ...obj } : {};
  let cur = root;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      cur[part] = value;
      return;
    }
    const next = cur[part];
    // Arrays stay arrays (their indices are keys too), everything else becomes a copied object.
    const copy: Record<string, unknown> = Array.isArray(next)
      ? ([...next] as unknown as Record<string, unknown>)
      : isObject(next)
        ? { ...next }
        : {};
    cur[part] = copy;
    cur = copy;
  });
  return root as T;
}

/**
 * Splits `values` into a copy with every secret field emptied and a map of the non-empty secrets.
 * Only string secrets are taken; anything else at a secret path is dropped.
 */
export function splitSecrets<T>(
  values: T,
  secretPaths: readonly string[],
): { publicValues: T; secrets: Record<string, string> } {
  let publicValues = values;
  const secrets: Record<string, string> = {};
  for (const path of secretPaths) {
    const v = getPath(values, path);
    if (typeof v === 'string' && v !== '') secrets[path] = v;
    if (v !== undefined) publicValues = setPath(publicValues, path, '');
  }
  return { publicValues, secrets };
}

/**
 * A copy of `values` with each secret written back at its path. A secret whose field does not exist
 * in `values` (the user switched to a bucket provider or chart source without that field) is left out.
 */
export function mergeSecrets<T>(values: T, secrets: Readonly<Record<string, string>>): T {
  let out = values;
  for (const [path, secret] of Object.entries(secrets)) {
    if (typeof getPath(out, path) === 'string') out = setPath(out, path, secret);
  }
  return out;
}

/**
 * The secrets to keep after the browser sent `incoming`: a non-empty value replaces the stored one,
 * an empty value keeps it (the browser never holds stored secrets), a path in `forget` drops the
 * stored one (a new value in the same save is still kept).
 */
export function updateSecrets(
  stored: Readonly<Record<string, string>>,
  incoming: Readonly<Record<string, string>>,
  forget: readonly string[],
  secretPaths: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of secretPaths) {
    const next = incoming[path] || (forget.includes(path) ? undefined : stored[path]);
    if (next) out[path] = next;
  }
  return out;
}

/** Which secret paths have a value. */
export function markersOf(
  secrets: Readonly<Record<string, string>>,
  secretPaths: readonly string[],
): SecretMarkers {
  return Object.fromEntries(secretPaths.map((p) => [p, Boolean(secrets[p])]));
}
