/**
 * The mirror against the real test registries (plain HTTP, TLS with the private CA, TLS + basic
 * auth): a fixture `wsm download` bundle (test/fixtures/mirror-bundle.ts) is pushed under a fresh
 * prefix, then the prerequisite check's image presence passes; a second run pushes nothing; a
 * corrupted layer fails that image alone and leaves no tag; with only linux/amd64 chosen, the
 * index pushed lists amd64 alone and no arm64 blob is sent, then every platform widens it.
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
      platforms: config.mirror.platforms,
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

  it('only linux/amd64: the tag is an index of amd64 alone, no arm64 blob is sent; then every platform widens it', async () => {
    const amd64Only = variantConfig('http', `mt-${run}-platforms`);
    amd64Only.mirror = { ...amd64Only.mirror, platforms: ['linux/amd64'] };
    const first = await mirror(amd64Only, bundle);
    expect(first.report.failed).toBe(0);
    expect(first.report.pushed).toBe(first.source.images.length);
    const planned = first.plan.images.find((p) => p.image.ref.startsWith('wandb/controller:'));
    if (planned?.selection.kind !== 'filtered') throw new Error(`not narrowed: ${planned?.selection.kind}`);
    const sourceIndex = planned.image;
    const [repository, tag] = [planned.repository, planned.tag];

    const client = new RegistryClient(registryClientOptions(amd64Only, 30_000));
    const blobStatus = async (digest: string) => {
      const r = await client.request(
        'HEAD',
        `/v2/${repository}/blobs/${digest}`,
        `repository:${repository}:pull`,
      );
      return 'status' in r ? r.status : r.kind;
    };
    const blobsOf = (bytes: Buffer) => {
      const m = JSON.parse(bytes.toString('utf8')) as {
        config: { digest: string };
        layers: { digest: string }[];
      };
      return [m.config.digest, ...m.layers.map((l) => l.digest)];
    };
    try {
      // The tag resolves to an index of the source's media type that lists amd64 only.
      const index = await client.getManifest(repository, tag);
      expect(index.kind).toBe('present');
      if (index.kind !== 'present') return;
      expect(index.mediaType).toBe(sourceIndex.top.mediaType);
      expect(index.digest).toBe(planned.selection.image.top.digest);
      expect(index.bytes.equals(planned.selection.image.top.bytes)).toBe(true);
      const listed = (JSON.parse(index.bytes.toString('utf8')) as { manifests: { platform: object }[] })
        .manifests;
      expect(listed.map((m) => m.platform)).toEqual([{ os: 'linux', architecture: 'amd64' }]);

      // The arm64 manifest and its own blobs are not in the repository; amd64's are.
      const amd64 = sourceIndex.children[sourceIndex.platforms.indexOf('linux/amd64')];
      const arm64 = sourceIndex.children[sourceIndex.platforms.indexOf('linux/arm64')];
      if (!amd64 || !arm64) throw new Error('the fixture index has no amd64 or arm64 manifest');
      expect((await client.headManifest(repository, arm64.digest)).kind).toBe('missing');
      for (const d of blobsOf(arm64.bytes)) expect(await blobStatus(d)).toBe(404);
      for (const d of blobsOf(amd64.bytes)) expect(await blobStatus(d)).toBe(200);
      expect((await runRegistryCheck(amd64Only)).status).toBe('pass');

      // A second run with the same choice pushes nothing: the plan compares the narrowed digest.
      const second = await mirror(amd64Only, bundle);
      expect(second.plan.images.every((p) => p.registry.kind === 'same')).toBe(true);
      expect(second.report.pushed).toBe(0);
      expect(second.report.uploadedBytes).toBe(0);

      // Every platform: the tag is updated to the source's full index, the arm64 blobs are sent.
      const every = variantConfig('http', `mt-${run}-platforms`);
      const third = await mirror(every, bundle);
      expect(third.plan.images.find((p) => p.target === planned.target)?.registry.kind).toBe('different');
      expect(third.report.pushed).toBe(1);
      expect(third.report.skipped).toBe(first.source.images.length - 1);
      const full = await client.headManifest(repository, tag);
      expect(full.kind === 'present' && full.digest).toBe(sourceIndex.top.digest);
      for (const d of blobsOf(arm64.bytes)) expect(await blobStatus(d)).toBe(200);
      expect((await runRegistryCheck(every)).status).toBe('pass');
    } finally {
      client.close();
    }
  });

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
