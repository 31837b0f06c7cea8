import type { FieldErrors } from '@/lib/config';

/** A message to translate in the browser. */
export interface ActionMessage {
  key: string;
  params: Record<string, string | number>;
}

/** What every server action returns: never a throw, never a stack trace. */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: ActionMessage; fieldErrors?: FieldErrors; detail?: string };

/** A success. */
export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

/** A failure with a message key. */
export function fail<T>(
  key: string,
  params: Record<string, string | number> = {},
  extra: { fieldErrors?: FieldErrors; detail?: string } = {},
): ActionResult<T> {
  return { ok: false, error: { key, params }, ...extra };
}
