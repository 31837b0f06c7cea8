import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { issueToMessage, looksLikeMessageKey, toFieldErrors } from './field-errors';

describe('the error mapper', () => {
  it("keeps keys and passes zod's numbers and custom parameters to the translator", () => {
    const schema = z.object({
      name: z.string().max(3, 'config.tooLong'),
      rows: z.array(z.string()).superRefine((rows, ctx) => {
        ctx.addIssue({
          code: 'custom',
          message: 'config.duplicateKey',
          path: [1],
          params: { first: 1, ignored: { x: 1 } },
        });
      }),
    });
    const result = schema.safeParse({ name: 'abcd', rows: ['a', 'a'] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error)).toEqual({
      name: { key: 'config.tooLong', params: { maximum: 3 } },
      'rows.1': { key: 'config.duplicateKey', params: { first: 1 } },
    });
  });

  it("turns zod's English messages into generic keys", () => {
    const schema = z
      .object({ a: z.string(), b: z.number().min(5), c: z.enum(['x', 'y']), d: z.array(z.string()).min(2) })
      .strict();
    const input = { b: 1, c: 'z', d: [], e: true };
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected a failure');
    expect(toFieldErrors(result.error, input)).toEqual({
      a: { key: 'config.required', params: {} },
      b: { key: 'config.tooSmall', params: { minimum: 5 } },
      c: { key: 'config.invalidOption', params: { options: 'x, y' } },
      d: { key: 'config.tooFewItems', params: { minimum: 2 } },
      '': { key: 'config.unknownKeys', params: { keys: 'e' } },
    });
    expect(toFieldErrors(schema.safeParse({ ...input, a: 1 }).error ?? { issues: [] }).a?.key).toBe(
      'config.invalidType',
    );
  });

  it('tells keys from sentences', () => {
    expect(looksLikeMessageKey('config.registry.host.invalid')).toBe(true);
    expect(looksLikeMessageKey('Invalid input: expected string')).toBe(false);
    expect(issueToMessage({ code: 'custom', path: [], message: 'Something broke.' }).key).toBe(
      'config.invalid',
    );
  });
});
