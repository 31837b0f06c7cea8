import { describe, expect, it } from 'vitest';

import { defaultInstallConfig, emptyMysql, PROCEDURE_EXAMPLE } from '@/lib/config';

import { s3Target } from './bucket';
import { describeAccess, requiredAccess } from './kube-access';
import { judgeKubeVersion } from './kube-api';
import { judgeMysqlVersion } from './mysql';
import { collectImages, keysForImage } from './rendered-images';

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
    expect(s3Target({ name: 's3.example.com:9000', path: 'bucket/prefix', region: '' })).toEqual({
      endpoint: 's3.example.com:9000',
      bucket: 'bucket',
      prefix: 'prefix',
    });
    expect(s3Target({ name: 'my-bucket', path: 'runs', region: 'us-east-1' })).toEqual({
      bucket: 'my-bucket',
      prefix: 'runs',
    });
  });
});

describe('requiredAccess', () => {
  it('asks for the cluster-wide kinds and the namespaced ones in their namespaces', () => {
    const asked = requiredAccess(PROCEDURE_EXAMPLE).map(describeAccess);
    expect(asked).toContain('create customresourcedefinitions.apiextensions.k8s.io');
    expect(asked).toContain('create clusterrolebindings.rbac.authorization.k8s.io');
    expect(asked).toContain('create namespaces');
    expect(asked).toContain('patch deployments.apps in wandb');
    expect(asked).toContain('create secrets in default');
    expect(asked).toContain('patch weightsandbiases.apps.wandb.com in default');
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
