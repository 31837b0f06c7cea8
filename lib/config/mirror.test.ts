import { describe, expect, it } from 'vitest';

import { installConfigSchema, defaultInstallConfig, toFieldErrors, withDefaults } from './index';
import {
  defaultMirror,
  isPlatform,
  defaultMirrorRegistry,
  type Mirror,
  mirrorSchema,
  sourceRegistryLocation,
  sourceRegistryRef,
} from './mirror';

const folder = (source: string): Mirror => ({ ...defaultMirror, source });
const fromRegistry = (registry: Partial<Mirror['registry']>): Mirror => ({
  ...defaultMirror,
  from: 'registry',
  registry: { ...defaultMirrorRegistry, ...registry },
});
const errorsOf = (mirror: Mirror) => {
  const r = installConfigSchema.safeParse({ ...defaultInstallConfig, mirror });
  return r.success ? {} : toFieldErrors(r.error);
};

describe('mirror section', () => {
  it('accepts an empty source: the step is skipped', () => {
    expect(mirrorSchema.safeParse(folder('')).success).toBe(true);
  });

  it('accepts an absolute path', () => {
    expect(mirrorSchema.safeParse(folder('/media/usb/bundle')).success).toBe(true);
  });

  it('refuses a relative path with the message that says to start with /', () => {
    expect(errorsOf(folder('bundle'))['mirror.source']?.key).toBe('config.mirror.source.absolute');
  });

  it('refuses a line break', () => {
    expect(mirrorSchema.safeParse(folder('/media/usb\n/bundle')).success).toBe(false);
  });
});

describe('mirror from a registry', () => {
  it('needs an address unless the public registries are chosen', () => {
    expect(errorsOf(fromRegistry({}))['mirror.registry.host']?.key).toBe('config.required');
    expect(mirrorSchema.safeParse(fromRegistry({ public: true })).success).toBe(true);
    expect(mirrorSchema.safeParse(fromRegistry({ host: 'src.example.com:5000/prefix' })).success).toBe(true);
  });

  it('validates the address, login and TLS as the Registry step does', () => {
    expect(errorsOf(fromRegistry({ host: 'https://src.example.com' }))['mirror.registry.host']?.key).toBe(
      'config.registry.host.scheme',
    );
    expect(errorsOf(fromRegistry({ host: 'src', username: 'u' }))['mirror.registry.password']?.key).toBe(
      'config.credentials.bothOrNeither',
    );
    expect(
      errorsOf(fromRegistry({ host: 'src', plainHttp: true, insecureSkipVerify: true }))[
        'mirror.registry.insecureSkipVerify'
      ]?.key,
    ).toBe('config.registry.insecureSkipVerify.withPlainHttp');
    expect(
      errorsOf(fromRegistry({ host: 'src', caBundle: 'not a pem' }))['mirror.registry.caBundle'],
    ).toBeDefined();
  });

  it('takes no login or TLS option for the public registries', () => {
    const errors = errorsOf(fromRegistry({ public: true, username: 'u', password: 'p', plainHttp: true }));
    expect(errors['mirror.registry.username']?.key).toBe('config.mirror.registry.public');
    expect(errors['mirror.registry.plainHttp']?.key).toBe('config.mirror.registry.public');
  });

  it('a folder source ignores an empty source registry', () => {
    expect(mirrorSchema.safeParse(folder('/b')).success).toBe(true);
  });
});

describe('the platforms to push', () => {
  const withPlatforms = (platforms: string[]): Mirror => ({ ...folder('/b'), platforms });

  it('defaults to none chosen (every platform), and a draft without the field gets that default', () => {
    expect(defaultMirror.platforms).toEqual([]);
    const laid = withDefaults({ mirror: { from: 'folder', source: '/b' } }) as { mirror: Mirror };
    expect(laid.mirror.platforms).toEqual([]);
    expect(mirrorSchema.safeParse(laid.mirror).success).toBe(true);
  });

  it('accepts os/architecture with an optional variant', () => {
    expect(
      mirrorSchema.safeParse(withPlatforms(['linux/amd64', 'linux/arm64', 'linux/arm/v7'])).success,
    ).toBe(true);
  });

  it.each(['amd64', 'Linux/AMD64', 'linux/', 'linux/arm/v7/x', 'linux amd64', '/amd64', ''])(
    'refuses %j with the message that names the field and the form',
    (value) => {
      const errors = errorsOf(withPlatforms(['linux/amd64', value]));
      expect(errors['mirror.platforms.1']).toEqual({
        key: 'config.mirror.platforms.format',
        params: { value },
      });
    },
  );

  it('refuses a platform listed twice, naming the second', () => {
    expect(errorsOf(withPlatforms(['linux/amd64', 'linux/amd64']))['mirror.platforms.1']?.key).toBe(
      'config.mirror.platforms.duplicate',
    );
  });

  it('is a platform as the page and the command line take it', () => {
    expect(isPlatform('linux/amd64')).toBe(true);
    expect(isPlatform('windows/amd64')).toBe(true);
    expect(isPlatform('linux/AMD64')).toBe(false);
  });
});

describe('sourceRegistryRef: where an image sits in the source registry', () => {
  it.each([
    ['docker.io/wandb/local:0.62.2', 'src.example.com/prefix', 'src.example.com/prefix/wandb/local:0.62.2'],
    [
      'quay.io/prometheus/prometheus:v3.1.0',
      'src.example.com',
      'src.example.com/prometheus/prometheus:v3.1.0',
    ],
    ['docker.io/library/mysql:8.0', '127.0.0.1:25001/m', '127.0.0.1:25001/m/mysql:8.0'],
    ['docker.io/bitnamilegacy/redis:7.2', 'src:5000/a/b/', 'src:5000/a/b/bitnamilegacy/redis:7.2'],
    [
      'docker.io/wandb/local@sha256:' + 'a'.repeat(64),
      'src:5000',
      'src:5000/wandb/local@sha256:' + 'a'.repeat(64),
    ],
    ['localhost:5000/x/y:1', 'src', 'src/x/y:1'],
  ])('%s under %s is %s', (ref, address, expected) => {
    expect(sourceRegistryRef(ref, { public: false, address })).toBe(expected);
  });

  it('is the public reference itself for the public registries', () => {
    expect(sourceRegistryRef('quay.io/prometheus/prometheus:v3.1.0', { public: true })).toBe(
      'quay.io/prometheus/prometheus:v3.1.0',
    );
  });

  it('locates the configured source registry', () => {
    expect(sourceRegistryLocation({ ...defaultMirrorRegistry, public: true })).toEqual({ public: true });
    expect(sourceRegistryLocation({ ...defaultMirrorRegistry, host: 'src:5000/p' })).toEqual({
      public: false,
      address: 'src:5000/p',
    });
    expect(sourceRegistryLocation(defaultMirrorRegistry)).toBeNull();
  });
});
