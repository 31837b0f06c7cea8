import { describe, expect, it } from 'vitest';

import { defaultInstallConfig, emptyMysql, PROCEDURE_EXAMPLE, s3Target } from '@/lib/config';

import { azureFailureKind, judgeGcsAnswer } from './bucket-cloud';
import { chartRepoFailure } from './charts';
import { describeAccess, requiredAccess } from './kube-access';
import { judgeKubeVersion } from './kube-api';
import { judgeMysqlVersion, noAnswer } from './mysql';
import { collectImages, isUnderRegistry, keysForImage, readRendered } from './rendered-images';

describe('judgeKubeVersion', () => {
  it('fails below 1.28, passes up to the newest tested minor, warns above', () => {
    expect(judgeKubeVersion('v1.27.9')).toBe('fail');
    expect(judgeKubeVersion('v1.28.0')).toBe('pass');
    expect(judgeKubeVersion('v1.36.3+k3s1')).toBe('pass');
    expect(judgeKubeVersion('v1.37.0')).toBe('warn');
    expect(judgeKubeVersion('nonsense')).toBe('unknown');
  });
});

describe('judgeMysqlVersion', () => {
  it('passes MySQL 8, fails 5.7, and calls MariaDB out', () => {
    expect(judgeMysqlVersion('8.0.40')).toBe('pass');
    expect(judgeMysqlVersion('8.4.2-log')).toBe('pass');
    expect(judgeMysqlVersion('5.7.44')).toBe('old');
    expect(judgeMysqlVersion('10.11.14-MariaDB-0+deb12u2')).toBe('mariadb');
  });
});

describe('s3Target', () => {
  it("reads the procedure's endpoint-as-name form and the AWS form", () => {
    expect(s3Target({ name: 's3.example.com:9000', path: 'bucket/prefix' })).toEqual({
      endpoint: 's3.example.com:9000',
      bucket: 'bucket',
      prefix: 'prefix',
    });
    expect(s3Target({ name: 'my-bucket', path: 'runs' })).toEqual({
      bucket: 'my-bucket',
      prefix: 'runs',
    });
  });
});

describe('requiredAccess', () => {
  const asked = (config = PROCEDURE_EXAMPLE) =>
    requiredAccess(config).map((a) => `${a.purpose}: ${describeAccess(a)}`);

  it('asks for the cluster-wide kinds and the namespaced ones in their namespaces', () => {
    const withPullSecret = {
      ...PROCEDURE_EXAMPLE,
      registry: { ...PROCEDURE_EXAMPLE.registry, username: 'puller', password: 'pull-password' },
    };
    const all = requiredAccess(withPullSecret).map(describeAccess);
    expect(all).toContain('create customresourcedefinitions.apiextensions.k8s.io');
    expect(all).toContain('create clusterrolebindings.rbac.authorization.k8s.io');
    expect(all).toContain('create namespaces');
    expect(all).toContain('patch deployments.apps in wandb');
    expect(all).toContain('create secrets in default');
    expect(all).toContain('patch weightsandbiases.apps.wandb.com in default');
    expect(new Set(all).size).toBe(all.length);
  });

  it("covers the follow's reads in the resource's namespace", () => {
    const list = asked();
    for (const want of [
      'apply: get weightsandbiases.apps.wandb.com in default',
      'follow: list events in default',
      'follow: list pods in default',
      'follow: list pods in wandb',
      'follow: get deployments.apps in default',
    ])
      expect(list).toContain(want);
    const inCluster = asked({ ...PROCEDURE_EXAMPLE, mysql: emptyMysql('in-cluster') });
    expect(inCluster).toContain('follow: get statefulsets.apps in default');
    expect(list).not.toContain('follow: get statefulsets.apps in default');
  });

  it("covers helm's release storage and the deletes of rollback, uninstall and pruning", () => {
    const list = asked();
    for (const verb of ['get', 'list', 'create', 'update', 'delete'])
      expect(list).toContain(`helm: ${verb} secrets in wandb`);
    for (const resource of [
      'clusterroles.rbac.authorization.k8s.io',
      'clusterrolebindings.rbac.authorization.k8s.io',
      'roles.rbac.authorization.k8s.io in wandb',
      'rolebindings.rbac.authorization.k8s.io in wandb',
      'serviceaccounts in wandb',
      'deployments.apps in wandb',
      'configmaps in wandb',
    ])
      expect(list).toContain(`recovery: delete ${resource}`);
  });

  it('follows the configured namespaces', () => {
    const config = {
      ...PROCEDURE_EXAMPLE,
      target: { ...PROCEDURE_EXAMPLE.target, operatorNamespace: 'ops', crNamespace: 'wb' },
    };
    const list = asked(config);
    expect(list).toContain('recovery: delete deployments.apps in ops');
    expect(list).toContain('follow: list events in wb');
    expect(list.some((a) => a.includes(' in wandb'))).toBe(false);
  });
});

describe('chartRepoFailure', () => {
  it('a host that does not resolve is a chart repository problem with its own remedy', () => {
    const f = chartRepoFailure(
      { kind: 'unreachable', code: 'ENOTFOUND', detail: 'getaddrinfo ENOTFOUND charts.site' },
      'https://charts.site/repo',
      'operator',
    );
    expect(f.message).toEqual({
      key: 'checks.charts.repo.unresolved',
      params: { chart: 'operator', url: 'https://charts.site/repo', host: 'charts.site', code: 'ENOTFOUND' },
    });
    expect(f.remedy.key).toBe('checks.charts.repo.unresolved.remedy');
  });
  it('tells refused, TLS, credentials and a URL that is no repository apart', () => {
    const key = (f: Parameters<typeof chartRepoFailure>[0]) =>
      chartRepoFailure(f, 'https://h:8443/r', 'operator-wandb').message.key;
    expect(key({ kind: 'unreachable', code: 'ECONNREFUSED', detail: '' })).toBe(
      'checks.charts.repo.unreachable',
    );
    expect(key({ kind: 'tls-error', code: 'SELF_SIGNED_CERT_IN_CHAIN', detail: '' })).toBe(
      'checks.charts.repo.tls',
    );
    expect(key({ kind: 'unauthorized', status: 401, detail: '' })).toBe('checks.charts.repo.unauthorized');
    expect(key({ kind: 'missing', status: 404 })).toBe('checks.charts.repo.notRepository');
    expect(key({ kind: 'timeout', afterMs: 4000 })).toBe('checks.charts.repo.timeout');
  });
});

describe('noAnswer (MySQL)', () => {
  it('a connection that never greets or closes silently is no answer, not a failed login', () => {
    expect(noAnswer('ETIMEDOUT')).toBe('timeout');
    expect(noAnswer('PROTOCOL_CONNECTION_LOST')).toBe('closed');
    expect(noAnswer('ER_ACCESS_DENIED_ERROR')).toBeUndefined();
    expect(noAnswer('ER_HOST_NOT_PRIVILEGED')).toBeUndefined();
  });
});

describe('azureFailureKind', () => {
  it("reads Azure's codes: a missing container, a wrong key, a refusal", () => {
    expect(azureFailureKind(404, 'ContainerNotFound')).toBe('missing');
    expect(azureFailureKind(403, 'AuthenticationFailed')).toBe('credentials');
    expect(azureFailureKind(403, 'AuthorizationFailure')).toBe('denied');
    expect(azureFailureKind(500, 'InternalError')).toBe('other');
  });
});

describe('judgeGcsAnswer', () => {
  it('404 fails, 401/403 proves a private bucket, 200 warns that it is public, no route warns', () => {
    expect(judgeGcsAnswer('b', { status: 404 }).status).toBe('fail');
    expect(judgeGcsAnswer('b', { status: 403 })).toMatchObject({
      status: 'pass',
      message: { key: 'checks.bucket.gcs.exists' },
    });
    expect(judgeGcsAnswer('b', { status: 401 }).status).toBe('pass');
    expect(judgeGcsAnswer('b', { status: 200 }).message.key).toBe('checks.bucket.gcs.public');
    expect(judgeGcsAnswer('b', { code: 'ENOTFOUND', kind: 'dns' })).toMatchObject({
      status: 'warn',
      message: { key: 'checks.bucket.cloud.unreachable' },
    });
    expect(judgeGcsAnswer('b', { status: 500 }).status).toBe('fail');
  });
});

const RENDERED = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: wandb-app}
spec:
  template:
    spec:
      initContainers: [{name: init, image: "reg.local/mirror/wandb/local:0.62.2"}]
      containers: [{name: app, image: "reg.local/mirror/wandb/local:0.62.2"}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cleanup}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: job, image: "alpine/k8s:1.31.12"}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: otel}
spec: {template: {spec: {containers: [{name: otel, image: "otel/opentelemetry-collector-contrib:0.97.0"}]}}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: not-a-pod}
data: {image: "should-not-count:1"}
`;

describe('collectImages', () => {
  it('walks containers and init containers of Deployments, CronJobs and DaemonSets, once per image', () => {
    const images = collectImages(RENDERED, 'operator-wandb');
    expect(images.map((i) => i.image).sort()).toEqual([
      'alpine/k8s:1.31.12',
      'otel/opentelemetry-collector-contrib:0.97.0',
      'reg.local/mirror/wandb/local:0.62.2',
    ]);
    expect(images.find((i) => i.image.includes('wandb/local'))?.uses).toEqual([
      'Deployment/wandb-app: initContainer init',
      'Deployment/wandb-app: container app',
    ]);
  });
});

describe('readRendered', () => {
  it('reads a document that repeats a key (as the real charts do under matchLabels), the last value winning', () => {
    const r = readRendered(
      `---
# Source: operator-wandb/charts/app/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: wandb-app}
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: app
      app.kubernetes.io/name: app
  template:
    spec:
      containers: [{name: app, image: "wandb/local:0.62.2"}]
`,
      'operator-wandb',
    );
    expect(r.unreadable).toEqual([]);
    expect(r.images.map((i) => i.image)).toEqual(['wandb/local:0.62.2']);
  });

  it('reports a document it cannot read by its Source path, and still reads the others', () => {
    const r = readRendered(
      `---
# Source: operator-wandb/charts/broken/templates/deployment.yaml
kind: Deployment
spec: {template: [unclosed
---
${RENDERED}`,
      'operator-wandb',
    );
    expect(r.unreadable).toHaveLength(1);
    expect(r.unreadable[0]?.source).toBe('operator-wandb/charts/broken/templates/deployment.yaml');
    expect(r.images).toHaveLength(3);
  });

  it('keeps helm.sh/hook: test resources apart: named, not pulled by an install', () => {
    const r = readRendered(
      `---
apiVersion: v1
kind: Pod
metadata:
  name: wandb-test
  annotations: {"helm.sh/hook": test}
spec: {containers: [{name: t, image: "us-docker.pkg.dev/wandb-production/public/python:3.12"}]}
`,
      'operator-wandb',
    );
    expect(r.images).toEqual([]);
    expect(r.testHooks).toEqual([
      {
        image: 'us-docker.pkg.dev/wandb-production/public/python:3.12',
        chart: 'operator-wandb',
        uses: ['Pod/wandb-test: container t'],
      },
    ]);
  });
});

describe('isUnderRegistry', () => {
  it('compares the whole registry prefix, host and path', () => {
    expect(isUnderRegistry('reg.local:5000/mirror/wandb/local:1', 'reg.local:5000/mirror')).toBe(true);
    expect(isUnderRegistry('reg.local:5000/other/wandb/local:1', 'reg.local:5000/mirror')).toBe(false);
    expect(isUnderRegistry('reg.local:5000/mirrored/wandb/local:1', 'reg.local:5000/mirror')).toBe(false);
    expect(isUnderRegistry('reg.local/wandb/local:1', 'reg.local:5000')).toBe(false);
    expect(isUnderRegistry('reg.local:5000/wandb/local:1', 'reg.local:5000')).toBe(true);
    expect(isUnderRegistry('wandb/local:1', 'docker.io')).toBe(true);
  });
});

describe('keysForImage', () => {
  const config = {
    ...defaultInstallConfig,
    registry: { ...defaultInstallConfig.registry, host: 'reg.local/mirror' },
    mysql: emptyMysql('external'),
  };
  it('names the unset keys of the catalogue image a foreign reference falls back to', () => {
    const values = {
      operator: {},
      platform: { app: { image: { repository: 'reg.local/mirror/wandb/local', tag: '0.62.2' } } },
    };
    expect(keysForImage('wandb/local:latest', 'operator-wandb', config, values)).toEqual([
      'weave.image',
      'parquet.image',
    ]);
    expect(
      keysForImage('otel/opentelemetry-collector-contrib:0.97.0', 'operator-wandb', config, values),
    ).toEqual(['otel.daemonset.image']);
    expect(keysForImage('wandb/controller:1.16.1', 'operator', config, values)).toEqual(['image']);
  });
  it('says nothing for an image the catalogue does not know', () => {
    expect(keysForImage('busybox:1.36', 'operator-wandb', config, { operator: {}, platform: {} })).toEqual(
      [],
    );
  });
});
