import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  emptyBucket,
  installConfigSchema,
  PROCEDURE_EXAMPLE,
  resolveConfigImages,
  withDefaults,
  type InstallConfig,
} from '@/lib/config';

import { importInstallConfig } from './import';
import { generateArtifacts } from './index';
import { readTestdata } from './test-support';

function roundTrip(config: InstallConfig): InstallConfig {
  const artifacts = generateArtifacts(config, { includeSecrets: true });
  const result = importInstallConfig({
    wandbYaml: artifacts['wandb.yaml'],
    valuesYaml: artifacts['values.yaml'],
  });
  expect(result.documents.wandbYaml?.error).toBeNull();
  expect(result.documents.valuesYaml?.error).toBeNull();
  expect(result.unknownKeys).toEqual([]);
  return withDefaults(result.config) as InstallConfig;
}

/** The fields the importer covers, in a comparable form (secret values kept in Secrets are not in the CR). */
function covered(config: InstallConfig) {
  const platformSource = config.charts.platform.source;
  const byRef = config.secrets.delivery === 'secretRef' && config.charts.platform.version.startsWith('0.43.');
  const bucket =
    byRef && config.bucket.provider !== 'gcs'
      ? { ...config.bucket, accessKey: '', ...(config.bucket.provider === 's3' ? { secretKey: '' } : {}) }
      : config.bucket;
  const mysql = byRef && config.mysql.mode === 'external' ? { ...config.mysql, password: '' } : config.mysql;
  return {
    crName: config.target.crName,
    crNamespace: config.target.crNamespace,
    platformChart:
      platformSource.kind === 'local'
        ? { kind: 'local' }
        : platformSource.kind === 'repo'
          ? {
              kind: 'repo',
              url: platformSource.url,
              username: platformSource.username,
              password: platformSource.password,
            }
          : {
              kind: 'oci',
              url: platformSource.url,
              username: platformSource.username,
              password: platformSource.password,
              plainHttp: platformSource.plainHttp,
            },
    // A local chart is referenced by path only: its version is inside the archive, not in wandb.yaml.
    version: platformSource.kind === 'local' ? null : config.charts.platform.version,
    platform: { ...config.platform, license: byRef ? '' : config.platform.license },
    bucket,
    mysql,
    ingress: {
      class: config.ingress.class,
      annotations: config.ingress.annotations,
      tls: config.ingress.tls.enabled ? config.ingress.tls.secretName : null,
    },
    images: resolveConfigImages(config)
      .filter((image) => image.needed)
      .map((image) => image.targetRef),
  };
}

describe('importInstallConfig', () => {
  it("reads the procedure's own files into its example", () => {
    const result = importInstallConfig({
      wandbYaml: readTestdata('procedure-source/wandb.yaml'),
      valuesYaml: readTestdata('procedure-source/values.yaml'),
    });
    expect(result.unknownKeys).toEqual([]);
    const config = withDefaults(result.config) as InstallConfig;
    expect(config.platform).toEqual(PROCEDURE_EXAMPLE.platform);
    // The procedure's bucket name is its placeholder `s3.yourdomain.com:port`: imported as written,
    // it is refused with a message naming the field; the example uses its comment's port, 9000.
    expect(config.bucket).toEqual({ ...PROCEDURE_EXAMPLE.bucket, name: 's3.yourdomain.com:port' });
    const bucketIssues = installConfigSchema
      .safeParse(config)
      .error?.issues.filter((i) => i.path[0] === 'bucket')
      .map((i) => [i.path.join('.'), i.message]);
    expect(bucketIssues).toEqual([['bucket.name', 'config.bucket.name.port']]);
    expect(config.mysql).toEqual(PROCEDURE_EXAMPLE.mysql);
    expect(config.ingress.annotations).toEqual(PROCEDURE_EXAMPLE.ingress.annotations);
    expect(config.images.controller).toEqual({
      repository: 'registry.yourdomain.com/library/controller',
      tag: '1.13.3',
    });
    expect(config.images.local).toEqual({ repository: 'registry.yourdomain.com/local', tag: '0.59.2' });
    expect(config.charts.platform).toMatchObject({
      version: '0.18.0',
      source: { kind: 'repo', url: 'http://charts.yourdomain.com' },
    });
    expect(config.secrets.delivery).toBe('inline');
  });

  it('reports what it does not understand, and what it cannot represent', () => {
    const wandbYaml = `${readTestdata('procedure-source/wandb.yaml')}    weave:\n      image:\n        repository: elsewhere.example.com/local\n        tag: 0.59.2\n    nginx:\n      install: true\n`;
    const result = importInstallConfig({
      wandbYaml,
      valuesYaml: 'image:\n  tag: 1.2.3\nresources:\n  limits: {}\n',
    });
    expect(result.unknownKeys).toEqual([
      'wandb.yaml:spec.values.weave.image',
      'wandb.yaml:spec.values.nginx.install',
      'values.yaml:resources.limits',
    ]);
  });

  it('returns an error per document instead of throwing, without echoing the content', () => {
    const result = importInstallConfig({
      wandbYaml: 'a: [unclosed\n  license: s3cr3t-value\n',
      valuesYaml: '- a list\n',
    });
    expect(result.documents.wandbYaml?.error?.key).toBe('generate.import.syntax');
    expect(result.documents.wandbYaml?.error?.params.line).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toContain('s3cr3t-value');
    expect(result.documents.valuesYaml?.error?.key).toBe('generate.import.notMapping');
    const wrong = importInstallConfig({ wandbYaml: 'kind: Deployment\nmetadata:\n  name: x\n' });
    expect(wrong.documents.wandbYaml?.error).toEqual({
      key: 'generate.import.wrongKind',
      params: { kind: 'Deployment' },
    });
    expect(wrong.config).toEqual({});
  });

  it('is the inverse of generation on the fields it covers (property)', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    // GCS buckets and Azure containers: at least 3 characters, no doubled hyphen.
    const bucketName = fc.stringMatching(/^[a-z][a-z0-9]{1,10}[a-z0-9]$/);
    const free = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('yes', '0.62.2', '1_000', 'a: b', '"q"'),
    );
    const arbitraryConfig = fc
      .record({
        crName: word,
        crNamespace: word,
        version: fc.constantFrom('0.18.0', '0.18.3', '0.43.8'),
        registry: fc.constantFrom(
          'registry.example.com',
          'registry.example.com:5000/mirror',
          '127.0.0.1:25001/a/b',
        ),
        localTag: fc.option(fc.stringMatching(/^[0-9]\.[0-9]{1,2}\.[0-9]$/), { nil: '' }),
        consoleRepo: fc.option(
          fc.constantFrom('other.example.com/console', 'registry.example.com/flat/console'),
          { nil: '' },
        ),
        extraEnv: fc.uniqueArray(
          fc.record({ key: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), value: free }),
          { selector: (entry) => entry.key, maxLength: 3 },
        ),
        annotations: fc.uniqueArray(
          fc.record({ key: fc.stringMatching(/^[a-z]{1,5}\.io\/[a-z][a-z-]{0,7}[a-z]$/), value: free }),
          { selector: (entry) => entry.key, maxLength: 3 },
        ),
        license: free.filter((value) => value !== ''),
        bucket: fc.oneof(
          fc.record({
            provider: fc.constant('s3' as const),
            name: word,
            path: word,
            region: fc.constantFrom('', 'us-east-1'),
            accessKey: word,
            secretKey: word,
            kmsKey: fc.constantFrom('', 'arn:aws:kms:x'),
            plainHttp: fc.constant(false),
          }),
          fc.record({
            provider: fc.constant('gcs' as const),
            name: bucketName,
            path: fc.constantFrom('', 'p'),
          }),
          fc.record({
            provider: fc.constant('azure' as const),
            name: fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/),
            path: bucketName,
            accessKey: fc.constantFrom('', 'key=='),
          }),
        ),
        mysql: fc.oneof(
          fc.record({
            mode: fc.constant('external' as const),
            host: word,
            port: fc.integer({ min: 1, max: 65535 }),
            database: word,
            user: word,
            password: word,
          }),
          fc.record({
            mode: fc.constant('in-cluster' as const),
            database: word,
            user: word,
            password: fc.constantFrom('', 'pw'),
          }),
        ),
        delivery: fc.constantFrom('inline' as const, 'secretRef' as const),
        chart: fc.oneof(
          fc.record({
            kind: fc.constant('repo' as const),
            url: fc.constantFrom('https://charts.example.com', 'http://c:8080/x'),
            username: fc.constantFrom('', 'u'),
            password: fc.constant('pw'),
          }),
          fc.record({
            kind: fc.constant('oci' as const),
            url: fc.constantFrom('oci://r.example.com/charts'),
            username: fc.constant(''),
            password: fc.constant(''),
            plainHttp: fc.boolean(),
          }),
          fc.constant({ kind: 'local' as const }),
        ),
        tls: fc.option(word, { nil: null }),
        credentials: fc.boolean(),
        ingressClass: fc.constantFrom('', 'nginx', 'traefik'),
      })
      .map((v): InstallConfig => ({
        ...PROCEDURE_EXAMPLE,
        target: { ...PROCEDURE_EXAMPLE.target, crName: v.crName, crNamespace: v.crNamespace },
        registry: {
          ...PROCEDURE_EXAMPLE.registry,
          host: v.registry,
          username: v.credentials ? 'bot' : '',
          password: v.credentials ? 'pw' : '',
          pullSecretName: 'pull-secret',
        },
        images: {
          ...PROCEDURE_EXAMPLE.images,
          controller: { repository: '', tag: '' },
          local: { repository: '', tag: v.localTag },
          console: { repository: v.consoleRepo, tag: '' },
        },
        charts: {
          ...PROCEDURE_EXAMPLE.charts,
          platform: {
            version: v.version,
            source:
              v.chart.kind === 'repo'
                ? {
                    ...v.chart,
                    repoName: 'local-repo',
                    caBundle: '',
                    insecureSkipVerify: false,
                    password: v.chart.username === '' ? '' : v.chart.password,
                  }
                : v.chart.kind === 'oci'
                  ? { ...v.chart, caBundle: '', insecureSkipVerify: false }
                  : { kind: 'local', path: './operator-wandb.tgz' },
          },
        },
        platform: { host: 'https://wandb.example.com', license: v.license, extraEnv: v.extraEnv },
        bucket:
          v.bucket.provider === 's3'
            ? {
                ...v.bucket,
                credentials: v.bucket.accessKey === '' ? ('role' as const) : ('keys' as const),
                secretKey: v.bucket.accessKey === '' ? '' : v.bucket.secretKey,
              }
            : v.bucket,
        mysql: v.mysql,
        ingress: {
          class: v.ingressClass,
          annotations: v.annotations,
          tls: { enabled: v.tls !== null, secretName: v.tls ?? '', certificate: '', privateKey: '' },
        },
        secrets: { ...PROCEDURE_EXAMPLE.secrets, delivery: v.delivery },
      }));

    fc.assert(
      fc.property(arbitraryConfig, (config) => {
        expect(installConfigSchema.safeParse(config).success).toBe(true);
        const imported = roundTrip(config);
        const expected = covered(config);
        const actual = covered(imported);
        expect(actual).toEqual(expected);
        // Registry credentials live in secrets.yaml only; the pull secret's name is in both files.
        if (config.registry.username !== '')
          expect(imported.registry.pullSecretName).toBe(config.registry.pullSecretName);
      }),
      { numRuns: 600 },
    );
  });

  it('recognises the 0.43 shape without a version', () => {
    const config: InstallConfig = {
      ...PROCEDURE_EXAMPLE,
      charts: {
        ...PROCEDURE_EXAMPLE.charts,
        platform: { ...PROCEDURE_EXAMPLE.charts.platform, version: '0.43.8' },
      },
      bucket: emptyBucket('gcs'),
    };
    const text = generateArtifacts(
      { ...config, bucket: { provider: 'gcs', name: 'b', path: '' } },
      { includeSecrets: true },
    )['wandb.yaml'].replace(/    version: 0\.43\.8\n/, '');
    const result = importInstallConfig({ wandbYaml: text });
    expect(result.unknownKeys).toEqual([]);
    expect(result.config.images?.megabinary).toBeDefined();
  });
});
