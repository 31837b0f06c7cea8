import type { InstallConfig } from './index';
import { defaultImages } from './images';
import { defaultMirror } from './mirror';
import { defaultKubeconfig } from './target';

/** The procedure's placeholder for the license and the bucket keys (35 × "x", as in the vendor's guide). */
const PLACEHOLDER = 'x'.repeat(35);

/**
 * The inputs of the vendor procedure's example (../shared/docs/procedure.md, seed 000_033f5c7ad4eb6221),
 * as an InstallConfig. Generating from it reproduces every key and value of the procedure's
 * values.yaml and wandb.yaml, plus the image keys the procedure forgot (the golden test).
 *
 * The procedure flattens image names on its registry (`registry.yourdomain.com/local`,
 * `.../library/controller`), so those three images carry repository overrides; the images it
 * forgot follow the mirroring rule. It adds its chart repository as `local-repo` over https and
 * points the CR at http://charts.yourdomain.com, hence two sources. Secrets are inline, as there.
 */
export const PROCEDURE_EXAMPLE: InstallConfig = {
  target: {
    operatorNamespace: 'wandb',
    crName: 'wandb',
    crNamespace: 'default',
    kubeContext: '',
    kubeconfig: defaultKubeconfig,
  },
  registry: {
    host: 'registry.yourdomain.com',
    username: '',
    password: '',
    caBundle: '',
    plainHttp: false,
    insecureSkipVerify: false,
    pullSecretName: 'wandb-registry-pull',
  },
  images: {
    ...defaultImages,
    controller: { repository: 'registry.yourdomain.com/library/controller', tag: '1.13.3' },
    local: { repository: 'registry.yourdomain.com/local', tag: '0.59.2' },
    console: { repository: 'registry.yourdomain.com/console', tag: '2.12.2' },
  },
  charts: {
    operator: {
      source: {
        kind: 'repo',
        url: 'https://charts.yourdomain.com',
        repoName: 'local-repo',
        username: '',
        password: '',
        caBundle: '',
        insecureSkipVerify: false,
      },
      version: '',
    },
    platform: {
      source: {
        kind: 'repo',
        url: 'http://charts.yourdomain.com',
        repoName: 'local-repo',
        username: '',
        password: '',
        caBundle: '',
        insecureSkipVerify: false,
      },
      version: '0.18.0',
    },
  },
  platform: {
    host: 'https://wandb.yourdomain.com',
    license: PLACEHOLDER,
    extraEnv: [{ key: 'ENABLE_REGISTRY_UI', value: 'true' }],
  },
  bucket: {
    provider: 's3',
    // The procedure writes `s3.yourdomain.com:port  # e.g. s3.yourdomain.com:9000`; ":port" is no port.
    name: 's3.yourdomain.com:9000',
    path: 'bucket_name',
    region: 'us-east-1',
    credentials: 'keys',
    accessKey: PLACEHOLDER,
    secretKey: PLACEHOLDER,
    kmsKey: '',
    // Its bucket URL has no ?tls=true: W&B reads that as plain HTTP.
    plainHttp: true,
  },
  mysql: {
    mode: 'external',
    host: 'mysql.home.lab',
    port: 3306,
    database: 'wandb',
    user: 'wandb',
    password: 'password',
  },
  ingress: {
    class: 'nginx',
    annotations: [{ key: 'nginx.ingress.kubernetes.io/proxy-body-size', value: '64m' }],
    tls: { enabled: false, secretName: '', certificate: '', privateKey: '' },
  },
  certificates: { bundle: '' },
  secrets: {
    delivery: 'inline',
    licenseSecretName: 'wandb-wizard-license',
    mysqlSecretName: 'wandb-wizard-mysql',
    bucketSecretName: 'wandb-wizard-bucket',
  },
  mirror: defaultMirror,
};
