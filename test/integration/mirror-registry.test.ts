/**
 * The mirror from a source registry (registry to registry, no Docker) against real registries: the
 * fixture bundle is first mirrored into the TLS test registry under a fresh prefix (host-stripped
 * paths, as `wsm registry mirror` writes them), which is then the source; the Mirror step's server
 * side copies it into the TLS + basic auth registry and into a token-service registry
 * (test/support/token-registry.ts), and from that one (token auth on the source side) into the
 * plain HTTP registry. The registry check then passes, the manifests keep their
 * digests, a second run pushes nothing, an image the source lacks is named, and no password shows.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { registryImagesCheck } from '@/lib/checks/registry-images';
import { registryClientOptions } from '@/lib/checks/registry-access';
import { testEnvConfig } from '@/lib/checks/test-env-config';
import { defaultMirror, defaultMirrorRegistry, type InstallConfig, resolveConfigImages } from '@/lib/config';
import { mirrorRunDone, planMirrorSource, startMirrorRun } from '@/lib/mirror/runs';
import { RegistryClient } from '@/lib/registry';
import { planMirror, runMirror } from '@/lib/registry/mirror';
import { readMirrorSource } from '@/lib/registry/mirror-source';

import { configBundleImages, writeMirrorBundle } from '../fixtures/mirror-bundle';
import { startTokenRegistry, type TokenRegistry } from '../support/token-registry';

const loaded = !!process.env.REGISTRY_TLS;
const run = Date.now().toString(36);
const LAYER = 40 * 1024 * 1024;
const signal = () => AbortSignal.timeout(180_000);

/** The configuration that copies from `source` (TLS with the test CA, no login) into `registry`. */
function copyConfig(source: string, registry: Partial<InstallConfig['registry']>): InstallConfig {
  const base = testEnvConfig('0.43.8');
  return {
    ...base,
    registry: { ...base.registry, ...registry },
    mirror: {
      ...defaultMirror,
      from: 'registry',
      registry: { ...defaultMirrorRegistry, host: source, caBundle: base.registry.caBundle },
    },
  };
}

async function registryCheck(config: InstallConfig) {
  return registryImagesCheck.run(
    { config },
    { signal: new AbortController().signal, deadline: Date.now() + 30_000, timeoutMs: 30_000 },
  );
}

async function copy(config: InstallConfig) {
  const started = startMirrorRun(`regcopy-${run}`, config);
  const done = await mirrorRunDone(`regcopy-${run}`, started.id);
  expect(done?.error).toBeUndefined();
  return done;
}

describe.skipIf(!loaded)('mirror from a source registry into the test registries', () => {
  let source = '';
  let imageCount = 0;
  let token: TokenRegistry | undefined;

  beforeAll(async () => {
    // Fill the source: the bundle mirrored into the TLS registry under src-<run>.
    const base = testEnvConfig('0.43.8');
    source = `${process.env.REGISTRY_TLS}/src-${run}`;
    const fill: InstallConfig = {
      ...base,
      registry: { ...base.registry, host: source, username: '', password: '' },
    };
    const bundle = await writeMirrorBundle(
      join(process.cwd(), '.test-env', 'mirror-registry-fixture'),
      configBundleImages(base, LAYER),
      [],
    );
    const client = new RegistryClient(registryClientOptions(fill, 30_000));
    try {
      const read = await readMirrorSource(bundle);
      const plan = await planMirror({
        source: read,
        configured: resolveConfigImages(fill),
        registryAddress: fill.registry.host,
        client,
      });
      const report = await runMirror(plan, client);
      expect(report.failed).toBe(0);
      imageCount = read.images.length;
    } finally {
      client.close();
    }
    token = await startTokenRegistry({ canPush: () => true });
  }, 240_000);

  afterAll(async () => {
    await token?.stop();
  });

  it('TLS + auth: plans what the source holds, copies it, the check passes, a second run pushes nothing', async () => {
    const base = testEnvConfig('0.43.8');
    const config = copyConfig(source, { host: `${process.env.REGISTRY_AUTH}/rc-${run}` });
    const planned = await planMirrorSource(config, signal());
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plan.kind).toBe('registry');
    expect(planned.plan.source).toBe(source);
    expect(planned.plan.problems).toEqual([]);
    expect(planned.plan.notInSource).toEqual([]);
    expect(planned.plan.charts).toEqual([]);
    expect(planned.plan.images).toHaveLength(imageCount);
    expect(planned.plan.images.every((i) => i.status === 'missing')).toBe(true);
    const controller = planned.plan.images.find((i) => i.ref.includes('/wandb/controller:'));
    expect(controller?.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    const local = planned.plan.images.find((i) => i.ref.includes('/wandb/local:'));
    expect(local?.size).toBeGreaterThan(LAYER);
    expect(local?.platforms).toEqual(['linux/amd64']);

    const first = await copy(config);
    expect(first?.state).toBe('succeeded');
    expect(first?.report?.pushed).toBe(imageCount);
    expect(first?.report?.failed).toBe(0);
    expect((await registryCheck(config)).status).toBe('pass');

    // The same manifests: an index keeps its digest from source to target.
    const images = resolveConfigImages(config).filter((i) => i.needed);
    const ctl = images.find((i) => i.id === 'controller');
    const src = new RegistryClient({ registry: `${process.env.REGISTRY_TLS}`, ca: base.registry.caBundle });
    const dst = new RegistryClient(registryClientOptions(config, 30_000));
    try {
      const a = await src.headManifest(`src-${run}/wandb/controller`, ctl?.tag ?? '');
      const b = await dst.headManifest(`rc-${run}/wandb/controller`, ctl?.tag ?? '');
      expect(a.kind === 'present' && b.kind === 'present' && a.digest === b.digest).toBe(true);
    } finally {
      src.close();
      dst.close();
    }

    const second = await copy(config);
    expect(second?.report).toMatchObject({ pushed: 0, failed: 0, skipped: imageCount, uploadedBytes: 0 });
    for (const secret of [base.registry.password])
      expect(JSON.stringify([planned, first, second])).not.toContain(secret);
  }, 300_000);

  it('token service: copies with push-scoped tokens, the check passes, a second run pushes nothing', async () => {
    const t = token as TokenRegistry;
    const config = copyConfig(source, {
      host: `${t.address}/rc-${run}`,
      plainHttp: true,
      caBundle: '',
      username: t.user,
      password: t.password,
    });
    const first = await copy(config);
    expect(first?.report).toMatchObject({ pushed: imageCount, failed: 0 });
    expect(t.tokenRequests.flatMap((r) => r.scope)).toContain(`repository:rc-${run}/wandb/local:pull,push`);
    expect((await registryCheck(config)).status).toBe('pass');
    const second = await copy(config);
    expect(second?.report).toMatchObject({ pushed: 0, failed: 0, skipped: imageCount });

    // The token registry as the source (pull-scoped tokens for manifests and blobs) into the plain HTTP one.
    const base = testEnvConfig('0.43.8');
    const back: InstallConfig = {
      ...config,
      registry: {
        ...base.registry,
        host: `${process.env.REGISTRY_HTTP}/rc-${run}-from-token`,
        plainHttp: true,
        caBundle: '',
        username: '',
        password: '',
      },
      mirror: {
        ...defaultMirror,
        from: 'registry',
        registry: {
          ...defaultMirrorRegistry,
          host: `${t.address}/rc-${run}`,
          plainHttp: true,
          username: t.user,
          password: t.password,
        },
      },
    };
    const third = await copy(back);
    expect(third?.report).toMatchObject({ pushed: imageCount, failed: 0 });
    expect(t.tokenRequests.flatMap((r) => r.scope)).toContain(`repository:rc-${run}/wandb/local:pull`);
    expect((await registryCheck(back)).status).toBe('pass');
    expect(JSON.stringify([first, second, third])).not.toContain(t.password);
  }, 300_000);

  it('platforms chosen from a source registry: the plan shows them per image, the index keeps amd64 alone, a second run pushes nothing; an index of none fails alone', async () => {
    const into = (prefix: string, platforms: string[]) => {
      const c = copyConfig(source, {
        host: `${process.env.REGISTRY_HTTP}/${prefix}`,
        plainHttp: true,
        caBundle: '',
        username: '',
        password: '',
      });
      return { ...c, mirror: { ...c.mirror, platforms } };
    };
    const config = into(`rc-${run}-amd64`, ['linux/amd64']);
    const planned = await planMirrorSource(config, signal());
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plan.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(planned.plan.chosenPlatforms).toEqual(['linux/amd64']);
    const controller = planned.plan.images.find((i) => i.ref.includes('/wandb/controller:'));
    expect(controller).toMatchObject({
      platforms: ['linux/amd64', 'linux/arm64'],
      pushPlatforms: ['linux/amd64'],
      status: 'missing',
    });
    expect(planned.plan.images.every((i) => !i.otherPlatform && i.willPush)).toBe(true);

    const first = await copy(config);
    expect(first?.report).toMatchObject({ pushed: imageCount, failed: 0 });
    expect((await registryCheck(config)).status).toBe('pass');
    const ctl = resolveConfigImages(config).find((i) => i.id === 'controller');
    const dst = new RegistryClient(registryClientOptions(config, 30_000));
    try {
      const index = await dst.getManifest(`rc-${run}-amd64/wandb/controller`, ctl?.tag ?? '');
      expect(index.kind).toBe('present');
      if (index.kind === 'present')
        expect(
          (JSON.parse(index.bytes.toString('utf8')) as { manifests: { platform: object }[] }).manifests.map(
            (m) => m.platform,
          ),
        ).toEqual([{ os: 'linux', architecture: 'amd64' }]);
    } finally {
      dst.close();
    }
    const second = await copy(config);
    expect(second?.report).toMatchObject({ pushed: 0, failed: 0, skipped: imageCount, uploadedBytes: 0 });

    // None of the index's platforms: that image fails naming them; the single-platform images go on, warned.
    const other = into(`rc-${run}-s390x`, ['linux/s390x']);
    const plan = await planMirrorSource(other, signal());
    if (!plan.ok) throw new Error(plan.refusal.error.key);
    const rows = plan.plan.images;
    expect(rows.find((i) => i.ref.includes('/wandb/controller:'))).toMatchObject({
      status: 'no-platform',
      willPush: false,
      pushPlatforms: [],
    });
    expect(rows.filter((i) => i.status !== 'no-platform').every((i) => i.otherPlatform && i.willPush)).toBe(
      true,
    );
    const third = await copy(other);
    expect(third?.report).toMatchObject({ pushed: imageCount - 1, failed: 1 });
    expect(third?.report?.outcomes[0]).toMatchObject({
      result: 'failed',
      failure: {
        key: 'mirrorStep.failure.platforms',
        params: { available: 'linux/amd64, linux/arm64', chosen: 'linux/s390x' },
      },
    });
  }, 300_000);

  it('a blob cancelled before it is read fails its reader, not the process; read whole it streams', async () => {
    const base = testEnvConfig('0.43.8');
    const local = resolveConfigImages(base).find((i) => i.id === 'local');
    const c = new RegistryClient({ registry: `${process.env.REGISTRY_TLS}`, ca: base.registry.caBundle });
    try {
      const m = await c.getManifest(`src-${run}/wandb/local`, local?.tag ?? '');
      expect(m.kind).toBe('present');
      if (m.kind !== 'present') return;
      const layers = (
        JSON.parse(m.bytes.toString('utf8')) as { layers: Array<{ digest: string; size: number }> }
      ).layers;
      const big = layers.reduce((a, b) => (b.size > a.size ? b : a));
      expect(big.size).toBeGreaterThan(LAYER - 1);

      const controller = new AbortController();
      const opened = await c.openBlob(`src-${run}/wandb/local`, big.digest, { signal: controller.signal });
      expect(opened.kind).toBe('ok');
      if (opened.kind !== 'ok') return;
      controller.abort();
      await new Promise((r) => setTimeout(r, 200));
      await expect(
        (async () => {
          for await (const chunk of opened.stream) void chunk;
        })(),
      ).rejects.toThrow(/cancelled/);

      const whole = await c.openBlob(`src-${run}/wandb/local`, big.digest);
      expect(whole.kind).toBe('ok');
      if (whole.kind !== 'ok') return;
      let bytes = 0;
      for await (const chunk of whole.stream as AsyncIterable<Buffer>) bytes += chunk.length;
      expect(bytes).toBe(big.size);
    } finally {
      c.close();
    }
  });

  it('names an image the source lacks, and a source login that is refused', async () => {
    const config = copyConfig(source, { host: `${process.env.REGISTRY_AUTH}/rc-${run}-absent` });
    config.images = { ...config.images, console: { repository: '', tag: '0.0.0-absent' } };
    const planned = await planMirrorSource(config, signal());
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plan.notInSource).toEqual([
      expect.objectContaining({ source: `${source}/wandb/console:0.0.0-absent`, present: false }),
    ]);
    expect(planned.plan.images).toHaveLength(imageCount - 1);

    // The auth registry as the source, with a wrong password: refused before anything is read.
    const base = testEnvConfig('0.43.8');
    const wrong = copyConfig(`${process.env.REGISTRY_AUTH}/src`, {});
    wrong.mirror.registry = {
      ...wrong.mirror.registry,
      username: base.registry.username,
      password: 'wrong-src-pw',
    };
    const refused = await planMirrorSource(wrong, signal());
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusal.field).toBe('mirror.registry.host');
      expect(refused.refusal.error.key).toBe('errors.registry.unauthorized');
      expect(JSON.stringify(refused)).not.toContain('wrong-src-pw');
    }
  }, 180_000);
});
