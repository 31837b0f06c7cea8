import { readFileSync } from 'node:fs';

import { defaultInstallConfig, type InstallConfig } from '@/lib/config';

/** The controller the test environment runs (scripts/test-env.d/80-operator builds the vendor's v1.22.0). */
export const TEST_ENV_CONTROLLER_TAG = '1.22.0';

/**
 * A configuration that points every section at the components of `scripts/test-env` (read from
 * the variables `scripts/test-env env` exports), for the integration tests and the benchmark.
 * `charts: 'vendor'` takes the vendor's real charts (the `/vendor` repository, needs
 * CHARTS_VENDOR=1) and the controller tag of the operator the environment runs; `'fixtures'` the
 * project's fixture charts. Throws, naming the variable, when the environment is not loaded.
 */
export function testEnvConfig(
  version = '0.18.0',
  options: { charts?: 'vendor' | 'fixtures' } = {},
): InstallConfig {
  const vendor = options.charts === 'vendor';
  const need = (name: string): string => {
    const value = process.env[name];
    if (!value)
      throw new Error(`${name} is not set: run \`eval "$(scripts/test-env env)"\` after scripts/test-env up`);
    return value;
  };
  const ca = readFileSync(need('TEST_CA_FILE'), 'utf8');
  const chartSource = {
    kind: 'repo' as const,
    url: need(vendor ? 'CHARTS_VENDOR_HTTPS_URL' : 'CHARTS_HTTPS_URL'),
    repoName: 'wizard-int',
    username: need('CHARTS_USER'),
    password: need('CHARTS_PASSWORD'),
    caBundle: ca,
    insecureSkipVerify: false,
  };
  return {
    ...defaultInstallConfig,
    // The procedure's names (the defaults), through the server's kubeconfig.
    target: defaultInstallConfig.target,
    registry: {
      ...defaultInstallConfig.registry,
      host: `${need('REGISTRY_AUTH')}/${need('REGISTRY_PREFIX')}`,
      username: need('REGISTRY_USER'),
      password: need('REGISTRY_PASSWORD'),
      caBundle: ca,
    },
    ...(vendor
      ? {
          images: {
            ...defaultInstallConfig.images,
            controller: { repository: '', tag: TEST_ENV_CONTROLLER_TAG },
          },
        }
      : {}),
    charts: { operator: { source: chartSource, version: '' }, platform: { source: chartSource, version } },
    platform: { host: 'https://localhost', license: 'test-license-not-a-secret', extraEnv: [] },
    bucket: {
      provider: 's3',
      name: need('S3_ENDPOINT').replace(/^https?:\/\//, ''),
      path: need('S3_BUCKET'),
      region: need('S3_REGION'),
      credentials: 'keys',
      accessKey: need('S3_ACCESS_KEY'),
      secretKey: need('S3_SECRET_KEY'),
      kmsKey: '',
      plainHttp: need('S3_ENDPOINT').startsWith('http://'),
    },
    mysql: {
      mode: 'external',
      host: need('MYSQL_HOST'),
      port: Number(need('MYSQL_PORT')),
      database: need('MYSQL_DATABASE'),
      user: need('MYSQL_USER'),
      password: need('MYSQL_PASSWORD'),
    },
    ingress: { ...defaultInstallConfig.ingress, class: '' },
  };
}
