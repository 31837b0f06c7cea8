import type { MessageKey } from '@/lib/i18n/messages/en';

/**
 * How validation messages reach the translator.
 *
 * Every message the schema produces is a translation key (see `lib/i18n/messages/en.ts`)
 * plus parameters. Schemas put the key in the zod issue's `message` and, for custom
 * issues, the parameters in `params`; zod's own numeric facts (`minimum`, `maximum`,
 * the allowed options) are copied into the parameters by {@link issueToMessage}.
 * An issue whose message is not a key (zod's built-in English texts for type errors)
 * is mapped to a generic key by its code, so no English string ever reaches the UI.
 */

/** Parameters interpolated into a message: `{block}`, `{minimum}`… */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A translatable message: a key that exists in every locale, and its parameters. */
export interface Message {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

/** Field path (dot-separated, array indices as numbers: `platform.extraEnv.0.key`) → first message. */
export type FieldErrors = Record<string, Message>;

/** Returns the key unchanged; typed so that a key missing from the English catalogue is a compile error. */
export function msg<K extends MessageKey>(key: K): K {
  return key;
}

/** Builds a {@link Message}. */
export function message(key: MessageKey, params: MessageParams = {}): Message {
  return { key, params };
}

/** The subset of a zod issue this module reads (structural, so zod's internal types stay out of the API). */
export interface IssueLike {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly params?: Record<string, unknown> | undefined;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly origin?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly input?: unknown;
  readonly expected?: string;
  readonly discriminator?: string | undefined;
  readonly options?: readonly unknown[];
}

const KEY_SHAPE = /^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9-]+)+$/;

/** True when `text` has the shape of a translation key rather than an English sentence. */
export function looksLikeMessageKey(text: string): boolean {
  return KEY_SHAPE.test(text);
}

function toParam(value: unknown): string | number | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** Whether the value an invalid_type issue complains about is missing (zod reports it only in its text). */
function isMissing(issue: IssueLike, input: unknown): boolean {
  if ('input' in issue) return issue.input === undefined;
  if (input !== NO_INPUT) {
    let node: unknown = input;
    for (const part of issue.path) {
      if (typeof node !== 'object' || node === null) return true;
      node = (node as Record<PropertyKey, unknown>)[part];
    }
    return node === undefined;
  }
  return /received undefined/.test(issue.message);
}

const NO_INPUT = Symbol('no input');

function genericKey(issue: IssueLike, input: unknown): MessageKey {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue, input) ? 'config.required' : 'config.invalidType';
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? 'config.required' : 'config.tooShort';
      if (issue.origin === 'array') return 'config.tooFewItems';
      return 'config.tooSmall';
    case 'too_big':
      if (issue.origin === 'string') return 'config.tooLong';
      if (issue.origin === 'array') return 'config.tooManyItems';
      return 'config.tooLarge';
    case 'invalid_format':
      return 'config.invalidFormat';
    case 'invalid_value':
    case 'invalid_union':
      return 'config.invalidOption';
    case 'unrecognized_keys':
      return 'config.unknownKeys';
    default:
      return 'config.invalid';
  }
}

/**
 * Turns one zod issue into a translatable message (never an English string). `input`, when
 * given, is the parsed value: it tells a missing field from a field of the wrong type.
 */
export function issueToMessage(issue: IssueLike, input: unknown = NO_INPUT): Message {
  const params: Record<string, string | number> = {};
  if (issue.minimum !== undefined) params.minimum = Number(issue.minimum);
  if (issue.maximum !== undefined) params.maximum = Number(issue.maximum);
  if (issue.values && issue.values.length > 0) params.options = issue.values.map(String).join(', ');
  if (issue.options && issue.options.length > 0) params.options = issue.options.map(String).join(', ');
  if (issue.keys && issue.keys.length > 0) params.keys = issue.keys.join(', ');
  if (issue.params) {
    for (const [name, value] of Object.entries(issue.params)) {
      const param = toParam(value);
      if (param !== undefined) params[name] = param;
    }
  }
  const key = looksLikeMessageKey(issue.message) ? (issue.message as MessageKey) : genericKey(issue, input);
  return { key, params };
}

/** Dot-joined path as react-hook-form names fields (`bucket.accessKey`, `platform.extraEnv.0.value`). */
export function pathToString(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'symbol' ? (part.description ?? '') : String(part))).join('.');
}

/**
 * Maps a zod error (or anything with `issues`) to `{ [fieldPath]: { key, params } }`, first issue per field.
 * The forms show these beside their fields and every server action returns them unchanged.
 * An issue about the whole object has the path `''`. Pass the parsed `input` when you have it.
 */
export function toFieldErrors(
  error: { readonly issues: readonly IssueLike[] },
  input: unknown = NO_INPUT,
): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const discriminator = issue.code === 'invalid_union' ? issue.discriminator : undefined;
    const path =
      discriminator && issue.path[issue.path.length - 1] !== discriminator
        ? [...issue.path, discriminator]
        : issue.path;
    const name = pathToString(path);
    if (!(name in result)) result[name] = issueToMessage(issue, input);
  }
  return result;
}
