import { describe, expect, it } from 'vitest';

import { redact, redactDeep, tail } from './redact';

describe('redact', () => {
  it('replaces a known secret everywhere it appears', () => {
    expect(redact('pw s3cr3t! and again s3cr3t!', ['s3cr3t!'])).toBe('pw *** and again ***');
  });

  it('replaces the URL-encoded and base64 forms of a secret', () => {
    const secret = 'p@ss word/1';
    const basic = Buffer.from(`user:${secret}`).toString('base64');
    const text = `url=https://x/?p=${encodeURIComponent(secret)} b64=${Buffer.from(secret).toString('base64')}`;
    expect(redact(text, [secret])).not.toContain(encodeURIComponent(secret));
    expect(redact(text, [secret])).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
    // A Basic header hides the pair, not the password alone: the header pattern covers it.
    expect(redact(`Authorization: Basic ${basic}`, [])).toBe('Authorization: Basic ***');
  });

  it('hides base64 of user:password, JSON-escaped, URL-encoded and hex forms of a secret', () => {
    const secret = 'p@ss"w\\ord/<1>&é';
    const forms = [
      Buffer.from(`someone:${secret}`).toString('base64'),
      Buffer.from(`x:${secret}`).toString('base64'),
      Buffer.from(`ab:${secret}:cd`).toString('base64url'),
      JSON.stringify(secret).slice(1, -1),
      JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
      '\\u0026',
      encodeURIComponent(secret),
      encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      Buffer.from(secret).toString('hex'),
      Buffer.from(secret).toString('hex').toUpperCase(),
      Buffer.from(`user:${secret}`).toString('hex'),
      // A dockerconfigjson: base64 of JSON holding base64(user:password).
      Buffer.from(
        JSON.stringify({ auths: { r: { auth: Buffer.from(`u:${secret}`).toString('base64') } } }),
      ).toString('base64'),
    ];
    for (const form of forms.slice(0, 5).concat(forms.slice(6))) {
      const out = redact(`before ${form} after`, [secret]);
      expect(out, form).toBe('before *** after');
    }
    // A Go-style JSON string (<>& as \u003c…) is a form too.
    const go = JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/é/g, '\\u00e9');
    expect(redact(`{"p":"${go}"}`, [secret])).toBe('{"p":"***"}');
  });

  it('leaves base64 and hex words that hold no secret alone', () => {
    const text = `digest sha256:${'ab'.repeat(32)} token-free ${Buffer.from('hello world').toString('base64')}`;
    expect(redact(text, ['hunter2'])).toBe(text);
  });

  it('hides Authorization header values whatever the scheme', () => {
    expect(redact('authorization: Bearer eyJhbGciOi.abc.def')).toBe('authorization: Bearer ***');
    expect(redact('{"Authorization":"Basic dXNlcjpwYXNz"}')).toBe('{"Authorization":"Basic ***"}');
    expect(redact('Proxy-Authorization: abcdef')).toBe('Proxy-Authorization: ***');
  });

  it('hides passwords in URLs but keeps the user and host', () => {
    expect(redact('fetch https://admin:hunter2@charts.example.com/index.yaml failed')).toBe(
      'fetch https://admin:***@charts.example.com/index.yaml failed',
    );
    expect(redact('mysql://wandb:p%40ss@db:3306/wandb')).toBe('mysql://wandb:***@db:3306/wandb');
  });

  it('hides password=, secretKey:, token and --password values', () => {
    expect(redact('password=abc123&user=x')).toBe('password=***&user=x');
    expect(redact('secretKey: abcdEFGH')).toBe('secretKey: ***');
    expect(redact('"access_token":"tok.en"')).toBe('"access_token":"***"');
    expect(redact('helm repo add --password hunter2 x')).toBe('helm repo add --password *** x');
    expect(redact('X-Amz-Signature=deadbeef')).toBe('X-Amz-Signature=***');
  });

  it('leaves ordinary words alone', () => {
    const text = 'secrets "helm-release" is forbidden: User "ro" cannot list resource "secrets"';
    expect(redact(text)).toBe(text);
    expect(redact('the password is wrong', ['ab'])).toBe('the password is wrong');
  });

  it('hides PEM private keys', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIE\nabc\n-----END RSA PRIVATE KEY-----';
    expect(redact(`key:\n${pem}\n`)).not.toContain('MIIE');
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    expect(redact('abcdef', ['abc', 'abcdef'])).toBe('***');
  });
});

describe('redactDeep', () => {
  it('redacts strings in nested objects and arrays and keeps other values', () => {
    const out = redactDeep({ a: ['x hunter2 y', 3], b: { c: 'hunter2', d: true } }, ['hunter2']);
    expect(out).toEqual({ a: ['x *** y', 3], b: { c: '***', d: true } });
  });
});

describe('tail', () => {
  it('keeps the last lines', () => {
    expect(tail('1\n2\n3\n4\n', 2)).toBe('3\n4');
  });
  it('caps the characters', () => {
    expect(tail('x'.repeat(100), 5, 10)).toBe('…' + 'x'.repeat(10));
  });
});
