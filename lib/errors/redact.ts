import 'server-only';

/** What replaces a secret in any text shown to the user or written to a log. */
export const REDACTED = '***';

/** Secrets shorter than this are not replaced inside free text: "a" would blank out every word. */
const MIN_SECRET_LENGTH = 3;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A JSON string's body with every character outside printable ASCII as \uXXXX (Go, Java and others write `<>&'` so too). */
function jsonAsciiEscaped(secret: string, escapeHtml: boolean): string {
  return JSON.stringify(secret)
    .slice(1, -1)
    .replace(/[^\x20-\x7e]|[<>&']/g, (c) =>
      /[<>&']/.test(c) && !escapeHtml ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/**
 * Every way a secret commonly shows up in text: as is, JSON-escaped (also with `\/` and `\u00XX`
 * forms), URL-encoded (also as a form with `+`, and with lowercase hex), base64 and base64url, and
 * hex (both cases). Base64 of the secret inside a larger value (`user:password` in a Basic
 * credential) is found by decoding base64 words: see {@link redactEncodedWords}.
 */
function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  forms.add(json.replace(/\//g, '\\/'));
  forms.add(jsonAsciiEscaped(secret, false));
  forms.add(jsonAsciiEscaped(secret, true));
  const encoded = encodeURIComponent(secret);
  forms.add(encoded);
  forms.add(encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  forms.add(encoded.replace(/%20/g, '+'));
  forms.add(encodeURI(secret));
  const bytes = Buffer.from(secret);
  const b64 = bytes.toString('base64').replace(/=+$/, '');
  if (b64.length >= 8) {
    forms.add(b64);
    forms.add(bytes.toString('base64url'));
  }
  const hex = bytes.toString('hex');
  if (hex.length >= 8) {
    forms.add(hex);
    forms.add(hex.toUpperCase());
  }
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

/** Words that may be base64 (standard or URL-safe) or hex, long enough to hide a secret. */
const ENCODED_WORD = /[A-Za-z0-9+/_-]{8,}={0,2}/g;
const HEX_WORD = /^(?:[0-9a-fA-F]{2})+$/;

/** The texts a word may decode to: base64, base64url, hex. */
function decodings(word: string): string[] {
  const out: string[] = [];
  if (HEX_WORD.test(word)) out.push(Buffer.from(word, 'hex').toString('latin1'));
  const bare = word.replace(/=+$/, '');
  if (bare.length % 4 !== 1) {
    const b64 = /[-_]/.test(bare) ? Buffer.from(bare, 'base64url') : Buffer.from(bare, 'base64');
    out.push(b64.toString('latin1'));
  }
  return out;
}

/**
 * Replaces whole base64 or hex words whose decoded bytes contain a secret in any of its forms:
 * `base64(user:password)`, a base64 dockerconfigjson holding an `auth` field, a hex dump. Two
 * levels deep (base64 inside base64).
 */
function redactEncodedWords(text: string, known: readonly string[], depth = 2): string {
  if (depth === 0 || known.length === 0) return text;
  const latin1Known = known.map((s) => Buffer.from(s).toString('latin1'));
  return text.replace(ENCODED_WORD, (word) => {
    for (const decoded of decodings(word)) {
      if (latin1Known.some((s) => decoded.includes(s))) return REDACTED;
      if (depth > 1 && redactEncodedWords(decoded, known, depth - 1) !== decoded) return REDACTED;
    }
    return word;
  });
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
 * Removes secrets from a text: every given secret in its plain, JSON-escaped, URL-encoded, base64
 * and hex forms (also inside a larger base64 or hex value, such as a Basic credential
 * `base64(user:password)`), Authorization header values, passwords in URLs and `password=`-like
 * assignments, and PEM private keys.
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined | null> = []): string {
  let out = text;
  const plain = secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
  // Longest first so that a secret containing another is replaced whole.
  const known = [...new Set(plain.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  // Whole encoded words first: replacing a form inside one would leave the rest of it behind.
  out = redactEncodedWords(out, plain);
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
