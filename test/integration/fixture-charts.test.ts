/**
 * Integration test of the fixture charts in test/fixtures/charts (operator 1.3.3, operator-wandb
 * 0.18.0 and 0.43.8), run with the real helm 3 and helm 4 binaries from the test environment
 * ($HELM3, $HELM4 from scripts/test-env.d/20-helm).
 *
 * The fixtures stand in for the vendor's charts, so what matters is that they lint, render valid
 * workloads with the vendor's names, and render every image from its values exactly as the real
 * charts do: a default image stays visible, and an image key pointed at the mirror moves the image.
 *
 * It fails, rather than skips, when HELM3 or HELM4 is missing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);

const CHARTS_DIR = fileURLToPath(new URL('../fixtures/charts', import.meta.url));
const OPERATOR = path.join(CHARTS_DIR, 'operator');
const WANDB_018 = path.join(CHARTS_DIR, 'operator-wandb-0.18');
const WANDB_043 = path.join(CHARTS_DIR, 'operator-wandb-0.43');

const MIRROR = '127.0.0.1:25001/mirror';
const RELEASE = 'wandb';

type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
};

type EnvVar = { name: string; value?: string; valueFrom?: unknown };
type Container = {
  name: string;
  image: string;
  env?: EnvVar[];
  volumeMounts?: { name: string; mountPath: string }[];
};
type PodSpec = {
  containers: Container[];
  initContainers?: Container[];
  imagePullSecrets?: { name: string }[];
  volumes?: Record<string, unknown>[];
};
type SchemaNode = { type?: string; properties?: Record<string, SchemaNode> };
type RenderedImage = { workload: string; container: string; image: string };

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run \`eval "$(scripts/test-env env)"\` after scripts/test-env up`);
  return value;
}

let workDir = '';

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'fixture-charts-'));
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Runs helm and returns stdout; a failure carries helm's stderr. */
async function helm(bin: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(bin, args, { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
    return stdout;
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? '';
    throw new Error(`helm ${args.join(' ')} failed: ${stderr || String(e)}`);
  }
}

let valuesCounter = 0;

/** `helm template` of a chart with the given values; returns the parsed manifests. */
async function render(
  bin: string,
  chart: string,
  values: object = {},
  options: { release?: string; namespace?: string; extraArgs?: string[] } = {},
): Promise<Manifest[]> {
  valuesCounter += 1;
  const valuesFile = path.join(workDir, `values-${valuesCounter}.yaml`);
  await writeFile(valuesFile, yaml.dump(values));
  const stdout = await helm(bin, [
    'template',
    options.release ?? RELEASE,
    chart,
    '--namespace',
    options.namespace ?? 'default',
    '--values',
    valuesFile,
    ...(options.extraArgs ?? []),
  ]);
  return yaml
    .loadAll(stdout)
    .filter((doc): doc is Manifest => typeof doc === 'object' && doc !== null && 'kind' in doc);
}

/** The pod spec of a workload manifest, or undefined for other kinds. */
function podSpecOf(m: Manifest): PodSpec | undefined {
  type Template = { template?: { spec?: PodSpec } };
  const spec = m.spec as (Template & { jobTemplate?: { spec?: Template } }) | undefined;
  switch (m.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return spec?.template?.spec;
    case 'CronJob':
      return spec?.jobTemplate?.spec?.template?.spec;
    case 'Pod':
      return m.spec as PodSpec | undefined;
    default:
      return undefined;
  }
}

/** Every container and init container image of every workload. */
function imagesOf(manifests: Manifest[]): RenderedImage[] {
  const images: RenderedImage[] = [];
  for (const m of manifests) {
    const pod = podSpecOf(m);
    if (!pod) continue;
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      images.push({ workload: `${m.kind}/${m.metadata.name}`, container: c.name, image: c.image });
    }
  }
  return images;
}

function uniqueImages(manifests: Manifest[]): string[] {
  return [...new Set(imagesOf(manifests).map((i) => i.image))].sort();
}

function workloadsOf(manifests: Manifest[]): string[] {
  return manifests
    .filter((m) => podSpecOf(m) !== undefined)
    .map((m) => `${m.kind}/${m.metadata.name}`)
    .sort();
}

function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const m = manifests.find((x) => x.kind === kind && x.metadata.name === name);
  if (!m)
    throw new Error(
      `${kind}/${name} not rendered; got ${manifests.map((x) => `${x.kind}/${x.metadata.name}`).join(', ')}`,
    );
  return m;
}

function container(m: Manifest, name: string): Container {
  const pod = podSpecOf(m);
  const c = [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])].find((x) => x.name === name);
  if (!c) throw new Error(`container ${name} not in ${m.kind}/${m.metadata.name}`);
  return c;
}

function envValue(c: Container, name: string): string | undefined {
  return c.env?.find((e) => e.name === name)?.value;
}

/** `<mirror>/<path without the source registry host>`, the wizard's mapping rule. */
function mirrored(repository: string): string {
  const [first, ...rest] = repository.split('/');
  const hasHost = rest.length > 0 && first !== undefined && /[.:]|^localhost$/.test(first);
  return `${MIRROR}/${hasHost ? rest.join('/') : repository}`;
}

/** The CR values of the procedure's example (docs/procedure.md, step 6). */
const PROCEDURE_VALUES = {
  global: {
    host: 'https://wandb.yourdomain.com',
    license: 'test-license',
    bucket: {
      accessKey: 'test-access',
      secretKey: 'test-secret',
      name: 's3.yourdomain.com:9000',
      path: 'bucket_name',
      provider: 's3',
      region: 'us-east-1',
    },
    mysql: {
      database: 'wandb',
      host: 'mysql.home.lab',
      password: 'test-password',
      port: 3306,
      user: 'wandb',
    },
    extraEnv: { ENABLE_REGISTRY_UI: 'true' },
  },
  mysql: { install: false },
  app: { image: { repository: 'registry.yourdomain.com/local', tag: '0.59.2' } },
  console: { image: { repository: 'registry.yourdomain.com/console', tag: '2.12.2' } },
  ingress: { annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '64m' }, class: 'nginx' },
};

/** Values of operator-wandb 0.18.0 that set every image key to the mirror and install everything. */
function allMirrored018(): object {
  const wandb = (repository: string, tag = 'latest') => ({
    image: { repository: mirrored(repository), tag },
  });
  return {
    app: wandb('wandb/local', '0.59.2'),
    weave: wandb('wandb/local', '0.59.2'),
    parquet: wandb('wandb/local', '0.59.2'),
    console: wandb('wandb/console', '2.12.2'),
    'weave-trace': { install: true, ...wandb('wandb/weave-trace') },
    'flat-run-fields-updater': { install: true, ...wandb('wandb/local', '0.59.2') },
    nginx: { install: true, ...wandb('nginxinc/nginx-unprivileged') },
    mysql: { install: true, ...wandb('mysql', '8.0') },
    otel: { daemonset: wandb('otel/opentelemetry-collector-contrib', '0.97.0') },
    prometheus: {
      'mysql-exporter': { enabled: true, ...wandb('prom/mysqld-exporter') },
      'redis-exporter': { enabled: true, ...wandb('oliver006/redis_exporter') },
      instance: {
        server: { image: { repository: mirrored('quay.io/prometheus/prometheus'), tag: 'v2.47.0' } },
        configmapReload: {
          prometheus: {
            image: {
              repository: mirrored('quay.io/prometheus-operator/prometheus-config-reloader'),
              tag: 'v0.67.0',
            },
          },
        },
      },
    },
    redis: {
      image: { registry: '127.0.0.1:25001', repository: 'mirror/bitnami/redis', tag: '7.2.4-debian-12-r9' },
    },
  };
}

/** Values of operator-wandb 0.43.x that set every image key to the mirror and install everything. */
function allMirrored043(): object {
  const img = (repository: string, tag = 'latest') => ({ image: { repository: mirrored(repository), tag } });
  return {
    app: img('wandb/local', '0.62.2'),
    appRenamePreHook: img('alpine/k8s', '1.31.12'),
    appRenamePostHook: img('alpine/k8s', '1.31.12'),
    console: img('wandb/console', '2.13.1'),
    weave: img('wandb/weave-python'),
    parquet: img('wandb/megabinary', '0.62.2'),
    'weave-trace': { install: true, ...img('wandb/weave-trace') },
    'flat-run-fields-updater': { install: true, ...img('wandb/megabinary', '0.62.2') },
    nginx: { install: true, ...img('nginxinc/nginx-unprivileged') },
    mysql: { install: true, ...img('mysql', '8.0') },
    otel: {
      daemonset: img('otel/opentelemetry-collector-contrib', '0.97.0'),
      deployment: { install: true, ...img('otel/opentelemetry-collector-contrib', '0.97.0') },
    },
    prometheus: {
      'mysql-exporter': { enabled: true, ...img('prom/mysqld-exporter') },
      'redis-exporter': { enabled: true, ...img('oliver006/redis_exporter') },
      instance: {
        server: { image: { repository: mirrored('quay.io/prometheus/prometheus'), tag: 'v2.47.0' } },
        configmapReload: {
          prometheus: {
            image: {
              repository: mirrored('quay.io/prometheus-operator/prometheus-config-reloader'),
              tag: 'v0.67.0',
            },
          },
        },
      },
    },
    redis: {
      image: {
        registry: '127.0.0.1:25001',
        repository: 'mirror/bitnamilegacy/redis',
        tag: '7.2.4-debian-12-r9',
      },
    },
  };
}

type PolicyRule = {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  nonResourceURLs?: string[];
};

/** The rules of `rules` that `granted` does not cover, one line per group/resource/verb. */
function uncovered(rules: PolicyRule[], granted: PolicyRule[]): string[] {
  const missing: string[] = [];
  for (const rule of rules) {
    for (const verb of rule.verbs) {
      for (const url of rule.nonResourceURLs ?? []) {
        if (!granted.some((g) => g.nonResourceURLs?.includes(url) && g.verbs.includes(verb)))
          missing.push(`${url} ${verb}`);
      }
      for (const group of rule.apiGroups ?? []) {
        for (const resource of rule.resources ?? []) {
          const ok = granted.some(
            (g) => g.apiGroups?.includes(group) && g.resources?.includes(resource) && g.verbs.includes(verb),
          );
          if (!ok) missing.push(`${group}/${resource} ${verb}`);
        }
      }
    }
  }
  return missing;
}

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfixture\n-----END CERTIFICATE-----\n';

describe.each([
  ['helm 3', 'HELM3'],
  ['helm 4', 'HELM4'],
])('fixture charts with %s', (_label, envName) => {
  let bin = '';

  beforeAll(async () => {
    bin = required(envName);
    const version = await helm(bin, ['version', '--short']);
    expect(version).toMatch(envName === 'HELM3' ? /^v3\./ : /^v4\./);
  });

  it.each([
    ['operator', OPERATOR],
    ['operator-wandb 0.18', WANDB_018],
    ['operator-wandb 0.43', WANDB_043],
  ])('lints %s with --strict', async (_name, chart) => {
    const out = await helm(bin, ['lint', '--strict', chart]);
    expect(out).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  describe('operator 1.3.3', () => {
    it('renders the controller manager from wandb/controller:latest by default', async () => {
      const ms = await render(bin, OPERATOR, {}, { release: 'operator', namespace: 'wandb' });
      expect(workloadsOf(ms)).toEqual(['Deployment/wandb-controller-manager']);
      const manager = container(find(ms, 'Deployment', 'wandb-controller-manager'), 'manager');
      expect(manager.image).toBe('wandb/controller:latest');
      expect(envValue(manager, 'AIRGAPPED')).toBe('false');
      expect(envValue(manager, 'OPERATOR_NAMESPACE')).toBe('wandb');
      expect(find(ms, 'ServiceAccount', 'wandb-manager').metadata.namespace).toBe('wandb');
      const binding = find(ms, 'ClusterRoleBinding', 'wandb-manager-rolebinding') as unknown as {
        subjects: { name: string; namespace: string }[];
      };
      expect(binding.subjects).toEqual([
        { kind: 'ServiceAccount', name: 'wandb-manager', namespace: 'wandb' },
      ]);
    });

    it('grants the operator the resources the platform chart creates', async () => {
      const ms = await render(bin, OPERATOR, {}, { release: 'operator', namespace: 'wandb' });
      const role = find(ms, 'ClusterRole', 'wandb-manager-role') as unknown as {
        rules: { apiGroups?: string[]; resources?: string[]; verbs: string[] }[];
      };
      const allows = (group: string, resource: string, verb: string) =>
        role.rules.some(
          (r) => r.apiGroups?.includes(group) && r.resources?.includes(resource) && r.verbs.includes(verb),
        );
      for (const [group, resource] of [
        ['apps.wandb.com', 'weightsandbiases'],
        ['apps', 'deployments'],
        ['apps', 'statefulsets'],
        ['apps', 'daemonsets'],
        ['batch', 'cronjobs'],
        ['batch', 'jobs'],
        ['', 'secrets'],
        ['', 'configmaps'],
        ['', 'services'],
        ['', 'persistentvolumeclaims'],
        ['networking.k8s.io', 'ingresses'],
        ['rbac.authorization.k8s.io', 'clusterroles'],
      ] as const) {
        expect(allows(group, resource, 'create'), `${group}/${resource}`).toBe(true);
      }
      expect(allows('apps.wandb.com', 'weightsandbiases/status', 'update')).toBe(true);
    });

    it("renders the procedure's values: internal image, airgapped charts mount, CA certificates, pull secrets", async () => {
      const ms = await render(
        bin,
        OPERATOR,
        {
          image: {
            repository: 'registry.yourdomain.com/library/controller',
            tag: '1.13.3',
            pullSecrets: ['regcred'],
          },
          airgapped: true,
          customCACerts: [PEM],
        },
        { release: 'operator', namespace: 'wandb' },
      );
      const deployment = find(ms, 'Deployment', 'wandb-controller-manager');
      const pod = podSpecOf(deployment)!;
      const manager = container(deployment, 'manager');
      expect(manager.image).toBe('registry.yourdomain.com/library/controller:1.13.3');
      expect(envValue(manager, 'AIRGAPPED')).toBe('true');
      expect(envValue(manager, 'SSL_CERT_DIR')).toBe('/certs/');
      expect(pod.imagePullSecrets).toEqual([{ name: 'regcred' }]);
      expect(manager.volumeMounts).toEqual([
        { name: 'wandb-charts', mountPath: '/charts' },
        { name: 'wandb-ca-certs', mountPath: '/certs/' },
      ]);
      expect(pod.volumes).toContainEqual({
        name: 'wandb-charts',
        configMap: { name: 'wandb-charts', optional: true },
      });
      expect(pod.volumes).toContainEqual({
        name: 'wandb-ca-certs',
        projected: { sources: [{ configMap: { name: 'operator-wandb-ca-certs' } }] },
      });
      expect(find(ms, 'ConfigMap', 'operator-wandb-ca-certs').data).toEqual({ 'customCA0.crt': PEM });
    });

    it('falls back to latest for an empty tag and pins a digest', async () => {
      const empty = await render(bin, OPERATOR, { image: { tag: '' } }, { release: 'operator' });
      expect(container(find(empty, 'Deployment', 'wandb-controller-manager'), 'manager').image).toBe(
        'wandb/controller:latest',
      );
      const digest = 'sha256:' + 'a'.repeat(64);
      const pinned = await render(bin, OPERATOR, { image: { digest } }, { release: 'operator' });
      expect(container(find(pinned, 'Deployment', 'wandb-controller-manager'), 'manager').image).toBe(
        `wandb/controller@${digest}`,
      );
    });

    it('mounts an existing CA ConfigMap when caCertsConfigMap is set', async () => {
      const ms = await render(bin, OPERATOR, { caCertsConfigMap: 'corp-ca' }, { release: 'operator' });
      const deployment = find(ms, 'Deployment', 'wandb-controller-manager');
      expect(envValue(container(deployment, 'manager'), 'SSL_CERT_DIR')).toBe('/certs/');
      expect(podSpecOf(deployment)!.volumes).toEqual([
        { name: 'wandb-ca-certs', projected: { sources: [{ configMap: { name: 'corp-ca' } }] } },
      ]);
      expect(ms.some((m) => m.kind === 'ConfigMap')).toBe(false);
    });

    it('ships the WeightsAndBiases CRD in the shape of the published v1 CRD', async () => {
      const ms = await render(bin, OPERATOR, {}, { release: 'operator', extraArgs: ['--include-crds'] });
      const crd = find(ms, 'CustomResourceDefinition', 'weightsandbiases.apps.wandb.com') as unknown as {
        spec: {
          group: string;
          scope: string;
          names: { kind: string; plural: string; singular: string; shortNames: string[] };
          versions: {
            name: string;
            served: boolean;
            storage: boolean;
            subresources: Record<string, unknown>;
            schema: { openAPIV3Schema: { properties: Record<string, SchemaNode> } };
          }[];
        };
      };
      expect(crd.spec.group).toBe('apps.wandb.com');
      expect(crd.spec.scope).toBe('Namespaced');
      expect(crd.spec.names).toMatchObject({
        kind: 'WeightsAndBiases',
        plural: 'weightsandbiases',
        singular: 'weightsandbiases',
        shortNames: ['wandb'],
      });
      expect(crd.spec.versions).toHaveLength(1);
      const v1 = crd.spec.versions[0]!;
      expect(v1).toMatchObject({ name: 'v1', served: true, storage: true, subresources: { status: {} } });
      const props = v1.schema.openAPIV3Schema.properties;
      for (const field of ['chart', 'values']) {
        expect(props.spec?.properties?.[field]).toMatchObject({
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
        });
      }
      expect(props.status?.properties).toEqual({ phase: { type: 'string' }, version: { type: 'string' } });
    });
  });

  describe('operator-wandb 0.18.0', () => {
    it('renders the default workloads with the public default images', async () => {
      const ms = await render(bin, WANDB_018);
      expect(workloadsOf(ms)).toEqual([
        'CronJob/wandb-parquet-backfill',
        'DaemonSet/wandb-otel-daemonset',
        'Deployment/wandb-app',
        'Deployment/wandb-console',
        'Deployment/wandb-parquet',
        'Deployment/wandb-prometheus-server',
        'Deployment/wandb-weave',
        'StatefulSet/wandb-redis-master',
      ]);
      expect(uniqueImages(ms)).toEqual([
        'docker.io/bitnami/redis:7.2.4-debian-12-r9',
        'otel/opentelemetry-collector-contrib:0.97.0',
        'quay.io/prometheus-operator/prometheus-config-reloader:v0.67.0',
        'quay.io/prometheus/prometheus:v2.47.0',
        'wandb/console:latest',
        'wandb/local:latest',
      ]);
      const app = find(ms, 'Deployment', 'wandb-app');
      expect(container(app, 'init-db').image).toBe('wandb/local:latest');
      expect(container(find(ms, 'Deployment', 'wandb-weave'), 'weave').image).toBe('wandb/local:latest');
      expect(container(find(ms, 'Deployment', 'wandb-parquet'), 'parquet').image).toBe('wandb/local:latest');
      expect(find(ms, 'Ingress', RELEASE)).toBeDefined();
    });

    it("leaves weave and parquet on wandb/local:latest with only the procedure's example values", async () => {
      const ms = await render(bin, WANDB_018, PROCEDURE_VALUES);
      const byWorkload = new Map(imagesOf(ms).map((i) => [`${i.workload}:${i.container}`, i.image]));
      expect(byWorkload.get('Deployment/wandb-app:app')).toBe('registry.yourdomain.com/local:0.59.2');
      expect(byWorkload.get('Deployment/wandb-app:init-db')).toBe('registry.yourdomain.com/local:0.59.2');
      expect(byWorkload.get('Deployment/wandb-console:console')).toBe(
        'registry.yourdomain.com/console:2.12.2',
      );
      // The procedure's gap: these still pull from Docker Hub.
      expect(byWorkload.get('Deployment/wandb-weave:weave')).toBe('wandb/local:latest');
      expect(byWorkload.get('Deployment/wandb-parquet:parquet')).toBe('wandb/local:latest');
      expect(byWorkload.get('CronJob/wandb-parquet-backfill:backfill-job')).toBe('wandb/local:latest');
      const notInternal = uniqueImages(ms).filter((i) => !i.startsWith('registry.yourdomain.com/'));
      expect(notInternal).toContain('wandb/local:latest');
      expect(notInternal).toContain('docker.io/bitnami/redis:7.2.4-debian-12-r9');
    });

    it('consumes the global values the way the real chart does', async () => {
      const ms = await render(bin, WANDB_018, PROCEDURE_VALUES);
      const app = container(find(ms, 'Deployment', 'wandb-app'), 'app');
      expect(envValue(app, 'HOST')).toBe('https://wandb.yourdomain.com');
      expect(envValue(app, 'MYSQL_HOST')).toBe('mysql.home.lab');
      expect(envValue(app, 'MYSQL_DATABASE')).toBe('wandb');
      expect(envValue(app, 'AWS_REGION')).toBe('us-east-1');
      // global.extraEnv is merged into the chart default (BUCKET_QUEUE), not replacing it.
      expect(envValue(app, 'ENABLE_REGISTRY_UI')).toBe('true');
      expect(envValue(app, 'BUCKET_QUEUE')).toBe('internal://');
      const config = find(ms, 'Secret', 'wandb-app-config').data!;
      expect(Buffer.from(config.LICENSE!, 'base64').toString()).toBe('test-license');
      expect(Buffer.from(config.BUCKET!, 'base64').toString()).toBe(
        's3://test-access:test-secret@s3.yourdomain.com:9000/bucket_name',
      );
      const mysql = find(ms, 'Secret', 'wandb-mysql').data!;
      expect(Buffer.from(mysql.MYSQL_PASSWORD!, 'base64').toString()).toBe('test-password');
      const ingress = find(ms, 'Ingress', RELEASE) as unknown as {
        metadata: { annotations: Record<string, string> };
        spec: { ingressClassName: string; rules: { host: string }[] };
      };
      expect(ingress.spec.ingressClassName).toBe('nginx');
      expect(ingress.metadata.annotations).toEqual({ 'nginx.ingress.kubernetes.io/proxy-body-size': '64m' });
      expect(ingress.spec.rules.map((r) => r.host)).toEqual(['wandb.yourdomain.com']);
    });

    it("keeps a component's own extraEnv on a name clash with global.extraEnv", async () => {
      const ms = await render(bin, WANDB_018, {
        global: { extraEnv: { SHARED: 'global', ONLY_GLOBAL: 'g' } },
        app: { extraEnv: { SHARED: 'app' } },
      });
      const app = container(find(ms, 'Deployment', 'wandb-app'), 'app');
      expect(envValue(app, 'SHARED')).toBe('app');
      expect(envValue(app, 'ONLY_GLOBAL')).toBe('g');
      expect(envValue(container(find(ms, 'Deployment', 'wandb-weave'), 'weave'), 'SHARED')).toBe('global');
    });

    it('trusts global.customCACerts in the app', async () => {
      const ms = await render(bin, WANDB_018, { global: { customCACerts: [PEM] } });
      expect(find(ms, 'ConfigMap', 'wandb-ca-certs').data).toEqual({ 'customCA0.crt': PEM });
      const app = find(ms, 'Deployment', 'wandb-app');
      expect(container(app, 'app').volumeMounts).toContainEqual({
        name: 'wandb-ca-certs',
        mountPath: '/usr/local/share/ca-certificates/',
      });
      expect(podSpecOf(app)!.volumes).toContainEqual({
        name: 'wandb-ca-certs',
        configMap: { name: 'wandb-ca-certs' },
      });
    });

    it('installs MySQL and the optional components only behind their flags', async () => {
      const ms = await render(bin, WANDB_018, {
        mysql: { install: true },
        'weave-trace': { install: true },
        'flat-run-fields-updater': { install: true },
        nginx: { install: true },
      });
      const added = workloadsOf(ms).filter((w) => !w.includes('otel') && !w.includes('prometheus'));
      expect(added).toEqual(
        expect.arrayContaining([
          'StatefulSet/wandb-mysql',
          'Deployment/wandb-weave-trace',
          'Deployment/wandb-flat-run-fields-updater',
          'Deployment/wandb-nginx',
        ]),
      );
      expect(container(find(ms, 'StatefulSet', 'wandb-mysql'), 'mysql').image).toBe('mysql:latest');
      expect(uniqueImages(ms)).toEqual(
        expect.arrayContaining(['wandb/weave-trace:latest', 'nginxinc/nginx-unprivileged:latest']),
      );
    });

    it('points every image at the mirror when every image key is set', async () => {
      const ms = await render(bin, WANDB_018, allMirrored018());
      const images = imagesOf(ms);
      expect(images.filter((i) => !i.image.startsWith(`${MIRROR}/`))).toEqual([]);
      expect(workloadsOf(ms)).toEqual(
        expect.arrayContaining([
          'Deployment/wandb-prometheus-mysql-exporter',
          'Deployment/wandb-prometheus-redis-exporter',
          'StatefulSet/wandb-mysql',
        ]),
      );
      expect(uniqueImages(ms)).toEqual([
        `${MIRROR}/bitnami/redis:7.2.4-debian-12-r9`,
        `${MIRROR}/mysql:8.0`,
        `${MIRROR}/nginxinc/nginx-unprivileged:latest`,
        `${MIRROR}/oliver006/redis_exporter:latest`,
        `${MIRROR}/otel/opentelemetry-collector-contrib:0.97.0`,
        `${MIRROR}/prom/mysqld-exporter:latest`,
        `${MIRROR}/prometheus-operator/prometheus-config-reloader:v0.67.0`,
        `${MIRROR}/prometheus/prometheus:v2.47.0`,
        `${MIRROR}/wandb/console:2.12.2`,
        `${MIRROR}/wandb/local:0.59.2`,
        `${MIRROR}/wandb/weave-trace:latest`,
      ]);
    });

    it('takes the redis registry from global.imageRegistry, as Bitnami charts do', async () => {
      const ms = await render(bin, WANDB_018, { global: { imageRegistry: '127.0.0.1:25001' } });
      expect(container(find(ms, 'StatefulSet', 'wandb-redis-master'), 'redis').image).toBe(
        '127.0.0.1:25001/bitnami/redis:7.2.4-debian-12-r9',
      );
    });
  });

  it.each([
    ['0.18', WANDB_018],
    ['0.43', WANDB_043],
  ])(
    'operator-wandb %s asks only for RBAC rules the operator holds (no escalation needed)',
    async (_v, chart) => {
      const operator = await render(bin, OPERATOR, {}, { release: 'operator', namespace: 'wandb' });
      const granted = (
        find(operator, 'ClusterRole', 'wandb-manager-role') as unknown as { rules: PolicyRule[] }
      ).rules;
      const everything = {
        mysql: { install: true },
        'weave-trace': { install: true },
        'flat-run-fields-updater': { install: true },
        nginx: { install: true },
      };
      const ms = await render(bin, chart, everything);
      const roles = ms.filter((m) => m.kind === 'ClusterRole' || m.kind === 'Role');
      expect(roles.length).toBeGreaterThan(2);
      for (const role of roles) {
        const rules = (role as unknown as { rules: PolicyRule[] }).rules;
        expect(uncovered(rules, granted), `${role.kind}/${role.metadata.name}`).toEqual([]);
      }
    },
  );

  describe('operator-wandb 0.43.8', () => {
    it('renders the default workloads with the public default images', async () => {
      const ms = await render(bin, WANDB_043);
      expect(workloadsOf(ms)).toEqual([
        'CronJob/wandb-parquet-backfill',
        'DaemonSet/wandb-otel-daemonset',
        'Deployment/wandb-app-bc',
        'Deployment/wandb-console-bc',
        'Deployment/wandb-parquet-bc',
        'Deployment/wandb-prometheus-server',
        'Deployment/wandb-weave-bc',
        'Job/wandb-app-rename-post-hook',
        'Job/wandb-app-rename-pre-hook',
        'StatefulSet/wandb-redis-master',
      ]);
      expect(uniqueImages(ms)).toEqual([
        'alpine/k8s:1.31.12',
        'docker.io/bitnamilegacy/redis:7.2.4-debian-12-r9',
        'otel/opentelemetry-collector-contrib:0.97.0',
        'quay.io/prometheus-operator/prometheus-config-reloader:v0.67.0',
        'quay.io/prometheus/prometheus:v2.47.0',
        'wandb/console:latest',
        'wandb/local:latest',
        'wandb/megabinary:latest',
        'wandb/weave-python:latest',
      ]);
      expect(container(find(ms, 'Deployment', 'wandb-app-bc'), 'init-db').image).toBe('wandb/local:latest');
      expect(find(ms, 'Job', 'wandb-app-rename-pre-hook').metadata.annotations?.['helm.sh/hook']).toBe(
        'pre-upgrade',
      );
      expect(find(ms, 'Job', 'wandb-app-rename-post-hook').metadata.annotations?.['helm.sh/hook']).toBe(
        'post-upgrade',
      );
      // Rendered with the megabinary image even though the backfill is off: it is suspended.
      expect(find(ms, 'CronJob', 'wandb-parquet-backfill').spec?.suspend).toBe(true);
    });

    it('points every image at the mirror when every image key is set', async () => {
      const ms = await render(bin, WANDB_043, allMirrored043());
      expect(imagesOf(ms).filter((i) => !i.image.startsWith(`${MIRROR}/`))).toEqual([]);
      expect(uniqueImages(ms)).toEqual([
        `${MIRROR}/alpine/k8s:1.31.12`,
        `${MIRROR}/bitnamilegacy/redis:7.2.4-debian-12-r9`,
        `${MIRROR}/mysql:8.0`,
        `${MIRROR}/nginxinc/nginx-unprivileged:latest`,
        `${MIRROR}/oliver006/redis_exporter:latest`,
        `${MIRROR}/otel/opentelemetry-collector-contrib:0.97.0`,
        `${MIRROR}/prom/mysqld-exporter:latest`,
        `${MIRROR}/prometheus-operator/prometheus-config-reloader:v0.67.0`,
        `${MIRROR}/prometheus/prometheus:v2.47.0`,
        `${MIRROR}/wandb/console:2.13.1`,
        `${MIRROR}/wandb/local:0.62.2`,
        `${MIRROR}/wandb/megabinary:0.62.2`,
        `${MIRROR}/wandb/weave-python:latest`,
        `${MIRROR}/wandb/weave-trace:latest`,
      ]);
    });

    it('applies global.repositoryPrefix to W&B images and global.imageRegistry to redis only', async () => {
      const ms = await render(bin, WANDB_043, {
        global: { repositoryPrefix: MIRROR, imageRegistry: '127.0.0.1:25001', imagePullSecrets: ['regcred'] },
      });
      const images = uniqueImages(ms);
      expect(images).toEqual(
        expect.arrayContaining([
          `${MIRROR}/wandb/local:latest`,
          `${MIRROR}/wandb/megabinary:latest`,
          `${MIRROR}/wandb/weave-python:latest`,
          `${MIRROR}/wandb/console:latest`,
          `${MIRROR}/alpine/k8s:1.31.12`,
          '127.0.0.1:25001/bitnamilegacy/redis:7.2.4-debian-12-r9',
        ]),
      );
      // Neither global value reaches these: the wizard must set their keys itself.
      expect(images.filter((i) => !i.startsWith('127.0.0.1:25001/'))).toEqual([
        'otel/opentelemetry-collector-contrib:0.97.0',
        'quay.io/prometheus-operator/prometheus-config-reloader:v0.67.0',
        'quay.io/prometheus/prometheus:v2.47.0',
      ]);
      for (const name of ['wandb-app-bc', 'wandb-console-bc', 'wandb-weave-bc', 'wandb-parquet-bc']) {
        expect(podSpecOf(find(ms, 'Deployment', name))!.imagePullSecrets, name).toEqual([
          { name: 'regcred' },
        ]);
      }
      expect(podSpecOf(find(ms, 'StatefulSet', 'wandb-redis-master'))!.imagePullSecrets).toEqual([
        { name: 'regcred' },
      ]);
    });

    it('pins a digest instead of the tag for wandb-base images', async () => {
      const digest = 'sha256:' + 'b'.repeat(64);
      const ms = await render(bin, WANDB_043, { app: { image: { repository: 'wandb/local', digest } } });
      expect(container(find(ms, 'Deployment', 'wandb-app-bc'), 'app').image).toBe(`wandb/local@${digest}`);
    });

    it('trusts global.customCACerts in the W&B workloads but not in the hooks', async () => {
      const ms = await render(bin, WANDB_043, { global: { customCACerts: [PEM] } });
      expect(find(ms, 'ConfigMap', 'wandb-ca-certs').data).toEqual({ 'customCA0.crt': PEM });
      const app = find(ms, 'Deployment', 'wandb-app-bc');
      expect(container(app, 'app').volumeMounts).toContainEqual({
        name: 'wandb-ca-certs',
        mountPath: '/usr/local/share/ca-certificates/',
      });
      const hook = container(find(ms, 'Job', 'wandb-app-rename-pre-hook'), 'app-rename-pre-hook');
      expect(hook.volumeMounts?.map((v) => v.name)).toEqual(['app-rename-cleanup']);
    });
  });
});
