import { describe, expect, it } from 'vitest';

import { checkActionBody, checkReplyRoot } from './action-body';

const text = (s: string) => new TextEncoder().encode(s);
const form = (fields: Array<[string, string]>) =>
  text(
    `${fields.map(([k, v]) => `--b\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('')}--b--\r\n`,
  );

describe('server action bodies', () => {
  it('accepts plain data, as the page sends it', async () => {
    for (const args of [
      [],
      [{ values: { a: { b: ['x', 1, true, null] } }, keepSecrets: false, baseRev: null }],
      ['$$escaped dollar', '$undefined', '$NaN', '$-0', '$Infinity', '$D2024-01-01T00:00:00.000Z'],
      [{ a: { b: 1 }, c: '$0:0:a' }],
    ])
      expect(await checkActionBody('text/plain;charset=UTF-8', text(JSON.stringify(args)), true)).toEqual({
        ok: true,
      });
    expect(
      await checkActionBody(
        'multipart/form-data; boundary=b',
        // What React sends for the language switch: the form's fields as `_1_<name>`.
        form([
          ['_1_$ACTION_ID_40c4b1ba97', ''],
          ['_1_locale', 'ja'],
          ['0', '["$K1"]'],
        ]),
        true,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses what Next.js would answer with a 500 or never answer', async () => {
    for (const body of [
      'not json',
      '{"not":"an array"}',
      '["$T"]',
      '["$@1"]',
      '["$Q1"]',
      '["$h1"]',
      '["$R1"]',
      '["$1"]',
      '["$n123"]',
      '["$Dnot a date"]',
      '[{"a":"$0"}]',
      '[{"a":"$0:0"}]',
      '[{"__proto__":{"x":1}}]',
      '[{"a":"$0:__proto__"}]',
      JSON.stringify(Array.from({ length: 100 }, () => 1)),
      `${'['.repeat(100)}${']'.repeat(100)}`,
    ]) {
      const verdict = await checkActionBody('text/plain', text(body), true);
      expect(verdict.ok, body.slice(0, 40)).toBe(false);
    }
    expect(await checkActionBody('text/plain', new Uint8Array([0xff, 0xfe]), true)).toMatchObject({
      status: 400,
    });
    expect(await checkActionBody('application/json', text('[]'), true)).toMatchObject({ status: 415 });
    expect(await checkActionBody('multipart/form-data; boundary=b', text('garbage'), true)).toMatchObject({
      status: 400,
    });
    expect(await checkActionBody('multipart/form-data; boundary=b', form([['x', '1']]), true)).toMatchObject({
      status: 400,
    });
  });

  it('a form posted without JavaScript names its action; bound arguments are refused', async () => {
    expect(
      await checkActionBody('multipart/form-data; boundary=b', form([['$ACTION_ID_abc', '']]), false),
    ).toEqual({
      ok: true,
      actionId: 'abc',
    });
    expect(
      (await checkActionBody('multipart/form-data; boundary=b', form([['$ACTION_REF_1', '']]), false)).ok,
    ).toBe(false);
    expect((await checkActionBody('text/plain', text('[]'), false)).ok).toBe(false);
  });

  it('a reference to a sibling is fine, to an ancestor is a cycle', () => {
    expect(checkReplyRoot('[{"a":{"x":1},"b":"$0:0:a"}]', false)).toEqual({ ok: true });
    expect(checkReplyRoot('[{"a":{"x":"$0:0:a"}}]', false).ok).toBe(false);
  });
});
