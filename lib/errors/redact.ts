import 'server-only';

/** What replaces a secret in any text shown to the user or written to a log. */
export const REDACTED = '***';

/** Secrets shorter than this are not replaced inside free text: "a" would blank out every word. */
const MIN_SECRET_LENGTH = 3;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every way a secret commonly shows up in text: as is, URL-encoded and inside a Basic credential. */
function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const encoded = encodeURIComponent(secret);
  if (encoded !== secret) forms.add(encoded);
  const b64 = Buffer.from(secret).toString('base64').replace(/=+$/, '');
  if (b64.length >= 8) forms.add(b64);
  return [...forms];
}

// Patterns of secrets whose value we do not know in advance. Each keeps the name and hides the value.
const PATTERNS: Array<[RegExp, string | ((...m: string[]) => string)]> = [
  // Authorization / Proxy-Authorization headers, in HTTP dumps, JSON or curl traces.
  [
    /((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(basic|bearer|token|negotiate|digest)\s+)?[^\s"',;]+/gi,
    (_m, head: string, scheme?: string) => `${head}${scheme ? `${scheme} ` : ''}${REDACTED}`,
  ],
  // user:password@ in URLs.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']+:)[^\s@/"']+@/gi, `$1${REDACTED}@`],
  // password=…, secretKey: …, "token": "…", --password …, X-Amz-Signature=…
  [
    /((?:^|[^a-z0-9])(?:password|passwd|pwd|secret|secret[_-]?key|secret[_-]?access[_-]?key|access[_-]?token|refresh[_-]?token|token|api[_-]?key|license|x-amz-signature|x-amz-credential|x-amz-security-token|client[_-]?secret)["']?\s*(?:[:=]|\s(?=["']))\s*["']?)[^\s"'&,;}]+/gi,
    `$1${REDACTED}`,
  ],
  [/(--(?:password|token|secret[a-z-]*)[= ])\S+/gi, `$1${REDACTED}`],
  // PEM private keys.
  [
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
    `-----BEGIN PRIVATE KEY-----${REDACTED}-----END PRIVATE KEY-----`,
  ],
];

/**
 * Removes secrets from a text: every given secret (also URL-encoded and base64, as in a Basic
 * Authorization header), Authorization header values, passwords in URLs and `password=`-like
 * assignments, and PEM private keys.
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined | null> = []): string {
  let out = text;
  const known = secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH)
    .flatMap(secretForms)
    // Longest first so that a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  for (const s of known) out = out.replace(new RegExp(escapeRegExp(s), 'g'), REDACTED);
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement as (...m: string[]) => string);
  return out;
}

/** Applies {@link redact} to every string inside a JSON-like value (objects, arrays), returning a copy. */
export function redactDeep<T>(value: T, secrets: ReadonlyArray<string | undefined | null> = []): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, secrets);
    return out as T;
  }
  return value;
}

/** The last `maxLines` lines (and at most `maxChars` characters) of a text, for stderr tails. */
export function tail(text: string, maxLines = 20, maxChars = 4000): string {
  const lines = text.trimEnd().split('\n');
  let out = lines.slice(-maxLines).join('\n');
  if (out.length > maxChars) out = '…' + out.slice(out.length - maxChars);
  return out;
}
