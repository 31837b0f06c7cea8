import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatImageReference, mirrorImageReference, parseImageReference } from './reference';

const D = 'sha256:' + 'a'.repeat(64);

describe('parseImageReference', () => {
  it.each([
    ['redis', { registry: 'docker.io', repository: 'library/redis', tag: 'latest', reference: 'latest' }],
    ['redis:7', { registry: 'docker.io', repository: 'library/redis', tag: '7', reference: '7' }],
    ['wandb/local:0.62.2', { registry: 'docker.io', repository: 'wandb/local', tag: '0.62.2' }],
    ['docker.io/wandb/local:0.62.2', { registry: 'docker.io', repository: 'wandb/local', tag: '0.62.2' }],
    [
      'index.docker.io/library/mysql:8.0.40',
      { registry: 'docker.io', repository: 'library/mysql', tag: '8.0.40' },
    ],
    ['docker.io/mysql', { registry: 'docker.io', repository: 'library/mysql', tag: 'latest' }],
    [
      'quay.io/prometheus/prometheus:v2.47.0',
      { registry: 'quay.io', repository: 'prometheus/prometheus', tag: 'v2.47.0' },
    ],
    [
      'localhost:5000/a/b:tag',
      { registry: 'localhost:5000', repository: 'a/b', tag: 'tag', reference: 'tag' },
    ],
    ['localhost/a', { registry: 'localhost', repository: 'a', tag: 'latest' }],
    ['localhost:5000/a', { registry: 'localhost:5000', repository: 'a', tag: 'latest' }],
    [
      '127.0.0.1:25001/mirror/wandb/local:0.62.2',
      { registry: '127.0.0.1:25001', repository: 'mirror/wandb/local', tag: '0.62.2' },
    ],
    ['[::1]:5000/x/y:z', { registry: '[::1]:5000', repository: 'x/y', tag: 'z' }],
    ['Registry/x', { registry: 'Registry', repository: 'x', tag: 'latest' }],
    [
      'registry.example.com:443/team/app/sub:1.0-rc.1_b',
      { registry: 'registry.example.com:443', repository: 'team/app/sub', tag: '1.0-rc.1_b' },
    ],
    [`host.example/path@${D}`, { registry: 'host.example', repository: 'path', digest: D, reference: D }],
    [
      `host.example/path:v1@${D}`,
      { registry: 'host.example', repository: 'path', tag: 'v1', digest: D, reference: D },
    ],
    [`busybox@${D}`, { registry: 'docker.io', repository: 'library/busybox', digest: D, reference: D }],
    ['a__b/c-----d.e_f', { registry: 'docker.io', repository: 'a__b/c-----d.e_f', tag: 'latest' }],
    ['  wandb/console:2.13.1 ', { registry: 'docker.io', repository: 'wandb/console', tag: '2.13.1' }],
  ])('%s', (input, expected) => {
    const r = parseImageReference(input);
    expect(r.error).toBeUndefined();
    expect(r.value).toMatchObject(expected);
  });

  it('has no tag when only a digest is given', () => {
    expect(parseImageReference(`busybox@${D}`).value?.tag).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['wandb/Local:1', 'lower-case'],
    ['wandb/local:', 'invalid tag'],
    ['wandb/local:-bad', 'invalid tag'],
    [`wandb/local:${'x'.repeat(129)}`, 'invalid tag'],
    ['wandb//local', 'invalid repository'],
    ['wandb/local/', 'invalid repository'],
    ['-wandb/local', 'invalid repository'],
    ['wandb/lo--/cal', 'invalid repository'],
    ['host.example/path@sha256:abc', 'invalid digest'],
    [`host.example/path@sha256:${'A'.repeat(64)}`, '64 lower-case'],
    ['a'.repeat(64), 'image ID'],
    ['ex ample/x', 'whitespace'],
    ['-bad-.example/x', 'invalid registry host'],
    [':tag', 'no repository'],
    [`${'a/'.repeat(130)}b`, 'longer than 255'],
  ])('rejects %j (%s)', (input, reason) => {
    const r = parseImageReference(input);
    expect(r.value).toBeUndefined();
    expect(r.error?.key).toBe('errors.registry.badReference');
    expect(r.error?.params.reason).toContain(reason);
  });

  it('formats what it parses back to the same full reference (round trip)', () => {
    const component = fc.stringMatching(/^[a-z0-9]{1,5}(?:[._-][a-z0-9]{1,5})?$/);
    const arb = fc.record({
      registry: fc.constantFrom(
        'docker.io',
        'quay.io',
        'localhost:5000',
        '127.0.0.1:25001',
        'reg.example.com',
      ),
      repository: fc.array(component, { minLength: 2, maxLength: 4 }).map((p) => p.join('/')),
      tag: fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/), { nil: undefined }),
      digest: fc.option(
        fc.stringMatching(/^[a-f0-9]{64}$/).map((h) => `sha256:${h}`),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const text = formatImageReference(r);
        const parsed = parseImageReference(text);
        expect(parsed.error).toBeUndefined();
        expect(formatImageReference(parsed.value!)).toBe(r.tag || r.digest ? text : `${text}:latest`);
      }),
    );
  });
});

describe('mirrorImageReference', () => {
  const target = { registry: '127.0.0.1:25001', prefix: 'mirror' };
  it.each([
    ['docker.io/wandb/local:0.62.2', '127.0.0.1:25001/mirror/wandb/local:0.62.2'],
    ['wandb/controller:1.16.1', '127.0.0.1:25001/mirror/wandb/controller:1.16.1'],
    ['quay.io/prometheus/prometheus:v2.47.0', '127.0.0.1:25001/mirror/prometheus/prometheus:v2.47.0'],
    [
      'docker.io/bitnamilegacy/redis:7.2.4-debian-12-r9',
      '127.0.0.1:25001/mirror/bitnamilegacy/redis:7.2.4-debian-12-r9',
    ],
    ['docker.io/library/mysql:8.0.40', '127.0.0.1:25001/mirror/mysql:8.0.40'],
    ['mysql', '127.0.0.1:25001/mirror/mysql:latest'],
    [
      `otel/opentelemetry-collector-contrib@${D}`,
      `127.0.0.1:25001/mirror/otel/opentelemetry-collector-contrib@${D}`,
    ],
  ])('%s → %s', (source, expected) => {
    const r = mirrorImageReference(source, target);
    expect(r.error).toBeUndefined();
    expect(formatImageReference(r.value!)).toBe(expected);
  });

  it('works without a prefix and with slashes around it', () => {
    expect(
      formatImageReference(mirrorImageReference('wandb/local:1', { registry: 'reg.local' }).value!),
    ).toBe('reg.local/wandb/local:1');
    expect(
      formatImageReference(
        mirrorImageReference('wandb/local:1', { registry: 'reg.local', prefix: '/a/b/' }).value!,
      ),
    ).toBe('reg.local/a/b/wandb/local:1');
  });

  it('rejects a bad registry host or prefix', () => {
    expect(mirrorImageReference('wandb/local:1', { registry: 'bad host' }).error?.key).toBe(
      'errors.registry.badReference',
    );
    expect(mirrorImageReference('wandb/local:1', { registry: 'reg.local', prefix: 'Upper' }).error?.key).toBe(
      'errors.registry.badReference',
    );
  });
});
