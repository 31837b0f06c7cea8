import 'server-only';

import { lookup } from 'node:dns/promises';

import type { ChecksInput } from './input';
import type { CheckDefinition, CheckOutcome } from './types';

/**
 * Check 10: the W&B host is an https URL whose name resolves from the wizard's machine. Only a
 * warning when it does not: the site's DNS may differ from the wizard's.
 */
export const hostCheck: CheckDefinition<ChecksInput> = {
  id: 'host',
  titleKey: 'checks.host.title',
  strict: false,
  timeoutMs: 5_000,
  async run(input, ctx): Promise<CheckOutcome> {
    const host = input.config.platform.host;
    let url: URL;
    try {
      url = new URL(host);
    } catch {
      return { status: 'fail', message: { key: 'checks.host.invalid', params: { host } } };
    }
    const evidence = [];
    const name = url.hostname.replace(/^\[|\]$/g, '');
    let resolved: string[] = [];
    try {
      const answer = await Promise.race([
        lookup(name, { all: true }),
        new Promise<never>((_, reject) =>
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error), { once: true }),
        ),
      ]);
      resolved = answer.map((a) => a.address);
      evidence.push({ label: 'DNS', request: `lookup ${name}`, response: resolved.join(', ') });
    } catch (e) {
      const code = (e as { code?: string }).code ?? String(e);
      evidence.push({ label: 'DNS', request: `lookup ${name}`, response: code });
      return {
        status: 'warn',
        message: { key: 'checks.host.unresolved', params: { host: name, code } },
        remedy: { key: 'checks.host.unresolved.remedy', params: { host: name } },
        evidence,
      };
    }
    if (url.protocol !== 'https:')
      return {
        status: 'warn',
        message: { key: 'checks.host.notHttps', params: { host } },
        remedy: { key: 'checks.host.notHttps.remedy', params: {} },
        evidence,
      };
    return {
      status: 'pass',
      message: { key: 'checks.host.pass', params: { host: name, addresses: resolved.join(', ') } },
      evidence,
    };
  },
};
