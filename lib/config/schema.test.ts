import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CATALOGUES } from '@/lib/i18n';

import {
  defaultInstallConfig,
  emptyBucket,
  emptyChartSource,
  emptyMysql,
  errorsUnder,
  installConfigSchema,
  PROCEDURE_EXAMPLE,
  toFieldErrors,
  withDefaults,
  type FieldErrors,
  type InstallConfig,
} from './index';

function errorsOf(input: unknown): FieldErrors {
  const result = installConfigSchema.safeParse(input);
  return result.success ? {} : toFieldErrors(result.error);
}

/** The procedure example with one section changed. */
function change<K extends keyof InstallConfig>(section: K, patch: Partial<InstallConfig[K]>): InstallConfig {
  return { ...PROCEDURE_EXAMPLE, [section]: { ...PROCEDURE_EXAMPLE[section], ...patch } };
}

describe('installConfigSchema', () => {
  it('accepts the procedure example unchanged', () => {
    const result = installConfigSchema.safeParse(PROCEDURE_EXAMPLE);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(PROCEDURE_EXAMPLE);
  });

  it('asks for what the defaults leave empty, with keys', () => {
    const errors = errorsOf(defaultInstallConfig);
    expect(Object.keys(errors).sort()).toEqual([
      'bucket.accessKey',
      'bucket.name',
      'bucket.secretKey',
      'charts.operator.source.url',
      'charts.platform.source.url',
      'mysql.host',
      'mysql.password',
      'platform.host',
      'platform.license',
      'registry.host',
    ]);
    for (const [path, message] of Object.entries(errors))
      expect(message.key).toBe(
        path.startsWith('bucket.') && path.endsWith('Key')
          ? 'config.bucket.keys.required'
          : 'config.required',
      );
  });

  it('defaults: the procedure names, airgap-friendly options off, secrets by reference', () => {
    expect(defaultInstallConfig.target).toEqual({
      operatorNamespace: 'wandb',
      crName: 'wandb',
      crNamespace: 'default',
      kubeContext: '',
      kubeconfig: { source: 'server', path: '', content: '' },
    });
    expect(defaultInstallConfig.registry.plainHttp).toBe(false);
    expect(defaultInstallConfig.registry.insecureSkipVerify).toBe(false);
    expect(defaultInstallConfig.secrets.delivery).toBe('secretRef');
  });

  describe('target', () => {
    it('rejects names that are not DNS labels, with the maximum as parameter', () => {
      const errors = errorsOf(change('target', { operatorNamespace: 'Wandb', crName: 'x'.repeat(54) }));
      expect(errors['target.operatorNamespace']).toEqual({
        key: 'config.name.dnsLabel',
        params: { maximum: 63 },
      });
      expect(errors['target.crName']).toEqual({ key: 'config.name.dnsLabel', params: { maximum: 53 } });
    });
  });

  describe('registry', () => {
    it.each([
      'registry.example.com',
      'registry.example.com:5000',
      'registry.example.com:5000/mirror',
      '127.0.0.1:25001/mirror/sub',
      'localhost:5000',
      '[::1]:5000/mirror',
    ])('accepts %s', (host) => {
      expect(errorsOf(change('registry', { host }))).toEqual({});
    });

    it.each([
      ['https://registry.example.com', 'config.registry.host.scheme'],
      ['registry.example.com/Mirror', 'config.registry.host.invalid'],
      ['registry.example.com:99999', 'config.registry.host.invalid'],
      ['registry.example.com/', 'config.registry.host.invalid'],
      ['registry example.com', 'config.registry.host.invalid'],
      ['', 'config.required'],
    ])('rejects %j', (host, key) => {
      expect(errorsOf(change('registry', { host }))['registry.host']?.key).toBe(key);
    });

    it('wants both credentials or neither, and no colon in the user name', () => {
      expect(errorsOf(change('registry', { username: 'admin' }))['registry.password']?.key).toBe(
        'config.credentials.bothOrNeither',
      );
      expect(errorsOf(change('registry', { username: 'a:b', password: 'p' }))['registry.username']?.key).toBe(
        'config.registry.username.colon',
      );
    });

    it('keeps plain HTTP and TLS options apart', () => {
      const errors = errorsOf(change('registry', { plainHttp: true, insecureSkipVerify: true }));
      expect(errors['registry.insecureSkipVerify']?.key).toBe(
        'config.registry.insecureSkipVerify.withPlainHttp',
      );
    });

    it('reports a broken CA bundle with its position', () => {
      const errors = errorsOf(change('registry', { caBundle: 'hello\n' }));
      expect(errors['registry.caBundle']).toEqual({
        key: 'config.certificates.strayText',
        params: { block: 1, line: 1, label: '' },
      });
    });
  });

  describe('images', () => {
    it('accepts empty overrides and full repositories, rejects tags in repositories', () => {
      const images = {
        ...PROCEDURE_EXAMPLE.images,
        redis: {
          repository: 'registry.example.com:5000/mirror/bitnamilegacy/redis',
          tag: '7.2.4-debian-12-r9',
        },
      };
      expect(errorsOf({ ...PROCEDURE_EXAMPLE, images })).toEqual({});
      const bad = { ...images, prometheus: { repository: 'quay.io/prometheus/prometheus:v2', tag: 'v 2' } };
      const errors = errorsOf({ ...PROCEDURE_EXAMPLE, images: bad });
      expect(errors['images.prometheus.repository']?.key).toBe('config.images.repository.invalid');
      expect(errors['images.prometheus.tag']?.key).toBe('config.images.tag.invalid');
    });
  });

  describe('charts', () => {
    it('accepts every version from 0.18.0 on and names the range when a version is older', () => {
      const version = (value: string) =>
        errorsOf({
          ...PROCEDURE_EXAMPLE,
          charts: {
            ...PROCEDURE_EXAMPLE.charts,
            platform: { ...PROCEDURE_EXAMPLE.charts.platform, version: value },
          },
        })['charts.platform.version'];
      expect(version('0.18.3')).toBeUndefined();
      expect(version('0.43.8')).toBeUndefined();
      expect(version('0.44.0')).toBeUndefined();
      expect(version('0.30.1')).toBeUndefined();
      expect(version('0.17.2')).toEqual({
        key: 'config.charts.platformVersion.unsupported',
        params: { supported: '>= 0.18.0' },
      });
      expect(version('latest')?.key).toBe('config.charts.version.invalid');
    });

    it('checks each kind of source', () => {
      const charts = (source: InstallConfig['charts']['operator']['source']) => ({
        ...PROCEDURE_EXAMPLE,
        charts: { ...PROCEDURE_EXAMPLE.charts, operator: { source, version: '1.4.8' } },
      });
      expect(
        errorsOf(charts({ ...emptyChartSource('oci'), url: 'oci://127.0.0.1:25001/mirror/charts' } as never)),
      ).toEqual({});
      expect(
        errorsOf(charts({ ...emptyChartSource('oci'), url: 'https://x/charts' } as never))[
          'charts.operator.source.url'
        ]?.key,
      ).toBe('config.charts.ociUrl.invalid');
      expect(errorsOf(charts({ kind: 'local', path: './operator-1.4.8.tgz' }))).toEqual({});
      expect(
        errorsOf(charts({ kind: 'local', path: './operator' }))['charts.operator.source.path']?.key,
      ).toBe('config.charts.path.tgz');
      expect(errorsOf(charts({ kind: 'ftp' } as never))['charts.operator.source.kind']?.key).toBe(
        'config.invalidOption',
      );
    });
  });

  describe('platform', () => {
    it('names the first row of a duplicated extraEnv key', () => {
      const errors = errorsOf(
        change('platform', {
          extraEnv: [
            { key: 'A', value: '1' },
            { key: 'B', value: '2' },
            { key: 'A', value: '3' },
          ],
        }),
      );
      expect(errors).toEqual({
        'platform.extraEnv.2.key': { key: 'config.duplicateKey', params: { first: 1 } },
      });
    });

    it('takes a StorageClass name, empty or absent as the cluster default, and names the field otherwise', () => {
      expect(errorsOf(change('platform', { storageClass: 'fast-ssd.example.com' }))).toEqual({});
      expect(errorsOf(change('platform', { storageClass: '' }))).toEqual({});
      expect(PROCEDURE_EXAMPLE.platform.storageClass).toBeUndefined();
      for (const bad of ['Fast', 'fast_ssd', '-fast', 'fast.', 'a'.repeat(254), 'fast ssd'])
        expect(errorsOf(change('platform', { storageClass: bad }))).toEqual({
          'platform.storageClass': { key: 'config.platform.storageClass.invalid', params: { maximum: 253 } },
        });
      for (const catalogue of Object.values(CATALOGUES))
        expect(catalogue['config.platform.storageClass.invalid']).toContain('StorageClass');
    });

    it('wants a URL with a scheme as host', () => {
      expect(errorsOf(change('platform', { host: 'wandb.example.com' }))['platform.host']?.key).toBe(
        'config.platform.host.invalid',
      );
    });
  });

  describe('bucket and mysql', () => {
    it('switches the fields with the provider', () => {
      expect(
        errorsOf({ ...PROCEDURE_EXAMPLE, bucket: { ...emptyBucket('gcs'), name: 'wandb-bucket' } }),
      ).toEqual({});
      expect(
        errorsOf({
          ...PROCEDURE_EXAMPLE,
          bucket: { ...emptyBucket('azure'), name: 'account', path: 'container' },
        }),
      ).toEqual({});
      expect(
        errorsOf({ ...PROCEDURE_EXAMPLE, bucket: { ...PROCEDURE_EXAMPLE.bucket, secretKey: '' } })[
          'bucket.secretKey'
        ]?.key,
      ).toBe('config.bucket.keys.required');
    });

    it('needs no host for the in-cluster database and checks ports of an external one', () => {
      expect(errorsOf({ ...PROCEDURE_EXAMPLE, mysql: emptyMysql('in-cluster') })).toEqual({});
      const errors = errorsOf({
        ...PROCEDURE_EXAMPLE,
        mysql: { ...PROCEDURE_EXAMPLE.mysql, port: 0, host: 'db:3306' },
      });
      expect(errors['mysql.port']).toEqual({ key: 'config.port.invalid', params: { minimum: 1 } });
      expect(errors['mysql.host']?.key).toBe('config.mysql.host.invalid');
    });
  });

  describe('ingress', () => {
    it('wants a secret name when TLS is on, and a certificate and key together', () => {
      const errors = errorsOf(
        change('ingress', { tls: { enabled: true, secretName: '', certificate: 'x', privateKey: '' } }),
      );
      expect(errors['ingress.tls.secretName']?.key).toBe('config.required');
      expect(errors['ingress.tls.privateKey']?.key).toBe('config.credentials.bothOrNeither');
    });

    it('rejects annotation keys Kubernetes would refuse', () => {
      const errors = errorsOf(change('ingress', { annotations: [{ key: 'bad key', value: '1' }] }));
      expect(errors['ingress.annotations.0.key']?.key).toBe('config.ingress.annotation.key.invalid');
    });
  });

  it('maps zod type errors to generic keys, never to English text', () => {
    const errors = errorsOf({
      ...PROCEDURE_EXAMPLE,
      target: 'wandb',
      registry: { ...PROCEDURE_EXAMPLE.registry, plainHttp: 'yes' },
    });
    expect(errors.target?.key).toBe('config.invalidType');
    expect(errors['registry.plainHttp']?.key).toBe('config.invalidType');
    expect(errorsOf({ ...PROCEDURE_EXAMPLE, secrets: undefined }).secrets?.key).toBe('config.required');
  });

  it('filters errors by section for badges', () => {
    const errors = errorsOf(defaultInstallConfig);
    expect(Object.keys(errorsUnder(errors, ['mysql'])).sort()).toEqual(['mysql.host', 'mysql.password']);
  });
});

describe('withDefaults', () => {
  it('lays a partial draft over the defaults, switching discriminated sections wholesale', () => {
    const merged = withDefaults({
      registry: { host: 'r.example.com' },
      bucket: { provider: 'gcs', name: 'b' },
    }) as InstallConfig;
    expect(merged.registry.host).toBe('r.example.com');
    expect(merged.registry.pullSecretName).toBe('wandb-registry-pull');
    expect(merged.bucket).toEqual({ provider: 'gcs', name: 'b' });
    expect(merged.target).toEqual(defaultInstallConfig.target);
  });
});

/** Placeholders a message text uses. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('every schema error', () => {
  const leaf = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '',
      ' ',
      'a:b',
      'Wandb',
      'https://x',
      '-----BEGIN CERTIFICATE-----\nabc\n',
      '0.30.0',
      'oci://',
    ),
    fc.integer({ min: -5, max: 70_000 }),
    fc.boolean(),
    fc.constant(null),
  );
  /** Random damage to a valid configuration: replace values at random paths. */
  const damaged = fc
    .array(fc.tuple(fc.nat(), fc.nat(), leaf), { minLength: 1, maxLength: 6 })
    .map((edits) => {
      const config = structuredClone(PROCEDURE_EXAMPLE) as unknown as Record<string, Record<string, unknown>>;
      for (const [a, b, value] of edits) {
        const sections = Object.keys(config);
        const section = config[sections[a % sections.length] ?? 'target'] ?? {};
        const fields = Object.keys(section);
        if (fields.length > 0) section[fields[b % fields.length] ?? ''] = value;
      }
      return config;
    });

  it('carries a key that exists in English and Japanese, with every parameter its texts need', () => {
    fc.assert(
      fc.property(damaged, (input) => {
        for (const message of Object.values(errorsOf(input))) {
          const en = CATALOGUES.en[message.key];
          const ja = CATALOGUES.ja[message.key];
          expect(en, message.key).toBeTypeOf('string');
          expect(ja, message.key).toBeTypeOf('string');
          for (const name of [...placeholders(en), ...placeholders(ja)]) {
            expect(message.params, `${message.key} needs {${name}}`).toHaveProperty(name);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
