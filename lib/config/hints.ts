/**
 * Hints: values that are valid but probably not what the user meant, by field path. Pure and
 * browser-safe; the form shows each under its field as it is typed, and the review lists them
 * with the warnings. A hint never blocks anything. Values never appear in a hint's parameters.
 */

/** A hint's message: a `config.hint.` key with its parameters. */
export interface Hint {
  readonly key:
    | 'config.hint.httpsWithoutIngressTls'
    | 'config.hint.license.space'
    | 'config.hint.password.spaces'
    | 'config.hint.env.quoted';
  readonly params: Readonly<Record<string, string | number>>;
}

/** What the rules read: a form's values (partial while editing). */
type Values = unknown;
/** A value by its path. */
export type Read = (path: string) => unknown;

function at(values: Values, path: string): unknown {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function text(read: Read, path: string): string {
  const value = read(path);
  return typeof value === 'string' ? value : '';
}

const PASSWORDS = [
  'registry.password',
  'mysql.password',
  'bucket.secretKey',
  'charts.operator.source.password',
  'charts.platform.source.password',
  'mirror.registry.password',
] as const;

/** The rule for one field: the other paths it reads, and its hint (or null). */
interface Rule {
  readonly reads: readonly string[];
  readonly hint: (read: Read) => Hint | null;
}

function passwordRule(path: string): Rule {
  return {
    reads: [path],
    hint: (read) => {
      const value = text(read, path);
      return value !== '' && value !== value.trim() ? { key: 'config.hint.password.spaces', params: {} } : null;
    },
  };
}

const RULES: Record<string, Rule> = {
  'platform.host': {
    reads: ['platform.host', 'ingress.tls.enabled'],
    hint: (read) =>
      /^https:\/\//i.test(text(read, 'platform.host').trim()) && read('ingress.tls.enabled') !== true
        ? { key: 'config.hint.httpsWithoutIngressTls', params: {} }
        : null,
  },
  'platform.license': {
    reads: ['platform.license'],
    hint: (read) =>
      /\s/.test(text(read, 'platform.license')) ? { key: 'config.hint.license.space', params: {} } : null,
  },
  ...Object.fromEntries(PASSWORDS.map((path) => [path, passwordRule(path)])),
};

/** `platform.extraEnv.3.value` → the value rule of a list row. */
function rowRule(path: string): Rule | undefined {
  if (!/^platform\.extraEnv\.\d+\.value$/.test(path)) return undefined;
  return {
    reads: [path],
    hint: (read) => {
      const value = text(read, path).trim();
      return /^(["']).*\1$/s.test(value) && value.length >= 2
        ? { key: 'config.hint.env.quoted', params: { quote: value[0] ?? '"' } }
        : null;
    },
  };
}

/** The paths a field's hint depends on (to watch them while editing); empty for a field without hints. */
export function hintReads(path: string): readonly string[] {
  return (RULES[path] ?? rowRule(path))?.reads ?? [];
}

/** The hint of one field, reading the values it depends on through `read`; null for none. */
export function hintFor(path: string, read: Read): Hint | null {
  return (RULES[path] ?? rowRule(path))?.hint(read) ?? null;
}

/** Every hint of a configuration, by field path. */
export function configHints(values: Values): Record<string, Hint> {
  const out: Record<string, Hint> = {};
  const env = at(values, 'platform.extraEnv');
  const rows = Array.isArray(env) ? env.map((_, i) => `platform.extraEnv.${i}.value`) : [];
  for (const path of [...Object.keys(RULES), ...rows]) {
    const hint = hintFor(path, (p) => at(values, p));
    if (hint) out[path] = hint;
  }
  return out;
}
