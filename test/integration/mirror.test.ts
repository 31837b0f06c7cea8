/**
 * The mirror against the real test registries (plain HTTP, TLS with the private CA, TLS + basic
 * auth): a fixture `wsm download` bundle (test/fixtures/mirror-bundle.ts) is pushed under a fresh
 * prefix, then the prerequisite check's image presence passes; a second run pushes nothing; a
 * corrupted layer fails that image alone and leaves no tag.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { registryImagesCheck } from '@/lib/checks/registry-images';
import { registryClientOptions } from '@/lib/checks/registry-access';
import { testEnvConfig } from '@/lib/checks/test-env-config';
import { type InstallConfig, resolveConfigImages } from '@/lib/config';
import { RegistryClient } from '@/lib/registry';
import { planMirror, runMirror } from '@/lib/registry/mirror';
import { pushChartOci, readChartArchive } from '@/lib/registry/mirror-chart';
import { readMirrorSource } from '@/lib/registry/mirror-source';

import {
  type BundleImage,
  chartName,
  configBundleImages,
  writeMirrorBundle,
} from '../fixtures/mirror-bundle';

const loaded = !!process.env.REGISTRY_HTTP;
const BIG = 201 * 1024 * 1024;

const bundleImages = (config: InstallConfig): BundleImage[] => configBundleImages(config, BIG);

type Variant = 'http' | 'tls' | 'auth';

function variantConfig(variant: Variant, prefix: string): InstallConfig {
  const base = testEnvConfig('0.43.8');
  const host = {
    http: process.env.REGISTRY_HTTP,
    tls: process.env.REGISTRY_TLS,
    auth: process.env.REGISTRY_AUTH,
  }[variant];
  return {
    ...base,
    registry: {
      ...base.registry,
      host: `${host}/${prefix}`,
      plainHttp: variant === 'http',
      caBundle: variant === 'http' ? '' : base.registry.caBundle,
      username: variant === 'auth' ? base.registry.username : '',
      password: variant === 'auth' ? base.registry.password : '',
    },
  };
}

async function mirror(config: InstallConfig, root: string) {
  const opts = registryClientOptions(config, 30_000);
  const client = new RegistryClient(opts);
  try {
    expect((await client.ping()).kind).toBe('ok');
    const source = await readMirrorSource(root);
    const plan = await planMirror({
      source,
      configured: resolveConfigImages(config),
      registryAddress: config.registry.host,
      client,
    });
    const report = await runMirror(plan, client, { concurrency: 3, chunkBytes: 16 * 1024 * 1024 });
    return { plan, report, source };
  } finally {
    client.close();
  }
}

async function runRegistryCheck(config: InstallConfig) {
  const controller = new AbortController();
  return registryImagesCheck.run(
    { config },
    { signal: controller.signal, deadline: Date.now() + 20_000, timeoutMs: 20_000 },
  );
}

describe.skipIf(!loaded)('mirror of a wsm bundle into the test registries', () => {
  let bundle = '';
  const run = Date.now().toString(36);

  beforeAll(async () => {
    const fixtureRoot = join(process.cwd(), '.test-env', 'mirror-fixture');
    bundle = await writeMirrorBundle(fixtureRoot, bundleImages(testEnvConfig('0.43.8')), [
      join(process.cwd(), 'test/fixtures/charts/operator'),
      join(process.cwd(), 'test/fixtures/charts/operator-wandb-0.43'),
    ]);
  });

  it('reads every image of the bundle with its platforms and size', async () => {
    const source = await readMirrorSource(bundle);
    expect(source.kind).toBe('wsm-bundle');
    expect(source.problems).toEqual([]);
    expect(source.charts).toHaveLength(2);
    const controller = source.images.find((i) => i.ref.startsWith('wandb/controller:'));
    expect(controller?.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    const local = source.images.find((i) => i.ref.startsWith('wandb/local:'));
    expect(local?.size).toBeGreaterThan(200 * 1024 * 1024);
  });

  for (const variant of ['http', 'tls', 'auth'] as const) {
    it(`${variant}: pushes every image, the registry check then passes, a second run pushes nothing`, async () => {
      const config = variantConfig(variant, `mt-${run}-${variant}`);
      const first = await mirror(config, bundle);
      expect(first.plan.problems).toEqual([]);
      expect(first.plan.uncovered).toEqual([]);
      expect(first.plan.images.every((p) => p.relation === 'configured')).toBe(true);
      expect(first.report.outcomes.filter((o) => o.result === 'failed')).toEqual([]);
      expect(first.report.pushed).toBe(first.source.images.length);
      expect((await runRegistryCheck(config)).status).toBe('pass');

      const second = await mirror(config, bundle);
      expect(second.plan.images.every((p) => p.registry.kind === 'same')).toBe(true);
      expect(second.report.pushed).toBe(0);
      expect(second.report.skipped).toBe(first.source.images.length);
      expect(second.report.uploadedBytes).toBe(0);
    });
  }

  it('a corrupted layer fails that image only, and no tag names it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mirror-corrupt-'));
    try {
      const config = variantConfig('http', `mt-${run}-corrupt`);
      const images = bundleImages(config).filter((i) => !i.bigLayerBytes);
      const victim = images.find((i) => i.format === 'docker') as BundleImage;
      const other = images.find((i) => i.format === 'oci-index') as BundleImage;
      for (const i of [victim, other]) {
        await mkdir(join(dir, 'images', i.ref), { recursive: true });
        await copyFile(join(bundle, 'images', i.ref, 'image.tgz'), join(dir, 'images', i.ref, 'image.tgz'));
      }
      // Flip a byte inside the first layer's data (the header of `<id>/layer.tar` is 512 bytes).
      const file = join(dir, 'images', victim.ref, 'image.tgz');
      const bytes = await readFile(file);
      const at = bytes.indexOf('/layer.tar');
      expect(at).toBeGreaterThan(0);
      const fh = await open(file, 'r+');
      await fh.write(Buffer.from([0xff ^ (bytes[at + 1100] ?? 0)]), 0, 1, at - 65 + 512 + 1100);
      await fh.close();

      const { report } = await mirror(config, dir);
      const failed = report.outcomes.filter((o) => o.result === 'failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]?.ref).toBe(victim.ref);
      expect(failed[0]?.result === 'failed' && failed[0].failure.kind).toBe('digest-mismatch');
      expect(report.pushed).toBe(1);

      const target = resolveConfigImages(config).find((i) => chartName(i.sourceRef) === victim.ref);
      const client = new RegistryClient(registryClientOptions(config, 10_000));
      const [repository, tag] = (target?.targetRef ?? '').replace(/^[^/]+\//, '').split(':');
      expect((await client.headManifest(repository ?? '', tag ?? '')).kind).toBe('missing');
      client.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  for (const [helm, variant] of [
    ['HELM3', 'http'],
    ['HELM4', 'tls'],
  ] as const) {
    it(`pushes the bundle's charts as OCI artifacts that ${helm} pulls back (${variant})`, async () => {
      const config = variantConfig(variant, `mt-${run}-charts`);
      const client = new RegistryClient(registryClientOptions(config, 30_000));
      const source = await readMirrorSource(bundle);
      const pushed = [];
      try {
        for (const c of source.charts) {
          const chart = await readChartArchive(c.path);
          const r = await pushChartOci(client, `mt-${run}-charts/charts`, chart);
          expect(r).toMatchObject({ ok: true });
          pushed.push(chart);
        }
      } finally {
        client.close();
      }
      const out = await mkdtemp(join(tmpdir(), 'mirror-helm-'));
      try {
        for (const chart of pushed) {
          const host = variant === 'http' ? process.env.REGISTRY_HTTP : process.env.REGISTRY_TLS;
          const args = [
            'pull',
            `oci://${host}/mt-${run}-charts/charts/${chart.name}`,
            '--version',
            chart.version,
            '-d',
            out,
          ];
          if (variant === 'http') args.push('--plain-http');
          else args.push('--ca-file', process.env.REGISTRY_CA_FILE ?? '');
          await new Promise<void>((resolve, reject) =>
            execFile(
              process.env[helm] ?? helm,
              args,
              { env: { ...process.env, HELM_REGISTRY_CONFIG: join(out, 'rc.json') } },
              (e, _o, err) => (e ? reject(new Error(`${helm} ${args.join(' ')}: ${err}`)) : resolve()),
            ),
          );
          expect(await readFile(join(out, `${chart.name}-${chart.version}.tgz`))).toEqual(
            await readFile(chart.path),
          );
        }
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    });
  }
});
