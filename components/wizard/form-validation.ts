import type { FieldError, FieldErrors as FormErrors, FieldValues, Resolver } from 'react-hook-form';

import { type FieldErrors, installConfigSchema, toFieldErrors } from '@/lib/config';
import { getPath, type SecretMarkers, setPath } from '@/lib/draft/secret-fields';

import { encodeMessage } from './field-messages';

/**
 * Validation of the wizard's form with the one schema, in the browser. The wizard loads this
 * module (and with it zod and the schema) on first use, so that it is not first-load JavaScript. It does what zodResolver
 * does, and two things more: messages stay translation keys with their parameters (a CA bundle
 * error names its block and line), and a secret the server holds (the browser only knows it is
 * set) counts as filled in.
 */

/** Stands in for a stored secret during validation; never sent anywhere. */
const STORED_SECRET = 'stored-secret-placeholder';

/** The values with every stored-but-empty secret filled in, and the paths filled. */
export function fillStoredSecrets<T>(values: T, markers: SecretMarkers): { values: T; filled: string[] } {
  let out = values;
  const filled: string[] = [];
  for (const [path, isSet] of Object.entries(markers)) {
    if (isSet && getPath(out, path) === '') {
      out = setPath(out, path, STORED_SECRET);
      filled.push(path);
    }
  }
  return { values: out, filled };
}

/** Field errors of the whole form (path → message), stored secrets counted as set. */
export function validateForm(values: unknown, markers: SecretMarkers): FieldErrors {
  const { values: filledValues, filled } = fillStoredSecrets(values, markers);
  const parsed = installConfigSchema.safeParse(filledValues);
  if (parsed.success) return {};
  const errors = toFieldErrors(parsed.error);
  // The stand-in is not the real secret: whatever the schema says about its shape is not about the user's value.
  for (const path of filled) delete errors[path];
  return errors;
}

/** Field errors by path as react-hook-form's nested error object. A whole-form error goes to `root.config`. */
export function toFormErrors(errors: FieldErrors): FormErrors {
  let nested: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(errors)) {
    const error: FieldError = { type: 'schema', message: encodeMessage(message) };
    nested = setPath(nested, path === '' ? 'root.config' : path, error);
  }
  return nested as FormErrors;
}

/** A react-hook-form resolver on the one schema; `markers` is read at each validation. */
export function configResolver(markers: () => SecretMarkers): Resolver<FieldValues> {
  return async (values) => {
    const errors = validateForm(values, markers());
    if (Object.keys(errors).length === 0) return { values, errors: {} };
    return { values: {}, errors: toFormErrors(errors) };
  };
}
