import { defaultInstallConfig, emptyChartSource, type InstallConfig } from '../../lib/config';

import type { TestCertificates } from './certs';

/**
 * What the walk types into the wizard, as the configuration it must produce. The downloads are
 * compared with the generators' output for exactly this configuration.
 */
export function walkConfig(certs: TestCertificates): InstallConfig {
  return {
    ...defaultInstallConfig,
    registry: {
      ...defaultInstallConfig.registry,
      host: '127.0.0.1:25001/mirror',
      username: 'puller',
      password: 'reg-Pa55:w0rd! "quoted"',
      caBundle: certs.ca,
    },
    charts: {
      operator: {
        source: {
          ...(emptyChartSource('repo') as Extract<
            InstallConfig['charts']['operator']['source'],
            { kind: 'repo' }
          >),
          url: 'https://127.0.0.1:28443',
          username: 'charts',
          password: 'chart-Pa55#1',
          caBundle: certs.ca,
        },
        version: '',
      },
      platform: {
        source: {
          ...(emptyChartSource('oci') as Extract<
            InstallConfig['charts']['platform']['source'],
            { kind: 'oci' }
          >),
          url: 'oci://127.0.0.1:25001/mirror/charts',
        },
        version: '0.18.0',
      },
    },
    platform: {
      host: 'https://wandb.example.internal',
      license: 'lic-e2e-0123456789abcdef',
      extraEnv: [{ key: 'ENABLE_REGISTRY_UI', value: 'true' }],
    },
    bucket: {
      provider: 's3',
      name: '127.0.0.1:29000',
      path: 'wandb',
      region: 'us-east-1',
      credentials: 'keys',
      accessKey: 'AKIAE2EEXAMPLE',
      secretKey: 'sEcReT/key+e2e',
      kmsKey: '',
      plainHttp: true,
    },
    mysql: {
      mode: 'external',
      host: 'mysql.example.internal',
      port: 3306,
      database: 'wandb',
      user: 'wandb',
      password: 'my-Pa55 word',
    },
    ingress: {
      class: 'nginx',
      annotations: [{ key: 'nginx.ingress.kubernetes.io/proxy-body-size', value: '64m' }],
      tls: { enabled: true, secretName: 'wandb-tls', certificate: certs.tlsCert, privateKey: certs.tlsKey },
    },
    certificates: { bundle: certs.ca + certs.expiredCa },
  };
}

/** Every secret of the walk: none may appear on the review page or in a download without secrets. */
export function walkSecrets(config: InstallConfig): string[] {
  const source = config.charts.operator.source;
  return [
    config.registry.password,
    source.kind === 'repo' ? source.password : '',
    config.platform.license,
    config.bucket.provider === 's3' ? config.bucket.accessKey : '',
    config.bucket.provider === 's3' ? config.bucket.secretKey : '',
    config.mysql.password,
    config.ingress.tls.privateKey.split('\n')[1] ?? '',
  ].filter((s) => s !== '');
}
