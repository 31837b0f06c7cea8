/**
 * The operator's own reason for refusing a resource, from its log. The v1 controller's events say
 * only "Invalid config for apply"; the cause (helm's error, a chart it could not download) is in
 * the ERROR line it logs for the resource: `<time>\tERROR\t<message>\t{…"namespace":…,"name":…,"error":…}`.
 * Returns the last such line's message and error, or undefined. Pure.
 */
export function operatorReason(log: string, namespace: string, name: string): string | undefined {
  let reason: string | undefined;
  for (const line of log.split('\n')) {
    const [, level, message, json] = line.split('\t');
    if (level !== 'ERROR' || !message || !json) continue;
    let fields: { namespace?: unknown; name?: unknown; error?: unknown };
    try {
      fields = JSON.parse(json) as typeof fields;
    } catch {
      continue;
    }
    if (fields.namespace !== namespace || fields.name !== name) continue;
    if (!/apply|release type|chart/i.test(message)) continue;
    reason = typeof fields.error === 'string' ? `${message} ${fields.error}` : message;
  }
  return reason;
}
