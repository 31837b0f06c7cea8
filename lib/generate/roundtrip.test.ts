import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

import { chartBucketPath, PROCEDURE_EXAMPLE, type InstallConfig } from '@/lib/config';

import { generateArtifacts } from './index';
import { at } from './test-support';
import { dump, parseYaml, parseYamlDocuments } from './yaml';

/**
 * Quoting is safe for every value a user can type: generate, parse the YAML again, and find
 * exactly the strings entered — with both the YAML 1.2 default schema (js-yaml) and the core
 * schema the importer uses. Thousands of cases, biased towards the characters YAML treats
 * specially.
 */

const SPECIAL = [
  '... x',
  '--- x',
  '...\tx',
  '"quoted',
  "'single",
  '*alias',
  '&anchor',
  '!tag',
  '!!str x',
  '%directive',
  '@at',
  '`tick',
  '|',
  '>',
  '|-',
  '>+',
  'key: value',
  'a:b',
  'a #b',
  '#comment',
  '- item',
  '-',
  '? q',
  '?',
  ':',
  '[a, b]',
  '{a: b}',
  ',',
  '---',
  '...',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Y',
  'N',
  'true',
  'False',
  'TRUE',
  'null',
  'Null',
  '~',
  '',
  ' ',
  '  ',
  '0',
  '00',
  '012',
  '0o17',
  '0x1F',
  '0b101',
  '1e3',
  '1E-3',
  '1_000',
  '0_7',
  '+1',
  '-1',
  '1.',
  '.5',
  '6.8523015e+5',
  '.inf',
  '-.Inf',
  '.NaN',
  '190:20:30',
  '12:30',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '2002-12-14 21:59:43',
  '<<',
  '=',
  '__proto__',
  'constructor',
  'toString',
  '\t',
  '\ttab',
  'a\nb',
  '\n',
  '\n\n',
  'trail\n',
  ' lead',
  'trail ',
  'a\r\nb',
  '\r',
  '\u2028',
  '\u2029',
  '\u0085',
  '\ufeff',
  '\u0000',
  '\u001b[31m',
  'é日本語',
  '🙂',
  'line1\n  indented\n',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 10 }), fc.constantFrom(...SPECIAL))
      .map(([a, b, c]) => `${a}${b}${c}`),
  },
);

const entries = fc.uniqueArray(fc.record({ key: text, value: text }), {
  selector: (entry) => entry.key,
  maxLength: 4,
});

/** A configuration whose user-typed strings are all arbitrary (validation is bypassed on purpose). */
const configs = fc
  .record({
    host: text,
    license: text,
    extraEnv: entries,
    annotations: entries,
    ingressClass: text,
    tlsSecret: text,
    crName: text,
    crNamespace: text,
    bucketName: text,
    bucketPath: text,
    region: text,
    accessKey: text,
    secretKey: text,
    kmsKey: text,
    mysqlHost: text,
    database: text,
    user: text,
    password: text,
    chartUrl: text,
    chartUser: text,
    chartPassword: text,
    registryUser: text,
    registryPassword: text,
    repository: text,
    tag: text,
    version: fc.constantFrom('0.18.0', '0.43.8'),
    inline: fc.boolean(),
  })
  .map((v): InstallConfig => ({
    ...PROCEDURE_EXAMPLE,
    target: { ...PROCEDURE_EXAMPLE.target, crName: v.crName, crNamespace: v.crNamespace },
    registry: { ...PROCEDURE_EXAMPLE.registry, username: `u${v.registryUser}`, password: v.registryPassword },
    images: { ...PROCEDURE_EXAMPLE.images, console: { repository: v.repository, tag: v.tag } },
    charts: {
      ...PROCEDURE_EXAMPLE.charts,
      platform: {
        source: {
          ...PROCEDURE_EXAMPLE.charts.platform.source,
          kind: 'repo',
          url: v.chartUrl,
          username: `u${v.chartUser}`,
          password: v.chartPassword,
        } as InstallConfig['charts']['platform']['source'],
        version: v.version,
      },
    },
    platform: { host: v.host, license: v.license, extraEnv: v.extraEnv },
    bucket: {
      provider: 's3',
      name: v.bucketName,
      path: v.bucketPath,
      region: v.region,
      credentials: 'keys',
      accessKey: `k${v.accessKey}`,
      secretKey: `s${v.secretKey}`,
      kmsKey: v.kmsKey,
      plainHttp: false,
    },
    mysql: {
      mode: 'external',
      host: v.mysqlHost,
      port: 3306,
      database: v.database,
      user: v.user,
      password: `p${v.password}`,
    },
    ingress: {
      class: v.ingressClass,
      annotations: v.annotations,
      tls: { enabled: true, secretName: v.tlsSecret, certificate: '', privateKey: '' },
    },
    secrets: { ...PROCEDURE_EXAMPLE.secrets, delivery: v.inline ? 'inline' : 'secretRef' },
  }));

function loadBoth(text: string): unknown {
  const strict = yaml.load(text); // YAML 1.2 default schema, timestamps and all
  const core = parseYaml(text);
  expect(core.error).toBeNull();
  expect(core.value).toEqual(strict);
  return strict;
}

function expectValue(document: unknown, path: string[], expected: unknown, optional = false): void {
  const actual = at(document, path);
  if (optional && expected === '') {
    expect(actual === undefined || actual === '', path.join('.')).toBe(true);
    return;
  }
  expect(actual, path.join('.')).toStrictEqual(expected);
}

describe('YAML quoting (property)', () => {
  it('dump() then parse gives back any string, as value and as key', () => {
    fc.assert(
      fc.property(text, text, (key, value) => {
        const document = { [key]: value, list: [value], nested: { value } };
        expect(loadBoth(dump(document))).toStrictEqual(document);
      }),
      { numRuns: 5000 },
    );
  });

  it('wandb.yaml, values.yaml and secrets.yaml give back exactly the values entered', () => {
    fc.assert(
      fc.property(configs, (config) => {
        const artifacts = generateArtifacts(config, { includeSecrets: true });
        const cr = loadBoth(artifacts['wandb.yaml']);
        const values = ['spec', 'values'];
        const g = [...values, 'global'];

        expectValue(cr, ['metadata', 'name'], config.target.crName);
        expectValue(cr, ['metadata', 'namespace'], config.target.crNamespace);
        expectValue(cr, ['metadata', 'labels', 'app.kubernetes.io/instance'], config.target.crName);
        expectValue(cr, ['spec', 'chart', 'url'], (config.charts.platform.source as { url: string }).url);
        expectValue(
          cr,
          ['spec', 'chart', 'username'],
          (config.charts.platform.source as { username: string }).username,
        );
        expectValue(
          cr,
          ['spec', 'chart', 'password'],
          (config.charts.platform.source as { password: string }).password,
        );
        expectValue(cr, [...g, 'host'], config.platform.host);
        expectValue(cr, [...g, 'bucket', 'name'], config.bucket.name);
        if (config.bucket.provider === 's3') {
          expectValue(cr, [...g, 'bucket', 'path'], chartBucketPath(config.bucket), true);
          expectValue(cr, [...g, 'bucket', 'region'], config.bucket.region, true);
          expectValue(cr, [...g, 'bucket', 'kmsKey'], config.bucket.kmsKey, true);
        }
        if (config.mysql.mode === 'external') expectValue(cr, [...g, 'mysql', 'host'], config.mysql.host);
        expectValue(cr, [...g, 'mysql', 'database'], config.mysql.database);
        expectValue(cr, [...g, 'mysql', 'user'], config.mysql.user);
        expect(at(cr, [...g, 'extraEnv']) ?? {}).toStrictEqual(
          Object.fromEntries(config.platform.extraEnv.map((entry) => [entry.key, entry.value])),
        );
        expect(at(cr, [...values, 'ingress', 'annotations']) ?? {}).toStrictEqual(
          Object.fromEntries(config.ingress.annotations.map((entry) => [entry.key, entry.value])),
        );
        expectValue(cr, [...values, 'ingress', 'class'], config.ingress.class, true);
        expectValue(cr, [...values, 'ingress', 'tls', '0', 'secretName'], config.ingress.tls.secretName);
        expectValue(
          cr,
          [...values, 'console', 'image', 'repository'],
          config.images.console.repository || 'registry.yourdomain.com/wandb/console',
          false,
        );
        expectValue(cr, [...values, 'console', 'image', 'tag'], config.images.console.tag || '2.13.1');

        // Secrets: inline in the CR, or in the Secret manifests when referenced (0.43 only).
        const documents = parseYamlDocuments(artifacts['secrets.yaml']);
        expect(documents.error).toBeNull();
        const stringData = (name: string) =>
          (documents.value ?? []).find(
            (doc) =>
              at(doc, ['metadata', 'name']) === name &&
              at(doc, ['metadata', 'namespace']) === config.target.crNamespace,
          );
        const byRef = config.secrets.delivery === 'secretRef' && config.charts.platform.version === '0.43.8';
        if (byRef) {
          expectValue(
            stringData(config.secrets.licenseSecretName),
            ['stringData', 'license'],
            config.platform.license,
          );
          expectValue(
            stringData(config.secrets.mysqlSecretName),
            ['stringData', 'MYSQL_PASSWORD'],
            config.mysql.password,
          );
          if (config.bucket.provider === 's3') {
            expectValue(
              stringData(config.secrets.bucketSecretName),
              ['stringData', 'ACCESS_KEY'],
              config.bucket.accessKey,
            );
            expectValue(
              stringData(config.secrets.bucketSecretName),
              ['stringData', 'SECRET_KEY'],
              config.bucket.secretKey,
            );
          }
        } else {
          expectValue(cr, [...g, 'license'], config.platform.license);
          expectValue(cr, [...g, 'mysql', 'password'], config.mysql.password);
          if (config.bucket.provider === 's3') {
            expectValue(cr, [...g, 'bucket', 'accessKey'], config.bucket.accessKey);
            expectValue(cr, [...g, 'bucket', 'secretKey'], config.bucket.secretKey);
          }
        }
        const pull = stringData(config.registry.pullSecretName);
        const docker = JSON.parse(String(at(pull, ['stringData', '.dockerconfigjson']))) as {
          auths: Record<string, { username: string; password: string; auth: string }>;
        };
        const entry = docker.auths['registry.yourdomain.com'];
        expect(entry?.username).toBe(config.registry.username);
        expect(entry?.password).toBe(config.registry.password);
        expect(Buffer.from(entry?.auth ?? '', 'base64').toString('utf8')).toBe(
          `${config.registry.username}:${config.registry.password}`,
        );

        const operator = loadBoth(artifacts['values.yaml']);
        expectValue(operator, ['image', 'pullSecrets', '0'], config.registry.pullSecretName);
        expectValue(operator, ['airgapped'], true);
      }),
      { numRuns: 2500 },
    );
    // 2,500 whole generations: CPU-bound, so a busy machine needs more than the default 30 s.
  }, 180_000);

  it('quotes keys that would end the document (a js-yaml gap the property found)', () => {
    const document = { '... "quoted': '"quoted"quoted', '--- x': 1, '...': 2 };
    expect(loadBoth(dump(document))).toStrictEqual(document);
  });

  it('quotes strings that YAML 1.1 parsers (Helm, kubectl) would read as numbers or booleans', () => {
    const text = dump({ a: '1_000', b: 'yes', c: '0o17', d: '12:30', e: 'on', f: '+1_0', g: 'wandb' });
    expect(text).toBe('a: "1_000"\nb: "yes"\nc: "0o17"\nd: "12:30"\ne: "on"\nf: "+1_0"\ng: wandb\n');
  });
});
