/**
 * A message (translation key and parameters) as react-hook-form carries it: a string. Kept apart
 * from the schema so that the fields can read errors without loading the schema.
 */
export interface FieldMessage {
  key: string;
  params: Record<string, string | number>;
}

/** JSON of key and parameters. */
export function encodeMessage(message: {
  key: string;
  params: Readonly<Record<string, string | number>>;
}): string {
  return JSON.stringify({ key: message.key, params: message.params });
}

/** The message back from {@link encodeMessage}; null for anything else. */
export function decodeMessage(text: string | undefined): FieldMessage | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as { key?: unknown; params?: unknown };
    if (typeof value.key !== 'string') return null;
    const params =
      value.params && typeof value.params === 'object'
        ? (value.params as Record<string, string | number>)
        : {};
    return { key: value.key, params };
  } catch {
    return null;
  }
}

/** True when two messages say the same: one key, equal parameters in any order. */
export function sameMessage(a: FieldMessage | null, b: FieldMessage | null): boolean {
  if (!a || !b || a.key !== b.key) return false;
  const names = Object.keys(a.params);
  return (
    names.length === Object.keys(b.params).length &&
    names.every((name) => String(a.params[name]) === String(b.params[name]))
  );
}
