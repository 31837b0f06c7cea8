import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';

import { toUserError } from '@/lib/errors';

import { isKubeError, toKubeError } from './errors';

const status = (code: number, reason: string, message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  code,
  reason,
  message,
  details: { name: 'wandb', kind: 'namespaces' },
});

describe('toKubeError', () => {
  it('reads the Status of an ApiException whose body is JSON text (client-node 1.x)', () => {
    const e = new ApiException(
      403,
      'HTTP-Code: 403',
      JSON.stringify(
        status(403, 'Forbidden', 'namespaces "wandb" is forbidden: User "ro" cannot create resource'),
      ),
      {},
    );
    const k = toKubeError(e);
    expect(isKubeError(k)).toBe(true);
    if (!isKubeError(k)) return;
    expect(k).toMatchObject({
      statusCode: 403,
      reason: 'Forbidden',
      message: 'namespaces "wandb" is forbidden: User "ro" cannot create resource',
      details: { name: 'wandb' },
    });
    expect(toUserError(k).key).toBe('errors.kube.forbidden');
  });

  it('reads an already parsed Status body', () => {
    const k = toKubeError(new ApiException(404, 'x', status(404, 'NotFound', 'not found'), {}));
    expect(k).toMatchObject({ statusCode: 404, reason: 'NotFound' });
  });

  it('keeps the start of a non-JSON body (a proxy page)', () => {
    const k = toKubeError(new ApiException(502, 'x', '<html>Bad Gateway</html>', {}));
    expect(k).toMatchObject({ statusCode: 502, message: '<html>Bad Gateway</html>' });
  });

  it('passes other errors through unchanged', () => {
    const net = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(toKubeError(net)).toBe(net);
    expect(toKubeError('x')).toBe('x');
  });
});
