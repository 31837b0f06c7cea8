import { describe, expect, it } from 'vitest';

import { installConfigSchema, PROCEDURE_EXAMPLE } from '@/lib/config';

import { generateArtifacts } from './index';
import { at, config043, expectGolden, leaves, readTestdata } from './test-support';
import { parseYaml } from './yaml';

/** The image keys the procedure's wandb.yaml forgot (chart 0.18.0), under spec.values. */
const FORGOTTEN_IMAGE_KEYS = [
  'weave.image',
  'parquet.image',
  'otel.daemonset.image',
  'prometheus.instance.server.image',
  'prometheus.instance.configmapReload.prometheus.image',
  'redis.image',
];

function parsed(text: string): unknown {
  const result = parseYaml(text);
  expect(result.error).toBeNull();
  return result.value;
}

/** Keys of every mapping, in order, by path. */
function keyOrders(
  value: unknown,
  path: string[] = [],
  out = new Map<string, string[]>(),
): Map<string, string[]> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    out.set(path.join('.'), Object.keys(value));
    for (const [key, child] of Object.entries(value)) keyOrders(child, [...path, key], out);
  }
  return out;
}

function expectContainsInOrder(generated: unknown, procedure: unknown): void {
  for (const [path, value] of leaves(procedure)) {
    expect(at(generated, path), path.join('.')).toEqual(value);
  }
  const generatedOrders = keyOrders(generated);
  for (const [path, keys] of keyOrders(procedure)) {
    const order = (generatedOrders.get(path) ?? []).filter((key) => keys.includes(key));
    expect(order, `key order under "${path}"`).toEqual(keys);
  }
}

describe('the procedure example (golden)', () => {
  const artifacts = generateArtifacts(PROCEDURE_EXAMPLE, { includeSecrets: true });

  it('is a valid configuration', () => {
    expect(installConfigSchema.safeParse(PROCEDURE_EXAMPLE).success).toBe(true);
  });

  it("values.yaml holds exactly the procedure's keys and values, in its order", () => {
    const procedure = parsed(readTestdata('procedure-source/values.yaml'));
    const generated = parsed(artifacts['values.yaml']);
    expectContainsInOrder(generated, procedure);
    expect(leaves(generated).map(([path]) => path.join('.'))).toEqual(
      leaves(procedure).map(([path]) => path.join('.')),
    );
  });

  it('wandb.yaml holds every key and value of the procedure, in its order, plus only the forgotten image keys', () => {
    // The one value that differs: the procedure's placeholder port, replaced by its comment's example.
    const procedure = parsed(
      readTestdata('procedure-source/wandb.yaml').replace('s3.yourdomain.com:port', 's3.yourdomain.com:9000'),
    );
    const generated = parsed(artifacts['wandb.yaml']);
    expectContainsInOrder(generated, procedure);

    const procedurePaths = new Set(leaves(procedure).map(([path]) => path.join('.')));
    const added = leaves(generated)
      .map(([path]) => path.join('.'))
      .filter((path) => !procedurePaths.has(path));
    const allowed = FORGOTTEN_IMAGE_KEYS.map((key) => `spec.values.${key}.`);
    for (const path of added) {
      expect(
        allowed.some((prefix) => path.startsWith(prefix)),
        `unexpected key ${path}`,
      ).toBe(true);
    }
    // …and every forgotten image is set, onto the internal registry.
    for (const key of FORGOTTEN_IMAGE_KEYS) {
      const image = at(generated, ['spec', 'values', ...key.split('.')]) as Record<string, string>;
      expect(image, key).toBeDefined();
      const reference = image.registry ? `${image.registry}/${image.repository}` : image.repository;
      expect(reference?.startsWith('registry.yourdomain.com/'), key).toBe(true);
      expect(image.tag, key).toBeTruthy();
    }
    // weave and parquet run wandb/local with the app's tag.
    expect(at(generated, ['spec', 'values', 'weave', 'image'])).toEqual(
      at(generated, ['spec', 'values', 'app', 'image']),
    );
    expect(at(generated, ['spec', 'values', 'parquet', 'image'])).toEqual(
      at(generated, ['spec', 'values', 'app', 'image']),
    );
  });

  it('pins the full output', () => {
    for (const name of [
      'values.yaml',
      'wandb.yaml',
      'secrets.yaml',
      'RUNBOOK.md',
      'images.txt',
      'mirror-images.sh',
    ] as const) {
      expectGolden(`procedure/${name}`, artifacts[name]);
    }
    expectGolden(
      'procedure/RUNBOOK.ja.md',
      generateArtifacts(PROCEDURE_EXAMPLE, { includeSecrets: true, locale: 'ja' })['RUNBOOK.md'],
    );
  });
});

describe('a full 0.43 install (golden)', () => {
  const certs = {
    ca: readTestdata('certs/ca.crt'),
    ca2: readTestdata('certs/ca2.crt'),
    leaf: readTestdata('certs/leaf.crt'),
    leafKey:
      '-----BEGIN PRIVATE KEY-----\nTUlHSEFnRUFNQk1HQnlxR1NNNDlBZ0VHQ0NxR1NNNDlBd0VIQkcwd2F3SUJBUVFn\n-----END PRIVATE KEY-----\n',
  };
  const config = config043(certs);
  const artifacts = generateArtifacts(config, { includeSecrets: false });

  it('is a valid configuration', () => {
    const result = installConfigSchema.safeParse(config);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('pins the full output without any secret', () => {
    for (const [name, text] of Object.entries(artifacts)) {
      expectGolden(`chart-0.43/${name}`, text);
      for (const secret of [
        'registry-pa$$word',
        'chart-secret',
        'license-jwt-value',
        's3-secret-key',
        'AKIAEXAMPLE',
        'mysql-secret',
        'TUlHSEFn',
      ]) {
        expect(text, `${name} leaks a secret`).not.toContain(secret);
      }
    }
  });
});
