import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { expect } from 'vitest';

import { defaultKubeconfig, PROCEDURE_EXAMPLE, type InstallConfig } from '@/lib/config';

/**
 * Test support only (imported by *.test.ts). Golden files live in lib/generate/testdata with a
 * `.golden` suffix, so that formatters leave their bytes alone; run
 * `UPDATE_GOLDEN=1 npx vitest run lib/generate` to rewrite them after an intended change.
 */

const TESTDATA = join(__dirname, 'testdata');

export function readTestdata(name: string): string {
  return readFileSync(join(TESTDATA, name), 'utf8');
}

/** Compares `actual` with the golden file `<name>.golden`; UPDATE_GOLDEN=1 rewrites it instead. */
export function expectGolden(name: string, actual: string): void {
  const path = join(TESTDATA, `${name}.golden`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`golden file missing: ${name}.golden (UPDATE_GOLDEN=1 to write it)`);
  expect(actual, `golden file ${name} (UPDATE_GOLDEN=1 to rewrite)`).toBe(readFileSync(path, 'utf8'));
}

/** A full 0.43 install as a consultant would enter it: mirror prefix, credentials, CAs, TLS, secrets by reference. */
export function config043(certs: { ca: string; ca2: string; leaf: string; leafKey: string }): InstallConfig {
  return {
    ...PROCEDURE_EXAMPLE,
    target: {
      operatorNamespace: 'wandb-system',
      crName: 'wandb',
      crNamespace: 'wandb',
      kubeContext: 'prod-cluster',
      kubeconfig: defaultKubeconfig,
    },
    registry: {
      host: 'registry.example.com:5000/mirror',
      username: 'mirror-bot',
      password: 'registry-pa$$word',
      caBundle: certs.ca,
      plainHttp: false,
      insecureSkipVerify: false,
      pullSecretName: 'wandb-registry-pull',
    },
    images: {
      ...PROCEDURE_EXAMPLE.images,
      controller: { repository: '', tag: '' },
      local: { repository: '', tag: '0.74.1' },
      console: { repository: '', tag: '' },
    },
    charts: {
      operator: {
        source: {
          kind: 'oci',
          url: 'oci://registry.example.com:5000/mirror/charts',
          username: 'chart-bot',
          password: 'chart-secret',
          caBundle: certs.ca,
          plainHttp: false,
          insecureSkipVerify: false,
        },
        version: '1.4.8',
      },
      platform: {
        source: {
          kind: 'repo',
          url: 'https://charts.example.com',
          repoName: 'internal',
          username: 'chart-bot',
          password: 'chart-secret',
          caBundle: certs.ca2,
          insecureSkipVerify: false,
        },
        version: '0.43.8',
      },
    },
    platform: {
      host: 'https://wandb.example.com',
      license: 'license-jwt-value',
      extraEnv: [
        { key: 'ENABLE_REGISTRY_UI', value: 'true' },
        { key: 'GORILLA_CUSTOMER_SECRET_STORE_SOURCE', value: 'k8s-secretmanager://wandb-secret' },
      ],
    },
    bucket: {
      provider: 's3',
      name: 's3.example.com:9000',
      path: 'wandb',
      region: 'us-east-1',
      credentials: 'keys',
      accessKey: 'AKIAEXAMPLE',
      secretKey: 's3-secret-key',
      kmsKey: '',
      plainHttp: true,
    },
    mysql: {
      mode: 'external',
      host: 'mysql.example.com',
      port: 3306,
      database: 'wandb',
      user: 'wandb',
      password: 'mysql-secret',
    },
    ingress: {
      class: 'nginx',
      annotations: [{ key: 'nginx.ingress.kubernetes.io/proxy-body-size', value: '0' }],
      tls: { enabled: true, secretName: 'wandb-tls', certificate: certs.leaf, privateKey: certs.leafKey },
    },
    certificates: { bundle: `${certs.ca}${certs.ca2}` },
    secrets: {
      delivery: 'secretRef',
      licenseSecretName: 'wandb-wizard-license',
      mysqlSecretName: 'wandb-wizard-mysql',
      bucketSecretName: 'wandb-wizard-bucket',
    },
  };
}

/** Every leaf of a parsed YAML document, as `[path, value]` (arrays are leaves). */
export function leaves(value: unknown, path: string[] = []): Array<[string[], unknown]> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
  }
  return [[path, value]];
}

export function at(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
