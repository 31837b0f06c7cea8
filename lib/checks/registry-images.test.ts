import { describe, expect, it } from 'vitest';

import { PROCEDURE_EXAMPLE } from '@/lib/config';
import { translate } from '@/lib/i18n';

import { registryImagesCheck } from './registry-images';
import { freePort } from '@/test/support/ports';

/** A port that refuses connections. */
const closedPort = freePort;

describe('registry-images check', () => {
  it('names an unreachable registry by its address only, with no English inside the Japanese text', async () => {
    const host = `127.0.0.1:${await closedPort()}`;
    const config = {
      ...PROCEDURE_EXAMPLE,
      registry: {
        ...PROCEDURE_EXAMPLE.registry,
        host,
        plainHttp: true,
        caBundle: '',
        insecureSkipVerify: false,
      },
    };
    const controller = new AbortController();
    const outcome = await registryImagesCheck.run(
      { config },
      { signal: controller.signal, deadline: Date.now() + 10_000, timeoutMs: 10_000 },
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.message.params?.target).toBe(host);
    const ja = translate(
      'ja',
      outcome.message.key as Parameters<typeof translate>[1],
      outcome.message.params,
    );
    expect(ja).not.toMatch(/\bimages?\b/);
  });
});
