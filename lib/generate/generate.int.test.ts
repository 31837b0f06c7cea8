/**
 * Integration: the generated files, used as the runbook uses them, against the real components of
 * the test environment (`eval "$(scripts/test-env env)"`, then `npm run test:int`):
 * - `helm repo add` exactly as the runbook builds it (CA file, user, password on stdin) against the
 *   HTTPS chart repository, then `helm template` of the operator with values.yaml and of
 *   operator-wandb with the CR's `spec.values` — for 0.18.0 and 0.43.8, and from the OCI registry;
 * - every image the charts render is one of images.txt's targets, and every target exists in the
 *   TLS registry (which mirrors by the same rule), so nothing is pulled from the internet.
 * It fails, rather than skips, when the environment is missing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultInstallConfig, emptyMysql, installConfigSchema, type InstallConfig } from '@/lib/config';

import { CA_FILES, helmRegistryLogin, helmRepoAdd } from './commands';
import { generateArtifacts } from './index';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run \`eval "$(scripts/test-env env)"\` after scripts/test-env up`);
  return value;
}

let work = '';
let helmEnv: NodeJS.ProcessEnv = process.env;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'generate-int-'));
  // A private Helm home: the test must not touch the user's repositories or registry logins.
  helmEnv = {
    ...process.env,
    HELM_CONFIG_HOME: path.join(work, 'config'),
    HELM_CACHE_HOME: path.join(work, 'cache'),
    HELM_DATA_HOME: path.join(work, 'data'),
    HELM_REPOSITORY_CONFIG: path.join(work, 'config', 'repositories.yaml'),
    HELM_REGISTRY_CONFIG: path.join(work, 'config', 'registry.json'),
  };
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Runs a helm argv (its first element names which helm), feeding `stdin`; returns stdout. */
function run(bin: string, args: readonly string[], stdin = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: work, env: helmEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${args.slice(0, 3).join(' ')} failed (${code}): ${stderr}`)),
    );
    // A script that never reads its stdin may end before it is written: that is not a failure,
    // its exit code says how it went.
    child.stdin.on('error', () => {});
    child.stdin.end(stdin);
  });
}

type Manifest = { kind?: string; metadata?: { name?: string }; spec?: Record<string, unknown> };

type PodSpec = { containers?: Array<{ image: string }>; initContainers?: Array<{ image: string }> };

function dig(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const part of path)
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

function podSpecOf(manifest: Manifest): PodSpec | undefined {
  if (manifest.kind === 'CronJob')
    return dig(manifest.spec, 'jobTemplate', 'spec', 'template', 'spec') as PodSpec | undefined;
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet'].includes(manifest.kind ?? '')) {
    return dig(manifest.spec, 'template', 'spec') as PodSpec | undefined;
  }
  return undefined;
}

function renderedImages(text: string): string[] {
  const images = new Set<string>();
  for (const document of yaml.loadAll(text) as Manifest[]) {
    if (!document) continue;
    const pod = podSpecOf(document);
    for (const container of [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])])
      images.add(container.image);
  }
  return [...images].sort();
}

function targets(imagesTxt: string): string[] {
  return imagesTxt
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(' ')[1] ?? '');
}

/** HEAD of a manifest in the TLS registry (anonymous, private CA). */
async function manifestExists(reference: string, ca: string): Promise<boolean> {
  const match = /^([^/]+)\/(.+):([^:/]+)$/.exec(reference);
  if (!match) return false;
  const [, host, name, tag] = match;
  const [hostname, port] = (host ?? '').split(':');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method: 'HEAD',
        hostname,
        port: Number(port),
        path: `/v2/${name}/manifests/${tag}`,
        ca,
        headers: {
          Accept: [
            'application/vnd.oci.image.index.v1+json',
            'application/vnd.oci.image.manifest.v1+json',
            'application/vnd.docker.distribution.manifest.v2+json',
            'application/vnd.docker.distribution.manifest.list.v2+json',
          ].join(', '),
        },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function configFor(version: string, overrides: Partial<InstallConfig> = {}): InstallConfig {
  const registry = `${required('REGISTRY_TLS')}/${required('REGISTRY_PREFIX')}`;
  const config: InstallConfig = {
    ...defaultInstallConfig,
    registry: { ...defaultInstallConfig.registry, host: registry },
    charts: {
      operator: {
        source: {
          kind: 'repo',
          url: required('CHARTS_HTTPS_URL'),
          repoName: 'wizard-int',
          username: required('CHARTS_USER'),
          password: required('CHARTS_PASSWORD'),
          caBundle: '',
          insecureSkipVerify: false,
        },
        version: '',
      },
      platform: {
        source: {
          kind: 'repo',
          url: required('CHARTS_HTTPS_URL'),
          repoName: 'wizard-int',
          username: required('CHARTS_USER'),
          password: required('CHARTS_PASSWORD'),
          caBundle: '',
          insecureSkipVerify: false,
        },
        version,
      },
    },
    platform: {
      host: 'https://wandb.example.test',
      license: 'test-license',
      extraEnv: [{ key: 'ENABLE_REGISTRY_UI', value: 'true' }],
    },
    bucket: {
      provider: 's3',
      name: '127.0.0.1:29000',
      path: 'wandb',
      region: 'us-east-1',
      credentials: 'keys',
      accessKey: 'a',
      secretKey: 'b',
      kmsKey: '',
      plainHttp: true,
    },
    mysql: {
      mode: 'external',
      host: '127.0.0.1',
      port: 23306,
      database: 'wandb',
      user: 'wandb',
      password: 'pw',
    },
    ...overrides,
  };
  return config;
}

async function withCa(config: InstallConfig): Promise<InstallConfig> {
  const ca = await readFile(required('TEST_CA_FILE'), 'utf8');
  const withBundle = <T extends InstallConfig['charts']['operator']>(chart: T): T =>
    chart.source.kind === 'local' ? chart : ({ ...chart, source: { ...chart.source, caBundle: ca } } as T);
  return {
    ...config,
    charts: { operator: withBundle(config.charts.operator), platform: withBundle(config.charts.platform) },
  };
}

describe.each([
  ['0.18.0', 'external MySQL'],
  ['0.43.8', 'external MySQL'],
  ['0.43.8', 'in-cluster MySQL'],
])('operator-wandb %s with %s, from the HTTPS chart repository', (version, mysqlMode) => {
  it('renders only images that images.txt lists and the mirror holds', async () => {
    const helm3 = required('HELM3');
    const base = configFor(
      version,
      mysqlMode === 'in-cluster MySQL' ? { mysql: emptyMysql('in-cluster') } : {},
    );
    const config = await withCa(base);
    expect(installConfigSchema.safeParse(config).success).toBe(true);
    const files = generateArtifacts(config, { includeSecrets: true });
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(work, name), content);

    // The runbook's own `helm repo add` (password on stdin, CA file written from the bundle).
    const source = config.charts.operator.source;
    if (source.kind !== 'repo') throw new Error('unexpected source');
    const add = helmRepoAdd(source, CA_FILES.operatorChart);
    await run(helm3, add.slice(1), source.password);
    await run(helm3, ['repo', 'update', source.repoName]);

    const operator = await run(helm3, [
      'template',
      'operator',
      `${source.repoName}/operator`,
      '--namespace',
      'wandb',
      '--values',
      'values.yaml',
    ]);
    const cr = yaml.load(files['wandb.yaml']) as { spec: { values: unknown } };
    await writeFile(path.join(work, 'cr-values.yaml'), yaml.dump(cr.spec.values));
    const platform = await run(helm3, [
      'template',
      'wandb',
      `${source.repoName}/operator-wandb`,
      '--version',
      version,
      '--namespace',
      'default',
      '--values',
      'cr-values.yaml',
    ]);

    const expected = targets(files['images.txt']);
    const rendered = [...renderedImages(operator), ...renderedImages(platform)];
    for (const image of rendered)
      expect(expected, `rendered image ${image} is not in images.txt`).toContain(image);
    for (const image of expected)
      expect(rendered, `images.txt lists ${image}, which nothing renders`).toContain(image);

    const ca = await readFile(required('TEST_CA_FILE'), 'utf8');
    for (const image of expected)
      expect(await manifestExists(image, ca), `${image} is not in the mirror`).toBe(true);
  });
});

describe('operator-wandb from the authenticated OCI registry', () => {
  it('logs in as the runbook does and renders from the mirror only', async () => {
    const helm4 = required('HELM4');
    const ociUrl = required('CHARTS_OCI_AUTH_URL');
    const source = {
      kind: 'oci' as const,
      url: ociUrl,
      username: required('REGISTRY_USER'),
      password: required('REGISTRY_PASSWORD'),
      caBundle: await readFile(required('TEST_CA_FILE'), 'utf8'),
      plainHttp: false,
      insecureSkipVerify: false,
    };
    const config = configFor('0.43.8', {
      charts: { operator: { source, version: '' }, platform: { source, version: '0.43.8' } },
      registry: {
        ...defaultInstallConfig.registry,
        host: `${required('REGISTRY_AUTH')}/${required('REGISTRY_PREFIX')}`,
        username: required('REGISTRY_USER'),
        password: required('REGISTRY_PASSWORD'),
      },
    });
    expect(installConfigSchema.safeParse(config).success).toBe(true);
    const files = generateArtifacts(config, { includeSecrets: true });
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(work, name), content);

    await run(helm4, helmRegistryLogin(source, CA_FILES.operatorChart).slice(1), source.password);
    const cr = yaml.load(files['wandb.yaml']) as {
      spec: { chart: { url: string; version: string }; values: unknown };
    };
    await writeFile(path.join(work, 'cr-values.yaml'), yaml.dump(cr.spec.values));
    const platform = await run(helm4, [
      'template',
      'wandb',
      cr.spec.chart.url,
      '--version',
      cr.spec.chart.version,
      '--ca-file',
      CA_FILES.operatorChart,
      '--values',
      'cr-values.yaml',
    ]);
    const rendered = renderedImages(platform);
    expect(rendered.length).toBeGreaterThan(5);
    for (const image of rendered)
      expect(image.startsWith(`${required('REGISTRY_AUTH')}/${required('REGISTRY_PREFIX')}/`), image).toBe(
        true,
      );
    // The pull secret reaches the pods of the 0.43 line.
    const documents = yaml.loadAll(platform) as Manifest[];
    const app = documents.find(
      (doc) => doc?.kind === 'Deployment' && doc.metadata?.name?.startsWith('wandb-app'),
    );
    expect(JSON.stringify(podSpecOf(app ?? {}))).toContain(config.registry.pullSecretName);
  });
});
