import 'server-only';

import { KubeError } from '@/lib/errors';

export { isKubeError, KubeError } from '@/lib/errors';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

/**
 * Turns the client's `ApiException` (HTTP code + the API server's `Status` body, as text or
 * parsed) into a {@link KubeError}; any other value is returned unchanged (network errors,
 * aborts and TLS failures keep their Node codes for toUserError).
 */
export function toKubeError(e: unknown): unknown {
  if (!(e instanceof Error) || typeof (e as { code?: unknown }).code !== 'number' || !('body' in e)) return e;
  const code = (e as unknown as { code: number }).code;
  let body: unknown = (e as unknown as { body: unknown }).body;
  if (typeof body === 'string') {
    const text = body;
    try {
      body = JSON.parse(text);
    } catch {
      // A non-JSON body (a proxy's HTML page): keep the start of it as the message.
      return new KubeError(code, '', text.slice(0, 300));
    }
  }
  if (isObject(body) && body.kind === 'Status') {
    return new KubeError(
      code,
      typeof body.reason === 'string' ? body.reason : '',
      typeof body.message === 'string' ? body.message : `HTTP ${code}`,
      body.details,
    );
  }
  return new KubeError(code, '', `HTTP ${code}`);
}
